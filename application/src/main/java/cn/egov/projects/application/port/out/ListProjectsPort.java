package cn.egov.projects.application.port.out;

import cn.egov.projects.application.view.Page;
import cn.egov.projects.application.view.ProjectSummary;
import cn.egov.projects.application.view.ProjectListFilter;

/** Lists projects within a scope, filtered and paged, newest first. */
public interface ListProjectsPort {

    Page<ProjectSummary> list(ProjectListScope scope, ProjectListFilter filter, int page, int size);
}
