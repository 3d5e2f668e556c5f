package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.access.Actor;

import java.time.Duration;
import java.time.Instant;

/**
 * Signing in with a username and password, by whichever way the credentials came (the browser's sign-in form or a
 * script's HTTP Basic header): one policy for both. After 5 failures within 15 minutes the username is locked for 15
 * minutes, whatever the password; too many unsuccessful attempts from one client address or for one username within
 * a minute are refused for a while without checking the password. Every failure, lock and refusal is in the audit
 * trail with the request id and the client's address, and so is every success.
 */
public interface SignInUseCase {

    /** The way the credentials came, as the audit trail names it. */
    enum Channel {
        /** The sign-in form of the staff's pages, starting a browser session. */
        SESSION("会话登录"),
        /** An HTTP Basic header of a script, checked whenever it is not remembered as verified. */
        BASIC("HTTP Basic"),
        /**
         * The current password a signed-in person gives to change it: checked by the same policy, so that guessing
         * it through a stolen session meets the same rate limits and lockout as guessing it at the sign-in form.
         */
        PASSWORD_CHANGE("修改密码时验证当前密码");

        private final String zh;

        Channel(String zh) {
            this.zh = zh;
        }

        public String zh() {
            return zh;
        }
    }

    /** Which limit refused an attempt. */
    enum Limit {
        /** Too many unsuccessful attempts from the client's address (an IPv6 address counts by its /64). */
        ADDRESS("来源地址"),
        /** Too many unsuccessful attempts for the username, from wherever they came. */
        USERNAME("用户名");

        private final String zh;

        Limit(String zh) {
            this.zh = zh;
        }

        public String zh() {
            return zh;
        }
    }

    /** The answer to a sign-in. */
    sealed interface Result permits SignedIn, Failed, Locked, Throttled, Dormant {
    }

    /**
     * The person is signed in as this actor.
     *
     * @param passwordChange    why the password must be changed before anything else is done, or null when it need
     *                          not
     * @param passwordExpiresAt when the password reaches its maximum age on the application's clock, so that a
     *                          session or a remembered credential that outlives it asks for the change then (null:
     *                          never, or not known)
     */
    record SignedIn(Actor actor, PasswordChange passwordChange, Instant passwordExpiresAt) implements Result {

        /** Signed in with nothing to change. */
        public SignedIn(Actor actor) {
            this(actor, null, null);
        }

        /** Signed in, with no known expiry of the password. */
        public SignedIn(Actor actor, PasswordChange passwordChange) {
            this(actor, passwordChange, null);
        }

        /** Whether the password has reached its maximum age at {@code now}, and must be changed from then on. */
        public static boolean expired(Instant passwordExpiresAt, Instant now) {
            return passwordExpiresAt != null && !now.isBefore(passwordExpiresAt);
        }
    }

    /**
     * The password was right, but the account was disabled because it was not used for too long (told only after a
     * correct password, so that it does not tell which accounts exist); an administrator must enable it again.
     */
    record Dormant() implements Result {
    }

    /** Wrong username or password, or a disabled account (which of them is not told). */
    record Failed() implements Result {
    }

    /**
     * Too many failures: no sign-in until then, whatever the password (also for a username that does not exist, so
     * that the answer does not tell which names do).
     *
     * @param retryAfter how long from now until then
     */
    record Locked(Instant until, Duration retryAfter) implements Result {
    }

    /**
     * Too many unsuccessful attempts within a short time: the password was not checked; try again after
     * {@code retryAfter}.
     */
    record Throttled(Limit limit, Duration retryAfter) implements Result {
    }

    /**
     * @param sourceAddress the client's address as the adapter established it (behind a trusted proxy: the address
     *                      the proxy reports), used for the audit trail and the per-address limit
     */
    Result signIn(String username, char[] password, Channel channel, String requestId, String sourceAddress);
}
