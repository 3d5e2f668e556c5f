package cn.egov.projects.application.account;

import cn.egov.projects.application.port.out.PolicyPort;
import cn.egov.projects.application.error.ForbiddenException;
import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.application.error.NotFoundException;
import cn.egov.projects.application.error.PasswordRejectedException;
import cn.egov.projects.application.port.in.PasswordChange;
import cn.egov.projects.application.port.in.PasswordUseCase;
import cn.egov.projects.application.port.in.SignInUseCase;
import cn.egov.projects.application.port.in.SignInRefusedException;
import cn.egov.projects.application.port.out.AccessChangesPort;
import cn.egov.projects.application.port.out.PasswordStatePort;
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

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Accounts and sign-in: salted slow hashes, no default password, the first administrator set up explicitly; the
 * password policy ({@link PasswordPolicy}) wherever a password is set, the password that must be changed (set by an
 * administrator, or too old), and accounts disabled after too long without signing in.
 */
public final class AccountService implements AuthenticateUseCase, CreateAccountUseCase, PasswordUseCase,
        CredentialCheck {

    /** A hash to verify against when the username is unknown, so that timing does not tell which names exist. */
    private final String decoyHash;
    private final AccountPort accounts;
    private final AuditTrailPort audit;
    private final ClockPort clock;
    private final TransactionPort tx;
    private final PasswordHasher hasher;
    private final PolicyPort policies;
    private final PasswordStatePort states;
    private final PasswordPolicy policy;
    private final AccessChangesPort changes;
    /** Checks the current password given to change it under the sign-in policy; null: the hash alone. */
    private volatile SignInUseCase currentPasswords;

    /** Keeping no password state: the composition rules only (tools and tests). */
    public AccountService(AccountPort accounts, AuditTrailPort audit, ClockPort clock, TransactionPort tx,
                          PasswordHasher hasher, PolicyPack pack) {
        this(accounts, audit, clock, tx, hasher, pack, PasswordStatePort.NONE, PasswordPolicy.standard(),
                AccessChangesPort.NONE);
    }

    /**
     * @param states  the accounts' password dates, history and last sign-in
     * @param policy  the password policy
     * @param changes told once a password changed or an account was disabled for disuse
     */
    public AccountService(AccountPort accounts, AuditTrailPort audit, ClockPort clock, TransactionPort tx,
                          PasswordHasher hasher, PolicyPack pack, PasswordStatePort states, PasswordPolicy policy,
                          AccessChangesPort changes) {
        this(accounts, audit, clock, tx, hasher, PolicyPort.of(pack), states, policy, changes);
    }

    /**
     * @param policies the city's packs over time: each action cites the pack in force on the application's day
     * @param states   the accounts' password dates, history and last sign-in
     * @param policy   the password policy
     * @param changes  told once a password changed or an account was disabled for disuse
     */
    public AccountService(AccountPort accounts, AuditTrailPort audit, ClockPort clock, TransactionPort tx,
                          PasswordHasher hasher, PolicyPort policies, PasswordStatePort states, PasswordPolicy policy,
                          AccessChangesPort changes) {
        this.states = states;
        this.policy = policy;
        this.changes = changes;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
        this.hasher = hasher;
        this.policies = java.util.Objects.requireNonNull(policies, "policies");
        this.decoyHash = hasher.decoy();
    }

    /**
     * The pack in force today by the application's clock: a pack that takes effect later is followed from its first
     * day, without a restart.
     */
    private PolicyPack pack() {
        return policies.policies().inForceOn(clock.today());
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
                    throw new ForbiddenException(pack().violation(RuleCode.ART4_ROLE, "系统已有" + command.role().zh()
                            + "，新的" + command.role().zh() + "须由安全保密管理员在系统中授予"));
                }
            } else {
                var decision = new AccessPolicy(pack()).decide(caller.actor(), Action.MANAGE_ACCOUNTS);
                if (!decision.isAllowed()) {
                    throw new ForbiddenException(decision.violation());
                }
                requireMayGrant(caller, command.role());
            }
            if (accounts.findByUsername(command.username()).isPresent()) {
                throw new InvalidCommandException("username", "用户名「" + command.username() + "」已被使用");
            }
            policy.check(command.username(), command.password(), "password");
            String userId = UUID.randomUUID().toString();
            String hash = hasher.hash(command.password());
            accounts.insert(new Account(userId, command.username(), command.displayName(), command.role(),
                    command.unit(), command.mobile(), command.email(), hash, true, Set.of()));
            // an administrator's choice of password is to be changed by its owner; on the command line the first
            // administrators type their own
            Instant now = clock.now();
            states.passwordSet(userId, hash, now, caller != null);
            states.activated(userId, now);
            audit.append(new AuditRecord(clock.now(), caller == null ? "setup" : caller.actor().userId(),
                    caller == null ? command.role() : caller.actor().role(),
                    caller == null ? command.unit().code() : caller.actor().unit().code(),
                    Action.MANAGE_ACCOUNTS.name(), pack().articleZh(Action.MANAGE_ACCOUNTS.provision()), null, null, null,
                    caller == null ? "-" : caller.requestId(), caller == null ? "command line" : caller.sourceAddress(),
                    "创建账号 " + command.username() + "（" + command.role().zh() + "）"));
            return userId;
        });
    }

    // ------------------------------------------------------------------------------------- the password policy

    @Override
    public Outcome check(String username, char[] password) {
        if (username == null || password == null || username.length() > CreateAccountCommand.MAX_USERNAME) {
            return new Invalid();
        }
        Optional<Account> found = accounts.findByUsername(username);
        boolean matches = hasher.verify(password, found.map(Account::passwordHash).orElse(decoyHash));
        if (!matches || found.isEmpty()) {
            return new Invalid();
        }
        Account account = found.get();
        Optional<PasswordStatePort.PasswordState> state = states.state(account.userId());
        if (!account.enabled()) {
            return state.map(PasswordStatePort.PasswordState::disabledReason).filter(PasswordStatePort.DORMANT::equals)
                    .isPresent() ? new Dormant(account.userId()) : new Invalid();
        }
        Instant now = clock.now();
        Instant cutoff = now.minus(policy.dormantAfter());
        if (state.map(PasswordStatePort.PasswordState::lastActiveAt).filter(a -> a.isBefore(cutoff)).isPresent()) {
            disableDormant(account, cutoff, now);
            return new Dormant(account.userId());
        }
        tx.inTransaction(() -> {
            states.signedIn(account.userId(), now);
            return null;
        });
        return new Valid(actor(account), state.flatMap(s -> required(s, now)).orElse(null),
                state.map(PasswordStatePort.PasswordState::passwordChangedAt).map(at -> at.plus(policy.maxAge()))
                        .orElse(null));
    }

    @Override
    public Optional<PasswordChange> passwordChangeRequired(String userId) {
        return states.state(userId).flatMap(s -> required(s, clock.now()));
    }

    private Optional<PasswordChange> required(PasswordStatePort.PasswordState state, Instant now) {
        if (state.mustChange()) {
            return Optional.of(PasswordChange.INITIAL);
        }
        if (state.passwordChangedAt() != null && !state.passwordChangedAt().plus(policy.maxAge()).isAfter(now)) {
            return Optional.of(PasswordChange.EXPIRED);
        }
        return Optional.empty();
    }

    /**
     * From now on the current password given to change one is checked by the sign-in policy: each wrong one counts
     * toward the username's lockout and the rate limits and is audited, and a locked username cannot change its
     * password until the lock ends (the sign-in policy is built on this service, hence set after construction).
     */
    public void checkCurrentPasswordsWith(SignInUseCase signIn) {
        this.currentPasswords = java.util.Objects.requireNonNull(signIn, "signIn");
    }

    @Override
    public void changeOwnPassword(Caller caller, char[] currentPassword, char[] newPassword) {
        Account account = accounts.findById(caller.actor().userId()).filter(Account::enabled)
                .orElseThrow(() -> new NotFoundException("账号不存在或已停用"));
        if (currentPassword == null) {
            throw new PasswordRejectedException(PasswordPolicy.WRONG, "currentPassword", "当前密码不正确");
        }
        SignInUseCase signIn = currentPasswords;
        if (signIn == null) {
            if (!hasher.verify(currentPassword, account.passwordHash())) {
                throw new PasswordRejectedException(PasswordPolicy.WRONG, "currentPassword", "当前密码不正确");
            }
        } else {
            SignInUseCase.Result result = signIn.signIn(account.username(), currentPassword,
                    SignInUseCase.Channel.PASSWORD_CHANGE, caller.requestId(), caller.sourceAddress());
            if (result instanceof SignInUseCase.Locked || result instanceof SignInUseCase.Throttled) {
                throw new SignInRefusedException(result);
            }
            if (!(result instanceof SignInUseCase.SignedIn signedIn)
                    || !signedIn.actor().userId().equals(account.userId())) {
                throw new PasswordRejectedException(PasswordPolicy.WRONG, "currentPassword", "当前密码不正确");
            }
        }
        setPassword(caller, account, currentPassword, newPassword, "newPassword", false, "修改本人密码");
    }

    @Override
    public void resetPassword(Caller caller, String userId, char[] newPassword) {
        var decision = new AccessPolicy(pack()).decide(caller.actor(), Action.MANAGE_ACCOUNTS);
        if (!decision.isAllowed()) {
            throw new ForbiddenException(decision.violation());
        }
        Account account = accounts.findById(userId).orElseThrow(() -> new NotFoundException("账号不存在"));
        if (account.userId().equals(caller.actor().userId())) {
            throw new InvalidCommandException("userId", "不能重置自己的密码，请在“修改密码”中修改");
        }
        if (!caller.actor().role().mayGrant(account.role())) {
            throw new ForbiddenException(pack().violation(RuleCode.ART4_ROLE, caller.actor().role().zh()
                    + "不能重置「" + account.role().zh() + "」账号的密码，须由" + Role.SECURITY_ADMIN.zh()
                    + "办理（三员分立）"));
        }
        setPassword(caller, account, null, newPassword, "newPassword", true, "重置账号 " + account.username()
                + " 的密码（须在下次登录时修改）");
    }

    /**
     * Checks the new password against the policy and the account's history, sets it and audits it.
     *
     * @param current the current password, when the caller gave it (verified), else null
     */
    private void setPassword(Caller caller, Account account, char[] current, char[] newPassword, String field,
                             boolean mustChange, String summary) {
        policy.check(account.username(), newPassword, field);
        // each check costs a slow hash: the current password, when given, is compared as it is, not through its hash
        List<String> recent = new java.util.ArrayList<>(states.recentHashes(account.userId(), policy.historyCount()));
        if (current != null) {
            if (java.util.Arrays.equals(current, newPassword)) {
                throw policy.reused(field);
            }
            recent.remove(account.passwordHash());
        } else if (!recent.contains(account.passwordHash())) {
            recent.add(0, account.passwordHash());
        }
        if (recent.stream().anyMatch(h -> hasher.verify(newPassword, h))) {
            throw policy.reused(field);
        }
        String hash = hasher.hash(newPassword);
        tx.inTransaction(() -> {
            Instant now = clock.now();
            states.passwordSet(account.userId(), hash, now, mustChange);
            audit.append(new AuditRecord(now, caller.actor().userId(), caller.actor().role(),
                    caller.actor().unit().code(), Action.MANAGE_ACCOUNTS.name(), pack().articleZh(Action.MANAGE_ACCOUNTS.provision()), null, null, null,
                    caller.requestId(), caller.sourceAddress(), summary));
            return null;
        });
        // remembered credentials of the old password stop working; sessions are checked again
        changes.accessChanged(account.userId());
    }

    /**
     * Disables every enabled account not active for longer than the policy allows (the daily sweep; a sign-in
     * attempt does the same for its own account). Each is audited.
     *
     * @return how many were disabled now
     */
    public int disableDormantAccounts() {
        Instant now = clock.now();
        Instant cutoff = now.minus(policy.dormantAfter());
        int disabled = 0;
        for (String userId : states.inactiveSince(cutoff)) {
            Optional<Account> account = accounts.findById(userId);
            if (account.isPresent() && disableDormant(account.get(), cutoff, now)) {
                disabled++;
            }
        }
        return disabled;
    }

    private boolean disableDormant(Account account, Instant cutoff, Instant now) {
        boolean disabled = tx.inTransaction(() -> {
            if (!states.disableDormant(account.userId(), cutoff)) {
                return false;
            }
            audit.append(new AuditRecord(now, "system", null, null, Action.MANAGE_ACCOUNTS.name(), pack().articleZh(Action.MANAGE_ACCOUNTS.provision()), null,
                    null, null, "-", "-", "账号 " + account.username() + " 连续" + policy.dormantAfter().toDays()
                    + "天未登录，已自动停用"));
            return true;
        });
        if (disabled) {
            changes.accessChanged(account.userId());
        }
        return disabled;
    }

    /**
     * DEMONSTRATION ONLY ({@code --demo}): the account's password counts as chosen by its owner today and the account
     * as active today, so that the demonstration accounts are usable at once. Never called outside the demonstration data.
     */
    public void demoOnlyWaivePasswordChange(String userId) {
        Account account = accounts.findById(userId).orElseThrow(() -> new NotFoundException("账号不存在"));
        tx.inTransaction(() -> {
            Instant now = clock.now();
            states.passwordSet(userId, account.passwordHash(), now, false);
            states.activated(userId, now);
            return null;
        });
    }

    /**
     * Refuses to give a role the caller may not grant (三员分立, 等保 2.0 level 3): the system administrator grants no
     * administrator's role, nor the Bureau's or Audit's; those are the security administrator's to grant.
     */
    void requireMayGrant(Caller caller, Role role) {
        if (!caller.actor().role().mayGrant(role)) {
            throw new ForbiddenException(pack().violation(RuleCode.ART4_ROLE, caller.actor().role().zh() + "不能授予「"
                    + role.zh() + "」角色，须由" + Role.SECURITY_ADMIN.zh() + "授予（三员分立）"));
        }
    }
}
