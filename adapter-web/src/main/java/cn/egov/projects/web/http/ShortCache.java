package cn.egov.projects.web.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers to frequent identical reads (a project list page) kept for {@link #TTL_NANOS} at most, keyed by the
 * caller's whole scope and the query, so that an entry is only ever served to someone entitled to exactly the same
 * rows. Any successful change through this server ({@link #changed}) drops every entry at once; a change made
 * through another server shows within the time to live. When an entry expires, one request computes it afresh while
 * the others are still answered from it (no stampede of identical queries).
 */
public final class ShortCache {

    /** One second. */
    public static final long TTL_NANOS = 1_000_000_000L;

    private static final AtomicLong GENERATION = new AtomicLong();
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(String json, long generation, long storedAt, AtomicBoolean refreshing) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** Called after every successful state-changing request. */
    public static void changed() {
        GENERATION.incrementAndGet();
    }

    /** The current generation, read before computing an answer that is then {@link #put}. */
    public static long generation() {
        return GENERATION.get();
    }

    public String get(String key) {
        Entry e = entries.get(key);
        if (e == null) {
            return null;
        }
        if (e.generation() != GENERATION.get()) {
            entries.remove(key, e);
            return null;
        }
        if (System.nanoTime() - e.storedAt() <= TTL_NANOS) {
            return e.json();
        }
        // expired: one caller computes the answer afresh, the others keep getting this one meanwhile
        return e.refreshing().compareAndSet(false, true) ? null : e.json();
    }

    public void put(String key, String json, long generation) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry(json, generation, System.nanoTime(), new AtomicBoolean()));
    }
}
