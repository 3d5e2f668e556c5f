package cn.egov.projects.application.service;

import cn.egov.projects.application.port.out.PolicyPort;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.rule.Provision;
import cn.egov.projects.application.port.in.CalendarFeed;
import cn.egov.projects.application.port.in.CalendarFeedUseCase;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.MyDeadlinesUseCase;
import cn.egov.projects.application.port.out.AccountDirectoryPort;
import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.application.port.out.AuditTrailPort;
import cn.egov.projects.application.port.out.CalendarTokenPort;
import cn.egov.projects.application.port.out.ClockPort;
import cn.egov.projects.application.port.out.TransactionPort;
import cn.egov.projects.domain.access.Actor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Private calendar-feed tokens: 256 random bits, shown to their owner once, kept as SHA-256 digests; issuing and
 * revoking are audited. A feed gives what the owner's to-do list gives, a year ahead, while the account is enabled.
 */
public final class CalendarFeedService implements CalendarFeedUseCase {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int HORIZON_DAYS = 400;

    private final CalendarTokenPort tokens;
    private final AccountDirectoryPort accounts;
    private final MyDeadlinesUseCase deadlines;
    private final AuditTrailPort audit;
    private final ClockPort clock;
    private final TransactionPort tx;
    private final PolicyPort policies;

    /** @param pack the pack in force, whose numbering the records of issued and revoked tokens cite */
    public CalendarFeedService(CalendarTokenPort tokens, AccountDirectoryPort accounts, MyDeadlinesUseCase deadlines,
                               AuditTrailPort audit, ClockPort clock, TransactionPort tx, PolicyPack pack) {
        this(tokens, accounts, deadlines, audit, clock, tx, PolicyPort.of(pack));
    }

    /** @param policies the city's packs over time: the records cite the pack in force on the application's day */
    public CalendarFeedService(CalendarTokenPort tokens, AccountDirectoryPort accounts, MyDeadlinesUseCase deadlines,
                               AuditTrailPort audit, ClockPort clock, TransactionPort tx, PolicyPort policies) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.deadlines = deadlines;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
        this.policies = java.util.Objects.requireNonNull(policies, "policies");
    }

    /**
     * The article the records cite: the authorities' duties (Taicang Art. 4) in the pack in force today by the
     * application's clock, so that a pack that takes effect later is cited from its first day without a restart.
     */
    private String article() {
        return policies.policies().inForceOn(clock.today()).articleZh(Provision.AUTHORITIES);
    }

    @Override
    public String issueToken(Caller caller) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        tx.inTransaction(() -> {
            tokens.put(caller.actor().userId(), digest(token), clock.now());
            record(caller, "签发日历订阅令牌（原令牌失效）");
            return null;
        });
        return token;
    }

    @Override
    public boolean revokeToken(Caller caller) {
        return tx.inTransaction(() -> {
            boolean had = tokens.remove(caller.actor().userId());
            if (had) {
                record(caller, "撤销日历订阅令牌");
            }
            return had;
        });
    }

    @Override
    public Optional<CalendarFeed> feed(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        return tokens.userFor(digest(token))
                .flatMap(accounts::findById)
                .filter(a -> a.enabled())
                .map(a -> {
                    Actor owner = new Actor(a.userId(), a.displayName(), a.role(), a.unit(), a.assigned());
                    return new CalendarFeed(owner,
                            deadlines.myDeadlines(new Caller(owner, "calendar-feed", "-"), HORIZON_DAYS));
                });
    }

    private void record(Caller caller, String summary) {
        Actor a = caller.actor();
        audit.append(new AuditRecord(clock.now(), a.userId(), a.role(), a.unit().code(), "CALENDAR_TOKEN", article(),
                null, null, null, caller.requestId(), caller.sourceAddress(), summary));
    }

    static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
