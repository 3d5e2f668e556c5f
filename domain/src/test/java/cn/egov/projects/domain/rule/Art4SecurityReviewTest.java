package cn.egov.projects.domain.rule;

import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.Journey;
import cn.egov.projects.domain.project.ProjectProfile;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.project.SecurityReview;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static cn.egov.projects.domain.project.Fixtures.profile;
import static cn.egov.projects.domain.rule.RuleAssertions.assertClean;
import static cn.egov.projects.domain.rule.RuleAssertions.assertNotCited;
import static cn.egov.projects.domain.rule.RuleAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("第四条 网络安全审查和密码应用审查")
class Art4SecurityReviewTest {

    private static final LocalDate TRIAL = LocalDate.of(2025, 4, 1);
    private static final LocalDate HELD_ON = LocalDate.of(2025, 6, 10);

    private static Journey awaitingAcceptance(ProjectProfile profile) {
        return Journey.of(profile, PolicyPacks.taicang()).onTrial(TRIAL).awaitingAcceptance(LocalDate.of(2025, 5, 20));
    }

    private static SecurityReview cybersec(LocalDate on, boolean passed) {
        return new SecurityReview(on, SecurityReview.Kind.CYBERSECURITY, passed, passed ? "通过" : "存在高危漏洞");
    }

    private static SecurityReview crypto(LocalDate on, boolean passed) {
        return new SecurityReview(on, SecurityReview.Kind.CRYPTOGRAPHY, passed, passed ? "通过" : "未采用商用密码");
    }

    @Nested
    @DisplayName("太仓办法：验收前须有审查意见")
    class Taicang {

        @Test
        @DisplayName("没有网络安全审查意见的项目不能验收")
        void acceptanceWithoutCybersecReviewIsRefused() {
            Journey j = awaitingAcceptance(profile().build());

            Outcome outcome = j.project.recordAcceptance(j.acceptance(HELD_ON, true), j.calc);

            assertRefused(outcome, RuleCode.ART4_CYBERSEC_REVIEW, "第四条", "市委网信办负责市级项目的网络安全审查和监管",
                    "竣工验收前须有市委网信办通过的网络安全审查意见");
            assertThat(j.project.state()).isEqualTo(ProjectState.ACCEPTANCE_PENDING);
        }

        @Test
        @DisplayName("网络安全审查未通过的项目不能验收")
        void failedCybersecReviewDoesNotCount() {
            Journey j = awaitingAcceptance(profile().build());
            assertClean(j.project.recordSecurityReview(cybersec(LocalDate.of(2025, 5, 25), false), j.pack));

            assertRefused(j.project.recordAcceptance(j.acceptance(HELD_ON, true), j.calc),
                    RuleCode.ART4_CYBERSEC_REVIEW, "第四条");
        }

        @Test
        @DisplayName("网络安全审查通过后可以验收；以最近一次审查意见为准")
        void passedCybersecReviewAllowsAcceptance() {
            Journey j = awaitingAcceptance(profile().build());
            j.project.recordSecurityReview(cybersec(LocalDate.of(2025, 5, 25), false), j.pack);
            j.project.recordSecurityReview(cybersec(LocalDate.of(2025, 6, 5), true), j.pack);

            assertClean(j.project.recordAcceptance(j.acceptance(HELD_ON, true), j.calc));
            assertThat(j.project.state()).isEqualTo(ProjectState.ACCEPTED);
        }

        @Test
        @DisplayName("太仓办法下上线试运行前无需审查意见")
        void trialNeedsNoReviewInTaicang() {
            Journey j = Journey.of(profile().usesCryptography(true).build(), PolicyPacks.taicang()).contracted();

            assertClean(j.project.startTrialRun(TRIAL, j.calc));
        }

        @Test
        @DisplayName("使用密码的项目没有密码应用审查意见不能验收")
        void cryptoProjectWithoutCryptoReviewIsRefused() {
            Journey j = awaitingAcceptance(profile().usesCryptography(true).build());
            j.project.recordSecurityReview(cybersec(LocalDate.of(2025, 5, 25), true), j.pack);

            Outcome outcome = j.project.recordAcceptance(j.acceptance(HELD_ON, true), j.calc);

            assertRefused(outcome, RuleCode.ART4_CRYPTO_REVIEW, "第四条", "项目中的密码应用须经市国家密码管理局指导、检查",
                    "竣工验收前须有通过的密码应用审查意见");
            assertNotCited(outcome, RuleCode.ART4_CYBERSEC_REVIEW);
        }

        @Test
        @DisplayName("使用密码的项目两项审查都没有时，两项都指出")
        void bothMissingAreBothNamed() {
            Journey j = awaitingAcceptance(profile().usesCryptography(true).build());

            Outcome outcome = j.project.recordAcceptance(j.acceptance(HELD_ON, true), j.calc);

            assertThat(outcome.refusals()).extracting(Violation::code)
                    .containsExactlyInAnyOrder(RuleCode.ART4_CYBERSEC_REVIEW, RuleCode.ART4_CRYPTO_REVIEW);
        }

        @Test
        @DisplayName("使用密码的项目两项审查均通过后可以验收")
        void cryptoProjectWithBothReviewsPasses() {
            Journey j = awaitingAcceptance(profile().usesCryptography(true).build());
            j.project.recordSecurityReview(cybersec(LocalDate.of(2025, 5, 25), true), j.pack);
            assertClean(j.project.recordSecurityReview(crypto(LocalDate.of(2025, 5, 26), true), j.pack));

            assertClean(j.project.recordAcceptance(j.acceptance(HELD_ON, true), j.calc));
        }

        @Test
        @DisplayName("未使用密码的项目验收无需密码应用审查")
        void nonCryptoProjectNeedsNoCryptoReview() {
            Journey j = awaitingAcceptance(profile().usesCryptography(false).build());
            j.project.recordSecurityReview(cybersec(LocalDate.of(2025, 5, 25), true), j.pack);

            Outcome outcome = j.project.recordAcceptance(j.acceptance(HELD_ON, true), j.calc);

            assertClean(outcome);
            assertNotCited(outcome, RuleCode.ART4_CRYPTO_REVIEW);
        }

        @Test
        @DisplayName("未申报密码应用的项目不能录入密码应用审查意见")
        void cryptoReviewOfNonCryptoProjectIsOutOfOrder() {
            Journey j = awaitingAcceptance(profile().usesCryptography(false).build());

            assertRefused(j.project.recordSecurityReview(crypto(LocalDate.of(2025, 5, 26), true), j.pack),
                    RuleCode.LIFECYCLE_ORDER, "第四条", "本项目未申报密码应用");
        }

        @Test
        @DisplayName("草稿项目不能录入审查意见")
        void reviewOfADraftIsOutOfOrder() {
            Journey j = Journey.of(profile().build(), PolicyPacks.taicang());

            assertRefused(j.project.recordSecurityReview(cybersec(LocalDate.of(2024, 8, 1), true), j.pack),
                    RuleCode.LIFECYCLE_ORDER, "第四条", "草稿");
        }
    }

    @Nested
    @DisplayName("示例政策包：网络安全审查在上线试运行前")
    class ExamplePack {

        @Test
        @DisplayName("没有网络安全审查意见的项目不能上线试运行")
        void trialWithoutCybersecReviewIsRefused() {
            Journey j = Journey.of(profile().build(), PolicyPacks.example()).contracted();

            Outcome outcome = j.project.startTrialRun(TRIAL, j.calc);

            assertRefused(outcome, RuleCode.ART4_CYBERSEC_REVIEW, "第四条", "上线试运行前须有市委网信办通过的网络安全审查意见");
            assertThat(j.project.state()).isEqualTo(ProjectState.CONTRACTED);
            assertThat(j.project.trialStartOn()).isEmpty();
        }

        @Test
        @DisplayName("网络安全审查通过后可以上线试运行")
        void trialAfterCybersecReviewPasses() {
            Journey j = Journey.of(profile().build(), PolicyPacks.example()).contracted();
            j.project.recordSecurityReview(cybersec(LocalDate.of(2025, 3, 25), true), j.pack);

            assertClean(j.project.startTrialRun(TRIAL, j.calc));
            assertThat(j.project.state()).isEqualTo(ProjectState.TRIAL_RUN);
        }
    }
}
