package cn.egov.projects.application.account;

import cn.egov.projects.application.port.out.PolicyPort;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.rule.Provision;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.SessionLimitUseCase;
import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.application.port.out.AuditTrailPort;
import cn.egov.projects.application.port.out.ClockPort;
import cn.egov.projects.application.port.out.TransactionPort;
import cn.egov.projects.application.port.out.WebSessionPort;
import cn.egov.projects.domain.access.Action;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One browser session per privileged account (系统管理员, 安全保密管理员, 安全审计员) and at most a set number for every
 * other account: a new sign-in ends the oldest sessions beyond the limit, whichever instance holds them (they are in
 * the database), and their next request is told that the account signed in elsewhere. Audited. Sessions are judged on
 * the real time, as their idle expiry is, not on the application's (possibly simulated) clock.
 */
public final class SessionLimitService implements SessionLimitUseCase {

    private final WebSessionPort sessions;
    private final AuditTrailPort audit;
    private final ClockPort clock;
    private final TransactionPort tx;
    private final int othersLimit;
    private final ClockPort realTime;
    private final PolicyPort policies;

    /**
     * @param clock       the application's clock (the audit records')
     * @param realTime    the real time, which the sessions' expiry follows (not a simulated clock)
     * @param othersLimit the sessions an account other than the three administrators' may hold at once (1 to 100)
     * @param pack        the pack in force, whose numbering the records cite
     */
    public SessionLimitService(WebSessionPort sessions, AuditTrailPort audit, ClockPort clock, TransactionPort tx,
                               ClockPort realTime, int othersLimit, PolicyPack pack) {
        this(sessions, audit, clock, tx, realTime, othersLimit, PolicyPort.of(pack));
    }

    /** @param policies the city's packs over time: the records cite the pack in force on the application's day */
    public SessionLimitService(WebSessionPort sessions, AuditTrailPort audit, ClockPort clock, TransactionPort tx,
                               ClockPort realTime, int othersLimit, PolicyPort policies) {
        if (othersLimit < 1 || othersLimit > 100) {
            throw new IllegalArgumentException("session limit must be 1 to 100, not " + othersLimit);
        }
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tx = Objects.requireNonNull(tx, "tx");
        this.othersLimit = othersLimit;
        this.realTime = Objects.requireNonNull(realTime, "realTime");
        this.policies = Objects.requireNonNull(policies, "policies");
    }

    /** The sessions each of the three administrators may hold at once (等保: one session per privileged account). */
    public static final int ADMINISTRATOR_SESSIONS = 1;

    /** The sessions an account of the caller's role may hold at once. */
    public int limitFor(Caller caller) {
        return caller.actor().role().isAdministrator() ? ADMINISTRATOR_SESSIONS : othersLimit;
    }

    /**
     * The article the records cite: the authorities' duties (Taicang Art. 4) in the pack in force today by the
     * application's clock, so that a pack that takes effect later is cited from its first day without a restart.
     */
    private String article() {
        return policies.policies().inForceOn(clock.today()).articleZh(Provision.AUTHORITIES);
    }

    @Override
    public int sessionStarted(Caller caller, String sessionId) {
        int limit = limitFor(caller);
        List<WebSessionPort.SignedInSession> older = sessions.signedInSessions(caller.actor().userId(), sessionId,
                        realTime.now()).stream().filter(s -> !s.current())
                .sorted(Comparator.comparing(WebSessionPort.SignedInSession::signedInAt,
                        Comparator.nullsFirst(Comparator.naturalOrder())).reversed())
                .skip(limit - 1L).toList();
        if (older.isEmpty()) {
            return 0;
        }
        older.forEach(s -> sessions.endSession(s.key(), WebSessionPort.SIGNED_IN_ELSEWHERE));
        String rule = limit == 1 && caller.actor().role().isAdministrator()
                ? caller.actor().role().zh() + "账号只允许一个会话"
                : "每个账号最多" + limit + "个会话";
        tx.inTransaction(() -> {
            audit.append(new AuditRecord(clock.now(), caller.actor().userId(), caller.actor().role(),
                    caller.actor().unit().code(), "SIGN_IN", article(), null, null, null, caller.requestId(),
                    caller.sourceAddress(), "同一账号重新登录，结束较早的" + older.size() + "个会话（" + rule + "）"));
            return null;
        });
        return older.size();
    }
}
