package cn.egov.projects.domain.rule;

import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.FundingOpinion;
import cn.egov.projects.domain.project.GovernmentApproval;
import cn.egov.projects.domain.project.Journey;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.project.ReviewOpinion;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static cn.egov.projects.domain.project.Fixtures.THREE_EXPERTS;
import static cn.egov.projects.domain.project.Fixtures.profile;
import static cn.egov.projects.domain.rule.RuleAssertions.assertClean;
import static cn.egov.projects.domain.rule.RuleAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("第八条 专家评审、资金安排意见和市政府审定")
class Art8ReviewRequiredTest {

    private static final FundingOpinion FUNDING =
            new FundingOpinion(LocalDate.of(2024, 11, 15), Money.yuan("600000.00"), "建议安排");
    private static final GovernmentApproval APPROVAL =
            new GovernmentApproval(LocalDate.of(2024, 12, 20), Money.yuan("600000.00"), "市政府常务会议纪要");

    private static Journey journey() {
        return Journey.of(profile().build(), PolicyPacks.taicang());
    }

    @Test
    @DisplayName("已申报但未经专家评审的项目，财政局不能提出资金安排意见")
    void fundingBeforeReviewIsRefused() {
        Journey j = journey().declared();

        Outcome outcome = j.project.proposeFunding(FUNDING, j.pack);

        assertRefused(outcome, RuleCode.ART8_REVIEW_REQUIRED, "第八条", "已申报", "尚无专家评审意见");
        assertThat(j.project.state()).isEqualTo(ProjectState.DECLARED);
    }

    @Test
    @DisplayName("专家评审进行中的项目，财政局不能提出资金安排意见")
    void fundingDuringReviewIsRefused() {
        Journey j = journey().underReview();

        assertRefused(j.project.proposeFunding(FUNDING, j.pack), RuleCode.ART8_REVIEW_REQUIRED, "第八条",
                "专家评审中");
    }

    @Test
    @DisplayName("评审通过后财政局可以提出资金安排意见")
    void fundingAfterReviewPasses() {
        Journey j = journey().reviewed();

        assertClean(j.project.proposeFunding(FUNDING, j.pack));
        assertThat(j.project.state()).isEqualTo(ProjectState.FUNDING_PROPOSED);
    }

    @Test
    @DisplayName("财政局提出资金安排意见前不能录入市政府审定意见")
    void approvalBeforeFundingIsRefused() {
        Journey j = journey().reviewed();

        Outcome outcome = j.project.recordApproval(APPROVAL, j.pack);

        assertRefused(outcome, RuleCode.ART8_REVIEW_REQUIRED, "第八条", "市财政局尚未提出资金安排意见");
        assertThat(j.project.state()).isEqualTo(ProjectState.REVIEWED);
    }

    @Test
    @DisplayName("财政局提出资金安排意见后可以录入市政府审定意见")
    void approvalAfterFundingPasses() {
        Journey j = journey().fundingProposed();

        assertClean(j.project.recordApproval(APPROVAL, j.pack));
        assertThat(j.project.state()).isEqualTo(ProjectState.APPROVED);
    }

    @Test
    @DisplayName("没有评审专家的评审意见不能录入")
    void reviewWithoutExpertsIsRefused() {
        Journey j = journey().underReview();

        Outcome outcome = j.project.recordReview(new ReviewOpinion(LocalDate.of(2024, 10, 20), true, List.of(), "同意"),
                j.pack);

        assertRefused(outcome, RuleCode.ART8_REVIEW_REQUIRED, "第八条", "请填写评审专家");
        assertThat(j.project.state()).isEqualTo(ProjectState.UNDER_REVIEW);
    }

    @Test
    @DisplayName("专家评审不通过的项目成为评审未通过")
    void negativeReviewRejects() {
        Journey j = journey().underReview();

        assertClean(j.project.recordReview(new ReviewOpinion(LocalDate.of(2024, 10, 20), false, THREE_EXPERTS,
                "与已建系统重复"), j.pack));
        assertThat(j.project.state()).isEqualTo(ProjectState.REJECTED);
    }
}
