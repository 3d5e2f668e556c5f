package cn.egov.projects.persistence.web;

import java.time.Instant;

/** An {@code idempotency_record} row (status null while the first request runs). */
public record IdempotencyRow(String fingerprint, Integer status, String body, Instant createdAt) {
}
