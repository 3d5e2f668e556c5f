package cn.egov.projects.application.port.out;

import cn.egov.projects.domain.project.ProjectId;

import java.util.List;

/** Which accounts are named to which projects ({@link Account#assigned()} seen from the project's side). */
public interface ProjectAssignmentPort {

    /** The accounts named to a project, enabled or not, by user id. */
    List<Account> assignedTo(ProjectId project);

    /** @return false when the account was already named to the project */
    boolean assign(String userId, ProjectId project);

    /** @return false when the account was not named to the project */
    boolean unassign(String userId, ProjectId project);
}
