package cn.egov.projects.domain;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Identifiers of rows that are inserted often and kept (projects, deadlines): UUID version 7 (RFC 9562 §5.7). The
 * first 48 bits are the millisecond the identifier was made, the next 12 a counter within that millisecond (RFC 9562
 * §6.2, method 1), the last 62 random from a {@link SecureRandom}, as many as a random UUID has besides.
 *
 * <p>Why not random: an index keyed by a random UUID takes each new row at a random place, so every insert walks a
 * path through the B-tree that no recent insert warmed, and on PostgreSQL dirties a page of its own. Identifiers made
 * one after the other sort one after the other (both databases order UUIDs by their bytes, unsigned), so new rows go
 * to the end of every index that leads with them, which the last insert has just touched.
 *
 * <p>What an identifier tells: the millisecond it was made, as the record's own dates tell those who see it; nothing
 * about other records, and it cannot be guessed (62 random bits).
 *
 * <p>Monotonic within this process: each identifier sorts after the one made before it, also within a millisecond
 * and when the clock steps back (the counter then runs on, as RFC 9562 §6.2 allows).
 */
public final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final TimeOrderedIds SYSTEM = new TimeOrderedIds(System::currentTimeMillis);

    /** The last 60 bits given out: the millisecond (48 bits) and the counter (12). */
    private final AtomicLong last = new AtomicLong();

    private final LongSupplier millis;

    TimeOrderedIds(LongSupplier millis) {
        this.millis = millis;
    }

    /** A new identifier, after every one this process made before. */
    public static UUID next() {
        return SYSTEM.make();
    }

    UUID make() {
        long now = (millis.getAsLong() & 0xFFFF_FFFF_FFFFL) << 12;
        long stamp = last.updateAndGet(before -> Math.max(now, before + 1));
        long random = RANDOM.nextLong();
        long high = (stamp >>> 12) << 16 | 0x7000L | (stamp & 0xFFFL);
        long low = (random & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
