package cn.egov.projects.application.account;

import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.application.port.in.AuthenticateUseCase;
import cn.egov.projects.application.port.in.CreateAccountCommand;
import cn.egov.projects.application.port.in.SignInUseCase;
import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.application.port.out.AuditTrailPort;
import cn.egov.projects.application.port.out.ClockPort;
import cn.egov.projects.application.port.out.LoginAttemptsPort;
import cn.egov.projects.application.port.out.TransactionPort;
import cn.egov.projects.domain.access.Actor;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Sign-in with lockout: 5 failures within 15 minutes lock the username for 15 minutes; all of it audited. */
public final class SignInService implements SignInUseCase {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK = Duration.ofMinutes(15);

    private final AuthenticateUseCase authenticate;
    private final LoginAttemptsPort attempts;
    private final AuditTrailPort audit;
    private final ClockPort clock;
    private final TransactionPort tx;

    public SignInService(AuthenticateUseCase authenticate, LoginAttemptsPort attempts, AuditTrailPort audit,
                         ClockPort clock, TransactionPort tx) {
        this.authenticate = authenticate;
        this.attempts = attempts;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
    }

    @Override
    public Result signIn(String username, char[] password, String requestId, String sourceAddress) {
        String name = username == null ? "" : username.trim();
        if (name.length() > CreateAccountCommand.MAX_USERNAME) {
            // no account has such a name; refused before it is looked up, counted or kept
            throw new InvalidCommandException("username", "用户名不能超过" + CreateAccountCommand.MAX_USERNAME + "个字符");
        }
        Instant now = clock.now();
        Optional<Instant> locked = attempts.lockedUntil(name).filter(now::isBefore);
        if (locked.isPresent()) {
            record(name, null, requestId, sourceAddress, "登录被拒绝：账号锁定至" + locked.get());
            return new Locked(locked.get());
        }
        Optional<Actor> actor = authenticate.authenticate(name, password);
        return tx.inTransaction(() -> {
            if (actor.isPresent()) {
                attempts.clearFailures(name);
                record(name, actor.get(), requestId, sourceAddress, "登录成功");
                return new SignedIn(actor.get());
            }
            attempts.recordFailure(name, now, sourceAddress);
            int failures = attempts.failuresSince(name, now.minus(WINDOW));
            if (failures >= MAX_FAILURES) {
                Instant until = now.plus(LOCK);
                attempts.lock(name, until);
                attempts.clearFailures(name);
                record(name, null, requestId, sourceAddress,
                        "连续" + MAX_FAILURES + "次登录失败，账号锁定至" + until);
                return new Locked(until);
            }
            record(name, null, requestId, sourceAddress, "登录失败（第" + failures + "次）");
            return new Failed();
        });
    }

    private void record(String username, Actor actor, String requestId, String source, String summary) {
        audit.append(new AuditRecord(clock.now(), actor == null ? username : actor.userId(),
                actor == null ? null : actor.role(), actor == null ? null : actor.unit().code(), "SIGN_IN", "第四条",
                null, null, null, requestId, source, summary + "（用户名 " + username + "）"));
    }
}
