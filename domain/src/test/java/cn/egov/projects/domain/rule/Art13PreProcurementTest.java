package cn.egov.projects.domain.rule;

import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.Journey;
import cn.egov.projects.domain.project.PreProcurementReview;
import cn.egov.projects.domain.project.ProjectState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static cn.egov.projects.domain.project.Fixtures.contract;
import static cn.egov.projects.domain.project.Fixtures.profile;
import static cn.egov.projects.domain.rule.RuleAssertions.assertClean;
import static cn.egov.projects.domain.rule.RuleAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("第十三条 实施前评审后方可转入政府采购")
class Art13PreProcurementTest {

    private static final LocalDate SIGNED_ON = LocalDate.of(2025, 3, 14);

    private static Journey implementing() {
        return Journey.of(profile().build(), PolicyPacks.taicang()).implementing();
    }

    @Test
    @DisplayName("未经实施前评审的项目不能签订采购合同")
    void contractWithoutPreProcurementReviewIsRefused() {
        Journey j = implementing();

        Outcome outcome = j.project.signContract(contract("HT-2025-001", "600000.00", SIGNED_ON), j.calc);

        assertRefused(outcome, RuleCode.ART13_PRE_PROCUREMENT, "第十三条", "出具项目评审意见后，方可转入政府采购流程",
                "尚无市大数据管理局实施前评审通过的意见");
        assertThat(j.project.contracts()).isEmpty();
        assertThat(j.project.substantiveStartOn()).isEmpty();
    }

    @Test
    @DisplayName("未报送实施方案的项目不能签订采购合同")
    void contractBeforeImplementationPlanIsRefused() {
        Journey j = Journey.of(profile().build(), PolicyPacks.taicang()).planned();

        assertRefused(j.project.signContract(contract("HT-2025-001", "600000.00", SIGNED_ON), j.calc),
                RuleCode.ART13_PRE_PROCUREMENT, "第十三条", "请先报送实施方案");
    }

    @Test
    @DisplayName("实施前评审未通过的项目仍不能签订采购合同")
    void failedReviewKeepsProcurementClosed() {
        Journey j = implementing();

        assertClean(j.project.recordPreProcurementReview(new PreProcurementReview(LocalDate.of(2025, 2, 10), false,
                "采购需求不明确"), j.pack));

        assertThat(j.project.state()).isEqualTo(ProjectState.IMPLEMENTING);
        assertRefused(j.project.signContract(contract("HT-2025-001", "600000.00", SIGNED_ON), j.calc),
                RuleCode.ART13_PRE_PROCUREMENT, "第十三条");
    }

    @Test
    @DisplayName("实施前评审通过后可以签订采购合同")
    void contractAfterPassedReviewIsAccepted() {
        Journey j = implementing();
        assertClean(j.project.recordPreProcurementReview(new PreProcurementReview(LocalDate.of(2025, 2, 10), true,
                "同意采购"), j.pack));
        assertThat(j.project.state()).isEqualTo(ProjectState.PROCUREMENT);

        assertClean(j.project.signContract(contract("HT-2025-001", "600000.00", SIGNED_ON), j.calc));
        assertThat(j.project.state()).isEqualTo(ProjectState.CONTRACTED);
    }
}
