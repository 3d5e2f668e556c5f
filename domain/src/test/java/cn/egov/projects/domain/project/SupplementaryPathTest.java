package cn.egov.projects.domain.project;

import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.rule.RuleCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static cn.egov.projects.domain.project.Fixtures.THREE_EXPERTS;
import static cn.egov.projects.domain.project.Fixtures.d;
import static cn.egov.projects.domain.project.Fixtures.profile;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("第十条 追加项目的全过程")
class SupplementaryPathTest {

    @Test
    @DisplayName("追加申报、可行性评审、市政府同意、追加列入计划，追加日期开始计算实施方案和实质性启动期限")
    void supplementaryProjectEntersThePlan() {
        Journey j = Journey.of(profile().planYear(2025).build(), PolicyPacks.taicang());
        Project p = j.project;

        Journey.ok(p.declareSupplementary(d("2025-05-10"), new Supplementary("省政府办公厅要求2025年底前建成",
                "项目可行性研究方案（2025年4月）"), j.pack));
        assertThat(p.isSupplementary()).isTrue();
        Journey.ok(p.startReview(d("2025-05-12"), j.pack));
        Journey.ok(p.recordReview(new ReviewOpinion(d("2025-05-16"), true, THREE_EXPERTS, "可行"), j.pack));
        assertThat(p.state()).isEqualTo(ProjectState.REVIEWED);

        // an addition takes no yearly funding opinion: the unit asks the government directly
        assertThat(p.proposeFunding(new FundingOpinion(d("2025-05-18"), Money.yuan("600000.00"), "安排"), j.pack)
                .has(RuleCode.LIFECYCLE_ORDER)).isTrue();
        assertThat(p.state()).isEqualTo(ProjectState.REVIEWED);

        Journey.ok(p.recordApproval(new GovernmentApproval(d("2025-05-20"), Money.yuan("600000.00"), "市政府同意追加"),
                j.pack));
        assertThat(p.state()).isEqualTo(ProjectState.APPROVED);
        Journey.ok(p.includeInPlan(new PlanInclusion(d("2025-05-26"), 2025, true, "追加计划〔2025〕2号"), j.calc));

        assertThat(p.state()).isEqualTo(ProjectState.PLANNED);
        assertThat(p.plan()).hasValueSatisfying(plan -> assertThat(plan.addition()).isTrue());
        assertThat(j.deadline(DeadlineKind.IMPL_PLAN).start()).isEqualTo(d("2025-05-26"));
        assertThat(j.deadline(DeadlineKind.IMPL_PLAN).due()).isEqualTo(d("2025-06-26"));
        assertThat(j.deadline(DeadlineKind.SUBSTANTIVE_START).due()).isEqualTo(d("2026-05-26"));

        Journey.ok(p.submitImplementationPlan(j.matchingPlan(d("2025-06-05")), j.pack));
        assertThat(p.state()).isEqualTo(ProjectState.IMPLEMENTING);
    }

    @Test
    @DisplayName("可行性评审不通过的追加项目成为评审未通过，不能列入计划")
    void failedFeasibilityReview() {
        Journey j = Journey.of(profile().planYear(2025).build(), PolicyPacks.taicang());
        j.project.declareSupplementary(d("2025-05-10"), new Supplementary("省级要求", "可研方案"), j.pack);
        j.project.startReview(d("2025-05-12"), j.pack);

        Journey.ok(j.project.recordReview(new ReviewOpinion(d("2025-05-16"), false, THREE_EXPERTS, "不可行"), j.pack));

        assertThat(j.project.state()).isEqualTo(ProjectState.REJECTED);
        assertThat(j.project.includeInPlan(new PlanInclusion(d("2025-05-26"), 2025, true, "追加"), j.calc)
                .has(RuleCode.ART9_NOT_FUNDED)).isTrue();
    }
}
