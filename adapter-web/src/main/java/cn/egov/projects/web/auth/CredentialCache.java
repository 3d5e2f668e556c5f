package cn.egov.projects.web.auth;

import cn.egov.projects.domain.access.Actor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Successful verifications of an {@code Authorization} header for a few minutes, so that the slow password hash
 * runs once per client and not once per request. Keyed by the SHA-256 of the header value: the clear password is
 * never kept. An account whose access changed since it was remembered (a changed password counts), or whose username
 * was locked since ({@link AccessRevisions}), is not found, so the next request goes through the sign-in policy again
 * (and meets the lock). Bounded in size.
 */
public final class CredentialCache {

    private record Entry(String username, Actor actor, long revision, long expiresAtNanos, String passwordChange,
                         long secondFactorAt, Instant passwordExpiresAt) {
    }

    /**
     * A remembered verification: the person, why they must change the password before anything else (null: need
     * not), and when the password reaches its maximum age on the application's clock (null: never or not known) — a
     * credential remembered just before that moment must ask for the change from then on.
     */
    public record Remembered(Actor actor, String passwordChange, Instant passwordExpiresAt) {

        public Remembered(Actor actor, String passwordChange) {
            this(actor, passwordChange, null);
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;
    private final AccessRevisions revisions;

    public CredentialCache(Duration ttl, int maxEntries, AccessRevisions revisions) {
        this(ttl, maxEntries, revisions, System::nanoTime);
    }

    /** @param nanoTime a monotonic time source in nanoseconds (tests pass their own) */
    CredentialCache(Duration ttl, int maxEntries, AccessRevisions revisions, LongSupplier nanoTime) {
        this.revisions = revisions;
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.nanoTime = nanoTime;
    }

    public Optional<Actor> lookup(String authorizationHeader) {
        return recall(authorizationHeader).map(Remembered::actor);
    }

    /** The remembered verification of the header, unless expired or stale. */
    public Optional<Remembered> recall(String authorizationHeader) {
        String key = key(authorizationHeader);
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (nanoTime.getAsLong() - entry.expiresAtNanos() >= 0
                || revisions.changedSince(entry.actor().userId(), entry.revision())
                || revisions.lockedSince(entry.username(), entry.revision())) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(new Remembered(entry.actor(), entry.passwordChange(), entry.passwordExpiresAt()));
    }

    /**
     * @param username the username the header signed in with
     * @param revision the {@link AccessRevisions#current()} noted before the password was checked
     */
    public void remember(String authorizationHeader, String username, Actor actor, long revision) {
        remember(authorizationHeader, username, actor, revision, null);
    }

    /** As above, for a person who must change the password first ({@code passwordChange}: why; null: need not). */
    public void remember(String authorizationHeader, String username, Actor actor, long revision,
                         String passwordChange) {
        remember(authorizationHeader, username, actor, revision, passwordChange, null);
    }

    /** As above, noting when the password expires ({@code passwordExpiresAt}, application clock; null: not known). */
    public void remember(String authorizationHeader, String username, Actor actor, long revision,
                         String passwordChange, Instant passwordExpiresAt) {
        long now = nanoTime.getAsLong();
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(e -> now - e.expiresAtNanos() >= 0);
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(key(authorizationHeader), new Entry(username, actor, revision, now + ttlNanos, passwordChange,
                -1, passwordExpiresAt));
    }

    /**
     * Remembers a credential that also passed a one-time code at {@code secondFactorAt} (epoch ms); {@code key} is
     * the header and the code together, so that the password alone never finds it.
     */
    public void rememberWithSecondFactor(String key, String username, Actor actor, long revision,
                                         String passwordChange, Instant passwordExpiresAt, long secondFactorAt) {
        remember(key, username, actor, revision, passwordChange, passwordExpiresAt);
        entries.computeIfPresent(key(key), (k, e) -> new Entry(e.username(), e.actor(), e.revision(),
                e.expiresAtNanos(), e.passwordChange(), secondFactorAt, e.passwordExpiresAt()));
    }

    /** When the remembered credential passed its one-time code (epoch ms), or -1 when it passed none. */
    public long secondFactorAt(String key) {
        Entry entry = entries.get(key(key));
        return entry == null ? -1 : entry.secondFactorAt();
    }

    int size() {
        return entries.size();
    }

    public static String key(String authorizationHeader) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(authorizationHeader.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }
}
