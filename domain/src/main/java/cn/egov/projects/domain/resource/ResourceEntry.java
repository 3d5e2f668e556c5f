package cn.egov.projects.domain.resource;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One resource of a project's catalogue: what the unit wrote, who registered it and when, and who last changed it.
 *
 * @param updatedBy null until the entry is first changed
 * @param updatedAt null until the entry is first changed
 */
public record ResourceEntry(UUID id, ResourceDescription content, String registeredBy, Instant registeredAt,
                            String updatedBy, Instant updatedAt) {

    public ResourceEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(registeredBy, "registeredBy");
        Objects.requireNonNull(registeredAt, "registeredAt");
    }

    /** A new entry. */
    public static ResourceEntry registered(UUID id, ResourceDescription content, String by, Instant at) {
        return new ResourceEntry(id, content, by, at, null, null);
    }

    /** The same entry with new content, changed by someone at a moment. */
    public ResourceEntry revised(ResourceDescription newContent, String by, Instant at) {
        return new ResourceEntry(id, newContent, registeredBy, registeredAt, by, at);
    }

    public String name() {
        return content.name();
    }
}
