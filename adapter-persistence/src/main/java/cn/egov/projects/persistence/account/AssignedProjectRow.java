package cn.egov.projects.persistence.account;

import cn.egov.projects.domain.access.AssignmentPurpose;

import java.util.UUID;

/** An {@code account_project} row: a project explicitly assigned to an account, and what for (V18). */
public record AssignedProjectRow(String userId, UUID projectId, AssignmentPurpose purpose) {
}
