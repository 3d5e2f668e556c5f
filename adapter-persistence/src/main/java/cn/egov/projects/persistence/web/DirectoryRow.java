package cn.egov.projects.persistence.web;

import cn.egov.projects.domain.access.Role;

/** An {@code account} row without its password hash. */
public record DirectoryRow(String userId, String username, String displayName, Role role, String unit, String mobile,
                           String email, boolean enabled) {
}
