package cn.egov.projects.application.view;

import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.project.ProjectState;

import java.time.Instant;

/**
 * One record of the audit trail as staff read it: who (user, role, unit), when, which action under which article,
 * the state before and after, the request it came from and what changed.
 *
 * @param projectId  the project concerned, or null for an act on no single project
 * @param classified the project is classified (Art. 27): only those inside its 知悉范围 find its records
 * @param actorName  the display name of the person who acted, or null when unknown or withheld
 * @param unitName   the full name of the unit they acted for, or null when unknown
 */
public record AuditEntry(long id, Instant at, String userId, Role role, String unit, String action, String article,
                         String projectId, ProjectState fromState, ProjectState toState, String requestId,
                         String sourceAddress, String summary, boolean classified, String actorName,
                         String unitName) {
}
