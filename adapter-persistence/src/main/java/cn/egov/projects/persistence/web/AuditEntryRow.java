package cn.egov.projects.persistence.web;

import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.project.ProjectState;

import java.time.Instant;

/** An {@code audit_record} row with whether its project is classified and the names of its person and unit. */
public record AuditEntryRow(long id, Instant at, String userId, Role role, String unit, String action, String article,
                            String projectId, ProjectState fromState, ProjectState toState, String requestId,
                            String sourceAddress, String summary, boolean classified, String actorName,
                            String unitName) {
}
