package cn.egov.projects.domain.project;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("绩效目标：指标、类别与目标值")
class PerformanceGoalTest {

    @ParameterizedTest(name = "「{0}」→ {1} {2} {3}")
    @CsvSource(delimiter = '|', value = {
            "≥95%|AT_LEAST|95|%",
            ">= 95 %|AT_LEAST|95|%",
            "≤3天|AT_MOST|3|天",
            "<2.5小时|LESS_THAN|2.5|小时",
            "=100%|EQUAL|100|%",
            "30个|AT_LEAST|30|个",
            "不少于30个|AT_LEAST|30|个",
            "不超过3个工作日|AT_MOST|3|个工作日",
            "超过1万人次|MORE_THAN|1|万人次",
            "达到100%|AT_LEAST|100|%",
            "12|AT_LEAST|12|"})
    @DisplayName("数值目标按比较方式、数值和计量单位读取")
    void numericTargetsAreRead(String target, Comparison comparison, String value, String unit) {
        PerformanceGoal g = PerformanceGoal.of("指标", GoalKind.OUTPUT, target);

        assertThat(g.comparison()).isEqualTo(comparison);
        assertThat(g.targetValue()).isEqualByComparingTo(value);
        assertThat(g.unit()).isEqualTo(unit);
        assertThat(g.targetText()).isNull();
        assertThat(g.hasTarget()).isTrue();
    }

    @Test
    @DisplayName("不是数值的目标按文字保存，原样显示")
    void wordsStayWords() {
        PerformanceGoal g = PerformanceGoal.of("办件时间", GoalKind.BENEFIT, "缩短20%");

        assertThat(g.targetValue()).isNull();
        assertThat(g.targetText()).isEqualTo("缩短20%");
        assertThat(g.targetZh()).isEqualTo("缩短20%");
        assertThat(g.metBy(new BigDecimal("25"))).isEmpty();
    }

    @Test
    @DisplayName("目标值的显示：比较符号、数值、单位；没有目标值的显示为未设定")
    void targetAsStaffReadIt() {
        assertThat(PerformanceGoal.of("满意度", GoalKind.SATISFACTION, "≥ 95.50 %").targetZh()).isEqualTo("≥95.50%");
        assertThat(PerformanceGoal.untargeted("警情处置时间缩短20%").targetZh()).isEqualTo("未设定");
        assertThat(PerformanceGoal.untargeted("警情处置时间缩短20%").hasTarget()).isFalse();
        assertThat(PerformanceGoal.untargeted("警情处置时间缩短20%").kind()).isNull();
    }

    @Test
    @DisplayName("实际值与数值目标按比较方式判断是否达到")
    void actualAgainstTarget() {
        PerformanceGoal atLeast = PerformanceGoal.of("满意度", GoalKind.SATISFACTION, "≥95%");
        PerformanceGoal atMost = PerformanceGoal.of("办理时限", GoalKind.OUTPUT, "≤3天");

        assertThat(atLeast.metBy(new BigDecimal("95.0"))).contains(true);
        assertThat(atLeast.metBy(new BigDecimal("94.99"))).contains(false);
        assertThat(atMost.metBy(new BigDecimal("3"))).contains(true);
        assertThat(atMost.metBy(new BigDecimal("3.5"))).contains(false);
        assertThat(PerformanceGoal.of("x", null, ">0").metBy(BigDecimal.ZERO)).contains(false);
    }

    @Test
    @DisplayName("报告的实际值以数字开头时读出数字，否则只是文字")
    void reportedNumbers() {
        assertThat(PerformanceGoal.numberIn("97.5%")).contains(new BigDecimal("97.5"));
        assertThat(PerformanceGoal.numberIn(" 32 个")).contains(new BigDecimal("32"));
        assertThat(PerformanceGoal.numberIn("约九成")).isEmpty();
        assertThat(PerformanceGoal.numberIn("≥97%")).isEmpty();
        assertThat(PerformanceGoal.numberIn(null)).isEmpty();
        assertThat(GoalAchievement.reported("满意度", "97.5%", Attainment.MET, null).actualValue())
                .isEqualByComparingTo("97.5");
    }

    @Test
    @DisplayName("不成立的目标：没有指标名称、有数值没有比较方式、数值和文字并存、单位没有数值、数值过大")
    void impossibleGoalsAreRejected() {
        assertThatThrownBy(() -> PerformanceGoal.of(" ", GoalKind.OUTPUT, "≥1")).hasMessageContaining("指标名称不能为空");
        assertThatThrownBy(() -> new PerformanceGoal("x", GoalKind.OUTPUT, null, BigDecimal.ONE, null, null))
                .hasMessageContaining("须注明比较方式");
        assertThatThrownBy(() -> new PerformanceGoal("x", GoalKind.OUTPUT, Comparison.EQUAL, BigDecimal.ONE, null,
                "一个")).hasMessageContaining("二者择一");
        assertThatThrownBy(() -> new PerformanceGoal("x", GoalKind.OUTPUT, null, null, "%", null))
                .hasMessageContaining("计量单位须与数值目标值一起填写");
        assertThatThrownBy(() -> new PerformanceGoal("x", GoalKind.OUTPUT, Comparison.EQUAL,
                new BigDecimal("1e15"), null, null)).hasMessageContaining("最多12位整数");
        assertThat(new PerformanceGoal("x", GoalKind.OUTPUT, Comparison.EQUAL, new BigDecimal("1e3"), null, null)
                .targetZh()).isEqualTo("=1000");
    }
}
