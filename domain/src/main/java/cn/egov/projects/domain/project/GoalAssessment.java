package cn.egov.projects.domain.project;

import java.util.Objects;

/** The acceptance experts' view of one performance goal (Art. 24): whether it was achieved, and their opinion. */
public record GoalAssessment(String indicator, Attainment attainment, String opinion) {

    public static final int MAX_OPINION = 2000;

    public GoalAssessment {
        indicator = indicator == null ? "" : indicator.trim();
        if (indicator.isEmpty()) {
            throw new IllegalArgumentException("须注明绩效目标的指标名称");
        }
        Objects.requireNonNull(attainment, "attainment");
        opinion = opinion == null || opinion.isBlank() ? null : opinion.trim();
        if (opinion != null && opinion.length() > MAX_OPINION) {
            throw new IllegalArgumentException("专家意见不超过" + MAX_OPINION + "字");
        }
    }
}
