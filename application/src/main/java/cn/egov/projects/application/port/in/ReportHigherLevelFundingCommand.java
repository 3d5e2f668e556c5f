package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.project.ProjectId;

/** A fully higher-level-funded project is reported before implementation (Art. 11). */
public record ReportHigherLevelFundingCommand(ProjectId projectId, Long expectedVersion, String summary) implements ProjectCommand {

    public ReportHigherLevelFundingCommand {
        projectId = Check.project(projectId);
        expectedVersion = Check.version(expectedVersion);
        summary = Check.text(summary, "summary", "报送情况", 5000);
    }
}
