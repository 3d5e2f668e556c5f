package cn.egov.projects.persistence.resource;

import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.resource.Openness;
import cn.egov.projects.domain.resource.ResourceDescription;
import cn.egov.projects.domain.resource.ResourceEntry;
import cn.egov.projects.domain.resource.ResourceKind;
import cn.egov.projects.domain.resource.SharingType;

import java.time.Instant;
import java.util.UUID;

/** A {@code resource_entry} row. */
public record ResourceEntryRow(UUID id, UUID projectId, int seq, String name, String nameKey, ResourceKind kind,
                               String ownerUnit, String description, SharingType sharing, String sharingCondition,
                               Openness openness, String registeredBy, Instant registeredAt, String updatedBy,
                               Instant updatedAt) {

    public static ResourceEntryRow of(ProjectId project, int seq, ResourceEntry e) {
        ResourceDescription c = e.content();
        return new ResourceEntryRow(e.id(), project.value(), seq, c.name(), c.nameKey(), c.kind(), c.ownerUnit(),
                c.description(), c.sharing(), c.sharingCondition(), c.openness(), e.registeredBy(), e.registeredAt(),
                e.updatedBy(), e.updatedAt());
    }

    public ResourceEntry toEntry() {
        return new ResourceEntry(id, new ResourceDescription(name, kind, ownerUnit, description, sharing,
                sharingCondition, openness), registeredBy, registeredAt, updatedBy, updatedAt);
    }
}
