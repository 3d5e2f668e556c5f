package cn.egov.projects.application.port.out;

/** Lists projects within a scope, filtered and paged, newest first. */
public interface ListProjectsPort {

    Page<ProjectSummary> list(ProjectListScope scope, ProjectListFilter filter, int page, int size);
}
