package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.project.ProjectId;

/** A project's page as the caller may see it; a project outside their scope does not exist for them. */
public interface ProjectPageUseCase {

    ProjectPage page(Caller caller, ProjectId id);

    /**
     * The same as {@link #page}, read for the project's record (项目档案, its printable view and PDF): a classified
     * project's read is recorded as a read of its record.
     */
    default ProjectPage record(Caller caller, ProjectId id) {
        return page(caller, id);
    }
}
