package cn.egov.projects.domain.rule;

import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.Journey;
import cn.egov.projects.domain.project.ProjectState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static cn.egov.projects.domain.project.Fixtures.contract;
import static cn.egov.projects.domain.project.Fixtures.profile;
import static cn.egov.projects.domain.rule.RuleAssertions.assertClean;
import static cn.egov.projects.domain.rule.RuleAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("第十二条 未列入实施计划的项目不得开工建设")
class Art12NotInPlanTest {

    private static Journey approvedNotPlanned() {
        return Journey.of(profile().build(), PolicyPacks.taicang()).approved();
    }

    @Test
    @DisplayName("已审定但未列入实施计划的项目不能签订合同")
    void contractBeforePlanIsRefused() {
        Journey j = approvedNotPlanned();

        Outcome outcome = j.project.signContract(contract("HT-2025-001", "600000.00", LocalDate.of(2025, 3, 14)), j.calc);

        assertRefused(outcome, RuleCode.ART12_NOT_IN_PLAN, "第十二条", "未列入市级电子政务项目实施计划的项目，不得开工建设",
                "市政府已审定", "尚未列入已下达的实施计划");
        assertThat(j.project.contracts()).isEmpty();
        assertThat(j.project.deadlines()).isEmpty();
    }

    @Test
    @DisplayName("未列入实施计划的项目不能报送实施方案")
    void implementationPlanBeforePlanIsRefused() {
        Journey j = approvedNotPlanned();

        assertRefused(j.project.submitImplementationPlan(j.matchingPlan(LocalDate.of(2025, 1, 20)), j.pack),
                RuleCode.ART12_NOT_IN_PLAN, "第十二条", "尚未列入已下达的实施计划");
        assertThat(j.project.state()).isEqualTo(ProjectState.APPROVED);
    }

    @Test
    @DisplayName("未列入实施计划的项目不能上线试运行")
    void trialBeforePlanIsRefused() {
        Journey j = approvedNotPlanned();

        assertRefused(j.project.startTrialRun(LocalDate.of(2025, 6, 1), j.calc), RuleCode.ART12_NOT_IN_PLAN, "第十二条");
    }

    @Test
    @DisplayName("列入实施计划后即可报送实施方案")
    void onceInThePlanTheImplementationPlanIsAccepted() {
        Journey j = approvedNotPlanned().planned();

        assertClean(j.project.submitImplementationPlan(j.matchingPlan(LocalDate.of(2025, 1, 20)), j.pack));
        assertThat(j.project.state()).isEqualTo(ProjectState.IMPLEMENTING);
    }
}
