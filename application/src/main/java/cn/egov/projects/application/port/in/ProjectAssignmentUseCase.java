package cn.egov.projects.application.port.in;

import cn.egov.projects.application.view.ProjectAssignments;
import cn.egov.projects.domain.project.ProjectId;

/**
 * The people named to one project besides those whose role sees it anyway (RULES.md §1): the people the secrecy
 * office names into a classified project's 知悉范围 (Art. 27: the Bureau's officers, Finance, the Cyberspace office,
 * Audit, experts), the review experts the Bureau draws (Art. 8) and the acceptance experts the project's unit names
 * once it runs on trial (Art. 24). Naming someone already named, or removing someone not named, changes nothing.
 */
public interface ProjectAssignmentUseCase {

    /** Who is named to the project as far as the caller may know, and whom the caller may name now. */
    ProjectAssignments assignments(Caller caller, ProjectId project);

    ProjectAssignments assign(Caller caller, ProjectId project, String userId);

    ProjectAssignments unassign(Caller caller, ProjectId project, String userId);
}
