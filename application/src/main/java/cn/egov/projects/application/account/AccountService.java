package cn.egov.projects.application.account;

import cn.egov.projects.application.error.ForbiddenException;
import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.application.port.in.AuthenticateUseCase;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.CreateAccountCommand;
import cn.egov.projects.application.port.in.CreateAccountUseCase;
import cn.egov.projects.application.port.out.Account;
import cn.egov.projects.application.port.out.AccountPort;
import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.application.port.out.AuditTrailPort;
import cn.egov.projects.application.port.out.ClockPort;
import cn.egov.projects.application.port.out.TransactionPort;
import cn.egov.projects.domain.access.AccessPolicy;
import cn.egov.projects.domain.access.Action;
import cn.egov.projects.domain.access.Actor;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.rule.RuleCode;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Accounts and sign-in: salted slow hashes, no default password, the first administrator set up explicitly. */
public final class AccountService implements AuthenticateUseCase, CreateAccountUseCase {

    /** A hash to verify against when the username is unknown, so that timing does not tell which names exist. */
    private final String decoyHash;
    private final AccountPort accounts;
    private final AuditTrailPort audit;
    private final ClockPort clock;
    private final TransactionPort tx;
    private final PasswordHasher hasher;
    private final PolicyPack pack;

    public AccountService(AccountPort accounts, AuditTrailPort audit, ClockPort clock, TransactionPort tx,
                          PasswordHasher hasher, PolicyPack pack) {
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
        this.hasher = hasher;
        this.pack = pack;
        this.decoyHash = hasher.decoy();
    }

    @Override
    public Optional<Actor> authenticate(String username, char[] password) {
        if (username == null || password == null || username.length() > CreateAccountCommand.MAX_USERNAME) {
            return Optional.empty();
        }
        Optional<Account> account = accounts.findByUsername(username);
        boolean matches = hasher.verify(password, account.map(Account::passwordHash).orElse(decoyHash));
        return account.filter(a -> matches && a.enabled()).map(AccountService::actor);
    }

    @Override
    public Optional<Actor> current(String userId) {
        return userId == null ? Optional.empty()
                : accounts.findById(userId).filter(Account::enabled).map(AccountService::actor);
    }

    private static Actor actor(Account a) {
        return new Actor(a.userId(), a.displayName(), a.role(), a.unit(), a.assigned());
    }

    @Override
    public String createAccount(Caller caller, CreateAccountCommand command) {
        return tx.inTransaction(() -> {
            if (caller == null) {
                // from the command line: the first of each of the three administrators (三员分立), nothing else
                if (!command.role().isAdministrator()) {
                    throw new InvalidCommandException("role", "命令行只能创建系统管理员、安全保密管理员或安全审计员，"
                            + "其他账号由管理员在系统中创建");
                }
                if (!accounts.findEnabledByRole(command.role(), Optional.empty()).isEmpty()) {
                    throw new ForbiddenException(pack.violation(RuleCode.ART4_ROLE, "系统已有" + command.role().zh()
                            + "，新的" + command.role().zh() + "须由安全保密管理员在系统中授予"));
                }
            } else {
                var decision = new AccessPolicy(pack).decide(caller.actor(), Action.MANAGE_ACCOUNTS);
                if (!decision.isAllowed()) {
                    throw new ForbiddenException(decision.violation());
                }
                requireMayGrant(caller, command.role());
            }
            if (accounts.findByUsername(command.username()).isPresent()) {
                throw new InvalidCommandException("username", "用户名「" + command.username() + "」已被使用");
            }
            String userId = UUID.randomUUID().toString();
            accounts.insert(new Account(userId, command.username(), command.displayName(), command.role(),
                    command.unit(), command.mobile(), command.email(), hasher.hash(command.password()), true, Set.of()));
            audit.append(new AuditRecord(clock.now(), caller == null ? "setup" : caller.actor().userId(),
                    caller == null ? command.role() : caller.actor().role(),
                    caller == null ? command.unit().code() : caller.actor().unit().code(),
                    Action.MANAGE_ACCOUNTS.name(), "第四条", null, null, null,
                    caller == null ? "-" : caller.requestId(), caller == null ? "command line" : caller.sourceAddress(),
                    "创建账号 " + command.username() + "（" + command.role().zh() + "）"));
            return userId;
        });
    }

    /**
     * Refuses to give a role the caller may not grant (三员分立, 等保 2.0 level 3): the system administrator grants no
     * administrator's role, nor the Bureau's or Audit's; those are the security administrator's to grant.
     */
    void requireMayGrant(Caller caller, Role role) {
        if (!caller.actor().role().mayGrant(role)) {
            throw new ForbiddenException(pack.violation(RuleCode.ART4_ROLE, caller.actor().role().zh() + "不能授予「"
                    + role.zh() + "」角色，须由" + Role.SECURITY_ADMIN.zh() + "授予（三员分立）"));
        }
    }
}
