package cn.egov.projects.application.account;

import cn.egov.projects.application.error.ForbiddenException;
import cn.egov.projects.application.error.PasswordRejectedException;
import cn.egov.projects.application.fake.FakeWorld;
import cn.egov.projects.application.fake.InMemoryLoginAttempts;
import cn.egov.projects.application.fake.InMemoryPasswordStates;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.CreateAccountCommand;
import cn.egov.projects.application.port.in.PasswordChange;
import cn.egov.projects.application.port.in.SignInUseCase;
import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.application.port.out.ClockPort;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.UnitId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The password policy over the account service and sign-in: forced change, history, expiry, disuse. */
class PasswordLifecycleTest {

    private static final String ADMIN_PASSWORD = "Security-Admin-2025";
    private static final String INITIAL = "Initial-Pass-01";

    private final FakeWorld world = new FakeWorld(java.time.LocalDate.of(2025, 3, 3));
    private final AtomicReference<Instant> now = new AtomicReference<>(
            LocalDateTime.of(2025, 3, 3, 9, 0).atZone(ClockPort.ZONE).toInstant());
    private final ClockPort clock = now::get;
    private final InMemoryPasswordStates states = new InMemoryPasswordStates(world.accounts);
    private final List<String> changed = new ArrayList<>();
    private final AccountService accounts = new AccountService(world.accounts, world.audit, clock, world.transactions,
            new PasswordHasher(1000), PolicyPacks.taicang(), states, PasswordPolicy.standard(), changed::add);
    private final AccountAdminService admin = new AccountAdminService(new cn.egov.projects.application.fake.InMemoryWorkplaceStores(world.accounts), world.audit, clock,
            world.transactions, PolicyPacks.taicang(), changed::add, states);
    private final SignInService signIn = new SignInService(accounts, new InMemoryLoginAttempts(), world.audit, clock,
            world.transactions, world.pack);
    private final Caller security;

    PasswordLifecycleTest() {
        accounts.createAccount(null, command("secadmin", Role.SECURITY_ADMIN, ADMIN_PASSWORD));
        security = new Caller(accounts.authenticate("secadmin", ADMIN_PASSWORD.toCharArray()).orElseThrow(), "r1",
                "10.0.0.9");
    }

    private static CreateAccountCommand command(String username, Role role, String password) {
        return new CreateAccountCommand(username, username + "的姓名", role, new UnitId("TC-DSJ"), null, null,
                password.toCharArray());
    }

    private SignInUseCase.Result signIn(String username, String password) {
        return signIn.signIn(username, password.toCharArray(), SignInUseCase.Channel.SESSION, "r", "10.0.0.1");
    }

    private Caller as(String username, String password) {
        SignInUseCase.Result result = signIn(username, password);
        assertThat(result).isInstanceOf(SignInUseCase.SignedIn.class);
        return new Caller(((SignInUseCase.SignedIn) result).actor(), "r2", "10.0.0.1");
    }

    private void daysLater(long days) {
        now.set(now.get().plus(Duration.ofDays(days)));
    }

    private List<String> summaries() {
        return world.audit.all().stream().map(AuditRecord::summary).toList();
    }

    @Test
    @DisplayName("命令行创建的管理员自己设置密码，登录后不必修改")
    void commandLineAdministratorNeedNotChange() {
        assertThat(signIn("secadmin", ADMIN_PASSWORD)).isInstanceOfSatisfying(SignInUseCase.SignedIn.class,
                s -> assertThat(s.passwordChange()).isNull());
    }

    @Test
    @DisplayName("修改密码时当前密码输错计入锁定：连续5次后账号锁定，锁定期间正确的当前密码和登录都被拒绝，均记入审计")
    void wrongCurrentPasswordsCountTowardTheLockout() {
        accounts.checkCurrentPasswordsWith(signIn);
        accounts.createAccount(security, command("officer", Role.BDB_OFFICER, INITIAL));
        Caller officer = as("officer", INITIAL);
        for (int i = 1; i <= 4; i++) {
            assertThatThrownBy(() -> accounts.changeOwnPassword(officer, "Wrong-Pass-0x".toCharArray(),
                    "Badge-New-2025".toCharArray())).isInstanceOfSatisfying(PasswordRejectedException.class,
                    e -> assertThat(e.code()).isEqualTo("PASSWORD_WRONG"));
        }
        assertThat(summaries()).contains("当前密码不正确（第4次）（修改密码时验证当前密码，用户名 officer）");
        assertThatThrownBy(() -> accounts.changeOwnPassword(officer, "Wrong-Pass-0x".toCharArray(),
                "Badge-New-2025".toCharArray())).isInstanceOfSatisfying(
                cn.egov.projects.application.port.in.SignInRefusedException.class,
                e -> assertThat(e.result()).isInstanceOf(SignInUseCase.Locked.class));
        assertThat(summaries()).anyMatch(s -> s.startsWith("连续5次密码验证失败，账号锁定至"));

        // the right current password does not help while the lock lasts, and nothing changed
        assertThatThrownBy(() -> accounts.changeOwnPassword(officer, INITIAL.toCharArray(),
                "Badge-New-2025".toCharArray())).isInstanceOf(
                cn.egov.projects.application.port.in.SignInRefusedException.class);
        assertThat(signIn("officer", INITIAL)).isInstanceOf(SignInUseCase.Locked.class);
        assertThat(summaries()).doesNotContain("修改本人密码");

        // after the lock the owner changes it with the right one
        now.set(now.get().plus(Duration.ofMinutes(16)));
        accounts.changeOwnPassword(officer, INITIAL.toCharArray(), "Badge-New-2025".toCharArray());
        assertThat(summaries()).contains("修改本人密码")
                .anyMatch(s -> s.startsWith("当前密码验证通过（修改密码时验证当前密码"));
        assertThat(signIn("officer", "Badge-New-2025")).isInstanceOf(SignInUseCase.SignedIn.class);
    }

    @Test
    @DisplayName("弱密码不能用于创建账号，什么也没有创建")
    void weakPasswordRefusedAtCreation() {
        assertThatThrownBy(() -> accounts.createAccount(security, command("officer", Role.BDB_OFFICER,
                "Officer-Pass-1"))).isInstanceOfSatisfying(PasswordRejectedException.class,
                e -> assertThat(e.code()).isEqualTo("PASSWORD_CONTAINS_USERNAME"));
        assertThatThrownBy(() -> accounts.createAccount(security, command("officer", Role.BDB_OFFICER,
                "all-lower-case"))).isInstanceOfSatisfying(PasswordRejectedException.class,
                e -> assertThat(e.code()).isEqualTo("PASSWORD_TOO_WEAK"));
        assertThat(world.accounts.findByUsername("officer")).isEmpty();
    }

    @Test
    @DisplayName("管理员创建的账号首次登录须修改密码；须给出当前密码；改后不再要求；均记入审计")
    void firstSignInForcesChange() {
        accounts.createAccount(security, command("officer", Role.BDB_OFFICER, INITIAL));
        SignInUseCase.Result first = signIn("officer", INITIAL);
        assertThat(first).isInstanceOfSatisfying(SignInUseCase.SignedIn.class,
                s -> assertThat(s.passwordChange()).isEqualTo(PasswordChange.INITIAL));
        Caller officer = new Caller(((SignInUseCase.SignedIn) first).actor(), "r3", "10.0.0.1");
        assertThat(summaries()).anyMatch(s -> s.startsWith("登录成功，须先修改密码"));

        assertThatThrownBy(() -> accounts.changeOwnPassword(officer, "Wrong-Pass-01".toCharArray(),
                "Badge-New-2025".toCharArray())).isInstanceOfSatisfying(PasswordRejectedException.class,
                e -> assertThat(e.code()).isEqualTo("PASSWORD_WRONG"));
        assertThatThrownBy(() -> accounts.changeOwnPassword(officer, INITIAL.toCharArray(), INITIAL.toCharArray()))
                .isInstanceOfSatisfying(PasswordRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo("PASSWORD_REUSED"));
        assertThat(accounts.passwordChangeRequired(officer.actor().userId())).contains(PasswordChange.INITIAL);

        accounts.changeOwnPassword(officer, INITIAL.toCharArray(), "Badge-New-2025".toCharArray());
        assertThat(accounts.passwordChangeRequired(officer.actor().userId())).isEmpty();
        assertThat(signIn("officer", INITIAL)).isInstanceOf(SignInUseCase.Failed.class);
        assertThat(signIn("officer", "Badge-New-2025")).isInstanceOfSatisfying(SignInUseCase.SignedIn.class,
                s -> assertThat(s.passwordChange()).isNull());
        assertThat(summaries()).contains("修改本人密码");
        assertThat(changed).contains(officer.actor().userId());
    }

    @Test
    @DisplayName("新密码不能与最近5次相同；第6次以前的可以再用")
    void historyOfFive() {
        accounts.createAccount(security, command("officer", Role.BDB_OFFICER, "Password-00-x"));
        Caller officer = as("officer", "Password-00-x");
        for (int i = 1; i <= 5; i++) {
            accounts.changeOwnPassword(officer, ("Password-0" + (i - 1) + "-x").toCharArray(),
                    ("Password-0" + i + "-x").toCharArray());
        }
        // the last five: 01 to 05 (05 the current one)
        for (int i = 1; i <= 5; i++) {
            String old = "Password-0" + i + "-x";
            assertThatThrownBy(() -> accounts.changeOwnPassword(officer, "Password-05-x".toCharArray(),
                    old.toCharArray())).isInstanceOfSatisfying(PasswordRejectedException.class, e -> {
                        assertThat(e.code()).isEqualTo("PASSWORD_REUSED");
                        assertThat(e.messageZh()).isEqualTo("新密码不能与最近5次使用过的密码相同");
                    });
        }
        // the sixth latest, the initial one, may come back
        accounts.changeOwnPassword(officer, "Password-05-x".toCharArray(), "Password-00-x".toCharArray());
        assertThat(signIn("officer", "Password-00-x")).isInstanceOf(SignInUseCase.SignedIn.class);
    }

    @Test
    @DisplayName("密码满90天须修改（第89天不必）；登录成功但只能先改密码")
    void expiresAfterNinetyDays() {
        daysLater(89);
        assertThat(signIn("secadmin", ADMIN_PASSWORD)).isInstanceOfSatisfying(SignInUseCase.SignedIn.class,
                s -> assertThat(s.passwordChange()).isNull());
        daysLater(1);
        SignInUseCase.Result expired = signIn("secadmin", ADMIN_PASSWORD);
        assertThat(expired).isInstanceOfSatisfying(SignInUseCase.SignedIn.class,
                s -> assertThat(s.passwordChange()).isEqualTo(PasswordChange.EXPIRED));
        Caller me = new Caller(((SignInUseCase.SignedIn) expired).actor(), "r", "-");
        accounts.changeOwnPassword(me, ADMIN_PASSWORD.toCharArray(), "Security-Admin-2026".toCharArray());
        assertThat(accounts.passwordChangeRequired(me.actor().userId())).isEmpty();
    }

    @Test
    @DisplayName("90天未登录的账号：正确密码才告知已停用，错误密码只是普通失败；管理员重新启用后可登录")
    void dormantAccountIsDisabled() {
        accounts.createAccount(security, command("officer", Role.BDB_OFFICER, INITIAL));
        daysLater(45);
        Caller secadmin = as("secadmin", ADMIN_PASSWORD);
        daysLater(46);
        assertThat(signIn("officer", "Wrong-Pass-01")).isInstanceOf(SignInUseCase.Failed.class);
        assertThat(signIn("officer", INITIAL)).isInstanceOf(SignInUseCase.Dormant.class);
        String officerId = world.accounts.findByUsername("officer").orElseThrow().userId();
        assertThat(world.accounts.findById(officerId).orElseThrow().enabled()).isFalse();
        assertThat(summaries()).anyMatch(s -> s.equals("账号 officer 连续90天未登录，已自动停用"))
                .anyMatch(s -> s.startsWith("登录被拒绝：密码正确，但账号因长期未使用已停用"));
        assertThat(changed).contains(officerId);
        // still told after a correct password, only then
        assertThat(signIn("officer", INITIAL)).isInstanceOf(SignInUseCase.Dormant.class);
        assertThat(signIn("officer", "Wrong-Pass-01")).isInstanceOf(SignInUseCase.Failed.class);

        admin.setEnabled(secadmin, officerId, true);
        assertThat(signIn("officer", INITIAL)).isInstanceOf(SignInUseCase.SignedIn.class);
    }

    @Test
    @DisplayName("每日任务停用90天未登录的账号，每个记入审计一次")
    void dailySweep() {
        accounts.createAccount(security, command("officer", Role.BDB_OFFICER, INITIAL));
        accounts.createAccount(security, command("staff1", Role.UNIT_STAFF, INITIAL));
        daysLater(60);
        as("staff1", INITIAL);
        daysLater(31);
        // secadmin last signed in at creation of the others (day 0): dormant too
        assertThat(accounts.disableDormantAccounts()).isEqualTo(2);
        assertThat(accounts.disableDormantAccounts()).isZero();
        assertThat(world.accounts.findByUsername("officer").orElseThrow().enabled()).isFalse();
        assertThat(world.accounts.findByUsername("staff1").orElseThrow().enabled()).isTrue();
        assertThat(summaries().stream().filter(s -> s.endsWith("已自动停用"))).hasSize(2);
    }

    @Test
    @DisplayName("管理员重置密码：账号下次登录须修改；系统管理员不能重置安全保密管理员的（三员分立）")
    void resetByAdministrator() {
        accounts.createAccount(security, command("officer", Role.BDB_OFFICER, INITIAL));
        Caller officer = as("officer", INITIAL);
        accounts.changeOwnPassword(officer, INITIAL.toCharArray(), "Own-Choice-2025".toCharArray());
        accounts.resetPassword(security, officer.actor().userId(), "Reset-By-Admin-1".toCharArray());
        assertThat(signIn("officer", "Reset-By-Admin-1")).isInstanceOfSatisfying(SignInUseCase.SignedIn.class,
                s -> assertThat(s.passwordChange()).isEqualTo(PasswordChange.INITIAL));
        assertThat(summaries()).contains("重置账号 officer 的密码（须在下次登录时修改）");
        assertThatThrownBy(() -> accounts.resetPassword(security, officer.actor().userId(),
                "officer-Weak-x".toCharArray())).isInstanceOf(PasswordRejectedException.class);

        accounts.createAccount(null, command("sysadmin", Role.ADMIN, "System-Admin-2025"));
        Caller sysadmin = as("sysadmin", "System-Admin-2025");
        assertThatThrownBy(() -> accounts.resetPassword(sysadmin, security.actor().userId(),
                "Another-Pass-2025".toCharArray())).isInstanceOf(ForbiddenException.class);
    }
}
