package cn.egov.projects.domain.rule;

import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.Journey;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.project.SelfInspection;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static cn.egov.projects.domain.project.Fixtures.profile;
import static cn.egov.projects.domain.rule.RuleAssertions.assertClean;
import static cn.egov.projects.domain.rule.RuleAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("第二十三条 验收前自查")
class Art23SelfInspectionTest {

    private static final LocalDate ON = LocalDate.of(2025, 5, 20);

    private static Journey onTrial() {
        return Journey.of(profile().build(), PolicyPacks.taicang()).onTrial(LocalDate.of(2025, 4, 1))
                .cybersecReviewed(LocalDate.of(2025, 5, 10));
    }

    @Test
    @DisplayName("未报送自查报告的项目不能验收")
    void acceptanceWithoutSelfInspectionIsRefused() {
        Journey j = onTrial();

        Outcome outcome = j.project.recordAcceptance(j.acceptance(LocalDate.of(2025, 6, 10), true), j.calc);

        assertRefused(outcome, RuleCode.ART23_SELF_INSPECTION, "第二十三条", "实施单位在项目验收前应报送项目自查报告",
                "验收前须先报送项目自查报告");
        assertThat(j.project.state()).isEqualTo(ProjectState.TRIAL_RUN);
        assertThat(j.project.acceptances()).isEmpty();
    }

    @Test
    @DisplayName("自查报告缺少资源目录整理情况的不予受理，并指明所缺部分")
    void selfInspectionMissingCatalogueIsRefused() {
        Journey j = onTrial();

        Outcome outcome = j.project.fileSelfInspection(new SelfInspection(ON, "建设内容已全部完成", " ", "绩效目标均已达成"),
                j.pack);

        Violation v = assertRefused(outcome, RuleCode.ART23_SELF_INSPECTION, "第二十三条");
        assertThat(v.messageZh()).endsWith("（自查报告缺少：资源目录整理情况）");
        assertThat(j.project.state()).isEqualTo(ProjectState.TRIAL_RUN);
    }

    @Test
    @DisplayName("自查报告三项都缺的，三项都列明")
    void emptySelfInspectionNamesAllThreeParts() {
        Journey j = onTrial();

        Violation v = assertRefused(j.project.fileSelfInspection(new SelfInspection(ON, null, null, null), j.pack),
                RuleCode.ART23_SELF_INSPECTION, "第二十三条");
        assertThat(v.messageZh()).endsWith("（自查报告缺少：实施内容完成情况、资源目录整理情况、绩效目标达成情况）");
    }

    @Test
    @DisplayName("自查报告内容齐全的予以受理，项目转为待验收")
    void completeSelfInspectionPasses() {
        Journey j = onTrial();

        assertClean(j.project.fileSelfInspection(new SelfInspection(ON, "建设内容已全部完成", "资源目录已整理",
                "绩效目标均已达成"), j.pack));
        assertThat(j.project.state()).isEqualTo(ProjectState.ACCEPTANCE_PENDING);
    }

    @Test
    @DisplayName("验收不合格退回试运行后，须重新报送自查报告才能再次验收")
    void failedAcceptanceNeedsANewSelfInspection() {
        Journey j = onTrial().awaitingAcceptance(ON);
        assertClean(j.project.recordAcceptance(j.acceptance(LocalDate.of(2025, 6, 10), false), j.calc));

        assertRefused(j.project.recordAcceptance(j.acceptance(LocalDate.of(2025, 7, 10), true), j.calc),
                RuleCode.ART23_SELF_INSPECTION, "第二十三条", "验收前须先报送项目自查报告");
    }
}
