package cn.egov.projects.domain.resource;

import java.time.Instant;
import java.util.UUID;

/** Catalogue entries of the domain tests. */
final class Resources {

    static final Instant AT = Instant.parse("2024-09-10T02:00:00Z");

    private Resources() {
    }

    static ResourceDescription data(String name, String description) {
        return new ResourceDescription(name, ResourceKind.DATA, "太仓市公安局", description, SharingType.CONDITIONAL,
                "经市大数据管理局审批后按需共享", Openness.NOT_OPEN);
    }

    static ResourceDescription open(String name) {
        return new ResourceDescription(name, ResourceKind.INTERFACE, "太仓市公安局", null, SharingType.UNCONDITIONAL,
                null, Openness.OPEN);
    }

    static ResourceEntry entry(ResourceDescription content) {
        return ResourceEntry.registered(UUID.randomUUID(), content, "police-staff", AT);
    }

    static ResourceEntry entry(String name, String description) {
        return entry(data(name, description));
    }
}
