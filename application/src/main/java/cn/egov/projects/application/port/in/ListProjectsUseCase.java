package cn.egov.projects.application.port.in;

import cn.egov.projects.application.view.Page;
import cn.egov.projects.application.view.ProjectSummary;

/** A page of the projects the caller may see (RULES.md §1). */
public interface ListProjectsUseCase {

    Page<ProjectSummary> list(Caller caller, ListProjectsQuery query);
}
