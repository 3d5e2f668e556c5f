package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.project.ProjectId;

/** A project's page as the caller may see it; a project outside their scope does not exist for them. */
public interface ProjectPageUseCase {

    ProjectPage page(Caller caller, ProjectId id);
}
