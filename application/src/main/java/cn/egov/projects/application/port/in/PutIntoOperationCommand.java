package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.project.ProjectId;

/** The project is put into use (Art. 21). */
public record PutIntoOperationCommand(ProjectId projectId, Long expectedVersion) implements ProjectCommand {

    public PutIntoOperationCommand {
        projectId = Check.project(projectId);
        expectedVersion = Check.version(expectedVersion);
    }
}
