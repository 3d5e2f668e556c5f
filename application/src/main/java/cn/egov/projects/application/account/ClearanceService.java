package cn.egov.projects.application.account;

import cn.egov.projects.application.port.out.PolicyPort;
import cn.egov.projects.application.error.ForbiddenException;
import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.ClearanceUseCase;
import cn.egov.projects.application.port.out.AccessChangesPort;
import cn.egov.projects.application.port.out.Account;
import cn.egov.projects.application.port.out.AccountPort;
import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.application.port.out.AuditTrailPort;
import cn.egov.projects.application.port.out.ClearancePort;
import cn.egov.projects.application.port.out.ClockPort;
import cn.egov.projects.application.port.out.TransactionPort;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.rule.Provision;
import cn.egov.projects.domain.rule.RuleCode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The clearances (涉密资格): granted and revoked by the security administrator only (三员分立: not the system
 * administrator, who manages accounts), read by the security administrator and the security auditor. Only an
 * enabled account of a role the secrecy office names into classified scopes can be cleared. A revocation takes the
 * person out of every classified project's scope in the same transaction, and their sessions look again at once.
 */
public final class ClearanceService implements ClearanceUseCase {

    /** The action of the audit records of clearances. */
    public static final String ACTION = "CLEARANCE";

    private final ClearancePort clearances;
    private final AccountPort accounts;
    private final AuditTrailPort audit;
    private final ClockPort clock;
    private final TransactionPort tx;
    private final PolicyPort policies;
    private final AccessChangesPort changes;

    /** @param policies the city's packs over time: records and refusals cite the pack in force on the day */
    public ClearanceService(ClearancePort clearances, AccountPort accounts, AuditTrailPort audit, ClockPort clock,
                            TransactionPort tx, PolicyPort policies, AccessChangesPort changes) {
        this.clearances = Objects.requireNonNull(clearances, "clearances");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tx = Objects.requireNonNull(tx, "tx");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.changes = Objects.requireNonNull(changes, "changes");
    }

    /** Judged by one pack at every date (tools and tests). */
    public ClearanceService(ClearancePort clearances, AccountPort accounts, AuditTrailPort audit, ClockPort clock,
                            TransactionPort tx, PolicyPack pack, AccessChangesPort changes) {
        this(clearances, accounts, audit, clock, tx, PolicyPort.of(pack), changes);
    }

    /**
     * The pack in force today by the application's clock: a pack that takes effect later is followed from its first
     * day, without a restart.
     */
    private PolicyPack pack() {
        return policies.policies().inForceOn(clock.today());
    }

    @Override
    public List<Person> list(Caller caller) {
        require(caller, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN);
        return tx.inTransaction(() -> {
            Map<String, ClearancePort.Clearance> cleared = clearances.cleared().stream()
                    .collect(Collectors.toMap(ClearancePort.Clearance::userId, c -> c, (a, b) -> a,
                            LinkedHashMap::new));
            Map<String, Account> people = new LinkedHashMap<>();
            for (Role role : Role.values()) {
                if (role.isNamedIntoClassifiedScope()) {
                    accounts.findEnabledByRole(role, Optional.empty()).forEach(a -> people.put(a.userId(), a));
                }
            }
            for (String userId : cleared.keySet()) {
                if (!people.containsKey(userId)) {
                    accounts.findById(userId).ifPresent(a -> people.put(a.userId(), a));
                }
            }
            List<Person> list = new ArrayList<>();
            for (Account a : people.values()) {
                list.add(person(a, cleared.get(a.userId())));
            }
            list.sort(Comparator.comparing(Person::role).thenComparing(Person::username));
            return list;
        });
    }

    @Override
    public Changed grant(Caller caller, String userId) {
        require(caller, Role.SECURITY_ADMIN);
        Changed changed = tx.inTransaction(() -> {
            Account target = target(userId);
            if (!target.role().isNamedIntoClassifiedScope()) {
                throw new InvalidCommandException("userId", "「" + target.displayName() + "」是" + target.role().zh()
                        + "，涉密资格只授予可被指定进入涉密项目知悉范围的人员（"
                        + scopeRoles() + "）");
            }
            if (!target.enabled()) {
                throw new InvalidCommandException("userId", "账号「" + target.displayName() + "」已停用，不能授予涉密资格");
            }
            if (clearances.grant(target.userId(), clock.now(), caller.actor().userId())) {
                record(caller, "授予 " + target.displayName() + "（" + target.role().zh() + "，" + target.username()
                        + "）涉密资格");
            }
            return new Changed(person(target, clearances.clearanceOf(target.userId()).orElse(null)), 0);
        });
        return changed;
    }

    @Override
    public Changed revoke(Caller caller, String userId) {
        require(caller, Role.SECURITY_ADMIN);
        Changed changed = tx.inTransaction(() -> {
            Account target = target(userId);
            int left = clearances.revoke(target.userId());
            if (left >= 0) {
                record(caller, "撤销 " + target.displayName() + "（" + target.role().zh() + "，" + target.username()
                        + "）的涉密资格" + (left > 0 ? "，同时移出 " + left + " 个涉密项目的知悉范围" : ""));
            }
            return new Changed(person(target, null), Math.max(0, left));
        });
        // the person's sessions and remembered credentials see at once what they may no longer see
        changes.accessChanged(changed.person().userId());
        return changed;
    }

    private Account target(String userId) {
        return (userId == null || userId.isBlank() || userId.length() > 100 ? Optional.<Account>empty()
                : accounts.findById(userId.trim())).orElseThrow(() -> new InvalidCommandException("userId", "账号不存在"));
    }

    private void require(Caller caller, Role... roles) {
        for (Role role : roles) {
            if (caller.actor().role() == role) {
                return;
            }
        }
        throw new ForbiddenException(pack().violation(RuleCode.ART4_ROLE, caller.actor().role().zh()
                + "无权" + (roles.length == 1 ? "授予或撤销" : "查看") + "涉密资格：涉密资格由"
                + Role.SECURITY_ADMIN.zh() + "授予和撤销，" + Role.AUDIT_ADMIN.zh() + "可查看（三员分立）"));
    }

    private void record(Caller caller, String summary) {
        audit.append(new AuditRecord(clock.now(), caller.actor().userId(), caller.actor().role(),
                caller.actor().unit().code(), ACTION, pack().articleZh(Provision.CLASSIFIED), null, null, null,
                caller.requestId(), caller.sourceAddress(), summary));
    }

    private Person person(Account a, ClearancePort.Clearance clearance) {
        String by = clearance == null ? null : accounts.findById(clearance.grantedBy()).map(Account::displayName)
                .orElse(clearance.grantedBy());
        return new Person(a.userId(), a.username(), a.displayName(), a.role(), a.unit(), a.enabled(),
                clearance != null, clearance == null ? null : clearance.grantedAt(), by);
    }

    private static String scopeRoles() {
        return java.util.Arrays.stream(Role.values()).filter(Role::isNamedIntoClassifiedScope).map(Role::zh)
                .collect(Collectors.joining("、"));
    }
}
