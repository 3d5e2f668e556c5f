package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.project.ProjectId;

/** The Bureau adds an approved off-window project to the annual plan (Art. 10). */
public record AddToPlanCommand(ProjectId projectId, Long expectedVersion, String reference) implements ProjectCommand {

    public AddToPlanCommand {
        projectId = Check.project(projectId);
        expectedVersion = Check.version(expectedVersion);
        reference = Check.text(reference, "reference", "计划文号", 200);
    }
}
