package cn.egov.projects.application.view;

import cn.egov.projects.domain.catalog.Category;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.project.UnitId;

import java.util.Optional;

/** What the person filters a project list by; every part optional. */
public record ProjectListFilter(Optional<Integer> planYear, Optional<UnitId> unit, Optional<ProjectState> state,
                                Optional<Category> category) {

    public static ProjectListFilter none() {
        return new ProjectListFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
