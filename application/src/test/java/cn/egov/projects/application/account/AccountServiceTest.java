package cn.egov.projects.application.account;

import cn.egov.projects.application.error.ForbiddenException;
import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.application.fake.FakeWorld;
import cn.egov.projects.application.fake.People;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.CreateAccountCommand;
import cn.egov.projects.domain.access.Actor;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.project.UnitId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountServiceTest {

    private final FakeWorld world = new FakeWorld(LocalDate.of(2024, 8, 20));
    private final AccountService accounts = world.accountService;

    private static CreateAccountCommand command(String username, Role role) {
        return new CreateAccountCommand(username, "测试用户", role, new UnitId("TC-DSJ"), "13900000001",
                "u@tc.gov.cn", "a-long-password-123".toCharArray());
    }

    @Test
    @DisplayName("命令行只创建三员之一的首个账号：普通角色不行，已有系统管理员时再建也不行")
    void theFirstAccountIsAnAdministratorCreatedOnce() {
        assertThatThrownBy(() -> accounts.createAccount(null, command("staff", Role.UNIT_STAFF)))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> assertThat(e.field()).isEqualTo("role"));
        accounts.createAccount(null, command("admin", Role.ADMIN));
        assertThatThrownBy(() -> accounts.createAccount(null, command("admin2", Role.ADMIN)))
                .isInstanceOf(ForbiddenException.class);
        assertThat(world.accounts.count()).isEqualTo(1);
        assertThat(world.audit.all()).singleElement()
                .satisfies(r -> assertThat(r.summary()).contains("admin").contains("系统管理员"));
    }

    @Test
    @DisplayName("密码正确才能登录；密码以加盐慢哈希保存，不保存明文")
    void signInChecksTheSaltedHash() {
        accounts.createAccount(null, command("admin", Role.ADMIN));
        assertThat(world.accounts.findByUsername("admin").orElseThrow().passwordHash())
                .startsWith("pbkdf2-sha256$").doesNotContain("a-long-password-123");

        assertThat(accounts.authenticate("admin", "a-long-password-123".toCharArray()))
                .map(Actor::role).contains(Role.ADMIN);
        assertThat(accounts.authenticate("admin", "a-long-password-124".toCharArray())).isEmpty();
        assertThat(accounts.authenticate("nobody", "a-long-password-123".toCharArray())).isEmpty();
    }

    @Test
    @DisplayName("之后只有系统管理员能创建账号，用户名不能重复，密码至少12位")
    void onlyAnAdministratorCreatesAccounts() {
        String adminId = accounts.createAccount(null, command("admin", Role.ADMIN));
        Caller admin = new Caller(new Actor(adminId, "管理员", Role.ADMIN, new UnitId("TC-DSJ"), java.util.Set.of()), "r", "-");
        accounts.createAccount(admin, command("police", Role.UNIT_STAFF));
        assertThatThrownBy(() -> accounts.createAccount(admin, command("police", Role.UNIT_STAFF)))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> assertThat(e.field()).isEqualTo("username"));
        assertThatThrownBy(() -> accounts.createAccount(People.bureau(), command("other", Role.UNIT_STAFF)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> new CreateAccountCommand("short", "x", Role.UNIT_STAFF, new UnitId("U"), null, null,
                "short".toCharArray()))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> assertThat(e.field()).isEqualTo("password"));
        assertThat(world.accounts.count()).isEqualTo(2);
    }

    @Test
    @DisplayName("同一密码两次哈希的盐不同，但都能校验通过")
    void hashesAreSalted() {
        PasswordHasher hasher = new PasswordHasher(1000);
        String a = hasher.hash("secret-password".toCharArray());
        String b = hasher.hash("secret-password".toCharArray());
        assertThat(a).isNotEqualTo(b);
        assertThat(hasher.verify("secret-password".toCharArray(), a)).isTrue();
        assertThat(hasher.verify("secret-password".toCharArray(), b)).isTrue();
        assertThat(hasher.verify("secret-passwore".toCharArray(), a)).isFalse();
        assertThat(hasher.verify("secret-password".toCharArray(), "garbage")).isFalse();
    }

    @Test
    @DisplayName("未知用户名所比对的哈希与真实哈希格式、强度相同，任何密码都不匹配")
    void theDecoyLooksLikeARealHashAndMatchesNothing() {
        PasswordHasher hasher = new PasswordHasher(1000);
        String decoy = hasher.decoy();
        String real = hasher.hash("secret-password".toCharArray());
        String[] d = decoy.split("\\$");
        String[] r = real.split("\\$");
        assertThat(d).hasSize(4);
        assertThat(d[0]).isEqualTo(r[0]);
        assertThat(d[1]).as("the same iterations, so the same time to verify").isEqualTo(r[1]);
        assertThat(d[2]).hasSameSizeAs(r[2]);
        assertThat(d[3]).hasSameSizeAs(r[3]);
        assertThat(hasher.decoy()).isNotEqualTo(decoy);
        assertThat(hasher.verify("secret-password".toCharArray(), decoy)).isFalse();
        assertThat(hasher.verify("".toCharArray(), decoy)).isFalse();
    }

    private Caller as(String username, Role role) {
        String id = accounts.createAccount(null, command(username, role));
        return new Caller(new Actor(id, username, role, new UnitId("TC-DSJ"), java.util.Set.of()), "r", "10.0.0.9");
    }

    @Test
    @DisplayName("三员分立：命令行只创建三员中每种的首个；系统管理员不能授予三员、大数据局和审计局角色，安全保密管理员可以")
    void threeAdministratorsGrantWhatTheyMay() {
        Caller admin = as("admin", Role.ADMIN);
        Caller security = as("secadmin", Role.SECURITY_ADMIN);
        as("auditadmin", Role.AUDIT_ADMIN);
        assertThatThrownBy(() -> accounts.createAccount(null, command("secadmin2", Role.SECURITY_ADMIN)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> accounts.createAccount(null, command("bdb0", Role.BDB_OFFICER)))
                .isInstanceOf(InvalidCommandException.class);

        for (Role role : new Role[]{Role.ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN, Role.BDB_OFFICER, Role.AUDIT}) {
            assertThatThrownBy(() -> accounts.createAccount(admin, command("x-" + role.name().toLowerCase(), role)))
                    .as(role.name()).isInstanceOfSatisfying(ForbiddenException.class, e -> {
                        assertThat(e.violation().messageZh()).startsWith("第四条").contains("三员分立",
                                "安全保密管理员");
                    });
        }
        accounts.createAccount(admin, command("staff", Role.UNIT_STAFF));
        accounts.createAccount(security, command("bdb", Role.BDB_OFFICER));
        accounts.createAccount(security, command("auditor", Role.AUDIT));
        accounts.createAccount(security, command("admin2", Role.ADMIN));
        assertThat(world.accounts.findByUsername("x-bdb_officer")).isEmpty();
        assertThat(world.accounts.findByUsername("bdb")).map(a -> a.role()).contains(Role.BDB_OFFICER);
        assertThat(world.audit.all()).filteredOn(r -> r.summary().contains("创建账号 bdb"))
                .singleElement().satisfies(r -> assertThat(r.role()).isEqualTo(Role.SECURITY_ADMIN));
    }
}
