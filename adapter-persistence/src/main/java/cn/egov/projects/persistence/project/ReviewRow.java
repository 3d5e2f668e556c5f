package cn.egov.projects.persistence.project;

import java.time.LocalDate;
import java.util.UUID;

/** A {@code project_review} row (its experts are {@link NestedItemRow}s). */
public record ReviewRow(UUID projectId, int seq, LocalDate reviewedOn, boolean approved, String opinion) {
}
