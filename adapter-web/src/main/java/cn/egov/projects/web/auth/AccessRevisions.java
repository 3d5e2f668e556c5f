package cn.egov.projects.web.auth;

import cn.egov.projects.application.port.out.AccessChangesPort;
import cn.egov.projects.application.port.out.AccountLockedPort;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When each account's access last changed, as a revision number of this process. A browser session and a remembered
 * HTTP Basic credential note the revision at which their person was loaded; once the account's access has changed
 * since (disabled, named to or removed from a project), {@link BasicAuthenticator} loads the person again before the
 * next request acts — so a disabled account's session stops at once, and a newly named officer sees the project
 * without signing in again. Kept in memory, like the sessions themselves: one entry per account ever changed.
 *
 * <p>Likewise when sign-in to a username is locked: an HTTP Basic credential of that username remembered before the
 * lock (or checked while it was being made) is no longer accepted, so that the next request meets the lock. Locks
 * are told by this instance's sign-in policy; a lock made by another instance reaches this one's remembered
 * credentials when they expire ({@code WebApi.CREDENTIAL_TTL}). At most {@value #MAX_LOCKS} locked usernames are
 * kept; beyond that, every credential remembered so far is treated as predating a lock and is checked again.
 */
public final class AccessRevisions implements AccessChangesPort, AccountLockedPort {

    static final int MAX_LOCKS = 10_000;

    private final AtomicLong revision = new AtomicLong();
    private final Map<String, Long> changedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> lockedAt = new ConcurrentHashMap<>();
    /** Every credential remembered before this revision is treated as predating a lock. */
    private volatile long lockFloor;

    /** The revision to note before loading a person: any change committed after it makes them stale. */
    public long current() {
        return revision.get();
    }

    @Override
    public void accessChanged(String userId) {
        changedAt.put(userId, revision.incrementAndGet());
    }

    /** Whether the account's access changed after the person was loaded at {@code noted}. */
    public boolean changedSince(String userId, long noted) {
        Long at = changedAt.get(userId);
        return at != null && at > noted;
    }

    @Override
    public synchronized void accountLocked(String username) {
        if (lockedAt.size() >= MAX_LOCKS && !lockedAt.containsKey(username.trim())) {
            lockFloor = revision.incrementAndGet();
            lockedAt.clear();
        }
        lockedAt.put(username.trim(), revision.incrementAndGet());
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
