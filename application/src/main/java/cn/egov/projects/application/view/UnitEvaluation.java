package cn.egov.projects.application.view;

import cn.egov.projects.domain.performance.Grade;
import cn.egov.projects.domain.performance.PerformanceGrade;
import cn.egov.projects.domain.project.UnitId;

import java.math.BigDecimal;

/**
 * One unit in a plan year's performance evaluation: its projects' average score, its deadline compliance over those
 * projects (counted as {@link UnitCompliance} counts), the unit's score, and the grade the Bureau recorded.
 *
 * @param projectAverage  the average score of its scored projects, or null when none is scored
 * @param complianceScore the on-time share × 100
 * @param score           the unit's score, or null without a project average
 * @param grade           the Bureau's grade, or null while none is recorded
 */
public record UnitEvaluation(UnitId unit, int projects, int scoredProjects, BigDecimal projectAverage,
                             UnitCompliance compliance, BigDecimal complianceScore, BigDecimal score,
                             PerformanceGrade grade) {

    /** The grade the score suggests, or null without a score. */
    public Grade suggestedGrade() {
        return score == null ? null : Grade.forScore(score);
    }
}
