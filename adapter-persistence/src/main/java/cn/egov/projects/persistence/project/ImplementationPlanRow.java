package cn.egov.projects.persistence.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A {@code project_implementation_plan} row (its scope items are {@link ItemRow}s). */
public record ImplementationPlanRow(UUID projectId, LocalDate submittedOn, BigDecimal budget, String schedule) {
}
