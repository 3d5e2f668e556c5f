package cn.egov.projects.application.account;

import cn.egov.projects.application.port.out.PolicyPort;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.rule.Provision;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.ExportLimitUseCase;
import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.application.port.out.AuditTrailPort;
import cn.egov.projects.application.port.out.ClockPort;
import cn.egov.projects.application.port.out.TransactionPort;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;

/**
 * The export rate limits: at most so many exports per account and per client address within a window (20 in 10
 * minutes unless set otherwise), counted by a {@link SignInThrottle} of their own (shared through the database: every
 * export counts, none is given back). The first refusal of a window per account or address is audited; the rest are
 * only answered.
 */
public final class ExportLimitService implements ExportLimitUseCase {

    /** The window the export limits count in. */
    public static final Duration WINDOW = Duration.ofMinutes(10);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ClockPort.ZONE);

    private final SignInThrottle throttle;
    private final AuditTrailPort audit;
    private final ClockPort clock;
    private final TransactionPort tx;
    private final PolicyPort policies;

    /**
     * @param throttle the counters (per address, per "username": here the account's user id)
     * @param pack     the pack in force, whose numbering the records cite
     */
    public ExportLimitService(SignInThrottle throttle, AuditTrailPort audit, ClockPort clock, TransactionPort tx,
                              PolicyPack pack) {
        this(throttle, audit, clock, tx, PolicyPort.of(pack));
    }

    /** @param policies the city's packs over time: the records cite the pack in force on the application's day */
    public ExportLimitService(SignInThrottle throttle, AuditTrailPort audit, ClockPort clock, TransactionPort tx,
                              PolicyPort policies) {
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tx = Objects.requireNonNull(tx, "tx");
        this.policies = Objects.requireNonNull(policies, "policies");
    }

    /** {@code perWindow} exports per account and per address within {@link #WINDOW}. */
    public static SignInThrottle.Limits limits(int perWindow) {
        return new SignInThrottle.Limits(perWindow, perWindow, WINDOW, 20_000);
    }

    /**
     * The article the records cite: the authorities' duties (Taicang Art. 4) in the pack in force today by the
     * application's clock, so that a pack that takes effect later is cited from its first day without a restart.
     */
    private String article() {
        return policies.policies().inForceOn(clock.today()).articleZh(Provision.AUTHORITIES);
    }

    @Override
    public Optional<ExportRefused> admit(Caller caller, String what) {
        var now = clock.now();
        SignInThrottle.Admission admission = throttle.admit(caller.actor().userId(), caller.sourceAddress(), now);
        if (!(admission instanceof SignInThrottle.Refused refused)) {
            return Optional.empty();
        }
        if (refused.first()) {
            tx.inTransaction(() -> {
                audit.append(new AuditRecord(now, caller.actor().userId(), caller.actor().role(),
                        caller.actor().unit().code(), "EXPORT", article(), null, null, null, caller.requestId(),
                        caller.sourceAddress(), "导出过于频繁（按" + (refused.limit().name().equals("ADDRESS")
                        ? "来源地址" : "账号") + "限制，每" + WINDOW.toMinutes() + "分钟最多"
                        + throttle.limits().perUsername() + "次），「" + what + "」被拒绝，暂停至"
                        + TIME.format(now.plus(refused.retryAfter())) + "；本时段其余被拒导出不再逐次记录"));
                return null;
            });
        }
        return Optional.of(new ExportRefused(refused.limit(), refused.retryAfter()));
    }
}
