package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.project.ProjectId;

/** One project as the caller may see it: its record, its deadlines on today, and the Bureau's flags. */
public interface GetProjectUseCase {

    ProjectDetails get(Caller caller, ProjectId id);
}
