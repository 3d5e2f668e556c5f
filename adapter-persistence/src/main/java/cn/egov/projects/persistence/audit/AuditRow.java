package cn.egov.projects.persistence.audit;

import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.project.ProjectState;

import java.time.Instant;

/** An {@code audit_record} row (its identity column is the database's). */
public record AuditRow(Instant at, String userId, Role role, String unit, String action, String article,
                       String projectId, ProjectState fromState, ProjectState toState, String requestId,
                       String sourceAddress, String summary) {
}
