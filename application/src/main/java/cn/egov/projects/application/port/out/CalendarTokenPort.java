package cn.egov.projects.application.port.out;

import java.time.Instant;
import java.util.Optional;

/**
 * The private tokens of the persons' calendar feeds, one per account, kept only as SHA-256 digests so that a copy of
 * the database opens no feed.
 */
public interface CalendarTokenPort {

    /** Replaces the account's token (the old one stops working). */
    void put(String userId, String tokenDigest, Instant at);

    /** @return whether there was a token to revoke */
    boolean remove(String userId);

    /** The user id of the account whose token has this digest. */
    Optional<String> userFor(String tokenDigest);
}
