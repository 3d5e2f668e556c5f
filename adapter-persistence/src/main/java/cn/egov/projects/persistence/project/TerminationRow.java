package cn.egov.projects.persistence.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A {@code project_termination} row. */
public record TerminationRow(UUID projectId, LocalDate terminatedOn, String reason, String notice,
                             LocalDate fundsRecoveredOn, BigDecimal fundsRecovered) {
}
