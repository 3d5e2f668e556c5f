package cn.egov.projects.application.port.in;

import cn.egov.projects.application.view.ProjectAssignments;
import cn.egov.projects.domain.project.ProjectId;

/**
 * The people named to one project besides those whose role sees it anyway (RULES.md §1): the Bureau's officers
 * who may see a classified project (Art. 27, named by the secrecy office) and the experts who review or accept it
 * (Art. 8, 24, named by the Bureau or the project's unit). Naming someone already named, or removing someone not
 * named, changes nothing.
 */
public interface ProjectAssignmentUseCase {

    /** Who is named to the project, and whom the caller may name now. */
    ProjectAssignments assignments(Caller caller, ProjectId project);

    ProjectAssignments assign(Caller caller, ProjectId project, String userId);

    ProjectAssignments unassign(Caller caller, ProjectId project, String userId);
}
