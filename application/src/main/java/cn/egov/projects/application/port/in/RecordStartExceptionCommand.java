package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.project.ProjectId;

/** The Bureau's reasoned exception to the one-year start limit (Art. 17). */
public record RecordStartExceptionCommand(ProjectId projectId, Long expectedVersion, String reason) implements ProjectCommand {

    public RecordStartExceptionCommand {
        projectId = Check.project(projectId);
        expectedVersion = Check.version(expectedVersion);
        reason = Check.text(reason, "reason", "例外理由", 5000);
    }
}
