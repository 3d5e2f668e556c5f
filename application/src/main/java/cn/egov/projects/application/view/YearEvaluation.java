package cn.egov.projects.application.view;

import java.time.LocalDate;
import java.util.List;

/**
 * A plan year's performance evaluation (Art. 4) as one reader may see it, computed on a day: units by code, projects
 * by unit and name; {@code methodZh} says how the scores are computed, {@code basisZh} on which articles of the
 * measures in force, as the pack numbers them ("《太仓市级电子政务项目管理办法（太政办〔2021〕40号）》第四条、第二十三条、
 * 第二十四条").
 */
public record YearEvaluation(int planYear, LocalDate computedOn, String methodZh, List<UnitEvaluation> units,
                             List<ProjectEvaluation> projects, String basisZh) {

    public YearEvaluation {
        units = List.copyOf(units);
        projects = List.copyOf(projects);
    }
}
