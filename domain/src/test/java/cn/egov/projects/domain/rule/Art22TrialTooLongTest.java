package cn.egov.projects.domain.rule;

import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.deadline.DeadlineStatus;
import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.Acceptance;
import cn.egov.projects.domain.project.Journey;
import cn.egov.projects.domain.project.ProjectState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static cn.egov.projects.domain.project.Fixtures.profile;
import static cn.egov.projects.domain.rule.RuleAssertions.assertClean;
import static cn.egov.projects.domain.rule.RuleAssertions.assertFlagged;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("第二十二条 试运行至完成验收不得超过一年")
class Art22TrialTooLongTest {

    /**
     * Trial from 2024-05-31: one year later is 2025-05-31, a Saturday in the 2025 Dragon Boat rest days
     * (05-31..06-02), so the limit falls due on Tuesday 2025-06-03.
     */
    private static Journey awaitingAcceptance() {
        Journey j = Journey.of(profile().planYear(2024).build(), PolicyPacks.taicang()).onTrial(LocalDate.of(2024, 5, 31));
        return j.cybersecReviewed(LocalDate.of(2025, 4, 1)).awaitingAcceptance(LocalDate.of(2025, 5, 6));
    }

    @Test
    @DisplayName("验收期限落在端午假期的顺延至2025-06-03")
    void limitRollsPastTheHoliday() {
        Journey j = awaitingAcceptance();

        assertThat(j.deadline(DeadlineKind.ACCEPTANCE_LIMIT).due()).isEqualTo(LocalDate.of(2025, 6, 3));
    }

    @Test
    @DisplayName("在验收期限当日2025-06-03验收的不作标记，按期完成")
    void acceptanceOnTheDueDayIsOnTime() {
        Journey j = awaitingAcceptance();

        Outcome outcome = j.project.recordAcceptance(j.acceptance(LocalDate.of(2025, 6, 3), true), j.calc);

        assertClean(outcome);
        assertThat(j.project.acceptances()).singleElement().extracting(Acceptance::late).isEqualTo(false);
        assertThat(j.deadline(DeadlineKind.ACCEPTANCE_LIMIT).statusOn(LocalDate.of(2025, 6, 3)))
                .isEqualTo(DeadlineStatus.MET_ON_TIME);
    }

    @Test
    @DisplayName("超过验收期限次日验收的予以录入但作标记，记为逾期验收")
    void acceptanceTheDayAfterIsRecordedLate() {
        Journey j = awaitingAcceptance();

        Outcome outcome = j.project.recordAcceptance(j.acceptance(LocalDate.of(2025, 6, 4), true), j.calc);

        assertFlagged(outcome, RuleCode.ART22_TRIAL_TOO_LONG, "第二十二条", "试运行至完成项目验收的时间不得超过一年",
                "试运行自2024-05-31开始", "应于2025-06-03前完成验收", "本次验收逾期");
        assertThat(outcome.flags()).extracting(Violation::code).containsExactly(RuleCode.ART22_TRIAL_TOO_LONG);
        assertThat(j.project.state()).isEqualTo(ProjectState.ACCEPTED);
        assertThat(j.project.acceptances()).singleElement().extracting(Acceptance::late).isEqualTo(true);
        assertThat(j.deadline(DeadlineKind.ACCEPTANCE_LIMIT).statusOn(LocalDate.of(2025, 6, 4)))
                .isEqualTo(DeadlineStatus.MET_LATE);
    }

    @Test
    @DisplayName("验收期限届满次日尚未验收的项目被标记为验收逾期")
    void overdueAcceptanceIsFlaggedOnTheDay() {
        Journey j = awaitingAcceptance();

        assertClean(j.project.flagsOn(LocalDate.of(2025, 6, 3), j.pack));
        assertFlagged(j.project.flagsOn(LocalDate.of(2025, 6, 4), j.pack), RuleCode.ART22_TRIAL_TOO_LONG, "第二十二条",
                "应于2025-06-03前完成验收，已逾期");
    }
}
