package cn.egov.projects.domain.rule;

import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.GoalKind;
import cn.egov.projects.domain.project.Journey;
import cn.egov.projects.domain.project.PerformanceGoal;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.project.Supplementary;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static cn.egov.projects.domain.project.Fixtures.GOAL;
import static cn.egov.projects.domain.project.Fixtures.profile;
import static cn.egov.projects.domain.rule.RuleAssertions.assertClean;
import static cn.egov.projects.domain.rule.RuleAssertions.assertNotCited;
import static cn.egov.projects.domain.rule.RuleAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("第二十三条 申报时明确绩效目标及目标值")
class Art23PerformanceGoalsTest {

    private static final LocalDate IN_WINDOW = LocalDate.of(2024, 9, 15);

    @Test
    @DisplayName("未设定绩效目标的项目不能申报，草稿保持不变")
    void declarationWithoutGoalsIsRefused() {
        Journey j = Journey.of(profile().goals().build(), PolicyPacks.taicang());

        Outcome outcome = j.project.declare(IN_WINDOW, Optional.of(j.window()), j.pack);

        assertRefused(outcome, RuleCode.ART23_PERFORMANCE_GOALS, "第二十三条",
                "申报项目时应明确绩效目标，每项目标须有指标名称、指标类别和目标值", "尚未设定绩效目标");
        assertThat(j.project.state()).isEqualTo(ProjectState.DRAFT);
        assertThat(j.project.declaredOn()).isNull();
    }

    @Test
    @DisplayName("有绩效目标没有目标值的（如旧版本的一行文字）不能申报，并列明这些指标")
    void goalsWithoutTargetsAreNamed() {
        Journey j = Journey.of(profile().goals(GOAL, PerformanceGoal.untargeted("警情处置时间缩短20%"),
                PerformanceGoal.of("群众满意度", GoalKind.SATISFACTION, " ")).build(), PolicyPacks.taicang());

        Outcome outcome = j.project.declare(IN_WINDOW, Optional.of(j.window()), j.pack);

        Violation v = assertRefused(outcome, RuleCode.ART23_PERFORMANCE_GOALS, "第二十三条",
                "以下绩效目标没有目标值：警情处置时间缩短20%、群众满意度");
        assertThat(v.messageZh()).doesNotContain(GOAL.indicator());
        assertRefused(outcome, RuleCode.ART23_PERFORMANCE_GOALS, "第二十三条",
                "以下绩效目标未注明指标类别（产出指标、效益指标、满意度指标）：警情处置时间缩短20%");
    }

    @Test
    @DisplayName("每项绩效目标都有类别和目标值（数值或文字）的项目可以申报")
    void goalsWithKindAndTargetPass() {
        Journey j = Journey.of(profile().goals(GOAL, PerformanceGoal.of("群众办事体验", GoalKind.SATISFACTION,
                "群众办事材料明显减少")).build(), PolicyPacks.taicang());

        assertClean(j.project.declare(IN_WINDOW, Optional.of(j.window()), j.pack));
        assertThat(j.project.state()).isEqualTo(ProjectState.DECLARED);
    }

    @Test
    @DisplayName("追加申报（第十条）同样须明确绩效目标")
    void supplementaryDeclarationNeedsGoalsToo() {
        Journey j = Journey.of(profile().planYear(2025).goals().build(), PolicyPacks.taicang());

        Outcome outcome = j.project.declareSupplementary(LocalDate.of(2025, 4, 1),
                new Supplementary("省政府办公厅文件要求当年建成", "可行性研究方案全文"), j.pack);

        assertRefused(outcome, RuleCode.ART23_PERFORMANCE_GOALS, "第二十三条", "尚未设定绩效目标");
        assertNotCited(outcome, RuleCode.ART10_SUPPLEMENTARY);
    }

    @Test
    @DisplayName("示例政策包沿用同一条款和措辞")
    void theExamplePackWordsTheRuleToo() {
        assertThat(PolicyPacks.example().violation(RuleCode.ART23_PERFORMANCE_GOALS).messageZh())
                .startsWith("第二十三条：");
    }
}
