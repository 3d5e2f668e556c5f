package cn.egov.projects.domain.rule;

import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.deadline.DeadlineStatus;
import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.Journey;
import cn.egov.projects.domain.project.PreProcurementReview;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static cn.egov.projects.domain.project.Fixtures.contract;
import static cn.egov.projects.domain.project.Fixtures.profile;
import static cn.egov.projects.domain.rule.RuleAssertions.assertClean;
import static cn.egov.projects.domain.rule.RuleAssertions.assertFlagged;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("第十七条 列入计划后一年内未能实质性启动")
class Art17NoSubstantiveStartTest {

    /** Included in the 2024 plan on 2024-02-29: one year ends 2025-02-28 (a Friday, a working day). */
    private static Journey plannedOnLeapDay() {
        return Journey.of(profile().planYear(2024).build(), PolicyPacks.taicang()).planned(LocalDate.of(2024, 2, 29));
    }

    @Test
    @DisplayName("实质性启动期限届满当日不作标记")
    void notFlaggedOnTheDueDay() {
        Journey j = plannedOnLeapDay();

        assertClean(j.project.flagsOn(LocalDate.of(2025, 2, 28), j.pack));
    }

    @Test
    @DisplayName("列入计划满一年的次日仍未实质性启动的项目被标记为拟终止")
    void flaggedTheDayAfterTheDueDay() {
        Journey j = plannedOnLeapDay();

        Outcome flags = j.project.flagsOn(LocalDate.of(2025, 3, 1), j.pack);

        assertFlagged(flags, RuleCode.ART17_NO_SUBSTANTIVE_START, "第十七条",
                "原则上终止项目实施，收回项目资金，并予以通报", "列入计划于2024-02-29", "应于2025-02-28前实质性启动", "已逾期");
        assertThat(flags.isRefused()).isFalse();
    }

    @Test
    @DisplayName("标记不阻止逾期签订首份合同，实质性启动期限记为逾期完成")
    void lateStartIsRecordedAsMetLate() {
        Journey j = plannedOnLeapDay();
        Journey.ok(j.project.submitImplementationPlan(j.matchingPlan(LocalDate.of(2024, 3, 20)), j.pack));
        Journey.ok(j.project.recordPreProcurementReview(new PreProcurementReview(LocalDate.of(2024, 5, 6), true, "同意"),
                j.pack));

        assertClean(j.project.signContract(contract("HT-2024-001", "600000.00", LocalDate.of(2025, 3, 3)), j.calc));

        assertThat(j.deadline(DeadlineKind.SUBSTANTIVE_START).statusOn(LocalDate.of(2025, 3, 3)))
                .isEqualTo(DeadlineStatus.MET_LATE);
        assertClean(j.project.flagsOn(LocalDate.of(2025, 3, 4), j.pack));
    }

    @Test
    @DisplayName("市大数据管理局记录例外处理后不再标记")
    void reasonedExceptionClearsTheFlag() {
        Journey j = plannedOnLeapDay();

        assertClean(j.project.recordStartException("上级系统接口延期发布，经研究同意延期启动", j.pack));

        assertClean(j.project.flagsOn(LocalDate.of(2025, 3, 1), j.pack));
        assertThat(j.deadline(DeadlineKind.SUBSTANTIVE_START).statusOn(LocalDate.of(2025, 3, 1)))
                .isEqualTo(DeadlineStatus.WAIVED);
        assertThat(j.deadline(DeadlineKind.SUBSTANTIVE_START).waivedReason()).startsWith("例外：");
    }

    @Test
    @DisplayName("项目终止后不再标记")
    void terminatedProjectIsNotFlagged() {
        Journey j = plannedOnLeapDay();

        assertClean(j.project.terminate(LocalDate.of(2025, 3, 5), "一年内未实质性启动", "太大数通〔2025〕3号", j.pack));

        assertClean(j.project.flagsOn(LocalDate.of(2025, 3, 6), j.pack));
    }
}
