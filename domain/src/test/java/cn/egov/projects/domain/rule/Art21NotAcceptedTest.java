package cn.egov.projects.domain.rule;

import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.Journey;
import cn.egov.projects.domain.project.ProjectState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static cn.egov.projects.domain.project.Fixtures.profile;
import static cn.egov.projects.domain.rule.RuleAssertions.assertClean;
import static cn.egov.projects.domain.rule.RuleAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("第二十一条 未经验收不得投入使用")
class Art21NotAcceptedTest {

    private static final LocalDate TRIAL = LocalDate.of(2025, 4, 1);

    private static Journey onTrial() {
        return Journey.of(profile().build(), PolicyPacks.taicang()).onTrial(TRIAL)
                .cybersecReviewed(LocalDate.of(2025, 5, 10));
    }

    @Test
    @DisplayName("试运行中未经验收的项目不得投入使用")
    void operationDuringTrialIsRefused() {
        Journey j = onTrial();

        Outcome outcome = j.project.putIntoOperation(LocalDate.of(2025, 6, 1), j.pack);

        assertRefused(outcome, RuleCode.ART21_NOT_ACCEPTED, "第二十一条", "未经验收或验收不合格的项目不得投入使用",
                "项目当前状态为「试运行中」，尚未通过竣工验收");
        assertThat(j.project.state()).isEqualTo(ProjectState.TRIAL_RUN);
    }

    @Test
    @DisplayName("已报送自查报告但尚未验收的项目不得投入使用")
    void operationBeforeAcceptanceIsRefused() {
        Journey j = onTrial().awaitingAcceptance(LocalDate.of(2025, 5, 20));

        assertRefused(j.project.putIntoOperation(LocalDate.of(2025, 6, 1), j.pack), RuleCode.ART21_NOT_ACCEPTED,
                "第二十一条", "待验收");
    }

    @Test
    @DisplayName("验收不合格的项目不得投入使用")
    void operationAfterFailedAcceptanceIsRefused() {
        Journey j = onTrial().awaitingAcceptance(LocalDate.of(2025, 5, 20));
        assertClean(j.project.recordAcceptance(j.acceptance(LocalDate.of(2025, 6, 10), false), j.calc));

        assertRefused(j.project.putIntoOperation(LocalDate.of(2025, 6, 11), j.pack), RuleCode.ART21_NOT_ACCEPTED,
                "第二十一条", "尚未通过竣工验收");
    }

    @Test
    @DisplayName("不能以重新开始试运行的方式延长试运行期")
    void restartingTheTrialIsRefused() {
        Journey j = onTrial();

        Outcome outcome = j.project.startTrialRun(LocalDate.of(2025, 9, 1), j.calc);

        assertRefused(outcome, RuleCode.ART21_NOT_ACCEPTED, "第二十一条", "不得以延长试运行期等方式变相投入使用",
                "试运行已于2025-04-01开始，不能重新开始或延长");
        assertThat(j.project.trialStartOn()).contains(TRIAL);
    }

    @Test
    @DisplayName("验收不合格退回试运行后，也不能重新开始试运行")
    void restartingAfterFailedAcceptanceIsRefused() {
        Journey j = onTrial().awaitingAcceptance(LocalDate.of(2025, 5, 20));
        j.project.recordAcceptance(j.acceptance(LocalDate.of(2025, 6, 10), false), j.calc);

        assertRefused(j.project.startTrialRun(LocalDate.of(2025, 6, 12), j.calc), RuleCode.ART21_NOT_ACCEPTED,
                "第二十一条", "试运行已于2025-04-01开始");
        assertThat(j.project.trialStartOn()).contains(TRIAL);
    }

    @Test
    @DisplayName("验收通过的项目可以投入使用")
    void operationAfterPassedAcceptancePasses() {
        Journey j = onTrial().awaitingAcceptance(LocalDate.of(2025, 5, 20));
        assertClean(j.project.recordAcceptance(j.acceptance(LocalDate.of(2025, 6, 10), true), j.calc));

        assertClean(j.project.putIntoOperation(LocalDate.of(2025, 6, 15), j.pack));
        assertThat(j.project.state()).isEqualTo(ProjectState.OPERATING);
    }
}
