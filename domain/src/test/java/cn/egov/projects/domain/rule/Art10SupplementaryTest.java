package cn.egov.projects.domain.rule;

import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.GovernmentApproval;
import cn.egov.projects.domain.project.Journey;
import cn.egov.projects.domain.project.PlanInclusion;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.project.ReviewOpinion;
import cn.egov.projects.domain.project.Supplementary;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static cn.egov.projects.domain.project.Fixtures.THREE_EXPERTS;
import static cn.egov.projects.domain.project.Fixtures.profile;
import static cn.egov.projects.domain.rule.RuleAssertions.assertClean;
import static cn.egov.projects.domain.rule.RuleAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("第十条 集中申报期外的追加项目")
class Art10SupplementaryTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 5, 10);
    private static final String REQUIREMENT = "江苏省政府办公厅要求2025年底前建成";
    private static final String FEASIBILITY = "项目可行性研究方案（2025年4月）";

    private static Journey journey2025() {
        return Journey.of(profile().planYear(2025).build(), PolicyPacks.taicang());
    }

    @Test
    @DisplayName("未注明国家、省、市明确建设要求的追加申报不予受理")
    void withoutRequirementIsRefused() {
        Journey j = journey2025();

        Outcome outcome = j.project.declareSupplementary(TODAY, new Supplementary(" ", FEASIBILITY), j.pack);

        assertRefused(outcome, RuleCode.ART10_SUPPLEMENTARY, "第十条", "须注明国家、省、市的明确建设要求");
        assertThat(j.project.state()).isEqualTo(ProjectState.DRAFT);
        assertThat(j.project.isSupplementary()).isFalse();
    }

    @Test
    @DisplayName("未报送可行性研究方案的追加申报不予受理")
    void withoutFeasibilityStudyIsRefused() {
        Journey j = journey2025();

        Outcome outcome = j.project.declareSupplementary(TODAY, new Supplementary(REQUIREMENT, null), j.pack);

        assertRefused(outcome, RuleCode.ART10_SUPPLEMENTARY, "第十条", "须报送项目可行性研究方案");
    }

    @Test
    @DisplayName("计划年度不是当年的项目不能追加申报")
    void nextYearsProjectIsRefused() {
        Journey j = Journey.of(profile().planYear(2026).build(), PolicyPacks.taicang());

        Outcome outcome = j.project.declareSupplementary(TODAY, new Supplementary(REQUIREMENT, FEASIBILITY),
                j.pack);

        assertRefused(outcome, RuleCode.ART10_SUPPLEMENTARY, "第十条", "追加项目须在当年实施", "计划年度应为2025年");
    }

    @Test
    @DisplayName("有明确建设要求和可行性研究方案的当年项目可以追加申报")
    void completeSupplementaryDeclarationPasses() {
        Journey j = journey2025();

        assertClean(j.project.declareSupplementary(TODAY, new Supplementary(REQUIREMENT, FEASIBILITY), j.pack));
        assertThat(j.project.state()).isEqualTo(ProjectState.DECLARED);
        assertThat(j.project.isSupplementary()).isTrue();
        assertThat(j.project.declaredOn()).isEqualTo(TODAY);
    }

    @Test
    @DisplayName("可行性评审通过前不能录入市政府对追加项目的同意意见")
    void consentBeforeFeasibilityReviewIsRefused() {
        Journey j = journey2025();
        j.project.declareSupplementary(TODAY, new Supplementary(REQUIREMENT, FEASIBILITY), j.pack);
        Journey.ok(j.project.startReview(LocalDate.of(2025, 5, 12), j.pack));

        Outcome outcome = j.project.recordApproval(new GovernmentApproval(LocalDate.of(2025, 5, 20),
                Money.yuan("600000.00"), "市政府同意追加"), j.pack);

        assertRefused(outcome, RuleCode.ART10_SUPPLEMENTARY, "第十条", "专家评审中", "须先经可行性评审通过");
    }

    @Test
    @DisplayName("追加项目应追加列入计划，不能随年度计划下达")
    void supplementaryProjectMustBeAnAddition() {
        Journey j = journey2025();
        j.project.declareSupplementary(TODAY, new Supplementary(REQUIREMENT, FEASIBILITY), j.pack);
        Journey.ok(j.project.startReview(LocalDate.of(2025, 5, 12), j.pack));
        Journey.ok(j.project.recordReview(new ReviewOpinion(LocalDate.of(2025, 5, 16), true, THREE_EXPERTS, "可行"), j.pack));
        Journey.ok(j.project.recordApproval(new GovernmentApproval(LocalDate.of(2025, 5, 20), Money.yuan("600000.00"),
                "市政府同意追加"), j.pack));

        Outcome asIssued = j.project.includeInPlan(new PlanInclusion(LocalDate.of(2025, 5, 26), 2025, false, "年度计划"),
                j.calc);
        assertRefused(asIssued, RuleCode.ART10_SUPPLEMENTARY, "第十条", "追加项目应追加列入年度实施计划");

        assertClean(j.project.includeInPlan(new PlanInclusion(LocalDate.of(2025, 5, 26), 2025, true, "追加计划"), j.calc));
        assertThat(j.project.state()).isEqualTo(ProjectState.PLANNED);
    }

    @Test
    @DisplayName("集中申报的项目随年度计划下达，不能作为追加项目列入")
    void normalProjectIsNotAnAddition() {
        Journey j = Journey.of(profile().build(), PolicyPacks.taicang()).approved();

        Outcome outcome = j.project.includeInPlan(new PlanInclusion(LocalDate.of(2025, 1, 3), 2025, true, "追加计划"),
                j.calc);

        assertRefused(outcome, RuleCode.ART10_SUPPLEMENTARY, "第十条", "集中申报的项目应随年度实施计划下达，不作追加");
        assertThat(j.project.state()).isEqualTo(ProjectState.APPROVED);
    }
}
