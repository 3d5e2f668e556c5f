package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.project.ProjectId;

/** A suspended project resumes (Art. 17). */
public record ResumeProjectCommand(ProjectId projectId, Long expectedVersion) implements ProjectCommand {

    public ResumeProjectCommand {
        projectId = Check.project(projectId);
        expectedVersion = Check.version(expectedVersion);
    }
}
