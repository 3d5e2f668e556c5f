package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.project.ProjectProfile;

/** A unit's staff start a project as a draft (Art. 7); nothing is checked against the measures until declared. */
public record CreateDraftCommand(ProjectProfile profile) {

    public CreateDraftCommand {
        profile = Check.profile(profile);
    }
}
