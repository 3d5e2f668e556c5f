package cn.egov.projects.domain.project;

import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.deadline.DeadlineStatus;
import cn.egov.projects.domain.policy.PolicyPacks;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static cn.egov.projects.domain.project.Fixtures.d;
import static cn.egov.projects.domain.project.Fixtures.profile;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("验收不合格")
class AcceptanceFailureTest {

    private static Journey awaitingAcceptance() {
        return Journey.of(profile().build(), PolicyPacks.taicang()).onTrial(d("2025-04-01"))
                .cybersecReviewed(d("2025-05-10")).awaitingAcceptance(d("2025-05-20"));
    }

    @Test
    @DisplayName("验收不合格的项目退回试运行，验收期限继续计算，不开始验收报告和竣工决算期限")
    void failedAcceptanceReturnsToTrial() {
        Journey j = awaitingAcceptance();

        Journey.ok(j.project.recordAcceptance(j.acceptance(d("2025-06-10"), false), j.calc));

        assertThat(j.project.state()).isEqualTo(ProjectState.TRIAL_RUN);
        assertThat(j.project.acceptances()).singleElement().extracting(Acceptance::passed).isEqualTo(false);
        assertThat(j.project.trialStartOn()).contains(d("2025-04-01"));
        assertThat(j.deadline(DeadlineKind.ACCEPTANCE_LIMIT).statusOn(d("2025-06-10"))).isEqualTo(DeadlineStatus.PENDING);
        assertThat(j.deadline(DeadlineKind.ACCEPTANCE_LIMIT).due()).isEqualTo(d("2026-04-01"));
        assertThat(j.deadlines(DeadlineKind.ACCEPTANCE_REPORT)).isEmpty();
        assertThat(j.deadlines(DeadlineKind.FINAL_ACCOUNTS)).isEmpty();
    }

    @Test
    @DisplayName("整改后重新自查、再次验收通过的，验收期限按第二次验收日完成")
    void secondAcceptancePasses() {
        Journey j = awaitingAcceptance();
        Journey.ok(j.project.recordAcceptance(j.acceptance(d("2025-06-10"), false), j.calc));
        j.awaitingAcceptance(d("2025-07-20"));

        Journey.ok(j.project.recordAcceptance(j.acceptance(d("2025-08-05"), true), j.calc));

        assertThat(j.project.state()).isEqualTo(ProjectState.ACCEPTED);
        assertThat(j.project.acceptances()).extracting(Acceptance::passed).containsExactly(false, true);
        assertThat(j.deadline(DeadlineKind.ACCEPTANCE_LIMIT).metOn()).isEqualTo(d("2025-08-05"));
        // 2025-08-05 Tuesday + 7 working days: 08-06 .. 08-08 (3), 08-11 .. 08-14 (7)
        assertThat(j.deadline(DeadlineKind.ACCEPTANCE_REPORT).due()).isEqualTo(d("2025-08-14"));
        assertThat(j.deadline(DeadlineKind.FINAL_ACCOUNTS).due()).isEqualTo(d("2025-11-05"));
    }
}
