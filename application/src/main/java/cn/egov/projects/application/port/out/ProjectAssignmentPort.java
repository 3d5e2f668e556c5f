package cn.egov.projects.application.port.out;

import cn.egov.projects.domain.access.AssignmentPurpose;
import cn.egov.projects.domain.project.ProjectId;

import java.util.List;

/**
 * Which accounts are named to which projects, and what for ({@link Account#assigned()} seen from the project's
 * side). An account is named to a project once, for one purpose.
 */
public interface ProjectAssignmentPort {

    /** An account named to a project, and what for (Art. 8 review, Art. 24 acceptance, Art. 27 scope). */
    record Assignment(Account account, AssignmentPurpose purpose) {
    }

    /** The accounts named to a project, enabled or not, by user id. */
    List<Assignment> assignedTo(ProjectId project);

    /** @return false when the account was already named to the project (for whatever purpose: it is left as it was) */
    boolean assign(String userId, ProjectId project, AssignmentPurpose purpose);

    /** @return false when the account was not named to the project */
    boolean unassign(String userId, ProjectId project);
}
