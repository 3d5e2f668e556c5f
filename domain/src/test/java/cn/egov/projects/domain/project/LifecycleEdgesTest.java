package cn.egov.projects.domain.project;

import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.deadline.DeadlineStatus;
import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.rule.Outcome;
import cn.egov.projects.domain.rule.RuleCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static cn.egov.projects.domain.project.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The edges of the lifecycle: what a suspended, terminated or accepted project may and may not do. */
class LifecycleEdgesTest {

    private static Journey journey() {
        return Journey.of(Fixtures.profile().build(), PolicyPacks.taicang());
    }

    private static void assertOrderRefusal(Outcome outcome, String article, String detail) {
        assertThat(outcome.refusals()).singleElement().satisfies(v -> {
            assertThat(v.code()).isEqualTo(RuleCode.LIFECYCLE_ORDER);
            assertThat(v.article()).isEqualTo(article);
            assertThat(v.messageZh()).startsWith(article + "：").contains(detail);
        });
    }

    @Test
    @DisplayName("中止实施的项目不能签订合同或开始试运行，须先恢复实施（第十七条）")
    void aSuspendedProjectMustResumeFirst() {
        Journey j = journey().inProcurement();
        Journey.ok(j.project.reportSituation(new SituationReport(d("2025-03-01"), SituationReport.Kind.SUSPENSION,
                "上级部门调整需求", true, true), j.pack));

        assertOrderRefusal(j.project.signContract(Fixtures.contract("HT-9", "100000.00", d("2025-03-02")), j.calc),
                "第十四条", "请先恢复实施");
        assertOrderRefusal(j.project.startTrialRun(d("2025-03-02"), j.calc), "第二十二条", "请先恢复实施");

        Journey.ok(j.project.resume(d("2025-03-05"), j.pack));
        assertThat(j.project.state()).isEqualTo(ProjectState.PROCUREMENT);
    }

    @Test
    @DisplayName("年度计划只收本计划年度申报的项目（第九条）")
    void thePlanTakesItsOwnYearOnly() {
        Journey j = journey().approved();
        assertOrderRefusal(j.project.includeInPlan(new PlanInclusion(d("2025-01-03"), 2026, false, "计划"), j.calc),
                "第九条", "不能列入2026年度实施计划");
        assertThat(j.project.state()).isEqualTo(ProjectState.APPROVED);
        assertThat(j.project.deadlines()).isEmpty();
    }

    @Test
    @DisplayName("验收不合格可以如实记录，即使尚无网络安全审查意见；通过验收才须审查意见（第四条）")
    void aFailedAcceptanceIsRecordedWithoutTheReviews() {
        Journey j = journey().onTrial(d("2025-04-01")).awaitingAcceptance(d("2025-05-20"));

        Outcome failed = j.project.recordAcceptance(j.acceptance(d("2025-06-03"), false), j.calc);
        assertThat(failed.isRefused()).isFalse();
        assertThat(j.project.state()).isEqualTo(ProjectState.TRIAL_RUN);

        j.awaitingAcceptance(d("2025-06-10"));
        Outcome passedWithoutReview = j.project.recordAcceptance(j.acceptance(d("2025-06-16"), true), j.calc);
        assertThat(passedWithoutReview.refusals()).extracting(v -> v.code()).containsExactly(RuleCode.ART4_CYBERSEC_REVIEW);
    }

    @Test
    @DisplayName("验收通过后不能再终止项目；已终止的项目不能再报送合同")
    void terminationEndsWithAcceptanceAndStopsFilings() {
        Journey accepted = journey().onTrial(d("2025-04-01")).awaitingAcceptance(d("2025-05-20")).cybersecReviewed(d("2025-05-21"));
        Journey.ok(accepted.project.recordAcceptance(accepted.acceptance(d("2025-06-03"), true), accepted.calc));
        assertOrderRefusal(accepted.project.terminate(d("2025-06-04"), "不再需要", null, accepted.pack), "第十七条", "不能终止");

        Journey contracted = journey().contracted();
        Journey.ok(contracted.project.terminate(d("2025-03-20"), "需求取消", "通报", contracted.pack));
        assertOrderRefusal(contracted.project.fileContract("HT-2025-001", d("2025-03-21"), contracted.pack),
                "第十四条", "不能报送合同");
        assertThat(contracted.deadline(DeadlineKind.CONTRACT_FILING).statusOn(d("2025-03-21")))
                .isEqualTo(DeadlineStatus.WAIVED);
    }

    @Test
    @DisplayName("免费维保期届满的提醒由记录运维安排来完成（第二十条）")
    void theWarrantyEndIsMetByRecordingTheMaintenance() {
        Journey j = journey().inProcurement();
        Journey.ok(j.project.signContract(new Contract("HT-W", "供应商", Money.yuan("300000.00"), d("2025-03-14"),
                d("2027-03-14"), null), j.calc));
        assertThat(j.deadline(DeadlineKind.WARRANTY_END).due()).isEqualTo(d("2027-03-15"));

        assertOrderRefusal(j.project.recordMaintenanceArrangement("本单位信息科负责", d("2025-03-20"), j.pack),
                "第二十条", "验收通过后才安排运维");

        Journey.ok(j.project.startTrialRun(d("2025-04-01"), j.calc));
        j.awaitingAcceptance(d("2025-05-20")).cybersecReviewed(d("2025-05-21"));
        Journey.ok(j.project.recordAcceptance(j.acceptance(d("2025-06-03"), true), j.calc));
        assertOrderRefusal(j.project.recordMaintenanceArrangement(" ", d("2026-12-01"), j.pack), "第二十条", "须说明运行维护的安排");
        Journey.ok(j.project.recordMaintenanceArrangement("2027年运维项目已申报", d("2026-12-01"), j.pack));
        assertThat(j.deadline(DeadlineKind.WARRANTY_END).statusOn(d("2027-04-01"))).isEqualTo(DeadlineStatus.MET_ON_TIME);
        assertThat(j.project.snapshot().maintenanceArrangement()).isEqualTo("2027年运维项目已申报");
    }

    @Test
    @DisplayName("金额不接受科学计数法和千分位")
    void moneyRefusesExponentsAndSeparators() {
        for (String text : List.of("1e3", "8E5", "800,000", "1.2.3")) {
            assertThatThrownBy(() -> Money.yuan(text)).as(text).hasMessageContaining("金额格式不正确");
        }
        assertThat(Money.yuan("800000").fen()).isEqualTo(80_000_000L);
    }
}
