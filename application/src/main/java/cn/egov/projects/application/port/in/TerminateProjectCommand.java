package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.project.ProjectId;

/** The Bureau terminates a project (Art. 17). */
public record TerminateProjectCommand(ProjectId projectId, Long expectedVersion, String reason, String notice) implements ProjectCommand {

    public TerminateProjectCommand {
        projectId = Check.project(projectId);
        expectedVersion = Check.version(expectedVersion);
        reason = Check.text(reason, "reason", "终止理由", 5000);
        notice = Check.optionalText(notice, "notice", "通报", 5000);
    }
}
