package cn.egov.projects.domain.project;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the unit reports of one performance goal in its self-inspection (Art. 23): the value actually reached, whether
 * the goal was met, and why where it was not.
 *
 * @param indicator   the goal's indicator, as declared
 * @param actual      the value reached as the unit writes it ("97.5%", "32个", or words), or null
 * @param actualValue the number {@code actual} states, when it is one (compared with a numeric target), or null
 * @param explanation the explanation (required where the goal was not fully met), or null
 */
public record GoalAchievement(String indicator, String actual, BigDecimal actualValue, Attainment attainment,
                              String explanation) {

    public static final int MAX_ACTUAL = 200;
    public static final int MAX_EXPLANATION = 2000;

    public GoalAchievement {
        indicator = indicator == null ? "" : indicator.trim();
        if (indicator.isEmpty()) {
            throw new IllegalArgumentException("须注明绩效目标的指标名称");
        }
        Objects.requireNonNull(attainment, "attainment");
        actual = actual == null || actual.isBlank() ? null : actual.trim();
        explanation = explanation == null || explanation.isBlank() ? null : explanation.trim();
        if (actual != null && actual.length() > MAX_ACTUAL) {
            throw new IllegalArgumentException("实际完成值不超过" + MAX_ACTUAL + "字");
        }
        if (explanation != null && explanation.length() > MAX_EXPLANATION) {
            throw new IllegalArgumentException("达成情况说明不超过" + MAX_EXPLANATION + "字");
        }
        if (actualValue != null) {
            actualValue = PerformanceGoal.bounded(actualValue, "实际完成值");
        }
    }

    /** A report as a person writes it: the number in {@code actual}, if it is one, is kept beside the text. */
    public static GoalAchievement reported(String indicator, String actual, Attainment attainment,
                                           String explanation) {
        return new GoalAchievement(indicator, actual, PerformanceGoal.numberIn(actual).orElse(null), attainment,
                explanation);
    }
}
