package cn.egov.projects.application.port.out;

import java.time.Instant;
import java.util.Optional;

/**
 * The browser sessions of every application instance, kept where all of them read and write (the database): a
 * session started through one instance is used through another, and outlives the instance that started it. The
 * session's data are an opaque text (the web adapter's JSON); a session whose {@code expiresAt} has passed is gone.
 */
public interface WebSessionPort {

    /** A stored session: its data, its idle timeout and when it was last written. */
    record StoredSession(String id, String data, long timeoutMillis, Instant lastAccessed, Instant expiresAt) {
    }

    /** The session, unless there is none of that id or it expired before {@code now}. */
    Optional<StoredSession> load(String id, Instant now);

    /** Writes the session (a new one or a newer state of one); the last write wins. */
    void save(StoredSession session);

    void delete(String id);

    /** Deletes every session that expired before {@code now}; returns how many. */
    int purgeExpired(Instant now);

    /** Deletes every session (signs everybody out). */
    void deleteAll();

    /** How many sessions have not expired at {@code now}. */
    int count(Instant now);
}
