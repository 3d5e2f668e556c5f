package cn.egov.projects.application.port.in;

import cn.egov.projects.application.view.YearEvaluation;

/**
 * The yearly performance evaluation (绩效考核, Art. 4) of a plan year's projects and their units, as the caller may see
 * it: the Bureau, Finance and Audit see every project of the plan outside the classified ones they are not named to
 * (Art. 27); a unit's staff see their own unit's. Scores follow {@code PerformanceScoring}.
 */
public interface PerformanceEvaluationUseCase {

    YearEvaluation evaluation(Caller caller, int planYear);

    /**
     * The evaluation to export: as {@link #evaluation}, with classified projects left out altogether (Art. 27: no
     * project content in exports), the units' figures counted over the rest.
     */
    YearEvaluation exportable(Caller caller, int planYear);
}
