package cn.egov.projects.persistence.account;

import cn.egov.projects.domain.access.Role;

/** An {@code account} row (its assigned projects are {@link AssignedProjectRow}s). */
public record AccountRow(String userId, String username, String displayName, Role role, String unit, String mobile,
                         String email, String passwordHash, boolean enabled) {
}
