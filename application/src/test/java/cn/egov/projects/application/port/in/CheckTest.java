package cn.egov.projects.application.port.in;

import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.application.fake.People;
import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.project.BudgetLine;
import cn.egov.projects.domain.project.GoalKind;
import cn.egov.projects.domain.project.PerformanceGoal;
import cn.egov.projects.domain.project.ProjectProfile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("申报内容的上限：条数、每项字数、预算合计不超过NUMERIC(16,2)")
class CheckTest {

    private static final ProjectProfile BASE = People.smartPolicePlatform(2025);

    private static ProjectProfile with(List<String> scope, List<PerformanceGoal> goals, List<BudgetLine> lines) {
        return new ProjectProfile(BASE.name(), BASE.planYear(), BASE.category(), BASE.nature(), BASE.serviceKind(),
                BASE.supervisedProject(), BASE.softwareDevelopment(), BASE.funding(), BASE.classified(),
                BASE.usesCryptography(), scope, goals, lines, BASE.people());
    }

    private static List<BudgetLine> lines(String... amounts) {
        return java.util.Arrays.stream(amounts).map(a -> new BudgetLine("明细", Money.yuan(a), false)).toList();
    }

    @Test
    @DisplayName("预算明细合计恰为99,999,999,999,999.99元可以保存，再多一分被拒绝并说明合计")
    void totalMustFitTheColumn() {
        assertThat(Check.profile(with(BASE.scopeItems(), BASE.performanceGoals(),
                lines("99999999999999.98", "0.01"))).totalInvestment()).isEqualTo(Money.MAX);
        assertThatThrownBy(() -> new CreateDraftCommand(with(BASE.scopeItems(), BASE.performanceGoals(),
                lines("99999999999999.99", "99999999999999.99"))))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> {
                    assertThat(e.field()).isEqualTo("budgetLines");
                    assertThat(e.messageZh()).isEqualTo("预算明细合计199,999,999,999,999.98元，超过系统可记录的最大金额"
                            + "99,999,999,999,999.99元");
                });
        assertThatThrownBy(() -> new EditDraftCommand(cn.egov.projects.domain.project.ProjectId.random(), null,
                with(BASE.scopeItems(), BASE.performanceGoals(), lines("99999999999999.99", "0.01"))))
                .isInstanceOf(InvalidCommandException.class);
    }

    @Test
    @DisplayName("建设内容、绩效目标、预算明细各最多200项，每项最多500字；绩效目标的指标名称不能重复")
    void listsAreBounded() {
        Function<Integer, List<String>> n = count -> Collections.nCopies(count, "内容");
        Function<Integer, List<PerformanceGoal>> goals = count -> java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> PerformanceGoal.of("指标" + i, GoalKind.OUTPUT, "≥" + i)).toList();
        assertThat(Check.profile(with(n.apply(200), goals.apply(200), BASE.budgetLines())).scopeItems()).hasSize(200);
        assertField(with(n.apply(201), BASE.performanceGoals(), BASE.budgetLines()), "scopeItems");
        assertField(with(BASE.scopeItems(), goals.apply(201), BASE.budgetLines()), "performanceGoals");
        assertThatThrownBy(() -> new CreateDraftCommand(with(BASE.scopeItems(), List.of(
                PerformanceGoal.of("群众满意度", GoalKind.SATISFACTION, "≥95%"),
                PerformanceGoal.of("群众满意度", GoalKind.SATISFACTION, "≥90%")), BASE.budgetLines())))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> {
                    assertThat(e.field()).isEqualTo("performanceGoals");
                    assertThat(e.messageZh()).isEqualTo("绩效目标的指标名称不能重复：群众满意度");
                });
        assertField(with(List.of("长".repeat(501)), BASE.performanceGoals(), BASE.budgetLines()), "scopeItems");
        assertField(with(BASE.scopeItems(), BASE.performanceGoals(),
                Collections.nCopies(201, new BudgetLine("明细", Money.yuan("1"), false))), "budgetLines");
    }

    private static void assertField(ProjectProfile profile, String field) {
        assertThatThrownBy(() -> new CreateDraftCommand(profile))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    @DisplayName("提醒送达的地址：电子邮箱和手机号码须是能发送提醒的写法（不含'|'、空格、引号）")
    void reachableAddresses() {
        assertThat(Check.email("li.hua@taicang.gov.cn", "email", "电子邮箱")).isEqualTo("li.hua@taicang.gov.cn");
        assertThat(Check.email(" ", "email", "电子邮箱")).isNull();
        assertThat(Check.phone("13900000001", "mobile", "手机号码")).isEqualTo("13900000001");
        assertThat(Check.phone("0512-53531234", "mobile", "手机号码")).isEqualTo("0512-53531234");
        for (String bad : new String[]{"a|b@tc.gov.cn", "a b@tc.gov.cn", "a@b", "\"a\"@tc.gov.cn", "a@@tc.gov.cn",
                "a@tc.gov.cn|x"}) {
            assertThatThrownBy(() -> Check.email(bad, "email", "电子邮箱")).as(bad)
                    .isInstanceOf(InvalidCommandException.class);
        }
        assertThatThrownBy(() -> Check.phone("139|0000", "mobile", "手机号码")).isInstanceOf(InvalidCommandException.class);
        ProjectProfile withBar = new ProjectProfile(BASE.name(), BASE.planYear(), BASE.category(), BASE.nature(),
                BASE.serviceKind(), BASE.supervisedProject(), BASE.softwareDevelopment(), BASE.funding(),
                BASE.classified(), BASE.usesCryptography(), BASE.scopeItems(), BASE.performanceGoals(),
                BASE.budgetLines(), new cn.egov.projects.domain.project.AccountablePeople(BASE.people().leader(),
                new cn.egov.projects.domain.project.Person("李", "13900000002", "li|x@tc.gov.cn")));
        assertField(withBar, "people.responsible.email");
    }
}
