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

@DisplayName("第十四条 合同金额不得超出批复预算")
class Art14ContractOverBudgetTest {

    private static final LocalDate SIGNED_ON = LocalDate.of(2025, 3, 14);

    /** Approved budget 600,000.00 yuan. */
    private static Journey inProcurement() {
        return Journey.of(profile().build(), PolicyPacks.taicang()).inProcurement();
    }

    @Test
    @DisplayName("合同金额超出批复预算0.01元的不予录入")
    void contractOneFenOverBudgetIsRefused() {
        Journey j = inProcurement();

        Outcome outcome = j.project.signContract(contract("HT-2025-001", "600000.01", SIGNED_ON), j.calc);

        assertRefused(outcome, RuleCode.ART14_CONTRACT_OVER_BUDGET, "第十四条", "合同金额不得超出批复预算",
                "合同金额合计600,000.01元超出批复预算600,000.00元");
        assertThat(j.project.state()).isEqualTo(ProjectState.PROCUREMENT);
        assertThat(j.project.contracts()).isEmpty();
    }

    @Test
    @DisplayName("合同金额恰好等于批复预算的可以录入")
    void contractEqualToBudgetPasses() {
        Journey j = inProcurement();

        assertClean(j.project.signContract(contract("HT-2025-001", "600000.00", SIGNED_ON), j.calc));
        assertThat(j.project.contracts()).hasSize(1);
    }

    @Test
    @DisplayName("多份合同金额合计超出批复预算0.01元的，后一份不予录入")
    void contractsSummingOverBudgetAreRefused() {
        Journey j = inProcurement();
        assertClean(j.project.signContract(contract("HT-2025-001", "400000.00", SIGNED_ON), j.calc));

        Outcome outcome = j.project.signContract(contract("HT-2025-002", "200000.01", LocalDate.of(2025, 4, 1)), j.calc);

        assertRefused(outcome, RuleCode.ART14_CONTRACT_OVER_BUDGET, "第十四条", "合同金额合计600,000.01元");
        assertThat(j.project.contracts()).hasSize(1);
    }

    @Test
    @DisplayName("多份合同金额合计恰好等于批复预算的可以录入")
    void contractsSummingToBudgetPass() {
        Journey j = inProcurement();
        j.project.signContract(contract("HT-2025-001", "400000.00", SIGNED_ON), j.calc);

        assertClean(j.project.signContract(contract("HT-2025-002", "200000.00", LocalDate.of(2025, 4, 1)), j.calc));
        assertThat(j.project.contracts()).hasSize(2);
    }

    @Test
    @DisplayName("示例政策包的第十四条措辞为五个工作日内报送合同")
    void wordingComesFromThePack() {
        Journey j = Journey.of(profile().build(), PolicyPacks.example()).inProcurement();

        assertRefused(j.project.signContract(contract("HT-2025-001", "600000.01", SIGNED_ON), j.calc),
                RuleCode.ART14_CONTRACT_OVER_BUDGET, "第十四条", "五个工作日内将合同报送主管部门");
    }

    @Test
    @DisplayName("同一合同编号不能重复录入")
    void sameContractNumberTwiceIsOutOfOrder() {
        Journey j = inProcurement();
        j.project.signContract(contract("HT-2025-001", "100000.00", SIGNED_ON), j.calc);

        assertRefused(j.project.signContract(contract("HT-2025-001", "100000.00", SIGNED_ON), j.calc),
                RuleCode.LIFECYCLE_ORDER, "第十四条", "合同编号HT-2025-001已录入");
    }
}
