package cn.egov.projects.application.account;

import cn.egov.projects.application.port.in.SignInUseCase.Limit;
import cn.egov.projects.application.port.out.SignInWindowsPort;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Limits on unsuccessful sign-in attempts per client address and per username, each a sliding window (a log of the
 * attempts within the last {@link Limits#window()}). An attempt takes its place in both windows before its password
 * is checked (so that concurrent attempts cannot all slip under a limit) and gives it back once it succeeded; a
 * refused attempt takes none. An IPv6 address counts by its /64 prefix, which one client usually holds whole.
 *
 * <p>Made with {@link #shared}, the counters are those of a {@link SignInWindowsPort} (the database), common to
 * every application instance behind a load balancer: then each limit counts in <b>fixed</b> windows of
 * {@link Limits#window()} (at most the limit per window; a client that spreads its attempts over a window's end can
 * make up to twice the limit within one window's length), and a refusal lasts until its window ends. Made with the
 * plain constructor, the sliding windows are kept in memory, per application instance (tests, tools). Either way the
 * lockout, which is what stops password guessing for good, is in the database and shared ({@code LoginAttemptsPort}).
 * In memory, at most {@link Limits#maxTracked()} addresses and as many usernames are tracked; when more are active at
 * once (a distributed attack), the windows start afresh rather than grow without bound.
 */
public final class SignInThrottle {

    /**
     * @param perAddress  unsuccessful attempts allowed from one client address (IPv6: one /64) within the window
     * @param perUsername unsuccessful attempts allowed for one username within the window
     * @param window      the length of the sliding window
     * @param maxTracked  how many addresses (and as many usernames) are tracked at most
     */
    public record Limits(int perAddress, int perUsername, Duration window, int maxTracked) {

        public Limits {
            if (perAddress < 1 || perUsername < 1 || maxTracked < 1) {
                throw new IllegalArgumentException("limits must be positive");
            }
            Objects.requireNonNull(window, "window");
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("window must be positive");
            }
        }

        /** 10 unsuccessful attempts per address and 10 per username within a minute. */
        public static Limits standard() {
            return new Limits(10, 10, Duration.ofMinutes(1), 20_000);
        }
    }

    /** The outcome of {@link #admit}. */
    sealed interface Admission permits Admitted, Refused {
    }

    /** The attempt may go on; it holds a place in the address's and the username's window. */
    record Admitted(String addressKey, String username, Instant at) implements Admission {
    }

    /**
     * The attempt is refused by a limit until {@code retryAfter} from now; {@code first} when it is the first refusal
     * for this address or username within a window's length (the one the audit trail records; the others are only
     * answered), so that an attacker who keeps knocking adds at most one record per window to the trail.
     */
    record Refused(Limit limit, Duration retryAfter, boolean first) implements Admission {
    }

    /** The attempts of one address or username within the window, and until when a refusal was last told. */
    private static final class Window {
        final ArrayDeque<Instant> attempts = new ArrayDeque<>();
        Instant toldUntil;

        void prune(Instant now, Duration window) {
            Instant horizon = now.minus(window);
            while (!attempts.isEmpty() && !attempts.peekFirst().isAfter(horizon)) {
                attempts.pollFirst();
            }
        }

        boolean idle(Instant now) {
            return attempts.isEmpty() && (toldUntil == null || !now.isBefore(toldUntil));
        }
    }

    /** How often the shared windows of the past are deleted. */
    private static final Duration PURGE_EVERY = Duration.ofMinutes(5);

    private final Limits limits;
    private final SignInWindowsPort shared;
    private final Map<String, Window> addresses = new HashMap<>();
    private final Map<String, Window> usernames = new HashMap<>();
    private Instant purgedAt = Instant.EPOCH;

    /** Sliding windows in this process's memory. */
    public SignInThrottle(Limits limits) {
        this(limits, null);
    }

    private SignInThrottle(Limits limits, SignInWindowsPort shared) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.shared = shared;
    }

    /** Fixed windows counted in {@code windows}, shared by every instance that counts there. */
    public static SignInThrottle shared(Limits limits, SignInWindowsPort windows) {
        return new SignInThrottle(limits, Objects.requireNonNull(windows, "windows"));
    }

    public Limits limits() {
        return limits;
    }

    /** Admits an attempt (taking its place in both windows) or tells which limit refuses it and for how long. */
    Admission admit(String username, String sourceAddress, Instant now) {
        if (shared != null) {
            return admitShared(username, sourceAddress, now);
        }
        return admitLocal(username, sourceAddress, now);
    }

    private synchronized Admission admitLocal(String username, String sourceAddress, Instant now) {
        String addressKey = addressKey(sourceAddress);
        Window address = window(addresses, addressKey, now);
        Window user = window(usernames, username, now);
        Refused refused = refusal(address, limits.perAddress(), Limit.ADDRESS, now);
        if (refused == null) {
            refused = refusal(user, limits.perUsername(), Limit.USERNAME, now);
        }
        if (refused != null) {
            return refused;
        }
        address.attempts.addLast(now);
        user.attempts.addLast(now);
        return new Admitted(addressKey, username, now);
    }

    /** The fixed window {@code now} falls in, and the attempt counted in it by the shared counters. */
    private Admission admitShared(String username, String sourceAddress, Instant now) {
        long length = limits.window().toMillis();
        Instant windowStart = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), length) * length);
        purgeShared(now);
        String addressKey = addressKey(sourceAddress);
        SignInWindowsPort.Taken taken = shared.take("a:" + addressKey, limits.perAddress(), "u:" + username,
                limits.perUsername(), windowStart);
        if (taken.outcome() == SignInWindowsPort.Outcome.TAKEN) {
            return new Admitted(addressKey, username, windowStart);
        }
        Duration retryAfter = Duration.between(now, windowStart.plus(limits.window()));
        if (retryAfter.compareTo(Duration.ofSeconds(1)) < 0) {
            retryAfter = Duration.ofSeconds(1);
        }
        Limit which = taken.outcome() == SignInWindowsPort.Outcome.ADDRESS_FULL ? Limit.ADDRESS : Limit.USERNAME;
        return new Refused(which, retryAfter, taken.firstRefusal());
    }

    /** Deletes shared windows long past, at most every few minutes (whichever instance comes first). */
    private void purgeShared(Instant now) {
        synchronized (this) {
            if (Duration.between(purgedAt, now).compareTo(PURGE_EVERY) < 0) {
                return;
            }
            purgedAt = now;
        }
        shared.purgeBefore(now.minus(limits.window()).minus(limits.window()));
    }

    /** The admitted attempt succeeded: it no longer counts against its address or username. */
    void succeeded(Admitted attempt) {
        if (shared != null) {
            shared.giveBack("a:" + attempt.addressKey(), "u:" + attempt.username(), attempt.at());
            return;
        }
        succeededLocal(attempt);
    }

    private synchronized void succeededLocal(Admitted attempt) {
        giveBack(addresses.get(attempt.addressKey()), attempt.at());
        giveBack(usernames.get(attempt.username()), attempt.at());
    }

    private static void giveBack(Window window, Instant at) {
        if (window != null) {
            window.attempts.removeLastOccurrence(at);
        }
    }

    private Refused refusal(Window window, int limit, Limit which, Instant now) {
        if (window.attempts.size() < limit) {
            return null;
        }
        Instant until = window.attempts.peekFirst().plus(limits.window());
        Duration retryAfter = Duration.between(now, until);
        if (retryAfter.isNegative() || retryAfter.isZero()) {
            retryAfter = Duration.ofSeconds(1);
            until = now.plus(retryAfter);
        }
        boolean first = window.toldUntil == null || !now.isBefore(window.toldUntil);
        if (first) {
            Instant windowLater = now.plus(limits.window());
            window.toldUntil = until.isAfter(windowLater) ? until : windowLater;
        }
        return new Refused(which, retryAfter, first);
    }

    private Window window(Map<String, Window> windows, String key, Instant now) {
        Window window = windows.get(key);
        if (window == null) {
            if (windows.size() >= limits.maxTracked()) {
                windows.values().removeIf(w -> {
                    w.prune(now, limits.window());
                    return w.idle(now);
                });
                if (windows.size() >= limits.maxTracked()) {
                    // more clients at once than tracked: start afresh rather than grow (the lockout still holds)
                    windows.clear();
                }
            }
            window = new Window();
            windows.put(key, window);
        }
        window.prune(now, limits.window());
        return window;
    }

    /** The window an address counts in: an IPv4 address itself, an IPv6 address by its /64 prefix. */
    static String addressKey(String address) {
        if (address == null || address.isBlank()) {
            return "-";
        }
        String text = address.trim();
        if (text.indexOf(':') < 0) {
            return text;
        }
        int[] groups = ipv6Groups(text);
        if (groups == null) {
            return text;
        }
        return Integer.toHexString(groups[0]) + ":" + Integer.toHexString(groups[1]) + ":"
                + Integer.toHexString(groups[2]) + ":" + Integer.toHexString(groups[3]) + "::/64";
    }

    /** The eight 16-bit groups of a textual IPv6 address (no zone, no embedded IPv4), or null. */
    private static int[] ipv6Groups(String text) {
        if (!text.matches("[0-9A-Fa-f:]{2,39}")) {
            return null;
        }
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        String[] head = gap < 0 ? text.split(":", -1) : split(text.substring(0, gap));
        String[] tail = gap < 0 ? new String[0] : split(text.substring(gap + 2));
        int given = head.length + tail.length;
        if (gap < 0 ? given != 8 : given > 7) {
            return null;
        }
        int[] groups = new int[8];
        for (int i = 0; i < head.length; i++) {
            if (head[i].isEmpty() || head[i].length() > 4) {
                return null;
            }
            groups[i] = Integer.parseInt(head[i], 16);
        }
        for (int i = 0; i < tail.length; i++) {
            if (tail[i].isEmpty() || tail[i].length() > 4) {
                return null;
            }
            groups[8 - tail.length + i] = Integer.parseInt(tail[i], 16);
        }
        return groups;
    }

    private static String[] split(String part) {
        return part.isEmpty() ? new String[0] : part.split(":", -1);
    }
}
