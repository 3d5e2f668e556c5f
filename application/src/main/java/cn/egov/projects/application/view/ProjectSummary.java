package cn.egov.projects.application.view;

import cn.egov.projects.domain.catalog.Category;
import cn.egov.projects.domain.catalog.Nature;
import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.project.UnitId;

import java.time.LocalDate;

/** One row of a project list. */
public record ProjectSummary(ProjectId id, UnitId unit, String name, int planYear, ProjectState state,
                             Category category, Nature nature, boolean classified, Money totalInvestment,
                             LocalDate createdOn, long version) {
}
