package cn.egov.projects.application.view;

import cn.egov.projects.domain.performance.Grade;
import cn.egov.projects.domain.performance.PerformanceGrade;
import cn.egov.projects.domain.performance.ProjectScore;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.project.UnitId;

/**
 * One project in a plan year's performance evaluation: its computed score and the grade the Bureau recorded.
 *
 * @param grade the Bureau's grade, or null while none is recorded
 */
public record ProjectEvaluation(ProjectId id, UnitId unit, String name, boolean classified, ProjectState state,
                                ProjectScore score, PerformanceGrade grade) {

    /** The grade the score suggests, or null without a score. */
    public Grade suggestedGrade() {
        return score.scored() ? Grade.forScore(score.score()) : null;
    }
}
