package cn.egov.projects.bootstrap;

import cn.egov.projects.application.error.ForbiddenException;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.CreateAccountCommand;
import cn.egov.projects.application.port.in.CreateAccountUseCase;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.rule.RuleCode;
import cn.egov.projects.domain.rule.Violation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sub-command's mapping of the account use case's answers to exit codes; the use case itself is a stand-in
 * that behaves as the real one does (the real one runs in the end-to-end test). The application's fakes are not
 * used here: their test-jar on this module's classpath would be analysed by the architecture tests.
 */
@DisplayName("create-admin：在空系统中创建首个系统管理员")
class AdminSetupTest {

    /** Accepts the first administrator of each role from the command line (caller null), refuses a second. */
    private static final class Accounts implements CreateAccountUseCase {

        final List<CreateAccountCommand> created = new ArrayList<>();
        final List<Caller> callers = new ArrayList<>();

        @Override
        public String createAccount(Caller caller, CreateAccountCommand command) {
            callers.add(caller);
            if (created.stream().anyMatch(c -> c.role() == command.role())) {
                throw new ForbiddenException(new Violation(RuleCode.ART4_ROLE, "第四条",
                        "第四条：系统已有账号，新账号须由系统管理员创建"));
            }
            created.add(command);
            return "user-1";
        }
    }

    private final Accounts accounts = new Accounts();
    private final AdminSetup setup = new AdminSetup(accounts);
    private final Settings.Admin admin = new Settings.Admin("admin", "管理员", "TC-DSJ", null, "admin@tc.gov.cn", "ADMIN");

    @Test
    @DisplayName("创建系统管理员：无调用者（命令行）、角色ADMIN、单位与联系方式照给；密码数组用后清零")
    void createsTheFirstAdministrator() {
        char[] password = "First-admin-password-1".toCharArray();

        String userId = setup.create(admin, password);

        assertThat(userId).isEqualTo("user-1");
        assertThat(accounts.callers).containsExactly((Caller) null);
        CreateAccountCommand command = accounts.created.get(0);
        assertThat(command.username()).isEqualTo("admin");
        assertThat(command.displayName()).isEqualTo("管理员");
        assertThat(command.role()).isEqualTo(Role.ADMIN);
        assertThat(command.unit().code()).isEqualTo("TC-DSJ");
        assertThat(command.email()).isEqualTo("admin@tc.gov.cn");
        assertThat(new String(password)).isEqualTo("\0".repeat(password.length));
    }

    @Test
    @DisplayName("三员各建首个：已有同一角色的管理员时拒绝，退出码6；其他角色不能从命令行创建，退出码2")
    void refusedWhenAccountsExist() {
        setup.create(admin, "First-admin-password-1".toCharArray());
        setup.create(new Settings.Admin("sec", "安全保密管理员", "TC-DSJ", null, null, "SECURITY_ADMIN"),
                "First-security-password-1".toCharArray());
        setup.create(new Settings.Admin("aud", "安全审计员", "TC-DSJ", null, null, "AUDIT_ADMIN"),
                "First-auditor-password-1".toCharArray());

        assertThatThrownBy(() -> setup.create(new Settings.Admin("admin2", "管理员二", "TC-DSJ", null, null, "ADMIN"),
                "Second-admin-password-1".toCharArray()))
                .isInstanceOfSatisfying(StartupException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.ADMIN_REFUSED))
                .hasMessageContaining("an account of role ADMIN exists already");
        assertThatThrownBy(() -> setup.create(new Settings.Admin("bdb", "大数据局", "TC-DSJ", null, null, "BDB_OFFICER"),
                "Some-officer-password-1".toCharArray()))
                .isInstanceOfSatisfying(StartupException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_SETTING))
                .hasMessageContaining("--role must be ADMIN, SECURITY_ADMIN or AUDIT_ADMIN");
        assertThat(accounts.created).extracting(CreateAccountCommand::role)
                .containsExactly(Role.ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN);
    }

    @Test
    @DisplayName("密码太短、单位代码或用户名不合格时拒绝，退出码2，英文说明，不调用用例")
    void invalidDetails() {
        assertThatThrownBy(() -> setup.create(admin, "short".toCharArray()))
                .isInstanceOfSatisfying(StartupException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_SETTING))
                .hasMessageContaining("at least 12 characters");
        assertThatThrownBy(() -> setup.create(new Settings.Admin("admin", "管理员", "TC DSJ", null, null, "ADMIN"),
                "First-admin-password-1".toCharArray()))
                .hasMessageContaining("unit code 'TC DSJ'");
        assertThatThrownBy(() -> setup.create(new Settings.Admin("a", "管理员", "TC-DSJ", null, null, "ADMIN"),
                "First-admin-password-1".toCharArray()))
                .hasMessageContaining("--username");
        assertThat(accounts.callers).isEmpty();
    }

    @Test
    @DisplayName("密码不符合密码策略（三类字符、不含用户名）时拒绝，退出码2，英文说明策略")
    void passwordPolicyRefusal() {
        AdminSetup strict = new AdminSetup((caller, command) -> {
            throw new cn.egov.projects.application.error.PasswordRejectedException("PASSWORD_TOO_WEAK", "password",
                    "密码应至少包含大写字母、小写字母、数字、其他字符四类中的三类");
        });
        char[] password = "all-lower-case-password".toCharArray();
        assertThatThrownBy(() -> strict.create(admin, password))
                .isInstanceOfSatisfying(StartupException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_SETTING))
                .hasMessageContaining("PASSWORD_TOO_WEAK").hasMessageContaining("at least 3 of");
        assertThat(new String(password)).isEqualTo("\0".repeat(password.length));
    }
}
