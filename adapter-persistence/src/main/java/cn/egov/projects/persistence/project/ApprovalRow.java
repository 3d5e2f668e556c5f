package cn.egov.projects.persistence.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A {@code project_government_approval} row. */
public record ApprovalRow(UUID projectId, LocalDate approvedOn, BigDecimal approvedBudget, String reference) {
}
