package cn.egov.projects.application.view;

import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.UnitId;

import java.util.List;

/**
 * The people named to a project and, for a caller who may name people, the enabled accounts they may name now.
 *
 * @param assigned   the named people, Bureau officers first, then experts, each by display name
 * @param candidates the accounts the caller may name now (empty when the caller may name nobody)
 * @param mayManage  whether the caller may name or remove people on this project
 */
public record ProjectAssignments(ProjectId project, boolean classified, List<Person> assigned,
                                 List<Person> candidates, boolean mayManage) {

    public ProjectAssignments {
        assigned = List.copyOf(assigned);
        candidates = List.copyOf(candidates);
    }

    /** An account as a project's page shows it: no contact details, no password hash. */
    public record Person(String userId, String username, String displayName, Role role, UnitId unit) {
    }
}
