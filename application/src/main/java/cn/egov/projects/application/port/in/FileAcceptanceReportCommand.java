package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.project.ProjectId;

/** The acceptance report to the Bureau (Art. 25). */
public record FileAcceptanceReportCommand(ProjectId projectId, Long expectedVersion) implements ProjectCommand {

    public FileAcceptanceReportCommand {
        projectId = Check.project(projectId);
        expectedVersion = Check.version(expectedVersion);
    }
}
