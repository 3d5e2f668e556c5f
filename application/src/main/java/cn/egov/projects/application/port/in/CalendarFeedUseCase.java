package cn.egov.projects.application.port.in;

import java.util.Optional;

/**
 * Each person's deadlines as an iCalendar feed behind a private token, so that staff subscribe from their calendar
 * application without signing in. A token is shown once, kept only as a digest, replaced by a new one and revocable.
 */
public interface CalendarFeedUseCase {

    /** Issues a new token for the caller (the previous one stops working) and returns it. */
    String issueToken(Caller caller);

    /** @return whether the caller had a token */
    boolean revokeToken(Caller caller);

    /** The feed of a token; empty for an unknown or revoked token, or a disabled account. */
    Optional<CalendarFeed> feed(String token);
}
