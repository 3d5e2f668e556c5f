package cn.egov.projects.persistence.project;

import java.time.LocalDate;
import java.util.UUID;

/** A {@code project_plan_inclusion} row. */
public record PlanInclusionRow(UUID projectId, LocalDate includedOn, int planYear, boolean addition,
                               String reference) {
}
