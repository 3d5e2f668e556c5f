package cn.egov.projects.application.view;

import cn.egov.projects.domain.access.AssignmentPurpose;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.UnitId;

import java.util.List;

/**
 * The people named to a project as the caller may know them and, for a caller who may name people now, the enabled
 * accounts they may name. The project's own unit does not learn who reviews it before the review ends (Art. 8): the
 * Bureau's review experts, and the experts named into a classified project's scope, are left out for it until then.
 *
 * @param assigned   the named people the caller may know of, Bureau officers first, then the other offices, then
 *                   experts, each by display name
 * @param candidates the accounts the caller may name now (empty when the caller may name nobody)
 * @param mayManage  whether the caller may name people to this project now
 */
public record ProjectAssignments(ProjectId project, boolean classified, List<Person> assigned,
                                 List<Person> candidates, boolean mayManage) {

    public ProjectAssignments {
        assigned = List.copyOf(assigned);
        candidates = List.copyOf(candidates);
    }

    /**
     * An account as a project's page shows it: no contact details, no password hash.
     *
     * @param purpose   what the person is named for (for a candidate: what naming them would be)
     * @param removable whether the caller may remove this person from the project
     */
    public record Person(String userId, String username, String displayName, Role role, UnitId unit,
                         AssignmentPurpose purpose, boolean removable) {
    }
}
