package cn.egov.projects.persistence.project;

import java.time.LocalDate;
import java.util.UUID;

/** A {@code project_pre_procurement_review} row. */
public record PreProcurementReviewRow(UUID projectId, int seq, LocalDate reviewedOn, boolean passed,
                                      String opinion) {
}
