package cn.egov.projects.domain.rule;

import cn.egov.projects.domain.policy.PolicyPack;
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

@DisplayName("第二十二条 试运行最短期限")
class Art22TrialTooShortTest {

    private static final LocalDate TRIAL = LocalDate.of(2024, 1, 15);

    /** A 2023 project that went live on trial on 2024-01-15 and filed its self-inspection on 2024-02-01. */
    private static Journey awaitingAcceptance(boolean software, PolicyPack pack) {
        Journey j = Journey.of(profile().planYear(2023).software(software).build(), pack).contracted();
        j.cybersecReviewed(LocalDate.of(2024, 1, 10));
        return j.onTrial(TRIAL).awaitingAcceptance(LocalDate.of(2024, 2, 1));
    }

    @Test
    @DisplayName("非软件开发项目试运行自2024-01-15开始，2024-02-15验收的不予录入")
    void oneMonthNotYetElapsed() {
        Journey j = awaitingAcceptance(false, PolicyPacks.taicang());

        Outcome outcome = j.project.recordAcceptance(j.acceptance(LocalDate.of(2024, 2, 15), true), j.calc);

        assertRefused(outcome, RuleCode.ART22_TRIAL_TOO_SHORT, "第二十二条", "项目的验收应在上线试运行不少于一个月后进行",
                "试运行自2024-01-15开始", "本项目最早可于2024-02-16验收");
        assertThat(j.project.state()).isEqualTo(ProjectState.ACCEPTANCE_PENDING);
        assertThat(j.project.acceptances()).isEmpty();
    }

    @Test
    @DisplayName("非软件开发项目试运行自2024-01-15开始，2024-02-16可以验收")
    void oneMonthElapsed() {
        Journey j = awaitingAcceptance(false, PolicyPacks.taicang());

        assertClean(j.project.recordAcceptance(j.acceptance(LocalDate.of(2024, 2, 16), true), j.calc));
        assertThat(j.project.state()).isEqualTo(ProjectState.ACCEPTED);
    }

    @Test
    @DisplayName("软件开发项目试运行自2024-01-15开始，2024-03-15验收的不予录入")
    void twoMonthsNotYetElapsedForSoftware() {
        Journey j = awaitingAcceptance(true, PolicyPacks.taicang());

        assertRefused(j.project.recordAcceptance(j.acceptance(LocalDate.of(2024, 3, 15), true), j.calc),
                RuleCode.ART22_TRIAL_TOO_SHORT, "第二十二条", "软件开发项目最早可于2024-03-16验收");
    }

    @Test
    @DisplayName("软件开发项目试运行自2024-01-15开始，2024-03-16（星期六，最短期限不顺延）可以验收")
    void twoMonthsElapsedForSoftware() {
        Journey j = awaitingAcceptance(true, PolicyPacks.taicang());

        assertClean(j.project.recordAcceptance(j.acceptance(LocalDate.of(2024, 3, 16), true), j.calc));
    }

    @Test
    @DisplayName("示例政策包试运行不少于三个月：2024-04-15验收的不予录入，2024-04-16可以验收")
    void examplePackNeedsThreeMonths() {
        Journey j = awaitingAcceptance(false, PolicyPacks.example());

        assertRefused(j.project.recordAcceptance(j.acceptance(LocalDate.of(2024, 4, 15), true), j.calc),
                RuleCode.ART22_TRIAL_TOO_SHORT, "第二十二条", "上线试运行不少于三个月", "最早可于2024-04-16验收");
        assertClean(j.project.recordAcceptance(j.acceptance(LocalDate.of(2024, 4, 16), true), j.calc));
    }

    @Test
    @DisplayName("示例政策包下非软件项目2024-02-16验收的不予录入，而太仓办法允许")
    void sameDayDiffersBetweenPacks() {
        Journey example = awaitingAcceptance(false, PolicyPacks.example());

        assertRefused(example.project.recordAcceptance(example.acceptance(LocalDate.of(2024, 2, 16), true), example.calc),
                RuleCode.ART22_TRIAL_TOO_SHORT, "第二十二条");
    }
}
