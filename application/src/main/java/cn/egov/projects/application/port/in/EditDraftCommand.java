package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ProjectProfile;

/** Replaces the content of a draft (Art. 7). */
public record EditDraftCommand(ProjectId projectId, Long expectedVersion, ProjectProfile profile) implements ProjectCommand {

    public EditDraftCommand {
        projectId = Check.project(projectId);
        expectedVersion = Check.version(expectedVersion);
        profile = Check.profile(profile);
    }
}
