package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.project.ProjectId;

import java.time.LocalDate;

/** The system goes live on trial (Art. 22). */
public record StartTrialRunCommand(ProjectId projectId, Long expectedVersion, LocalDate startedOn) implements ProjectCommand {

    public StartTrialRunCommand {
        projectId = Check.project(projectId);
        expectedVersion = Check.version(expectedVersion);
        startedOn = Check.date(startedOn, "startedOn", "试运行开始日期");
    }
}
