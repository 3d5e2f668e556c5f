package cn.egov.projects.persistence.project;

import java.time.LocalDate;
import java.util.UUID;

/** A {@code project_acceptance} row (its experts and documents are {@link NestedItemRow}s). */
public record AcceptanceRow(UUID projectId, int seq, LocalDate heldOn, boolean passed, String conclusion,
                            boolean late) {
}
