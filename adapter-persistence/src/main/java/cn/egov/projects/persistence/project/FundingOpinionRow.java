package cn.egov.projects.persistence.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A {@code project_funding_opinion} row. */
public record FundingOpinionRow(UUID projectId, LocalDate opinionOn, BigDecimal amount, String opinion) {
}
