package cn.egov.projects.web.auth;

import cn.egov.projects.domain.access.Actor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Successful verifications of an {@code Authorization} header for a few minutes, so that the slow password hash
 * runs once per client and not once per request. Keyed by the SHA-256 of the header value: the clear password is
 * never kept. A changed password or a disabled account takes effect when the entry expires. Bounded in size.
 */
public final class CredentialCache {

    private record Entry(Actor actor, long expiresAtNanos) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;

    public CredentialCache(Duration ttl, int maxEntries) {
        this(ttl, maxEntries, System::nanoTime);
    }

    /** @param nanoTime a monotonic time source in nanoseconds (tests pass their own) */
    CredentialCache(Duration ttl, int maxEntries, LongSupplier nanoTime) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.nanoTime = nanoTime;
    }

    public Optional<Actor> lookup(String authorizationHeader) {
        String key = key(authorizationHeader);
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (nanoTime.getAsLong() - entry.expiresAtNanos() >= 0) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.actor());
    }

    public void remember(String authorizationHeader, Actor actor) {
        long now = nanoTime.getAsLong();
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(e -> now - e.expiresAtNanos() >= 0);
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(key(authorizationHeader), new Entry(actor, now + ttlNanos));
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
