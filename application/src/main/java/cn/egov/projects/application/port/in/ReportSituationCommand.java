package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.SituationReport;

/** A written delay, suspension or termination report (Art. 17). */
public record ReportSituationCommand(ProjectId projectId, Long expectedVersion, SituationReport.Kind kind, String reason, boolean toBureau, boolean toFinance) implements ProjectCommand {

    public ReportSituationCommand {
        projectId = Check.project(projectId);
        expectedVersion = Check.version(expectedVersion);
        kind = Check.required(kind, "kind", "报告类型");
        reason = Check.optionalText(reason, "reason", "理由", 5000);
    }
}
