package cn.egov.projects.application.account;

import cn.egov.projects.application.error.ForbiddenException;
import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.application.fake.FakeWorkplace;
import cn.egov.projects.application.port.in.ClearanceUseCase;
import cn.egov.projects.application.port.out.Account;
import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.project.UnitId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static cn.egov.projects.application.fake.People.admin;
import static cn.egov.projects.application.fake.People.auditAdmin;
import static cn.egov.projects.application.fake.People.secrecy;
import static cn.egov.projects.application.fake.People.securityAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@DisplayName("涉密资格：安全保密管理员授予和撤销，安全审计员查看，系统管理员和其他角色无权（三员分立）")
class ClearanceServiceTest {

    private final FakeWorkplace w = new FakeWorkplace(LocalDate.of(2024, 8, 1));

    @BeforeEach
    void setUp() {
        account("sun", "孙经办", Role.BDB_OFFICER, "TC-DSJ", true);
        account("fin", "冯财政", Role.FINANCE, "TC-CZJ", true);
        account("qian", "钱专家", Role.EXPERT, "EXPERTS", true);
        account("old", "老专家", Role.EXPERT, "EXPERTS", false);
        account("police", "警员", Role.UNIT_STAFF, "TC-GAJ", true);
    }

    private void account(String id, String name, Role role, String unit, boolean enabled) {
        w.world.accounts.insert(new Account(id, id, name, role, new UnitId(unit), null, null, "h", enabled,
                Set.of()));
    }

    private List<String> cleared() {
        return w.clearances.list(auditAdmin()).stream().filter(ClearanceUseCase.Person::cleared)
                .map(ClearanceUseCase.Person::userId).toList();
    }

    @Test
    @DisplayName("安全保密管理员授予涉密资格：名单列出可被指定进入知悉范围的人员及其资格，记入审计；重复授予不变")
    void theSecurityAdministratorGrants() {
        List<ClearanceUseCase.Person> before = w.clearances.list(securityAdmin());
        assertThat(before).extracting(ClearanceUseCase.Person::userId).contains("sun", "fin", "qian")
                .doesNotContain("police", "old");
        assertThat(before).noneMatch(ClearanceUseCase.Person::cleared);

        ClearanceUseCase.Changed granted = w.clearances.grant(securityAdmin(), "sun");
        assertThat(granted.person().cleared()).isTrue();
        assertThat(granted.person().grantedAt()).isNotNull();
        assertThat(cleared()).containsExactly("sun");
        w.clearances.grant(securityAdmin(), "sun");
        assertThat(w.world.audit.all()).filteredOn(r -> r.action().equals("CLEARANCE"))
                .extracting(AuditRecord::summary).containsExactly("授予 孙经办（市大数据管理局，sun）涉密资格");
        assertThat(w.world.audit.all()).filteredOn(r -> r.action().equals("CLEARANCE"))
                .extracting(AuditRecord::article).containsExactly("第二十七条");
    }

    @Test
    @DisplayName("系统管理员、保密部门、安全审计员都不能授予；系统管理员不能查看；拒绝说明依据，什么也没变")
    void othersMayNot() {
        for (var caller : List.of(admin(), secrecy(), auditAdmin())) {
            ForbiddenException refused = catchThrowableOfType(() -> w.clearances.grant(caller, "sun"),
                    ForbiddenException.class);
            assertThat(refused).as(caller.actor().role().name()).isNotNull();
            assertThat(refused.violation().article()).isEqualTo("第四条");
            assertThat(refused.violation().messageZh()).contains("涉密资格由安全保密管理员授予和撤销");
        }
        assertThat(catchThrowableOfType(() -> w.clearances.list(admin()), ForbiddenException.class)).isNotNull();
        assertThat(catchThrowableOfType(() -> w.clearances.revoke(auditAdmin(), "sun"), ForbiddenException.class))
                .isNotNull();
        assertThat(cleared()).isEmpty();
    }

    @Test
    @DisplayName("只授予可被指定进入知悉范围的角色、启用的账号；不存在的账号说明原因")
    void onlyTheRightAccounts() {
        assertThat(catchThrowableOfType(() -> w.clearances.grant(securityAdmin(), "police"),
                InvalidCommandException.class).messageZh()).startsWith("「警员」是").contains("涉密资格只授予");
        assertThat(catchThrowableOfType(() -> w.clearances.grant(securityAdmin(), "old"),
                InvalidCommandException.class).messageZh()).isEqualTo("账号「老专家」已停用，不能授予涉密资格");
        assertThat(catchThrowableOfType(() -> w.clearances.grant(securityAdmin(), "nobody"),
                InvalidCommandException.class).messageZh()).isEqualTo("账号不存在");
        assertThat(cleared()).isEmpty();
    }

    @Test
    @DisplayName("撤销：资格取消，记入审计；未获资格者撤销不产生记录")
    void revoking() {
        w.clearances.grant(securityAdmin(), "fin");
        ClearanceUseCase.Changed revoked = w.clearances.revoke(securityAdmin(), "fin");
        assertThat(revoked.person().cleared()).isFalse();
        assertThat(revoked.scopesLeft()).isZero();
        assertThat(cleared()).isEmpty();
        w.clearances.revoke(securityAdmin(), "qian");
        assertThat(w.world.audit.all()).filteredOn(r -> r.action().equals("CLEARANCE"))
                .extracting(AuditRecord::summary).containsExactly("授予 冯财政（市财政局，fin）涉密资格",
                        "撤销 冯财政（市财政局，fin）的涉密资格");
    }
}
