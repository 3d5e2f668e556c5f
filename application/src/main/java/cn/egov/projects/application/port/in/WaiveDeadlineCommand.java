package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.project.ProjectId;

import java.util.UUID;

/** The Bureau waives an open deadline with a reason. */
public record WaiveDeadlineCommand(ProjectId projectId, Long expectedVersion, UUID deadlineId, String reason) implements ProjectCommand {

    public WaiveDeadlineCommand {
        projectId = Check.project(projectId);
        expectedVersion = Check.version(expectedVersion);
        deadlineId = Check.required(deadlineId, "deadlineId", "期限编号");
        reason = Check.text(reason, "reason", "豁免理由", 2000);
    }
}
