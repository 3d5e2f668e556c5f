package cn.egov.projects.application.port.in;

import cn.egov.projects.application.view.OtpAlgorithm;
import cn.egov.projects.domain.access.Actor;

import java.time.Duration;
import java.time.Instant;

/**
 * The second factor of sign-in (等保 2.0 level 3 身份鉴别, 密评 level 3): a time-based one-time code (RFC 6238, 6
 * digits, 30 s, HMAC-SM3 by default or HMAC-SHA-1) from an authenticator app the account enrolled. The three
 * administrators ({@code ADMIN}, {@code SECURITY_ADMIN}, {@code AUDIT_ADMIN}) must use it; any other account may opt
 * in. A code is accepted from the current time step and one step either side (clock drift), and only once (a code
 * already used is refused as a replay). Wrong codes count like wrong passwords: the same rate limits per address and
 * per username, the same lockout. Every enrolment, confirmation, disabling, reset, success, failure and replay is in
 * the security audit trail.
 */
public interface SecondFactorUseCase {

    /** What an account must still do after its password was right. */
    enum Requirement {
        /** Nothing: the account has no second factor and needs none. */
        NONE,
        /** Give a one-time code. */
        CODE,
        /** Enrol first (an administrator without a second factor): nothing else until then. */
        ENROLMENT
    }

    /** Why a code was checked, as the audit trail names it. */
    enum Purpose {
        SIGN_IN("登录"),
        STEP_UP("敏感操作前再次验证"),
        CONFIRM_ENROLMENT("确认绑定"),
        DISABLE("解除绑定");

        private final String zh;

        Purpose(String zh) {
            this.zh = zh;
        }

        public String zh() {
            return zh;
        }
    }

    /** The outcome of checking a code. */
    sealed interface Verdict permits Accepted, Rejected, Throttled, Locked {
    }

    /** The code was right and had not been used. */
    record Accepted(Instant at) implements Verdict {
    }

    /** Why a code was refused. */
    enum Reason {
        /** Not 6 digits. */
        MALFORMED,
        /** Not the code of the current time step or one either side. */
        WRONG,
        /** The code of a time step already used. */
        REPLAYED,
        /** The account has no (confirmed) second factor to check against. */
        NOT_ENROLLED
    }

    /** The code was refused; a wrong or replayed one counted toward the lockout. */
    record Rejected(Reason reason) implements Verdict {
    }

    /** Too many unsuccessful attempts within a short time: the code was not checked. */
    record Throttled(SignInUseCase.Limit limit, Duration retryAfter) implements Verdict {
    }

    /** The username is locked (too many failed passwords or codes): no code is checked until then. */
    record Locked(Instant until, Duration retryAfter) implements Verdict {
    }

    /** An account's second factor as its owner sees it. */
    record Status(boolean enrolled, OtpAlgorithm algorithm, Instant enrolledAt, boolean mandatory,
                  boolean enrolmentUnderWay) {
    }

    /**
     * A new secret, shown once to its owner: base32 (RFC 4648, no padding) and as an {@code otpauth://totp/} URI for
     * a QR code. It signs nobody in until a code of it confirms it.
     */
    record Enrolment(String secretBase32, OtpAlgorithm algorithm, String uri, int digits, int periodSeconds) {
    }

    /** What the actor must do after its password was right. */
    Requirement requirement(Actor actor);

    /**
     * Checks a one-time code at sign-in (the password was right), under the sign-in rate limits and lockout.
     *
     * @param username the username the person signed in with (the lockout's key)
     */
    Verdict verifyAtSignIn(Actor actor, String username, String code, SignInUseCase.Channel channel,
                           String requestId, String sourceAddress);

    /** Checks a code of the signed-in caller for a step-up before a sensitive action. */
    Verdict verify(Caller caller, String code, Purpose purpose);

    /** The caller's own second factor. */
    Status status(Caller caller);

    /**
     * Starts (or starts again) the caller's enrolment with a new secret; refused while one is confirmed (disable it
     * first, or have the security administrator reset it).
     */
    Enrolment beginEnrolment(Caller caller, OtpAlgorithm algorithm);

    /** Confirms the caller's enrolment under way with a code of its secret. */
    Verdict confirmEnrolment(Caller caller, String code);

    /** Removes the caller's own second factor, with a current code; refused for the three administrators. */
    Verdict disable(Caller caller, String code);

    /**
     * Enrols an account on the operator's command ({@code create-admin}, {@code --demo}): the secret is confirmed at
     * once and shown this one time to the operator, who hands it to the account's holder like an initial password.
     * Refused when the account has a confirmed second factor already.
     */
    Enrolment enrolByOperator(String userId, OtpAlgorithm algorithm, String command);

    /** The security administrator removes another account's second factor (a lost phone); audited. */
    void reset(Caller caller, String userId);
}
