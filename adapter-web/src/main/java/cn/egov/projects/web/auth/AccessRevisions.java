package cn.egov.projects.web.auth;

import cn.egov.projects.application.port.out.AccessChangesPort;
import cn.egov.projects.application.port.out.AccessRevisionLogPort;
import cn.egov.projects.application.port.out.AccountLockedPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When each account's access last changed, as a revision number. A browser session and a remembered
 * HTTP Basic credential note the revision at which their person was loaded; once the account's access has changed
 * since (disabled, named to or removed from a project), {@link BasicAuthenticator} loads the person again before the
 * next request acts — so a disabled account's session stops at once, and a newly named officer sees the project
 * without signing in again. One entry in memory per account ever changed.
 *
 * <p>Made with {@link #shared}, the revisions are those of an {@link AccessRevisionLogPort} (the database), one
 * sequence for every application instance: a change is recorded there before it is applied here, and each instance
 * reads the changes of the others every {@link #SYNC_EVERY} ({@link #sync}, on a worker thread), so a session signed
 * in through one instance and used through another is judged by the same numbers, and a change made through any
 * instance reaches every other within about that time. {@link #current()} is then the highest revision up to which
 * this instance has read every change. Made with the plain constructor, the revisions are this process's own (tests).
 *
 * <p>Likewise when sign-in to a username is locked: an HTTP Basic credential of that username remembered before the
 * lock (or checked while it was being made) is no longer accepted, so that the next request meets the lock. Locks
 * are told by the sign-in policy (shared: of any instance, within {@link #SYNC_EVERY}; otherwise a lock made by another
 * instance reaches this one's remembered credentials when they expire, {@code WebApi.CREDENTIAL_TTL}). At most {@value #MAX_LOCKS} locked usernames are
 * kept; beyond that, every credential remembered so far is treated as predating a lock and is checked again.
 *
 * <p>The times recorded in the log only serve to forget old lock changes ({@link #KEEP_LOCKS}): technical timing on
 * the real time ({@link Instant#now()}), not the application's clock, which may be a simulated one
 * ({@code EGOV_CLOCK}).
 */
public final class AccessRevisions implements AccessChangesPort, AccountLockedPort {

    static final int MAX_LOCKS = 10_000;

    /** How often a shared instance reads the changes made through the others. */
    public static final Duration SYNC_EVERY = Duration.ofMillis(500);
    /** Lock changes older than this are deleted from the shared log: no remembered credential is that old. */
    static final Duration KEEP_LOCKS = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(AccessRevisions.class);

    private final AccessRevisionLogPort log;
    private final AtomicLong revision = new AtomicLong();
    /** Shared: every change up to this revision has been applied here. */
    private volatile long watermark;
    private Instant purgedAt = Instant.EPOCH;
    private final Map<String, Long> changedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> lockedAt = new ConcurrentHashMap<>();
    /** Every credential remembered before this revision is treated as predating a lock. */
    private volatile long lockFloor;

    /** Revisions of this process alone. */
    public AccessRevisions() {
        this.log = null;
    }

    private AccessRevisions(AccessRevisionLogPort log) {
        this.log = log;
    }

    /** Revisions shared through the log, with every change recorded so far already read (blocking). */
    public static AccessRevisions shared(AccessRevisionLogPort log) {
        AccessRevisions revisions = new AccessRevisions(java.util.Objects.requireNonNull(log, "log"));
        revisions.sync();
        return revisions;
    }

    /** Whether the revisions are shared with other instances (then {@link #sync} is to be run regularly). */
    public boolean isShared() {
        return log != null;
    }

    /** The revision to note before loading a person: any change committed after it makes them stale. */
    public long current() {
        return log == null ? revision.get() : watermark;
    }

    @Override
    public void accessChanged(String userId) {
        if (log == null) {
            changedAt.put(userId, revision.incrementAndGet());
            return;
        }
        long at = log.record(AccessRevisionLogPort.Kind.ACCESS, userId, Instant.now());
        changedAt.merge(userId, at, Math::max);
        sync();
    }

    /**
     * Reads the changes recorded through every instance since the last read and applies them (blocking: a worker
     * thread). Numbers commit in order, so after it every change up to {@link #current()} is applied. Now and then it
     * also deletes lock changes older than {@link #KEEP_LOCKS}.
     */
    public synchronized void sync() {
        if (log == null) {
            return;
        }
        long seen = watermark;
        for (AccessRevisionLogPort.Change change : log.since(seen)) {
            if (change.kind() == AccessRevisionLogPort.Kind.ACCESS) {
                changedAt.merge(change.subject(), change.revision(), Math::max);
            } else {
                applyLock(change.subject(), change.revision());
            }
            seen = Math.max(seen, change.revision());
        }
        watermark = seen;
        Instant now = Instant.now();
        if (Duration.between(purgedAt, now).compareTo(Duration.ofMinutes(10)) >= 0) {
            purgedAt = now;
            int purged = log.purgeLocksBefore(now.minus(KEEP_LOCKS));
            if (purged > 0) {
                LOG.debug("forgot {} old sign-in lock changes", purged);
            }
        }
    }

    /** Whether the account's access changed after the person was loaded at {@code noted}. */
    public boolean changedSince(String userId, long noted) {
        Long at = changedAt.get(userId);
        return at != null && at > noted;
    }

    @Override
    public void accountLocked(String username) {
        if (log == null) {
            synchronized (this) {
                if (lockedAt.size() >= MAX_LOCKS && !lockedAt.containsKey(username.trim())) {
                    lockFloor = revision.incrementAndGet();
                    lockedAt.clear();
                }
                lockedAt.put(username.trim(), revision.incrementAndGet());
            }
            return;
        }
        long at = log.record(AccessRevisionLogPort.Kind.LOCK, username.trim(), Instant.now());
        synchronized (this) {
            applyLock(username.trim(), at);
        }
        sync();
    }

    /** A shared lock change: beyond {@link #MAX_LOCKS}, everything remembered before it is treated as locked. */
    private void applyLock(String username, long at) {
        if (lockedAt.size() >= MAX_LOCKS && !lockedAt.containsKey(username)) {
            lockFloor = Math.max(lockFloor, at);
            lockedAt.clear();
        }
        lockedAt.merge(username, at, Math::max);
    }

    /** Whether sign-in to the username was locked after a credential of it was checked at {@code noted}. */
    public boolean lockedSince(String username, long noted) {
        if (noted < lockFloor) {
            return true;
        }
        Long at = lockedAt.get(username.trim());
        return at != null && at > noted;
    }
}
