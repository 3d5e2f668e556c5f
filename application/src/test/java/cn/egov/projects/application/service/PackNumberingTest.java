package cn.egov.projects.application.service;

import cn.egov.projects.application.error.ForbiddenException;
import cn.egov.projects.application.fake.FakeWorkplace;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.CreateAccountCommand;
import cn.egov.projects.application.port.in.DocumentRules;
import cn.egov.projects.application.port.in.SignInUseCase;
import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.application.view.YearEvaluation;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.UnitId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The records and refusals outside a project's life (sign-in, personal data, calendar tokens, backups, the
 * performance evaluation's basis) cite the article of the pack in force: Taicang's 第四条 for the authorities' duties,
 * the two-stage example's 第五条 — never a number written in the code.
 */
@DisplayName("账号、日历、个人信息、备份和绩效考核引用的条款号随现行政策包变化（太仓第四条，两阶段示例第五条）")
class PackNumberingTest {

    private static final String PASSWORD = "Chief-Password-2026";

    static Stream<Arguments> packs() {
        return Stream.of(Arguments.of(PolicyPacks.taicang(), "第四条", "第二十三条", "第二十四条"),
                Arguments.of(PolicyPacks.twoStage(), "第五条", "第二十四条", "第二十六条"));
    }

    private static Caller signedIn(FakeWorkplace workplace, String username) {
        return new Caller(workplace.world.accountService.authenticate(username, PASSWORD.toCharArray())
                .orElseThrow(), "req-" + username, "10.0.0.9");
    }

    private static FakeWorkplace workplace(PolicyPack pack) {
        FakeWorkplace workplace = new FakeWorkplace(LocalDate.of(2025, 3, 3), DocumentRules.standard(), pack);
        workplace.world.accountService.createAccount(null, new CreateAccountCommand("secadmin", "安全保密管理员",
                Role.SECURITY_ADMIN, new UnitId("TC-DSJ"), null, null, PASSWORD.toCharArray()));
        Caller security = signedIn(workplace, "secadmin");
        workplace.world.accountService.createAccount(security, new CreateAccountCommand("police", "公安经办人",
                Role.UNIT_STAFF, new UnitId("TC-GAJ"), "13900000001", "police@tc.gov.cn", PASSWORD.toCharArray()));
        workplace.world.accountService.createAccount(security, new CreateAccountCommand("bureau", "大数据局经办人",
                Role.BDB_OFFICER, new UnitId("TC-DSJ"), "13900000002", "bureau@tc.gov.cn", PASSWORD.toCharArray()));
        return workplace;
    }

    private static AuditRecord last(FakeWorkplace workplace, String action) {
        return workplace.world.audit.all().stream().filter(r -> action.equals(r.action()))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no " + action + " record"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packs")
    @DisplayName("登录记录、日历订阅令牌记录引用现行政策包中主管部门职责的条款")
    void recordsCiteThePacksAuthorities(PolicyPack pack, String authorities, String selfInspection,
                                       String acceptance) {
        FakeWorkplace workplace = workplace(pack);
        workplace.signIn.signIn("police", PASSWORD.toCharArray(), SignInUseCase.Channel.SESSION, "r1", "10.0.0.9");
        assertThat(last(workplace, "SIGN_IN").article()).isEqualTo(authorities);

        workplace.calendarFeeds.issueToken(signedIn(workplace, "police"));
        assertThat(last(workplace, "CALENDAR_TOKEN").article()).isEqualTo(authorities);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packs")
    @DisplayName("查看他人完整联系方式被拒绝：引用现行政策包中主管部门职责的条款，消息以该条款开头")
    void personalDataRefusalCitesThePack(PolicyPack pack, String authorities, String selfInspection,
                                         String acceptance) {
        FakeWorkplace workplace = workplace(pack);
        Caller police = signedIn(workplace, "police");
        String bureauId = workplace.world.accountService.authenticate("bureau", PASSWORD.toCharArray())
                .orElseThrow().userId();
        PersonalDataService personal = new PersonalDataService(workplace.world.ports, workplace.stores);
        assertThatThrownBy(() -> personal.revealAccount(police, bureauId, "核对"))
                .isInstanceOfSatisfying(ForbiddenException.class, e -> {
                    assertThat(e.violation().article()).isEqualTo(authorities);
                    assertThat(e.violation().messageZh()).startsWith(authorities + "：仅本人和管理该账号的管理员");
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packs")
    @DisplayName("绩效考核的计分依据写明现行政策包的名称和条款号")
    void performanceBasisCitesThePack(PolicyPack pack, String authorities, String selfInspection,
                                      String acceptance) {
        FakeWorkplace workplace = workplace(pack);
        YearEvaluation evaluation = workplace.world.performance.evaluation(signedIn(workplace, "bureau"), 2025);
        assertThat(evaluation.basisZh()).isEqualTo("《" + pack.nameZh() + "》" + authorities + "、" + selfInspection
                + "、" + acceptance);
    }
}
