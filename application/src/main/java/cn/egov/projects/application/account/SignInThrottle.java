package cn.egov.projects.application.account;

import cn.egov.projects.application.port.in.SignInUseCase.Limit;

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
 * <p>The windows are kept in memory, <b>per application instance</b>: several instances behind a load balancer each
 * allow the limit. The lockout, which is what stops password guessing for good, is in the database and shared
 * ({@code LoginAttemptsPort}). At most {@link Limits#maxTracked()} addresses and as many usernames are tracked; when
 * more are active at once (a distributed attack), the windows start afresh rather than grow without bound.
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

    private final Limits limits;
    private final Map<String, Window> addresses = new HashMap<>();
    private final Map<String, Window> usernames = new HashMap<>();

    public SignInThrottle(Limits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public Limits limits() {
        return limits;
    }

    /** Admits an attempt (taking its place in both windows) or tells which limit refuses it and for how long. */
    synchronized Admission admit(String username, String sourceAddress, Instant now) {
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

    /** The admitted attempt succeeded: it no longer counts against its address or username. */
    synchronized void succeeded(Admitted attempt) {
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
