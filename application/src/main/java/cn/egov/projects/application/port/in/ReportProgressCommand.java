package cn.egov.projects.application.port.in;

import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.domain.project.ProjectId;

/** A progress report (Art. 16). */
public record ReportProgressCommand(ProjectId projectId, Long expectedVersion, int percentComplete, String summary) implements ProjectCommand {

    public ReportProgressCommand {
        projectId = Check.project(projectId);
        expectedVersion = Check.version(expectedVersion);
        if (percentComplete < 0 || percentComplete > 100) {
            throw new InvalidCommandException("percentComplete", "完成比例应为0至100");
        }
        summary = Check.text(summary, "summary", "进度情况", 20000);
    }
}
