package cn.egov.projects.application.view;

import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.project.UnitId;

/** An account as the administrator manages it: never its password hash. */
public record AccountView(String userId, String username, String displayName, Role role, UnitId unit, String mobile,
                          String email, boolean enabled) {
}
