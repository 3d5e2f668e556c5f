package cn.egov.projects.persistence.expert;

import java.time.Instant;
import java.util.UUID;

/** An {@code expert_draw} row. */
public record DrawRow(String id, UUID projectId, String purpose, Instant drawnAt, boolean isOpen, long version,
                      String document) {
}
