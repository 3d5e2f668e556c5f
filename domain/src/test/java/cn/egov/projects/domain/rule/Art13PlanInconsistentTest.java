package cn.egov.projects.domain.rule;

import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.deadline.DeadlineStatus;
import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.ChangeRequest;
import cn.egov.projects.domain.project.ImplementationPlan;
import cn.egov.projects.domain.project.Journey;
import cn.egov.projects.domain.project.ProjectState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static cn.egov.projects.domain.project.Fixtures.profile;
import static cn.egov.projects.domain.rule.RuleAssertions.assertClean;
import static cn.egov.projects.domain.rule.RuleAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("第十三条 实施方案应与申报内容相一致")
class Art13PlanInconsistentTest {

    private static final LocalDate SUBMITTED_ON = LocalDate.of(2025, 1, 20);

    /** Declared content 平台软件开发、数据治理; approved budget 600,000.00 yuan. */
    private static Journey planned() {
        return Journey.of(profile().build(), PolicyPacks.taicang()).planned();
    }

    private static ImplementationPlan plan(List<String> scope, String budget) {
        return new ImplementationPlan(SUBMITTED_ON, scope, Money.yuan(budget), "按季度推进");
    }

    @Test
    @DisplayName("实施方案增加申报外的建设内容的不予受理，并列明该内容")
    void extraScopeItemIsRefused() {
        Journey j = planned();

        Outcome outcome = j.project.submitImplementationPlan(plan(List.of("平台软件开发", "数据治理", "移动端开发"),
                "600000.00"), j.pack);

        Violation v = assertRefused(outcome, RuleCode.ART13_PLAN_INCONSISTENT, "第十三条", "实施方案内容应与项目申报内容相一致",
                "以下内容不在申报内容中，须先按第十八条申请变更：移动端开发");
        assertThat(v.messageZh()).doesNotContain("：平台软件开发");
        assertThat(j.project.state()).isEqualTo(ProjectState.PLANNED);
        assertThat(j.deadline(DeadlineKind.IMPL_PLAN).isOpen()).isTrue();
    }

    @Test
    @DisplayName("实施方案预算超出批复预算0.01元的不予受理")
    void budgetOneFenAboveApprovedIsRefused() {
        Journey j = planned();

        Outcome outcome = j.project.submitImplementationPlan(plan(List.of("平台软件开发", "数据治理"), "600000.01"), j.pack);

        assertRefused(outcome, RuleCode.ART13_PLAN_INCONSISTENT, "第十三条",
                "实施方案预算600,000.01元超出批复预算600,000.00元");
    }

    @Test
    @DisplayName("实施方案预算等于批复预算的可以报送")
    void budgetEqualToApprovedPasses() {
        Journey j = planned();

        assertClean(j.project.submitImplementationPlan(plan(List.of("平台软件开发", "数据治理"), "600000.00"), j.pack));
        assertThat(j.project.state()).isEqualTo(ProjectState.IMPLEMENTING);
    }

    @Test
    @DisplayName("未列明建设内容的实施方案不予受理")
    void emptyScopeIsRefused() {
        Journey j = planned();

        assertRefused(j.project.submitImplementationPlan(plan(List.of(), "600000.00"), j.pack),
                RuleCode.ART13_PLAN_INCONSISTENT, "第十三条", "实施方案须列明建设内容");
    }

    @Test
    @DisplayName("经市大数据管理局同意变更后，实施方案可以包含变更后的建设内容")
    void approvedChangeWidensTheAgreedScope() {
        Journey j = planned();
        UUID changeId = UUID.randomUUID();
        assertClean(j.project.requestChange(new ChangeRequest(changeId, LocalDate.of(2025, 1, 10), "增加移动端",
                List.of("平台软件开发", "数据治理", "移动端开发"), null, null, null, null), j.pack));
        assertClean(j.project.decideChange(changeId, true, LocalDate.of(2025, 1, 15), "同意", j.pack));

        Outcome outcome = j.project.submitImplementationPlan(plan(List.of("平台软件开发", "数据治理", "移动端开发"),
                "600000.00"), j.pack);

        assertClean(outcome);
        assertThat(j.deadline(DeadlineKind.IMPL_PLAN).statusOn(SUBMITTED_ON)).isEqualTo(DeadlineStatus.MET_ON_TIME);
    }

    @Test
    @DisplayName("变更被否决的，实施方案仍不能包含变更的建设内容")
    void refusedChangeLeavesTheScopeAsDeclared() {
        Journey j = planned();
        UUID changeId = UUID.randomUUID();
        j.project.requestChange(new ChangeRequest(changeId, LocalDate.of(2025, 1, 10), "增加移动端",
                List.of("平台软件开发", "数据治理", "移动端开发"), null, null, null, null), j.pack);
        j.project.decideChange(changeId, false, LocalDate.of(2025, 1, 15), "不同意", j.pack);

        assertRefused(j.project.submitImplementationPlan(plan(List.of("平台软件开发", "数据治理", "移动端开发"),
                "600000.00"), j.pack), RuleCode.ART13_PLAN_INCONSISTENT, "第十三条", "移动端开发");
    }

    @Test
    @DisplayName("经同意调减预算后，实施方案预算以调减后的预算为上限")
    void approvedLowerBudgetBecomesTheLimit() {
        Journey j = planned();
        UUID changeId = UUID.randomUUID();
        j.project.requestChange(new ChangeRequest(changeId, LocalDate.of(2025, 1, 10), "压减预算", List.of(),
                Money.yuan("500000.00"), null, null, null), j.pack);
        j.project.decideChange(changeId, true, LocalDate.of(2025, 1, 15), "同意", j.pack);

        assertRefused(j.project.submitImplementationPlan(plan(List.of("平台软件开发", "数据治理"), "500000.01"), j.pack),
                RuleCode.ART13_PLAN_INCONSISTENT, "第十三条", "超出批复预算500,000.00元");
        assertClean(j.project.submitImplementationPlan(plan(List.of("平台软件开发", "数据治理"), "500000.00"), j.pack));
    }

    @Test
    @DisplayName("实施方案删减申报的建设内容须先申请变更，并列明删减的内容")
    void droppingDeclaredContentIsRefused() {
        Journey j = planned();

        assertRefused(j.project.submitImplementationPlan(plan(List.of("平台软件开发"), "400000.00"), j.pack),
                RuleCode.ART13_PLAN_INCONSISTENT, "第十三条", "删减须先按第十八条申请变更：数据治理");
    }
}
