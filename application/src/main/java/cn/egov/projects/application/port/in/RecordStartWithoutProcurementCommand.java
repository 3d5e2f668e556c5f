package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.project.ProjectId;

import java.time.LocalDate;

/** A project that needs no procurement records why and when it started (Art. 17). */
public record RecordStartWithoutProcurementCommand(ProjectId projectId, Long expectedVersion, String reason, LocalDate startedOn) implements ProjectCommand {

    public RecordStartWithoutProcurementCommand {
        projectId = Check.project(projectId);
        expectedVersion = Check.version(expectedVersion);
        reason = Check.text(reason, "reason", "无需采购的理由", 2000);
        startedOn = Check.date(startedOn, "startedOn", "开工日期");
    }
}
