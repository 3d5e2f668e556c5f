package cn.egov.projects.application.view;

import java.time.LocalDate;
import java.util.List;

/**
 * A plan year's performance evaluation (Art. 4) as one reader may see it, computed on a day: units by code, projects
 * by unit and name; {@code methodZh} says how the scores are computed.
 */
public record YearEvaluation(int planYear, LocalDate computedOn, String methodZh, List<UnitEvaluation> units,
                             List<ProjectEvaluation> projects) {

    public YearEvaluation {
        units = List.copyOf(units);
        projects = List.copyOf(projects);
    }
}
