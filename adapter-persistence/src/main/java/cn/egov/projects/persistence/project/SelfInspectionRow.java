package cn.egov.projects.persistence.project;

import java.time.LocalDate;
import java.util.UUID;

/** A {@code project_self_inspection} row. */
public record SelfInspectionRow(UUID projectId, LocalDate inspectedOn, String contentCompletion,
                                String resourceCatalogue, String performanceGoals) {
}
