package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.project.ProjectId;

/** The Bureau starts the expert review (Art. 8). */
public record StartReviewCommand(ProjectId projectId, Long expectedVersion) implements ProjectCommand {

    public StartReviewCommand {
        projectId = Check.project(projectId);
        expectedVersion = Check.version(expectedVersion);
    }
}
