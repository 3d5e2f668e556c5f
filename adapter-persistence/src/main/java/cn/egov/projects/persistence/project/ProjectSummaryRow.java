package cn.egov.projects.persistence.project;

import cn.egov.projects.domain.catalog.Category;
import cn.egov.projects.domain.catalog.Nature;
import cn.egov.projects.domain.project.ProjectState;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** One line of a project list, read from the {@code project} row alone. */
public record ProjectSummaryRow(UUID id, String unit, String name, int planYear, ProjectState state,
                                Category category, Nature nature, boolean classified, BigDecimal totalInvestment,
                                LocalDate createdOn, long version) {
}
