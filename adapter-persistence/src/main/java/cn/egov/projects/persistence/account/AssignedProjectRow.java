package cn.egov.projects.persistence.account;

import java.util.UUID;

/** An {@code account_project} row: a project explicitly assigned to an account. */
public record AssignedProjectRow(String userId, UUID projectId) {
}
