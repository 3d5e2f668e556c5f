package cn.egov.projects.domain.project;

import cn.egov.projects.domain.deadline.Deadline;
import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.deadline.DeadlineStatus;
import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.rule.RuleCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static cn.egov.projects.domain.project.Fixtures.contract;
import static cn.egov.projects.domain.project.Fixtures.d;
import static cn.egov.projects.domain.project.Fixtures.profile;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("第十七条 中止、恢复和终止")
class SuspensionAndTerminationTest {

    private static SituationReport report(SituationReport.Kind kind, LocalDate on) {
        return new SituationReport(on, kind, "上级平台改造，需暂停对接", true, true);
    }

    private static Journey contractedWithWarranty() {
        Journey j = Journey.of(profile().build(), PolicyPacks.taicang()).inProcurement();
        Journey.ok(j.project.signContract(new Contract("HT-2025-001", "苏州某信息技术有限公司", Money.yuan("600000.00"),
                d("2025-03-14"), d("2026-03-31"), null), j.calc));
        return j;
    }

    @Test
    @DisplayName("报送中止报告的项目中止，恢复后回到中止前的状态")
    void suspendAndResume() {
        Journey j = Journey.of(profile().build(), PolicyPacks.taicang()).contracted();

        Journey.ok(j.project.reportSituation(report(SituationReport.Kind.SUSPENSION, d("2025-05-06")), j.pack));
        assertThat(j.project.state()).isEqualTo(ProjectState.SUSPENDED);
        assertThat(j.project.snapshot().suspendedFrom()).isEqualTo(ProjectState.CONTRACTED);

        Journey.ok(j.project.resume(d("2025-06-02"), j.pack));
        assertThat(j.project.state()).isEqualTo(ProjectState.CONTRACTED);
        assertThat(j.project.snapshot().suspendedFrom()).isNull();
    }

    @Test
    @DisplayName("中止期间不能签订合同或上线试运行，可以报送进度")
    void suspendedProjectDoesNotMoveOn() {
        Journey j = Journey.of(profile().build(), PolicyPacks.taicang()).contracted();
        j.project.reportSituation(report(SituationReport.Kind.SUSPENSION, d("2025-05-06")), j.pack);

        assertThat(j.project.signContract(contract("HT-2025-002", "1.00", d("2025-05-10")), j.calc).isRefused()).isTrue();
        assertThat(j.project.startTrialRun(d("2025-05-10"), j.calc).isRefused()).isTrue();
        assertThat(j.project.reportProgress(new ProgressReport(d("2025-05-20"), 30, "暂停中"), j.calc).isRefused())
                .isFalse();
        assertThat(j.project.state()).isEqualTo(ProjectState.SUSPENDED);
    }

    @Test
    @DisplayName("已中止的项目不能再次中止，未中止的项目不能恢复")
    void suspensionIsNotRepeated() {
        Journey j = Journey.of(profile().build(), PolicyPacks.taicang()).contracted();
        assertThat(j.project.resume(d("2025-05-01"), j.pack).has(RuleCode.LIFECYCLE_ORDER)).isTrue();
        j.project.reportSituation(report(SituationReport.Kind.SUSPENSION, d("2025-05-06")), j.pack);

        assertThat(j.project.reportSituation(report(SituationReport.Kind.SUSPENSION, d("2025-05-07")), j.pack)
                .has(RuleCode.LIFECYCLE_ORDER)).isTrue();
        assertThat(j.project.state()).isEqualTo(ProjectState.SUSPENDED);
    }

    @Test
    @DisplayName("已中止的项目可以报送终止报告")
    void suspendedProjectMayReportTermination() {
        Journey j = Journey.of(profile().build(), PolicyPacks.taicang()).contracted();
        j.project.reportSituation(report(SituationReport.Kind.SUSPENSION, d("2025-05-06")), j.pack);

        Journey.ok(j.project.reportSituation(report(SituationReport.Kind.TERMINATION, d("2025-08-01")), j.pack));

        assertThat(j.project.state()).as("the Bureau decides").isEqualTo(ProjectState.SUSPENDED);
        assertThat(j.project.snapshot().situationReports()).extracting(SituationReport::kind)
                .containsExactly(SituationReport.Kind.SUSPENSION, SituationReport.Kind.TERMINATION);
    }

    @Test
    @DisplayName("终止项目豁免所有未完成的期限，已完成的期限保持原状")
    void terminationWaivesEveryOpenDeadline() {
        Journey j = contractedWithWarranty();

        Journey.ok(j.project.terminate(d("2025-04-15"), "需求已由省级平台统一建设", "太大数通〔2025〕5号", j.pack));

        assertThat(j.project.state()).isEqualTo(ProjectState.TERMINATED);
        LocalDate later = d("2027-01-01");
        assertThat(j.project.deadlines()).allSatisfy(x -> assertThat(x.isOpen()).isFalse());
        assertThat(j.project.deadlines()).filteredOn(x -> x.waivedReason() != null).extracting(Deadline::kind)
                .containsExactlyInAnyOrder(DeadlineKind.CONTRACT_FILING, DeadlineKind.PROGRESS_REPORT,
                        DeadlineKind.WARRANTY_END);
        assertThat(j.deadline(DeadlineKind.CONTRACT_FILING).waivedReason()).isEqualTo("项目已终止");
        assertThat(j.deadline(DeadlineKind.IMPL_PLAN).statusOn(later)).isEqualTo(DeadlineStatus.MET_ON_TIME);
        assertThat(j.deadline(DeadlineKind.SUBSTANTIVE_START).statusOn(later)).isEqualTo(DeadlineStatus.MET_ON_TIME);
        assertThat(j.project.termination()).hasValueSatisfying(t -> {
            assertThat(t.on()).isEqualTo(d("2025-04-15"));
            assertThat(t.notice()).isEqualTo("太大数通〔2025〕5号");
            assertThat(t.fundsRecoveredOn()).isNull();
        });
    }

    @Test
    @DisplayName("计划内尚未启动的项目终止后，实施方案和实质性启动期限都被豁免")
    void terminationOfAPlannedProject() {
        Journey j = Journey.of(profile().build(), PolicyPacks.taicang()).planned();

        Journey.ok(j.project.terminate(d("2025-01-10"), "项目取消", null, j.pack));

        assertThat(j.deadline(DeadlineKind.IMPL_PLAN).statusOn(d("2025-03-01"))).isEqualTo(DeadlineStatus.WAIVED);
        assertThat(j.deadline(DeadlineKind.SUBSTANTIVE_START).statusOn(d("2026-03-01"))).isEqualTo(DeadlineStatus.WAIVED);
    }

    @Test
    @DisplayName("中止的项目可以终止，终止后市财政局记录收回资金")
    void suspendedProjectIsTerminatedAndFundsRecovered() {
        Journey j = Journey.of(profile().build(), PolicyPacks.taicang()).contracted();
        j.project.reportSituation(report(SituationReport.Kind.SUSPENSION, d("2025-05-06")), j.pack);

        Journey.ok(j.project.terminate(d("2025-09-01"), "中止后无法恢复", "太大数通〔2025〕9号", j.pack));
        Journey.ok(j.project.recordFundRecovery(d("2025-09-20"), Money.yuan("420000.00"), j.pack));

        assertThat(j.project.state()).isEqualTo(ProjectState.TERMINATED);
        assertThat(j.project.snapshot().suspendedFrom()).isNull();
        assertThat(j.project.termination()).hasValueSatisfying(t -> {
            assertThat(t.fundsRecoveredOn()).isEqualTo(d("2025-09-20"));
            assertThat(t.fundsRecovered()).isEqualTo(Money.yuan("420000.00"));
        });
        assertThat(j.project.recordFundRecovery(d("2025-09-21"), Money.yuan("1.00"), j.pack).isRefused()).isTrue();
    }

    @Test
    @DisplayName("终止须说明理由；已终止或已投入使用的项目不能终止；未终止的项目不能收回资金")
    void terminationPreconditions() {
        Journey j = Journey.of(profile().build(), PolicyPacks.taicang()).contracted();
        assertThat(j.project.recordFundRecovery(d("2025-04-01"), Money.yuan("1.00"), j.pack).isRefused()).isTrue();
        assertThat(j.project.terminate(d("2025-04-01"), " ", null, j.pack).has(RuleCode.LIFECYCLE_ORDER)).isTrue();
        assertThat(j.project.state()).isEqualTo(ProjectState.CONTRACTED);

        Journey.ok(j.project.terminate(d("2025-04-01"), "项目取消", null, j.pack));
        assertThat(j.project.terminate(d("2025-04-02"), "再次终止", null, j.pack).isRefused()).isTrue();

        Journey draft = Journey.of(profile().build(), PolicyPacks.taicang());
        assertThat(draft.project.terminate(d("2024-08-01"), "不再申报", null, draft.pack).isRefused()).isTrue();
    }
}
