package cn.egov.projects.application.account;

import cn.egov.projects.application.port.out.PolicyPort;
import cn.egov.projects.application.error.ForbiddenException;
import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.application.error.NotFoundException;
import cn.egov.projects.application.port.in.AccountAdminUseCase;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.out.AccessChangesPort;
import cn.egov.projects.application.port.out.AccountDirectoryPort;
import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.application.port.out.AuditTrailPort;
import cn.egov.projects.application.port.out.ClockPort;
import cn.egov.projects.application.port.out.PasswordStatePort;
import cn.egov.projects.application.port.out.TransactionPort;
import cn.egov.projects.application.view.AccountView;
import cn.egov.projects.application.view.Masks;
import cn.egov.projects.domain.access.AccessPolicy;
import cn.egov.projects.domain.access.Action;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.policy.PolicyPack;

import cn.egov.projects.domain.rule.RuleCode;

import java.util.List;

/** The administrator's account list and switch (三权分立: accounts only, never project content); audited. */
public final class AccountAdminService implements AccountAdminUseCase {

    private final AccountDirectoryPort accounts;
    private final AuditTrailPort audit;
    private final ClockPort clock;
    private final TransactionPort tx;
    private final PolicyPort policies;
    private final AccessChangesPort changes;
    private final PasswordStatePort states;

    /** @param changes told once a disabled (or enabled) account's switch has committed */
    public AccountAdminService(AccountDirectoryPort accounts, AuditTrailPort audit, ClockPort clock,
                               TransactionPort tx, PolicyPack pack, AccessChangesPort changes) {
        this(accounts, audit, clock, tx, pack, changes, PasswordStatePort.NONE);
    }

    /**
     * @param states an account enabled again counts as active from then on (not disabled again at once for the
     *               disuse that disabled it)
     */
    public AccountAdminService(AccountDirectoryPort accounts, AuditTrailPort audit, ClockPort clock,
                               TransactionPort tx, PolicyPack pack, AccessChangesPort changes,
                               PasswordStatePort states) {
        this(accounts, audit, clock, tx, PolicyPort.of(pack), changes, states);
    }

    /** @param policies the city's packs over time: each record and refusal cites the pack in force on the day */
    public AccountAdminService(AccountDirectoryPort accounts, AuditTrailPort audit, ClockPort clock,
                               TransactionPort tx, PolicyPort policies, AccessChangesPort changes,
                               PasswordStatePort states) {
        this.states = states;
        this.changes = changes;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
        this.policies = java.util.Objects.requireNonNull(policies, "policies");
    }

    /**
     * The pack in force today by the application's clock: a pack that takes effect later is followed from its first
     * day, without a restart.
     */
    private PolicyPack pack() {
        return policies.policies().inForceOn(clock.today());
    }

    @Override
    public List<AccountView> listAccounts(Caller caller) {
        requireAdmin(caller);
        return accounts.all().stream().map(a -> new AccountView(a.userId(), a.username(), a.displayName(), a.role(),
                a.unit(), Masks.mobile(a.mobile()), Masks.email(a.email()), a.enabled())).toList();
    }

    @Override
    public void setEnabled(Caller caller, String userId, boolean enabled) {
        requireAdmin(caller);
        if (!enabled && caller.actor().userId().equals(userId)) {
            throw new InvalidCommandException("enabled", "不能停用自己的账号");
        }
        tx.inTransaction(() -> {
            var account = accounts.findById(userId).orElseThrow(() -> new NotFoundException("账号不存在"));
            if (!caller.actor().role().mayGrant(account.role())) {
                // who may not grant a role may not switch its accounts on or off either (三员分立)
                throw new ForbiddenException(pack().violation(RuleCode.ART4_ROLE, caller.actor().role().zh() + "不能"
                        + (enabled ? "启用" : "停用") + "「" + account.role().zh() + "」账号，须由"
                        + Role.SECURITY_ADMIN.zh() + "办理（三员分立）"));
            }
            accounts.setEnabled(userId, enabled);
            if (enabled) {
                states.activated(userId, clock.now());
            }
            audit.append(new AuditRecord(clock.now(), caller.actor().userId(), caller.actor().role(),
                    caller.actor().unit().code(), Action.MANAGE_ACCOUNTS.name(), pack().articleZh(Action.MANAGE_ACCOUNTS.provision()), null, null, null,
                    caller.requestId(), caller.sourceAddress(),
                    (enabled ? "启用账号 " : "停用账号 ") + account.username()));
            return null;
        });
        // a disabled account's open sessions and remembered credentials stop working at their next request
        changes.accessChanged(userId);
    }

    private void requireAdmin(Caller caller) {
        var decision = new AccessPolicy(pack()).decide(caller.actor(), Action.MANAGE_ACCOUNTS);
        if (!decision.isAllowed()) {
            throw new ForbiddenException(decision.violation());
        }
    }
}
