package cn.egov.projects.domain.rule;

import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.ChangeRequest;
import cn.egov.projects.domain.project.Journey;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static cn.egov.projects.domain.project.Fixtures.profile;
import static cn.egov.projects.domain.rule.RuleAssertions.assertClean;
import static cn.egov.projects.domain.rule.RuleAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("第十八条 项目变更")
class Art18ChangeBeforeTenderTest {

    private static final LocalDate ON = LocalDate.of(2025, 2, 1);

    private static ChangeRequest change(String description, String newBudget) {
        return new ChangeRequest(UUID.randomUUID(), ON, description, List.of("平台软件开发", "数据治理", "移动端开发"),
                newBudget == null ? null : Money.yuan(newBudget), null, null, null);
    }

    @Test
    @DisplayName("招标前变更涉及预算追加0.01元的不予受理，应重新申报")
    void budgetIncreaseBeforeTenderIsRefused() {
        Journey j = Journey.of(profile().build(), PolicyPacks.taicang()).planned();

        Outcome outcome = j.project.requestChange(change("增加移动端", "600000.01"), j.pack);

        assertRefused(outcome, RuleCode.ART18_CHANGE_BEFORE_TENDER, "第十八条", "追加预算须重新申报",
                "变更后预算600,000.01元超出批复预算600,000.00元", "涉及资金预算追加的应重新申报");
        assertThat(j.project.changes()).isEmpty();
    }

    @Test
    @DisplayName("招标前变更内容、预算不超出批复预算的待市大数据管理局审批")
    void changeWithinBudgetBeforeTenderAwaitsTheBureau() {
        Journey j = Journey.of(profile().build(), PolicyPacks.taicang()).implementing();

        assertClean(j.project.requestChange(change("增加移动端", "600000.00"), j.pack));

        assertThat(j.project.changes()).singleElement()
                .extracting(ChangeRequest::status).isEqualTo(ChangeRequest.Status.PENDING);
    }

    @Test
    @DisplayName("招标后涉及变更的按政府采购法办理")
    void changeAfterTenderIsRecordedUnderProcurementLaw() {
        Journey j = Journey.of(profile().build(), PolicyPacks.taicang()).contracted();

        assertClean(j.project.requestChange(change("增加移动端", null), j.pack));

        assertThat(j.project.changes()).singleElement()
                .extracting(ChangeRequest::status).isEqualTo(ChangeRequest.Status.UNDER_PROCUREMENT_LAW);
    }

    @Test
    @DisplayName("未说明变更内容的变更申请不予受理")
    void changeWithoutDescriptionIsRefused() {
        Journey j = Journey.of(profile().build(), PolicyPacks.taicang()).planned();

        assertRefused(j.project.requestChange(change(" ", null), j.pack), RuleCode.ART18_CHANGE_BEFORE_TENDER,
                "第十八条", "变更申请须说明变更内容和理由");
    }

    @Test
    @DisplayName("已有待审批变更时不能再提出变更申请")
    void secondPendingChangeIsOutOfOrder() {
        Journey j = Journey.of(profile().build(), PolicyPacks.taicang()).planned();
        j.project.requestChange(change("增加移动端", null), j.pack);

        assertRefused(j.project.requestChange(change("再增加大屏", null), j.pack), RuleCode.LIFECYCLE_ORDER, "第十八条",
                "已有待审批的变更申请");
    }

    @Test
    @DisplayName("市大数据管理局同意变更后，约定的建设内容为变更后的内容")
    void approvedChangeReplacesTheAgreedScope() {
        Journey j = Journey.of(profile().build(), PolicyPacks.taicang()).planned();
        ChangeRequest request = change("增加移动端", null);
        j.project.requestChange(request, j.pack);

        assertClean(j.project.decideChange(request.id(), true, LocalDate.of(2025, 2, 5), "同意", j.pack));

        assertThat(j.project.changes()).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(ChangeRequest.Status.APPROVED);
            assertThat(c.decidedOn()).isEqualTo(LocalDate.of(2025, 2, 5));
        });
        assertThat(j.project.agreedScope()).containsExactly("平台软件开发", "数据治理", "移动端开发");
        assertThat(j.project.decideChange(request.id(), true, LocalDate.of(2025, 2, 6), "同意", j.pack).isRefused())
                .as("a decided change cannot be decided again").isTrue();
    }

    @Test
    @DisplayName("招标后追加预算不超过合同金额10%的按政府采购法记录，可据此签订补充合同")
    void additionWithinTenPercentAfterTenderIsRecorded() {
        Journey j = Journey.of(profile().build(), PolicyPacks.taicang()).contracted();

        assertClean(j.project.requestChange(change("增加移动端", "660000.00"), j.pack));

        assertThat(j.project.changes()).singleElement()
                .extracting(ChangeRequest::status).isEqualTo(ChangeRequest.Status.UNDER_PROCUREMENT_LAW);
        assertThat(j.project.agreedBudget()).isEqualTo(Money.yuan("660000.00"));
    }

    @Test
    @DisplayName("招标后追加预算超过合同金额10%一分钱的不予受理，并说明上限")
    void additionBeyondTenPercentAfterTenderIsRefused() {
        Journey j = Journey.of(profile().build(), PolicyPacks.taicang()).contracted();

        Outcome outcome = j.project.requestChange(change("增加移动端", "660000.01"), j.pack);

        assertRefused(outcome, RuleCode.ART18_CHANGE_AFTER_TENDER, "第十八条", "政府采购法",
                "合同金额合计600,000.00元的10%（60,000.00元）", "变更后预算660,000.01元");
        assertThat(j.project.changes()).isEmpty();
    }

    @Test
    @DisplayName("招标后的多次追加合计计算：第二次变更使追加总额超过10%的不予受理")
    void additionsAfterTenderAddUp() {
        Journey j = Journey.of(profile().build(), PolicyPacks.taicang()).contracted();
        assertClean(j.project.requestChange(change("增加移动端", "640000.00"), j.pack));

        assertRefused(j.project.requestChange(change("再增加大屏展示", "660000.01"), j.pack),
                RuleCode.ART18_CHANGE_AFTER_TENDER, "第十八条", "招标时的批复预算600,000.00元");
        assertClean(j.project.requestChange(change("再增加大屏展示", "660000.00"), j.pack));
    }
}
