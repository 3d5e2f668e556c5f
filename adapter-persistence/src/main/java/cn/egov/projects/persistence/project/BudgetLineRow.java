package cn.egov.projects.persistence.project;

import java.math.BigDecimal;
import java.util.UUID;

/** A {@code project_budget_line} row. */
public record BudgetLineRow(UUID projectId, int seq, String item, BigDecimal amount, boolean supervision) {
}
