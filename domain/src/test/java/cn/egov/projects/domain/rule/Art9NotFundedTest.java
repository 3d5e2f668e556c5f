package cn.egov.projects.domain.rule;

import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.Journey;
import cn.egov.projects.domain.project.PlanInclusion;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.project.ReviewOpinion;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static cn.egov.projects.domain.project.Fixtures.THREE_EXPERTS;
import static cn.egov.projects.domain.project.Fixtures.profile;
import static cn.egov.projects.domain.rule.RuleAssertions.assertClean;
import static cn.egov.projects.domain.rule.RuleAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("第九条 已落实财政预算的项目方可列入实施计划")
class Art9NotFundedTest {

    private static final PlanInclusion PLAN_2025 =
            new PlanInclusion(LocalDate.of(2025, 1, 3), 2025, false, "太政办〔2025〕1号");

    private static Journey journey() {
        return Journey.of(profile().build(), PolicyPacks.taicang());
    }

    @Test
    @DisplayName("只有资金安排意见、尚未经市政府审定的项目不能列入实施计划")
    void fundingProposedButNotApprovedIsRefused() {
        Journey j = journey().fundingProposed();

        Outcome outcome = j.project.includeInPlan(PLAN_2025, j.calc);

        assertRefused(outcome, RuleCode.ART9_NOT_FUNDED, "第九条", "太仓市智慧警务平台", "已提出资金安排意见",
                "财政预算尚未落实");
        assertThat(j.project.state()).isEqualTo(ProjectState.FUNDING_PROPOSED);
        assertThat(j.project.deadlines()).isEmpty();
    }

    @Test
    @DisplayName("评审未通过的项目不能列入实施计划")
    void rejectedProjectIsRefused() {
        Journey j = journey().underReview();
        j.project.recordReview(new ReviewOpinion(LocalDate.of(2024, 10, 20), false, THREE_EXPERTS, "不予立项"), j.pack);

        assertRefused(j.project.includeInPlan(PLAN_2025, j.calc), RuleCode.ART9_NOT_FUNDED, "第九条", "评审未通过");
    }

    @Test
    @DisplayName("经市政府审定、预算已落实的项目可以列入实施计划")
    void approvedProjectEntersThePlan() {
        Journey j = journey().approved();

        assertClean(j.project.includeInPlan(PLAN_2025, j.calc));
        assertThat(j.project.state()).isEqualTo(ProjectState.PLANNED);
        assertThat(j.project.plan()).contains(PLAN_2025);
    }

    @Test
    @DisplayName("已列入实施计划的项目不能再次列入")
    void includingTwiceIsOutOfOrder() {
        Journey j = journey().planned();

        assertRefused(j.project.includeInPlan(PLAN_2025, j.calc), RuleCode.LIFECYCLE_ORDER, "第九条", "已列入实施计划");
    }

    @Test
    @DisplayName("涉密项目的拒绝提示不出现项目名称，只以编号开头指明（第二十七条）")
    void aClassifiedProjectIsNeverNamedInARefusal() {
        Journey j = Journey.of(profile().classified(true).build(), PolicyPacks.taicang()).fundingProposed();

        Violation v = assertRefused(j.project.includeInPlan(PLAN_2025, j.calc), RuleCode.ART9_NOT_FUNDED, "第九条",
                "「涉密项目（" + j.project.id().shortNumber() + "）」");
        assertThat(v.messageZh()).doesNotContain(j.project.profile().name());
    }
}
