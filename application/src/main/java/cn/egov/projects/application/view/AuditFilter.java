package cn.egov.projects.application.view;

import java.time.Instant;
import java.util.Optional;

/**
 * What the audit trail is searched by; every part optional.
 *
 * @param from inclusive
 * @param to   exclusive
 */
public record AuditFilter(Optional<String> userId, Optional<String> action, Optional<String> projectId,
                          Optional<Instant> from, Optional<Instant> to) {

    public static AuditFilter none() {
        return new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }
}
