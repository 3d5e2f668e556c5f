package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.project.ProjectId;

/** Declares a draft in the yearly window (Art. 7). */
public record DeclareProjectCommand(ProjectId projectId, Long expectedVersion) implements ProjectCommand {

    public DeclareProjectCommand {
        projectId = Check.project(projectId);
        expectedVersion = Check.version(expectedVersion);
    }
}
