package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.project.ProjectId;

/** How operation and maintenance are arranged after the free warranty (Art. 20). */
public record RecordMaintenanceCommand(ProjectId projectId, Long expectedVersion, String arrangement)
        implements ProjectCommand {

    public RecordMaintenanceCommand {
        projectId = Check.project(projectId);
        expectedVersion = Check.version(expectedVersion);
        arrangement = Check.text(arrangement, "arrangement", "运维安排", 5000);
    }
}
