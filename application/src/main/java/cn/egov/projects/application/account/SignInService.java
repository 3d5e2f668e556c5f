package cn.egov.projects.application.account;

import cn.egov.projects.application.port.out.PolicyPort;
import cn.egov.projects.domain.rule.Provision;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.application.port.in.AuthenticateUseCase;
import cn.egov.projects.application.port.in.SignInUseCase;
import cn.egov.projects.application.port.out.AccountLockedPort;
import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.application.port.out.AuditTrailPort;
import cn.egov.projects.application.port.out.ClockPort;
import cn.egov.projects.application.port.out.LoginAttemptsPort;
import cn.egov.projects.application.port.out.TransactionPort;

import cn.egov.projects.domain.access.Actor;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;

/**
 * The one sign-in policy, for the browser's sign-in form and for HTTP Basic alike: first the rate limits
 * ({@link SignInThrottle}: unsuccessful attempts per client address and per username), then the lockout (5 failures
 * within 15 minutes lock the username for 15 minutes, whatever the password; unknown usernames too, so that the
 * answer does not tell which exist), then the password. Every success, failure, lock and refusal is audited with the
 * way it came, the request id and the client's address — except that of the attempts refused by a rate limit only
 * the first within a minute per address or username is recorded (the rest are what the limit is there to absorb).
 */
public final class SignInService implements SignInUseCase {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK = Duration.ofMinutes(15);
    /** No account's username is longer (CreateAccountCommand); a longer one is refused without a look-up. */
    static final int MAX_USERNAME = 64;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ClockPort.ZONE);

    private final CredentialCheck check;
    private final LoginAttemptsPort attempts;
    private final AuditTrailPort audit;
    private final ClockPort clock;
    private final TransactionPort tx;
    private final SignInThrottle throttle;
    private final AccountLockedPort lockedOut;
    private final PolicyPort policies;

    /** With the standard rate limits, telling nobody of locks. */
    public SignInService(AuthenticateUseCase authenticate, LoginAttemptsPort attempts, AuditTrailPort audit,
                         ClockPort clock, TransactionPort tx, PolicyPack pack) {
        this(authenticate, attempts, audit, clock, tx, new SignInThrottle(SignInThrottle.Limits.standard()),
                AccountLockedPort.NONE, pack);
    }

    /**
     * @param throttle  the rate limits (shared through the database, or in memory per instance)
     * @param lockedOut told whenever a username is locked, or found locked
     * @param pack      the pack in force, whose article on the authorities' duties the sign-in records cite
     */
    public SignInService(AuthenticateUseCase authenticate, LoginAttemptsPort attempts, AuditTrailPort audit,
                         ClockPort clock, TransactionPort tx, SignInThrottle throttle, AccountLockedPort lockedOut,
                         PolicyPack pack) {
        this(authenticate, attempts, audit, clock, tx, throttle, lockedOut, PolicyPort.of(pack));
    }

    /**
     * @param throttle  the rate limits (shared through the database, or in memory per instance)
     * @param lockedOut told whenever a username is locked, or found locked
     * @param policies  the city's packs over time: the sign-in records cite the article on the authorities' duties
     *                  of the pack in force on the application's day
     */
    public SignInService(AuthenticateUseCase authenticate, LoginAttemptsPort attempts, AuditTrailPort audit,
                         ClockPort clock, TransactionPort tx, SignInThrottle throttle, AccountLockedPort lockedOut,
                         PolicyPort policies) {
        Objects.requireNonNull(authenticate, "authenticate");
        // the account service checks the password policy's state too (a password to change, an account unused too
        // long); any other authenticator checks the password alone
        this.check = authenticate instanceof CredentialCheck policyAware ? policyAware
                : CredentialCheck.of(authenticate);
        this.attempts = Objects.requireNonNull(attempts, "attempts");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tx = Objects.requireNonNull(tx, "tx");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.lockedOut = Objects.requireNonNull(lockedOut, "lockedOut");
        this.policies = Objects.requireNonNull(policies, "policies");
    }

    /**
     * The article the records cite: the authorities' duties (Taicang Art. 4) in the pack in force today by the
     * application's clock, so that a pack that takes effect later is cited from its first day without a restart.
     */
    private String article() {
        return policies.policies().inForceOn(clock.today()).articleZh(Provision.AUTHORITIES);
    }

    @Override
    public Result signIn(String username, char[] password, Channel channel, String requestId, String sourceAddress) {
        String name = username == null ? "" : username.trim();
        Channel via = channel == null ? Channel.SESSION : channel;
        Attempt attempt = new Attempt(name, via, requestId, sourceAddress);
        Instant now = clock.now();

        SignInThrottle.Admission admission = throttle.admit(key(name), sourceAddress, now);
        if (admission instanceof SignInThrottle.Refused refused) {
            if (refused.first()) {
                attempt.record(null, "登录尝试过于频繁（按" + refused.limit().zh() + "限制），暂停至"
                        + TIME.format(now.plus(refused.retryAfter())) + "；1分钟内的其余被拒尝试不再逐次记录");
            }
            return new Throttled(refused.limit(), refused.retryAfter());
        }
        SignInThrottle.Admitted admitted = (SignInThrottle.Admitted) admission;

        if (name.length() > MAX_USERNAME || name.chars().anyMatch(Character::isISOControl)) {
            attempt.record(null, "登录失败（用户名无效）");
            return new Failed();
        }
        Optional<Instant> locked = attempts.lockedUntil(name).filter(now::isBefore);
        if (locked.isPresent()) {
            attempt.record(null, "登录被拒绝：账号锁定至" + TIME.format(locked.get()));
            lockedOut.accountLocked(name);
            return new Locked(locked.get(), Duration.between(now, locked.get()));
        }
        CredentialCheck.Outcome outcome = check.check(name, password);
        Result result = tx.inTransaction(() -> {
            if (outcome instanceof CredentialCheck.Valid valid) {
                attempts.clearFailures(name);
                attempt.record(valid.actor(), via == Channel.PASSWORD_CHANGE ? "当前密码验证通过"
                        : valid.passwordChange() == null ? "登录成功"
                        : "登录成功，须先修改密码（" + valid.passwordChange().zh() + "）");
                return new SignedIn(valid.actor(), valid.passwordChange(), valid.passwordExpiresAt());
            }
            if (outcome instanceof CredentialCheck.Dormant) {
                attempts.clearFailures(name);
                attempt.record(null, "登录被拒绝：密码正确，但账号因长期未使用已停用");
                return new Dormant();
            }
            attempts.recordFailure(name, now, sourceAddress);
            int failures = attempts.failuresSince(name, now.minus(WINDOW));
            if (failures >= MAX_FAILURES) {
                Instant until = now.plus(LOCK);
                attempts.lock(name, until);
                attempts.clearFailures(name);
                attempt.record(null, "连续" + MAX_FAILURES + "次" + (via == Channel.PASSWORD_CHANGE ? "密码验证失败"
                        : "登录失败") + "，账号锁定至" + TIME.format(until));
                return new Locked(until, LOCK);
            }
            attempt.record(null, (via == Channel.PASSWORD_CHANGE ? "当前密码不正确" : "登录失败") + "（第" + failures
                    + "次）");
            return new Failed();
        });
        if (result instanceof SignedIn || result instanceof Dormant) {
            throttle.succeeded(admitted);
        } else if (result instanceof Locked) {
            lockedOut.accountLocked(name);
        }
        return result;
    }

    /** The username's window in the throttle: names no account can have are cut to a bounded key. */
    private static String key(String name) {
        return name.length() > MAX_USERNAME ? name.substring(0, MAX_USERNAME) + "…" : name;
    }

    /** One sign-in attempt, as the audit trail records it. */
    private final class Attempt {
        private final String name;
        private final Channel channel;
        private final String requestId;
        private final String source;

        Attempt(String name, Channel channel, String requestId, String source) {
            this.name = name;
            this.channel = channel;
            this.requestId = requestId;
            this.source = source;
        }

        void record(Actor actor, String summary) {
            String shown = printable(name);
            audit.append(new AuditRecord(clock.now(), actor == null ? shown : actor.userId(),
                    actor == null ? null : actor.role(), actor == null ? null : actor.unit().code(), "SIGN_IN",
                    article(), null, null, null, requestId, source,
                    summary + "（" + channel.zh() + "，用户名 " + shown + "）"));
        }
    }

    /** A username as the audit trail may show it: control characters replaced, at most 64 characters. */
    private static String printable(String name) {
        StringBuilder shown = new StringBuilder();
        name.codePoints().limit(MAX_USERNAME).forEach(c -> shown.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return name.codePointCount(0, name.length()) > MAX_USERNAME ? shown + "…" : shown.toString();
    }
}
