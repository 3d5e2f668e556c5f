package cn.egov.projects.persistence.security;

import java.time.Instant;

/** A row of {@code second_factor}; the secret as base64. */
public record SecondFactorRow(String userId, String algorithm, String secret, Instant enrolledAt, boolean confirmed,
                              long lastStep) {
}
