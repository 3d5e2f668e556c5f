package cn.egov.projects.domain.performance;

import java.math.BigDecimal;

/**
 * A project's performance score in its plan year (see {@link PerformanceScoring}), what it rests on, and how many of
 * its goals were met, partly met and not met.
 *
 * @param score 0–100 with one decimal, or null when there is nothing to score yet (no goals, nothing reported)
 */
public record ProjectScore(Basis basis, BigDecimal score, int goals, int met, int partlyMet, int notMet) {

    /** What the score rests on. */
    public enum Basis {
        ACCEPTANCE("依据验收专家意见"),
        SELF_INSPECTION("依据自查报告"),
        NOT_REPORTED("尚未报告绩效目标达成情况"),
        NO_GOALS("未设定绩效目标"),
        TERMINATED("项目已终止");

        private final String zh;

        Basis(String zh) {
            this.zh = zh;
        }

        public String zh() {
            return zh;
        }
    }

    public boolean scored() {
        return score != null;
    }
}
