package cn.egov.projects.domain.rule;

import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.Journey;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.project.SituationReport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static cn.egov.projects.domain.project.Fixtures.profile;
import static cn.egov.projects.domain.rule.RuleAssertions.assertClean;
import static cn.egov.projects.domain.rule.RuleAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("第十七条 不能按期完成、中止或终止的书面报告")
class Art17DelayReportTest {

    private static final LocalDate ON = LocalDate.of(2025, 6, 20);

    private static Journey contracted() {
        return Journey.of(profile().build(), PolicyPacks.taicang()).contracted();
    }

    @Test
    @DisplayName("未说明理由的延期报告不予受理")
    void reportWithoutReasonIsRefused() {
        Journey j = contracted();

        Outcome outcome = j.project.reportSituation(new SituationReport(ON, SituationReport.Kind.DELAY, "  ", true, true),
                j.pack);

        assertRefused(outcome, RuleCode.ART17_DELAY_REPORT, "第十七条", "应及时向市大数据管理局、市财政局报送书面报告",
                "书面报告须说明理由");
    }

    @Test
    @DisplayName("只报送市大数据管理局、未报送市财政局的延期报告不予受理")
    void reportNotSentToFinanceIsRefused() {
        Journey j = contracted();

        assertRefused(j.project.reportSituation(new SituationReport(ON, SituationReport.Kind.DELAY, "供应商交付延期",
                true, false), j.pack), RuleCode.ART17_DELAY_REPORT, "第十七条", "书面报告须同时报送市大数据管理局和市财政局");
    }

    @Test
    @DisplayName("只报送市财政局、未报送市大数据管理局的延期报告不予受理")
    void reportNotSentToBureauIsRefused() {
        Journey j = contracted();

        assertRefused(j.project.reportSituation(new SituationReport(ON, SituationReport.Kind.DELAY, "供应商交付延期",
                false, true), j.pack), RuleCode.ART17_DELAY_REPORT, "第十七条", "须同时报送");
    }

    @Test
    @DisplayName("说明理由并同时报送两部门的延期报告予以受理，项目状态不变")
    void completeDelayReportPasses() {
        Journey j = contracted();

        assertClean(j.project.reportSituation(new SituationReport(ON, SituationReport.Kind.DELAY, "供应商交付延期",
                true, true), j.pack));
        assertThat(j.project.state()).isEqualTo(ProjectState.CONTRACTED);
    }

    @Test
    @DisplayName("未说明理由的中止报告不予受理，项目不中止")
    void suspensionWithoutReasonDoesNotSuspend() {
        Journey j = contracted();

        assertRefused(j.project.reportSituation(new SituationReport(ON, SituationReport.Kind.SUSPENSION, null,
                true, true), j.pack), RuleCode.ART17_DELAY_REPORT, "第十七条", "书面报告须说明理由");
        assertThat(j.project.state()).isEqualTo(ProjectState.CONTRACTED);
    }
}
