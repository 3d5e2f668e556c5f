package cn.egov.projects.domain.rule;

import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.Attainment;
import cn.egov.projects.domain.project.GoalAchievement;
import cn.egov.projects.domain.project.GoalKind;
import cn.egov.projects.domain.project.Journey;
import cn.egov.projects.domain.project.PerformanceGoal;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.Snapshots;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.project.SelfInspection;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static cn.egov.projects.domain.project.Fixtures.GOAL;
import static cn.egov.projects.domain.project.Fixtures.profile;
import static cn.egov.projects.domain.rule.RuleAssertions.assertClean;
import static cn.egov.projects.domain.rule.RuleAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("第二十三条 验收前自查")
class Art23SelfInspectionTest {

    private static final LocalDate ON = LocalDate.of(2025, 5, 20);

    private static final PerformanceGoal SATISFACTION = PerformanceGoal.of("群众满意度", GoalKind.SATISFACTION, "≥95%");
    private static final PerformanceGoal INTERFACES = PerformanceGoal.of("新增数据共享接口", GoalKind.OUTPUT, "30个");

    private static Journey onTrial() {
        return Journey.of(profile().build(), PolicyPacks.taicang()).onTrial(LocalDate.of(2025, 4, 1))
                .cybersecReviewed(LocalDate.of(2025, 5, 10));
    }

    private static Journey onTrialWithThreeGoals() {
        return Journey.of(profile().goals(GOAL, SATISFACTION, INTERFACES).build(), PolicyPacks.taicang())
                .onTrial(LocalDate.of(2025, 4, 1)).cybersecReviewed(LocalDate.of(2025, 5, 10));
    }

    private static SelfInspection report(GoalAchievement... achievements) {
        return new SelfInspection(ON, "建设内容已全部完成", "资源目录已整理", null, List.of(achievements));
    }

    private static GoalAchievement met(PerformanceGoal goal, String actual) {
        return GoalAchievement.reported(goal.indicator(), actual, Attainment.MET, null);
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

        Outcome outcome = j.project.fileSelfInspection(new SelfInspection(ON, "建设内容已全部完成", " ", "绩效目标均已达成",
                List.of(met(GOAL, "31%"))), j.pack);

        Violation v = assertRefused(outcome, RuleCode.ART23_SELF_INSPECTION, "第二十三条");
        assertThat(v.messageZh()).endsWith("（自查报告缺少：资源目录整理情况）");
        assertThat(j.project.state()).isEqualTo(ProjectState.TRIAL_RUN);
    }

    @Test
    @DisplayName("自查报告三项都缺的，三项都列明，并指明未报告达成情况的绩效目标")
    void emptySelfInspectionNamesAllThreeParts() {
        Journey j = onTrial();

        Violation v = assertRefused(j.project.fileSelfInspection(new SelfInspection(ON, null, null, null), j.pack),
                RuleCode.ART23_SELF_INSPECTION, "第二十三条");
        assertThat(v.messageZh()).endsWith("（自查报告缺少：实施内容完成情况、资源目录整理情况、绩效目标达成情况（未报告的指标："
                + GOAL.indicator() + "））");
    }

    @Test
    @DisplayName("自查报告内容齐全、逐项报告了绩效目标达成情况的予以受理，项目转为待验收，达成情况随报告保存")
    void completeSelfInspectionPasses() {
        Journey j = onTrial();

        assertClean(j.project.fileSelfInspection(new SelfInspection(ON, "建设内容已全部完成", "资源目录已整理",
                "绩效目标均已达成", List.of(met(GOAL, "32.5%"))), j.pack));
        assertThat(j.project.state()).isEqualTo(ProjectState.ACCEPTANCE_PENDING);
        assertThat(j.project.snapshot().selfInspection().goalAchievements()).singleElement()
                .satisfies(a -> assertThat(a.actualValue()).isEqualByComparingTo("32.5"));
    }

    @Test
    @DisplayName("有一项绩效目标未报告达成情况的，自查报告不予受理，并列明该指标；总体说明不能代替逐项报告")
    void aGoalWithoutAchievementIsRefused() {
        Journey j = onTrialWithThreeGoals();

        Outcome outcome = j.project.fileSelfInspection(new SelfInspection(ON, "建设内容已全部完成", "资源目录已整理",
                "绩效目标均已达成", List.of(met(GOAL, "35%"), met(INTERFACES, "31个"))), j.pack);

        Violation v = assertRefused(outcome, RuleCode.ART23_SELF_INSPECTION, "第二十三条", "未报告的指标：群众满意度");
        assertThat(v.messageZh()).doesNotContain("新增数据共享接口");
        assertThat(j.project.state()).isEqualTo(ProjectState.TRIAL_RUN);
        assertThat(j.project.snapshot().selfInspection()).isNull();
    }

    @Test
    @DisplayName("未完全达成的绩效目标须说明原因，并须填写实际完成值")
    void partlyMetGoalsNeedAnExplanationAndEveryGoalAnActualValue() {
        Journey j = onTrialWithThreeGoals();

        Outcome outcome = j.project.fileSelfInspection(report(met(GOAL, "35%"),
                GoalAchievement.reported(SATISFACTION.indicator(), "91%", Attainment.PARTLY_MET, " "),
                GoalAchievement.reported(INTERFACES.indicator(), null, Attainment.NOT_MET, "接口标准尚未发布")), j.pack);

        assertRefused(outcome, RuleCode.ART23_SELF_INSPECTION, "第二十三条", "未完全达成，须说明原因：群众满意度");
        assertRefused(outcome, RuleCode.ART23_SELF_INSPECTION, "第二十三条", "须填写实际完成值：新增数据共享接口");
        assertThat(j.project.state()).isEqualTo(ProjectState.TRIAL_RUN);

        assertClean(j.project.fileSelfInspection(report(met(GOAL, "35%"),
                GoalAchievement.reported(SATISFACTION.indicator(), "91%", Attainment.PARTLY_MET, "线上评价样本不足"),
                GoalAchievement.reported(INTERFACES.indicator(), "12个", Attainment.NOT_MET, "接口标准尚未发布")),
                j.pack));
    }

    @Test
    @DisplayName("实际完成值未达到数值目标的，不能报为达成；达到的可以")
    void aNumberShortOfItsTargetCannotBeReportedAsMet() {
        Journey j = onTrialWithThreeGoals();

        Outcome outcome = j.project.fileSelfInspection(report(met(GOAL, "29.9%"), met(SATISFACTION, "95%"),
                met(INTERFACES, "30个")), j.pack);

        Violation v = assertRefused(outcome, RuleCode.ART23_SELF_INSPECTION, "第二十三条", "不能报为达成");
        assertThat(v.messageZh()).contains(GOAL.indicator() + "（实际29.9%，目标≥30%）")
                .doesNotContain("群众满意度").doesNotContain("新增数据共享接口");
        assertClean(j.project.fileSelfInspection(report(met(GOAL, "30%"), met(SATISFACTION, "95%"),
                met(INTERFACES, "30个")), j.pack));
    }

    @Test
    @DisplayName("报告了未申报的指标的，不予受理并列明该指标")
    void anUndeclaredIndicatorIsRefused() {
        Journey j = onTrial();

        Outcome outcome = j.project.fileSelfInspection(report(met(GOAL, "35%"),
                GoalAchievement.reported("系统可用率", "99.9%", Attainment.MET, null)), j.pack);

        assertRefused(outcome, RuleCode.ART23_SELF_INSPECTION, "第二十三条", "不是本项目申报的绩效目标：系统可用率");
    }

    @Test
    @DisplayName("未设定绩效目标的旧项目，自查报告以文字说明绩效目标达成情况即可受理，缺说明的不予受理")
    void aProjectWithoutGoalsNeedsTheWrittenAccount() {
        // a project of an older release, declared before goals were required
        Journey j = onTrial();
        Project legacy = Project.restore(Snapshots.withProfile(j.project.snapshot(), profile().goals().build()));

        Violation v = assertRefused(legacy.fileSelfInspection(new SelfInspection(ON, "建设内容已全部完成", "资源目录已整理",
                " "), j.pack), RuleCode.ART23_SELF_INSPECTION, "第二十三条");
        assertThat(v.messageZh()).endsWith("（自查报告缺少：绩效目标达成情况）");
        assertClean(legacy.fileSelfInspection(new SelfInspection(ON, "建设内容已全部完成", "资源目录已整理",
                "绩效目标均已达成"), j.pack));
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
