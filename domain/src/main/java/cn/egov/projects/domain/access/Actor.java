package cn.egov.projects.domain.access;

import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.UnitId;

import java.util.Objects;
import java.util.Set;

/**
 * A signed-in person acting in the system.
 *
 * @param unit     the person's unit (an implementing unit for unit roles, the authority otherwise)
 * @param assigned projects explicitly assigned to this person: classified projects for a Bureau officer (Art. 27),
 *                 reviews and acceptances for an expert
 */
public record Actor(String userId, String name, Role role, UnitId unit, Set<ProjectId> assigned) {

    public Actor {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(unit, "unit");
        name = name == null ? userId : name;
        assigned = Set.copyOf(assigned);
    }

    public static Actor of(String userId, Role role, UnitId unit) {
        return new Actor(userId, userId, role, unit, Set.of());
    }
}
