package cn.egov.projects.domain.project;

import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.deadline.DeadlineStatus;
import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.rule.RuleCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static cn.egov.projects.domain.project.Fixtures.contract;
import static cn.egov.projects.domain.project.Fixtures.d;
import static cn.egov.projects.domain.project.Fixtures.profile;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("无需政府采购的项目")
class NoProcurementPathTest {

    private static final String REASON = "依托已建政务云平台由本单位自行配置，无需采购";

    @Test
    @DisplayName("记录无需采购的开工即为实质性启动，之后可以直接上线试运行")
    void startWithoutProcurementThenTrial() {
        Journey j = Journey.of(profile().build(), PolicyPacks.taicang()).implementing();

        Journey.ok(j.project.recordStartWithoutProcurement(REASON, d("2025-02-17"), j.calc));

        assertThat(j.project.state()).isEqualTo(ProjectState.IMPLEMENTING);
        assertThat(j.project.substantiveStartOn()).contains(d("2025-02-17"));
        assertThat(j.deadline(DeadlineKind.SUBSTANTIVE_START).statusOn(d("2025-02-17")))
                .isEqualTo(DeadlineStatus.MET_ON_TIME);
        // 2025-05-17 is a Saturday: 2025-05-19
        assertThat(j.deadline(DeadlineKind.PROGRESS_REPORT).due()).isEqualTo(d("2025-05-19"));
        assertThat(j.deadlines(DeadlineKind.CONTRACT_FILING)).isEmpty();

        Journey.ok(j.project.startTrialRun(d("2025-04-01"), j.calc));

        assertThat(j.project.state()).isEqualTo(ProjectState.TRIAL_RUN);
        assertThat(j.deadline(DeadlineKind.ACCEPTANCE_LIMIT).due()).isEqualTo(d("2026-04-01"));
    }

    @Test
    @DisplayName("记录无需采购后，不能再进行实施前评审，也不能签订采购合同")
    void noProcurementMeansNoProcurement() {
        Journey j = Journey.of(profile().build(), PolicyPacks.taicang()).implementing();
        Journey.ok(j.project.recordStartWithoutProcurement(REASON, d("2025-02-17"), j.calc));

        assertThat(j.project.recordPreProcurementReview(new PreProcurementReview(d("2025-02-20"), true, "同意"), j.pack)
                .has(RuleCode.LIFECYCLE_ORDER)).isTrue();
        assertThat(j.project.signContract(contract("HT-2025-001", "100.00", d("2025-02-21")), j.calc)
                .has(RuleCode.ART13_PRE_PROCUREMENT)).isTrue();
        assertThat(j.project.recordStartWithoutProcurement(REASON, d("2025-02-22"), j.calc).isRefused()).isTrue();
    }

    @Test
    @DisplayName("未说明理由的无需采购开工不予记录；未记录开工的项目不能上线试运行")
    void reasonIsRequiredAndTrialNeedsAStart() {
        Journey j = Journey.of(profile().build(), PolicyPacks.taicang()).implementing();

        assertThat(j.project.recordStartWithoutProcurement("  ", d("2025-02-17"), j.calc).isRefused()).isTrue();
        assertThat(j.project.substantiveStartOn()).isEmpty();
        assertThat(j.project.startTrialRun(d("2025-04-01"), j.calc).has(RuleCode.LIFECYCLE_ORDER)).isTrue();
        assertThat(j.project.state()).isEqualTo(ProjectState.IMPLEMENTING);
    }
}
