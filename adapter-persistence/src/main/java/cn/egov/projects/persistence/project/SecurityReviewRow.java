package cn.egov.projects.persistence.project;

import cn.egov.projects.domain.project.SecurityReview;

import java.time.LocalDate;
import java.util.UUID;

/** A {@code project_security_review} row. */
public record SecurityReviewRow(UUID projectId, int seq, LocalDate reviewedOn, SecurityReview.Kind kind,
                                boolean passed, String opinion) {
}
