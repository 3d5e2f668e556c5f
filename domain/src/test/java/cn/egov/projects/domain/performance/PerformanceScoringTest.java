package cn.egov.projects.domain.performance;

import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.Acceptance;
import cn.egov.projects.domain.project.Attainment;
import cn.egov.projects.domain.project.Fixtures;
import cn.egov.projects.domain.project.GoalAchievement;
import cn.egov.projects.domain.project.GoalAssessment;
import cn.egov.projects.domain.project.GoalKind;
import cn.egov.projects.domain.project.Journey;
import cn.egov.projects.domain.project.PerformanceGoal;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.SelfInspection;
import cn.egov.projects.domain.project.Snapshots;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static cn.egov.projects.domain.project.Fixtures.GOAL;
import static cn.egov.projects.domain.project.Fixtures.profile;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("绩效考核计分方法（第四条）")
class PerformanceScoringTest {

    private static final PerformanceGoal INTERFACES = PerformanceGoal.of("新增数据共享接口", GoalKind.OUTPUT, "≥30个");
    private static final PerformanceGoal MATERIALS = PerformanceGoal.of("减少办事材料", GoalKind.OUTPUT, "≥20%");
    private static final PerformanceGoal SATISFACTION = PerformanceGoal.of("群众满意度", GoalKind.SATISFACTION, "≥95%");
    private static final LocalDate ON = LocalDate.of(2025, 5, 20);

    /** A planned project of these goals whose self-inspection reports these attainments, goal by goal. */
    private static Project.Snapshot reported(List<PerformanceGoal> goals, Attainment... attainments) {
        Project.Snapshot planned = Journey.of(profile().goals(goals.toArray(PerformanceGoal[]::new)).build(),
                PolicyPacks.taicang()).planned().project.snapshot();
        List<GoalAchievement> achievements = new java.util.ArrayList<>();
        for (int i = 0; i < attainments.length; i++) {
            achievements.add(GoalAchievement.reported(goals.get(i).indicator(), "实际值", attainments[i], "说明"));
        }
        return Snapshots.with(planned, "selfInspection", new SelfInspection(ON, "完成", "已整理", null, achievements));
    }

    @Test
    @DisplayName("全部达成得100分，依据自查报告")
    void allMetScoresHundred() {
        ProjectScore s = PerformanceScoring.score(reported(List.of(GOAL, INTERFACES, SATISFACTION),
                Attainment.MET, Attainment.MET, Attainment.MET));

        assertThat(s.score()).isEqualByComparingTo("100.0");
        assertThat(s.basis()).isEqualTo(ProjectScore.Basis.SELF_INSPECTION);
        assertThat(s.met()).isEqualTo(3);
        assertThat(Grade.forScore(s.score())).isEqualTo(Grade.EXCELLENT);
    }

    @Test
    @DisplayName("产出、效益、满意度指标按50%、30%、20%加权：产出达成、效益部分达成、满意度未达成得65分")
    void kindsAreWeighted() {
        ProjectScore s = PerformanceScoring.score(reported(List.of(INTERFACES, GOAL, SATISFACTION),
                Attainment.MET, Attainment.PARTLY_MET, Attainment.NOT_MET));

        assertThat(s.score()).isEqualByComparingTo("65.0");
        assertThat(List.of(s.goals(), s.met(), s.partlyMet(), s.notMet())).containsExactly(3, 1, 1, 1);
        assertThat(Grade.forScore(s.score())).isEqualTo(Grade.FAIR);
    }

    @Test
    @DisplayName("同类指标平分该类权重；项目没有的类别不计入，按其余类别折算")
    void missingKindsAreLeftOut() {
        // output: (100 + 50) / 2 = 75 at 50; satisfaction 100 at 20; no benefit goal → (50×75 + 20×100) / 70
        ProjectScore s = PerformanceScoring.score(reported(List.of(INTERFACES, MATERIALS, SATISFACTION),
                Attainment.MET, Attainment.PARTLY_MET, Attainment.MET));
        assertThat(s.score()).isEqualByComparingTo("82.1");

        ProjectScore benefitOnly = PerformanceScoring.score(reported(List.of(GOAL), Attainment.PARTLY_MET));
        assertThat(benefitOnly.score()).isEqualByComparingTo("50.0");
    }

    @Test
    @DisplayName("验收通过且专家对目标给出意见的，以专家意见为准，依据为验收专家意见")
    void expertsOutweighTheUnitsOwnReport() {
        Project.Snapshot self = reported(List.of(INTERFACES, GOAL, SATISFACTION), Attainment.MET, Attainment.MET,
                Attainment.MET);
        Acceptance passed = new Acceptance(LocalDate.of(2025, 6, 25), true, Fixtures.THREE_EXPERTS,
                Fixtures.TAICANG_DOCUMENTS, "验收通过", false,
                List.of(new GoalAssessment(SATISFACTION.indicator(), Attainment.PARTLY_MET, "满意度调查样本偏少")));

        ProjectScore s = PerformanceScoring.score(Snapshots.with(self, "acceptances", List.of(passed)));

        assertThat(s.score()).isEqualByComparingTo("90.0");
        assertThat(s.basis()).isEqualTo(ProjectScore.Basis.ACCEPTANCE);
        assertThat(s.partlyMet()).isEqualTo(1);

        Acceptance failed = new Acceptance(passed.heldOn(), false, passed.experts(), passed.documents(), "不通过",
                false, passed.goalAssessments());
        assertThat(PerformanceScoring.score(Snapshots.with(self, "acceptances", List.of(failed))).score())
                .as("a failed acceptance's view does not count").isEqualByComparingTo("100.0");
    }

    @Test
    @DisplayName("尚未报告达成情况的项目不计分；验收不合格退回试运行后同样不计分，直到重新自查")
    void unreportedProjectsHaveNoScore() {
        Journey onTrial = Journey.of(profile().build(), PolicyPacks.taicang()).onTrial(LocalDate.of(2025, 4, 1));
        ProjectScore s = PerformanceScoring.score(onTrial.project.snapshot());
        assertThat(s.score()).isNull();
        assertThat(s.basis()).isEqualTo(ProjectScore.Basis.NOT_REPORTED);
        assertThat(s.scored()).isFalse();

        Journey failed = Journey.of(profile().build(), PolicyPacks.taicang()).onTrial(LocalDate.of(2025, 4, 1))
                .cybersecReviewed(LocalDate.of(2025, 5, 10)).awaitingAcceptance(ON);
        Journey.ok(failed.project.recordAcceptance(failed.acceptance(LocalDate.of(2025, 6, 10), false), failed.calc));
        assertThat(PerformanceScoring.score(failed.project.snapshot()).basis())
                .isEqualTo(ProjectScore.Basis.NOT_REPORTED);
    }

    @Test
    @DisplayName("已终止的项目得0分；未设定绩效目标的旧项目不计分")
    void terminatedAndGoallessProjects() {
        Journey j = Journey.of(profile().build(), PolicyPacks.taicang()).planned();
        Journey.ok(j.project.terminate(LocalDate.of(2025, 3, 1), "需求已由省级平台覆盖", null, j.pack));
        ProjectScore terminated = PerformanceScoring.score(j.project.snapshot());
        assertThat(terminated.score()).isEqualByComparingTo("0");
        assertThat(terminated.basis()).isEqualTo(ProjectScore.Basis.TERMINATED);

        Project.Snapshot legacy = Snapshots.withProfile(Journey.of(profile().build(), PolicyPacks.taicang()).planned()
                .project.snapshot(), profile().goals().build());
        assertThat(PerformanceScoring.score(legacy).basis()).isEqualTo(ProjectScore.Basis.NO_GOALS);
        assertThat(PerformanceScoring.score(legacy).score()).isNull();
    }

    @Test
    @DisplayName("单位得分：项目平均分占70%，期限合规率占30%，四舍五入保留一位小数；没有计分项目的单位不计分")
    void unitScore() {
        Optional<BigDecimal> average = PerformanceScoring.average(List.of(new BigDecimal("85.0"),
                new BigDecimal("70.0")));
        assertThat(average).hasValueSatisfying(a -> assertThat(a).isEqualByComparingTo("77.5"));
        BigDecimal compliance = PerformanceScoring.shareScore(0.9);
        assertThat(compliance).isEqualByComparingTo("90.0");

        assertThat(PerformanceScoring.unitScore(average, compliance))
                .hasValueSatisfying(s -> assertThat(s).isEqualByComparingTo("81.3"));
        assertThat(PerformanceScoring.unitScore(PerformanceScoring.average(List.of()), compliance)).isEmpty();
    }

    @ParameterizedTest(name = "{0}分 → {1}")
    @CsvSource({"100,EXCELLENT", "90.0,EXCELLENT", "89.9,GOOD", "80,GOOD", "79.9,FAIR", "60.0,FAIR", "59.9,POOR",
            "0,POOR"})
    @DisplayName("建议等级按90、80、60分划档")
    void gradeBands(BigDecimal score, Grade grade) {
        assertThat(Grade.forScore(score)).isEqualTo(grade);
    }

    @Test
    @DisplayName("计分方法有中文说明，写明权重和等级划分")
    void theMethodIsWrittenDown() {
        assertThat(PerformanceScoring.METHOD_ZH).contains("50%", "30%", "20%", "70%", "90分及以上为优");
        assertThat(PerformanceScoring.KIND_WEIGHTS.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
    }
}
