package cn.egov.projects.application.port.out;

import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.project.ProjectState;

import java.time.Instant;

/**
 * One entry of the append-only audit trail: who (user, role, unit), when, which action under which article,
 * the state before and after, the request it came from and a summary of what changed.
 *
 * @param projectId the project concerned, or null for an act on no single project
 */
public record AuditRecord(Instant at, String userId, Role role, String unit, String action, String article,
                          String projectId, ProjectState fromState, ProjectState toState, String requestId,
                          String sourceAddress, String summary) {
}
