package cn.egov.projects.domain.rule;

import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.Contract;
import cn.egov.projects.domain.project.Journey;
import cn.egov.projects.domain.project.ProjectState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static cn.egov.projects.domain.project.Fixtures.profile;
import static cn.egov.projects.domain.rule.RuleAssertions.assertClean;
import static cn.egov.projects.domain.rule.RuleAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("各环节日期须按办理顺序")
class DatesInOrderTest {

    private static Journey contracted() {
        // plan year 2025: in plan 2025-01-03, implementation plan 01-20, pre-procurement review 02-10, contract 03-14
        return Journey.of(profile().build(), PolicyPacks.taicang()).contracted();
    }

    @Test
    @DisplayName("试运行开始日期早于合同报送日期的不予受理，并引用第二十二条")
    void trialBeforeTheContractWasFiledIsRefused() {
        Journey j = contracted();
        Journey.ok(j.project.fileContract("HT-2025-001", LocalDate.of(2025, 3, 20), j.pack));

        Outcome outcome = j.project.startTrialRun(LocalDate.of(2025, 3, 19), j.calc);

        Violation v = assertRefused(outcome, RuleCode.DATES_OUT_OF_ORDER, "第二十二条",
                "试运行开始日期2025-03-19早于合同HT-2025-001报送日期2025-03-20");
        assertThat(v.article()).isEqualTo("第二十二条");
        assertThat(j.project.state()).isEqualTo(ProjectState.CONTRACTED);
        assertThat(j.project.trialStartOn()).isEmpty();
        assertClean(j.project.startTrialRun(LocalDate.of(2025, 3, 20), j.calc));
    }

    @Test
    @DisplayName("试运行开始日期早于合同签订日期的不予受理")
    void trialBeforeTheContractWasSignedIsRefused() {
        Journey j = contracted();

        assertRefused(j.project.startTrialRun(LocalDate.of(2025, 3, 13), j.calc), RuleCode.DATES_OUT_OF_ORDER,
                "第二十二条", "早于", "2025-03-14");
    }

    @Test
    @DisplayName("验收日期早于试运行开始或自查报告的不予受理，并引用第二十四条")
    void acceptanceBeforeTheTrialRunIsRefused() {
        Journey j = contracted().onTrial(LocalDate.of(2025, 4, 1)).awaitingAcceptance(LocalDate.of(2025, 6, 10));

        assertRefused(j.project.recordAcceptance(j.acceptance(LocalDate.of(2025, 3, 31), true), j.calc),
                RuleCode.DATES_OUT_OF_ORDER, "第二十四条", "验收日期2025-03-31早于报送项目自查报告日期2025-06-10");
        assertRefused(j.project.recordAcceptance(j.acceptance(LocalDate.of(2025, 6, 9), true), j.calc),
                RuleCode.DATES_OUT_OF_ORDER, "第二十四条", "早于报送项目自查报告日期2025-06-10");
        assertThat(j.project.acceptances()).isEmpty();
        assertThat(j.project.state()).isEqualTo(ProjectState.ACCEPTANCE_PENDING);
    }

    @Test
    @DisplayName("合同签订日期早于实施前评审通过日期的不予受理，并引用第十四条")
    void contractBeforeThePreProcurementReviewIsRefused() {
        Journey j = Journey.of(profile().build(), PolicyPacks.taicang()).inProcurement();

        Outcome outcome = j.project.signContract(new Contract("HT-1", "苏州某信息技术有限公司",
                j.yuan("100000.00"), LocalDate.of(2025, 2, 9), null, null), j.calc);

        assertRefused(outcome, RuleCode.DATES_OUT_OF_ORDER, "第十四条", "合同签订日期2025-02-09早于实施前评审通过日期2025-02-10");
        assertThat(j.project.contracts()).isEmpty();
    }

    @Test
    @DisplayName("无需采购的开工日期早于报送实施方案日期的不予受理，并引用第十七条")
    void startBeforeTheImplementationPlanIsRefused() {
        Journey j = Journey.of(profile().build(), PolicyPacks.taicang()).implementing();

        assertRefused(j.project.recordStartWithoutProcurement("单一来源，已有运维合同", LocalDate.of(2025, 1, 19), j.calc),
                RuleCode.DATES_OUT_OF_ORDER, "第十七条", "开工日期2025-01-19早于报送实施方案日期2025-01-20");
        assertClean(j.project.recordStartWithoutProcurement("单一来源，已有运维合同", LocalDate.of(2025, 1, 20), j.calc));
    }
}
