package cn.egov.projects.web.auth;

import cn.egov.projects.application.port.out.AccessChangesPort;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When each account's access last changed, as a revision number of this process. A browser session and a remembered
 * HTTP Basic credential note the revision at which their person was loaded; once the account's access has changed
 * since (disabled, named to or removed from a project), {@link BasicAuthenticator} loads the person again before the
 * next request acts — so a disabled account's session stops at once, and a newly named officer sees the project
 * without signing in again. Kept in memory, like the sessions themselves: one entry per account ever changed.
 */
public final class AccessRevisions implements AccessChangesPort {

    private final AtomicLong revision = new AtomicLong();
    private final Map<String, Long> changedAt = new ConcurrentHashMap<>();

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
}
