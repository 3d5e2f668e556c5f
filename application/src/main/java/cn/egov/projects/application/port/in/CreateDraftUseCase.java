package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.project.ProjectId;

/** A unit's staff start a project as a draft. */
public interface CreateDraftUseCase {

    ProjectId createDraft(Caller caller, CreateDraftCommand command);
}
