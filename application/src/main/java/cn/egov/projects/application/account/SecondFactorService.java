package cn.egov.projects.application.account;

import cn.egov.projects.application.port.out.PolicyPort;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.rule.Provision;
import cn.egov.projects.application.error.ForbiddenException;
import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.application.error.NotFoundException;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.SecondFactorUseCase;
import cn.egov.projects.application.port.in.SecurityPolicyUseCase;
import cn.egov.projects.application.port.in.SignInUseCase;
import cn.egov.projects.application.port.out.Account;
import cn.egov.projects.application.port.out.AccessChangesPort;
import cn.egov.projects.application.port.out.AccountLockedPort;
import cn.egov.projects.application.port.out.AccountPort;
import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.application.port.out.AuditTrailPort;
import cn.egov.projects.application.port.out.ClockPort;
import cn.egov.projects.application.port.out.LoginAttemptsPort;
import cn.egov.projects.application.port.out.OneTimeCodeMacPort;
import cn.egov.projects.application.port.out.SecondFactorPort;
import cn.egov.projects.application.port.out.SecurityPolicyPort;
import cn.egov.projects.application.port.out.TransactionPort;
import cn.egov.projects.application.view.OtpAlgorithm;
import cn.egov.projects.application.view.SecurityPolicy;
import cn.egov.projects.domain.access.Actor;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.rule.RuleCode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The second factor (TOTP, RFC 6238) of sign-in and of sensitive actions, and the security settings that ask for it.
 * Codes are checked against the real time ({@code otpTime}: the authenticator app on the person's phone knows no
 * simulated clock), the current step and one either side; the step of an accepted code is stored, and a code of that
 * step or an earlier one is refused as a replay. Every code checked goes through the sign-in rate limits
 * ({@link SignInThrottle}) and a wrong or replayed one counts toward the lockout: 5 within 15 minutes lock the
 * username for 15 minutes, as 5 wrong passwords do, so that guessing codes is stopped exactly like guessing passwords.
 * Wrong codes are counted apart from wrong passwords ({@link #CODE_FAILURES} before the username), because the right
 * password that comes with each guessed code clears the password's count.
 * Every event is audited as {@code SECOND_FACTOR}, the settings' changes as {@code SECURITY_POLICY}.
 */
public final class SecondFactorService implements SecondFactorUseCase, SecurityPolicyUseCase {

    static final String STEP_UP_BDB = "step_up.bdb_approvals";
    static final String STEP_UP_FINANCE = "step_up.finance_approvals";
    static final String STEP_UP_MINUTES = "step_up.minutes";

    /** The key under which wrong codes are counted: before the username, a prefix no username can have. */
    static final String CODE_FAILURES = "otp:";

    private static final String ACTION = "SECOND_FACTOR";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ClockPort.ZONE);

    private final SecondFactorPort store;
    private final SecurityPolicyPort policies;
    private final OneTimeCodeMacPort mac;
    private final AccountPort accounts;
    private final LoginAttemptsPort attempts;
    private final AuditTrailPort audit;
    private final ClockPort clock;
    private final ClockPort otpTime;
    private final TransactionPort tx;
    private final SignInThrottle throttle;
    private final AccountLockedPort lockedOut;
    private final AccessChangesPort changes;
    /** The packs over time: the article on the authorities' duties of the one in force is what these records cite. */
    private final PolicyPort packs;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param clock     the application's clock (audit records, the lockout)
     * @param otpTime   the real time the codes are computed at (never a simulated clock)
     * @param throttle  the sign-in rate limits (the same instance as the password's, so both count together)
     * @param lockedOut told whenever a username is locked by wrong codes
     * @param changes   told when an account's second factor is confirmed, disabled or reset, so that credentials
     *                  remembered without a code stop being accepted at once
     * @param packs     the packs over time: the audit records and refusals cite the numbering of the one in force
     */
    public SecondFactorService(SecondFactorPort store, SecurityPolicyPort policies, OneTimeCodeMacPort mac,
                               AccountPort accounts, LoginAttemptsPort attempts, AuditTrailPort audit,
                               ClockPort clock, ClockPort otpTime, TransactionPort tx, SignInThrottle throttle,
                               AccountLockedPort lockedOut, AccessChangesPort changes, PolicyPort packs) {
        this.packs = Objects.requireNonNull(packs, "packs");
        this.changes = Objects.requireNonNull(changes, "changes");
        this.store = Objects.requireNonNull(store, "store");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.mac = Objects.requireNonNull(mac, "mac");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.attempts = Objects.requireNonNull(attempts, "attempts");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.otpTime = Objects.requireNonNull(otpTime, "otpTime");
        this.tx = Objects.requireNonNull(tx, "tx");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.lockedOut = Objects.requireNonNull(lockedOut, "lockedOut");
    }

    /** As the constructor above, judged by one pack at every date (tools and tests). */
    public SecondFactorService(SecondFactorPort store, SecurityPolicyPort policies, OneTimeCodeMacPort mac,
                               AccountPort accounts, LoginAttemptsPort attempts, AuditTrailPort audit,
                               ClockPort clock, ClockPort otpTime, TransactionPort tx, SignInThrottle throttle,
                               AccountLockedPort lockedOut, AccessChangesPort changes, PolicyPack pack) {
        this(store, policies, mac, accounts, attempts, audit, clock, otpTime, tx, throttle, lockedOut, changes,
                PolicyPort.of(pack));
    }

    // ------------------------------------------------------------------------------------------- requirement

    /**
     * The pack in force today by the application's clock: a pack that takes effect later is followed from its first
     * day, without a restart.
     */
    private PolicyPack pack() {
        return packs.policies().inForceOn(clock.today());
    }

    @Override
    public Requirement requirement(Actor actor) {
        Optional<SecondFactorPort.Stored> stored = store.find(actor.userId());
        if (stored.isPresent() && stored.get().confirmed()) {
            return Requirement.CODE;
        }
        return actor.role().isAdministrator() ? Requirement.ENROLMENT : Requirement.NONE;
    }

    // ------------------------------------------------------------------------------------------------ checks

    @Override
    public Verdict verifyAtSignIn(Actor actor, String username, String code, SignInUseCase.Channel channel,
                                  String requestId, String sourceAddress) {
        String how = channel == null ? "" : "，" + channel.zh();
        return counted(actor, username == null ? "" : username.trim(), code, Purpose.SIGN_IN, how, requestId,
                sourceAddress);
    }

    @Override
    public Verdict verify(Caller caller, String code, Purpose purpose) {
        return counted(caller.actor(), username(caller.actor()), code, purpose, "", caller.requestId(),
                caller.sourceAddress());
    }

    /** A code checked under the rate limits and the lockout, audited whatever the outcome. */
    private Verdict counted(Actor actor, String username, String code, Purpose purpose, String how,
                            String requestId, String sourceAddress) {
        Instant now = clock.now();
        Event event = new Event(actor, requestId, sourceAddress);
        SignInThrottle.Admission admission = throttle.admit(username, sourceAddress, now);
        if (admission instanceof SignInThrottle.Refused refused) {
            if (refused.first()) {
                event.record("动态口令尝试过于频繁（按" + refused.limit().zh() + "限制，" + purpose.zh() + how + "）");
            }
            return new Throttled(refused.limit(), refused.retryAfter());
        }
        Optional<Instant> locked = attempts.lockedUntil(username).filter(now::isBefore);
        if (locked.isPresent()) {
            event.record("动态口令验证被拒绝：账号锁定至" + TIME.format(locked.get()) + "（" + purpose.zh() + how + "）");
            lockedOut.accountLocked(username);
            return new Locked(locked.get(), Duration.between(now, locked.get()));
        }
        Verdict verdict = check(actor.userId(), code, purpose == Purpose.CONFIRM_ENROLMENT);
        Verdict result = tx.inTransaction(() -> {
            if (verdict instanceof Accepted) {
                attempts.clearFailures(CODE_FAILURES + username);
                event.record((purpose == Purpose.CONFIRM_ENROLMENT ? "绑定动态口令成功" : "动态口令验证通过")
                        + "（" + purpose.zh() + how + "）");
                return verdict;
            }
            Reason reason = ((Rejected) verdict).reason();
            attempts.recordFailure(CODE_FAILURES + username, now, sourceAddress);
            int failures = attempts.failuresSince(CODE_FAILURES + username, now.minus(SignInService.WINDOW));
            String what = switch (reason) {
                case REPLAYED -> "动态口令重放（该口令已使用过）";
                case NOT_ENROLLED -> "动态口令验证失败（未绑定）";
                case MALFORMED -> "动态口令格式不正确";
                case WRONG -> "动态口令错误";
            };
            if (failures >= SignInService.MAX_FAILURES) {
                Instant until = now.plus(SignInService.LOCK);
                attempts.lock(username, until);
                attempts.clearFailures(CODE_FAILURES + username);
                event.record(what + "；连续" + SignInService.MAX_FAILURES + "次验证失败，账号锁定至"
                        + TIME.format(until) + "（" + purpose.zh() + how + "）");
                return new Locked(until, SignInService.LOCK);
            }
            event.record(what + "（第" + failures + "次失败，" + purpose.zh() + how + "）");
            return verdict;
        });
        if (result instanceof Accepted && admission instanceof SignInThrottle.Admitted admitted) {
            throttle.succeeded(admitted);
            if (purpose == Purpose.CONFIRM_ENROLMENT) {
                changes.accessChanged(actor.userId());
            }
        } else if (result instanceof Locked) {
            lockedOut.accountLocked(username);
        }
        return result;
    }

    /** Checks a code against the account's secret (the confirmed one, or the enrolment under way). */
    private Verdict check(String userId, String code, boolean enrolment) {
        if (code == null || !code.matches("[0-9]{" + Totp.DIGITS + "}")) {
            return new Rejected(Reason.MALFORMED);
        }
        Optional<SecondFactorPort.Stored> found = store.find(userId).filter(s -> s.confirmed() != enrolment);
        if (found.isEmpty()) {
            return new Rejected(Reason.NOT_ENROLLED);
        }
        SecondFactorPort.Stored stored = found.get();
        Instant now = otpTime.now();
        long current = Totp.step(now);
        long matched = Long.MIN_VALUE;
        byte[] given = code.getBytes(StandardCharsets.US_ASCII);
        for (long step = current - 1; step <= current + 1; step++) {
            String expected = codeAt(stored.algorithm(), stored.secret(), step);
            // compared in constant time, every step computed whatever matched
            if (MessageDigest.isEqual(given, expected.getBytes(StandardCharsets.US_ASCII))) {
                matched = step;
            }
        }
        if (matched == Long.MIN_VALUE) {
            return new Rejected(Reason.WRONG);
        }
        if (enrolment) {
            return store.confirm(userId, matched, clock.now()) ? new Accepted(now) : new Rejected(Reason.NOT_ENROLLED);
        }
        if (matched <= stored.lastStep() || !store.advance(userId, matched)) {
            return new Rejected(Reason.REPLAYED);
        }
        return new Accepted(now);
    }

    private String codeAt(OtpAlgorithm algorithm, byte[] secret, long step) {
        return Totp.code(counter -> mac.mac(algorithm, secret, counter), step, Totp.DIGITS);
    }

    // ------------------------------------------------------------------------------------------- own factor

    @Override
    public Status status(Caller caller) {
        Optional<SecondFactorPort.Stored> stored = store.find(caller.actor().userId());
        boolean enrolled = stored.map(SecondFactorPort.Stored::confirmed).orElse(false);
        return new Status(enrolled, stored.map(SecondFactorPort.Stored::algorithm).orElse(null),
                stored.filter(SecondFactorPort.Stored::confirmed).map(SecondFactorPort.Stored::enrolledAt).orElse(null),
                caller.actor().role().isAdministrator(), stored.isPresent() && !enrolled);
    }

    @Override
    public Enrolment beginEnrolment(Caller caller, OtpAlgorithm algorithm) {
        OtpAlgorithm chosen = algorithm == null ? OtpAlgorithm.SM3 : algorithm;
        Actor actor = caller.actor();
        byte[] secret = new byte[Totp.SECRET_BYTES];
        random.nextBytes(secret);
        try {
            tx.inTransaction(() -> {
                if (!store.begin(actor.userId(), chosen, secret, clock.now())) {
                    throw new InvalidCommandException("secondFactor", actor.role().isAdministrator()
                            ? "已绑定动态口令；如需更换（例如手机丢失），请由安全保密管理员重置后重新绑定"
                            : "已绑定动态口令；如需更换，请先解除绑定");
                }
                new Event(actor, caller.requestId(), caller.sourceAddress())
                        .record("开始绑定动态口令（算法 " + label(chosen) + "）");
                return null;
            });
            String username = username(actor);
            return new Enrolment(Totp.base32(secret), chosen, Totp.uri(username, secret, chosen), Totp.DIGITS,
                    Totp.PERIOD_SECONDS);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    @Override
    public Enrolment enrolByOperator(String userId, OtpAlgorithm algorithm, String command) {
        OtpAlgorithm chosen = algorithm == null ? OtpAlgorithm.SM3 : algorithm;
        byte[] secret = new byte[Totp.SECRET_BYTES];
        random.nextBytes(secret);
        try {
            Account account = tx.inTransaction(() -> {
                Account found = accounts.findById(userId).orElseThrow(() -> new NotFoundException("账号不存在"));
                Instant at = clock.now();
                if (!store.begin(userId, chosen, secret, at) || !store.confirm(userId, -1, at)) {
                    throw new InvalidCommandException("secondFactor", "该账号已绑定动态口令");
                }
                audit.append(new AuditRecord(at, userId, found.role(), found.unit().code(), ACTION, article(), null,
                        null, null, command, "-", "由 " + command + " 命令绑定动态口令（算法 " + label(chosen)
                        + "），密钥只向操作员显示一次"));
                return found;
            });
            changes.accessChanged(userId);
            return new Enrolment(Totp.base32(secret), chosen, Totp.uri(account.username(), secret, chosen),
                    Totp.DIGITS, Totp.PERIOD_SECONDS);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    @Override
    public Verdict confirmEnrolment(Caller caller, String code) {
        return verify(caller, code, Purpose.CONFIRM_ENROLMENT);
    }

    @Override
    public Verdict disable(Caller caller, String code) {
        Actor actor = caller.actor();
        if (actor.role().isAdministrator()) {
            throw new ForbiddenException(pack().refusal(RuleCode.ART4_ROLE, actor.role().zh()
                    + "必须使用动态口令登录，不能解除绑定；手机丢失时请由安全保密管理员重置"));
        }
        Verdict verdict = verify(caller, code, Purpose.DISABLE);
        if (verdict instanceof Accepted) {
            tx.inTransaction(() -> {
                store.remove(actor.userId());
                new Event(actor, caller.requestId(), caller.sourceAddress()).record("解除绑定动态口令");
                return null;
            });
            changes.accessChanged(actor.userId());
        }
        return verdict;
    }

    @Override
    public void reset(Caller caller, String userId) {
        requireSecurityAdmin(caller, "重置其他账号的动态口令");
        if (caller.actor().userId().equals(userId)) {
            throw new InvalidCommandException("userId", "不能重置自己的动态口令，须由另一名安全保密管理员办理");
        }
        tx.inTransaction(() -> {
            Account account = accounts.findById(userId).orElseThrow(() -> new NotFoundException("账号不存在"));
            if (!store.remove(userId)) {
                throw new NotFoundException("该账号未绑定动态口令");
            }
            new Event(caller.actor(), caller.requestId(), caller.sourceAddress())
                    .record("重置账号 " + account.username() + " 的动态口令（须重新绑定）");
            return null;
        });
        changes.accessChanged(userId);
    }

    // ------------------------------------------------------------------------------------------ the settings

    @Override
    public SecurityPolicy current() {
        Map<String, String> settings = policies.settings();
        SecurityPolicy defaults = SecurityPolicy.defaults();
        int minutes = defaults.stepUpMinutes();
        try {
            minutes = Integer.parseInt(settings.getOrDefault(STEP_UP_MINUTES, String.valueOf(minutes)));
        } catch (NumberFormatException e) {
            // a stored value no one could have set through the use case: the default holds
        }
        minutes = Math.max(SecurityPolicy.MIN_MINUTES, Math.min(SecurityPolicy.MAX_MINUTES, minutes));
        return new SecurityPolicy(Boolean.parseBoolean(settings.get(STEP_UP_BDB)),
                Boolean.parseBoolean(settings.get(STEP_UP_FINANCE)), minutes);
    }

    @Override
    public SecurityPolicy read(Caller caller) {
        if (caller.actor().role() != Role.AUDIT_ADMIN) {
            // the security auditor reads what the security administrator set (三员分立); nobody else
            requireSecurityAdmin(caller, "查看安全策略");
        }
        return current();
    }

    @Override
    public SecurityPolicy update(Caller caller, SecurityPolicy policy) {
        requireSecurityAdmin(caller, "设置安全策略");
        Objects.requireNonNull(policy, "policy");
        tx.inTransaction(() -> {
            SecurityPolicy before = current();
            Instant at = clock.now();
            String by = caller.actor().userId();
            policies.put(STEP_UP_BDB, String.valueOf(policy.stepUpBdbApprovals()), at, by);
            policies.put(STEP_UP_FINANCE, String.valueOf(policy.stepUpFinanceApprovals()), at, by);
            policies.put(STEP_UP_MINUTES, String.valueOf(policy.stepUpMinutes()), at, by);
            audit.append(new AuditRecord(at, by, caller.actor().role(), caller.actor().unit().code(),
                    "SECURITY_POLICY", article(), null, null, null, caller.requestId(), caller.sourceAddress(),
                    "安全策略：" + describe(before) + " → " + describe(policy)));
            return null;
        });
        return current();
    }

    private static String describe(SecurityPolicy p) {
        return "大数据局审批前再次验证动态口令 " + (p.stepUpBdbApprovals() ? "是" : "否") + "，财政审批前再次验证 "
                + (p.stepUpFinanceApprovals() ? "是" : "否") + "，有效 " + p.stepUpMinutes() + " 分钟";
    }

    /** The article these records cite: the authorities' duties in the pack in force. */
    private String article() {
        return pack().articleZh(Provision.AUTHORITIES);
    }

    private void requireSecurityAdmin(Caller caller, String what) {
        Role role = caller.actor().role();
        if (role != Role.SECURITY_ADMIN) {
            throw new ForbiddenException(pack().refusal(RuleCode.ART4_ROLE, "「" + what + "」由"
                    + Role.SECURITY_ADMIN.zh() + "办理，您的角色（" + role.zh() + "）无权使用"));
        }
    }

    private String username(Actor actor) {
        return accounts.findById(actor.userId()).map(Account::username).orElse(actor.userId());
    }

    private static String label(OtpAlgorithm algorithm) {
        return algorithm == OtpAlgorithm.SM3 ? "HMAC-SM3" : "HMAC-SHA1";
    }

    /** One second-factor event, as the audit trail records it. */
    private final class Event {
        private final Actor actor;
        private final String requestId;
        private final String source;

        Event(Actor actor, String requestId, String source) {
            this.actor = actor;
            this.requestId = requestId;
            this.source = source;
        }

        void record(String summary) {
            audit.append(new AuditRecord(clock.now(), actor.userId(), actor.role(), actor.unit().code(), ACTION,
                    article(), null, null, null, requestId, source, summary));
        }
    }
}
