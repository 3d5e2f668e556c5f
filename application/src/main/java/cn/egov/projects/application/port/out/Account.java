package cn.egov.projects.application.port.out;

import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.UnitId;

import java.util.Set;

/**
 * A user account. The password is held only as a salted slow hash ({@code passwordHash}, PBKDF2), never in clear.
 *
 * @param assigned projects explicitly assigned (classified projects for a Bureau officer, reviews for an expert)
 */
public record Account(String userId, String username, String displayName, Role role, UnitId unit, String mobile,
                      String email, String passwordHash, boolean enabled, Set<ProjectId> assigned) {

    public Account {
        assigned = Set.copyOf(assigned);
    }
}
