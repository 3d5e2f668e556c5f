package cn.egov.projects.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The browser sessions of every application instance, kept where all of them read and write (the database): a
 * session started through one instance is used through another, and outlives the instance that started it. The
 * session's data are an opaque text (the web adapter's JSON); a session whose {@code expiresAt} has passed is gone.
 */
public interface WebSessionPort {

    /**
     * A stored session: its data, its idle timeout and when it was last written; whose it is and since when (null for
     * a session nobody signed in to); and why it was ended, when it was ended by the session limits (then it signs
     * nobody in, and its next request is told why).
     */
    record StoredSession(String id, String data, long timeoutMillis, Instant lastAccessed, Instant expiresAt,
                         String userId, Instant signedInAt, String endedReason) {

        /** A session of nobody in particular. */
        public StoredSession(String id, String data, long timeoutMillis, Instant lastAccessed, Instant expiresAt) {
            this(id, data, timeoutMillis, lastAccessed, expiresAt, null, null, null);
        }
    }

    /** Why a session was ended by the session limits: the same account signed in elsewhere. */
    String SIGNED_IN_ELSEWHERE = "SIGNED_IN_ELSEWHERE";

    /**
     * A live session of an account.
     *
     * @param key     the session as {@link #endSession} takes it (not its id)
     * @param current whether it is the session of the id asked about
     */
    record SignedInSession(String key, Instant signedInAt, boolean current) {
    }

    /**
     * The account's sessions that have neither expired at {@code now} nor been ended; {@code currentId}'s is marked.
     * A store that cannot tell (in memory) finds none.
     */
    default List<SignedInSession> signedInSessions(String userId, String currentId, Instant now) {
        return List.of();
    }

    /** Ends a session for the reason: it signs nobody in from now on; its next request is told the reason. */
    default void endSession(String key, String reason) {
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
