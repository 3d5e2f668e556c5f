package cn.egov.projects.domain.project;

import java.time.LocalDate;

/** The Bureau's review before procurement (实施前评审, Art. 13). */
public record PreProcurementReview(LocalDate on, boolean passed, String opinion) {
}
