package cn.egov.projects.persistence.security;

import java.time.Instant;

/** A row of {@code security_clearance}. */
public record ClearanceRow(String userId, Instant grantedAt, String grantedBy) {
}
