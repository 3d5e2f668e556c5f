package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.performance.Grade;
import cn.egov.projects.domain.performance.PerformanceGrade;
import cn.egov.projects.domain.project.UnitId;

/** The Bureau's grade of an implementing unit in a plan year (Art. 4). */
public record GradeUnitCommand(int planYear, UnitId unit, Grade grade, String comment) {

    public GradeUnitCommand {
        planYear = Check.planYear(planYear, "year");
        unit = Check.required(unit, "unit", "单位");
        grade = Check.required(grade, "grade", "考核等级");
        comment = Check.optionalText(comment, "comment", "考核意见", PerformanceGrade.MAX_COMMENT);
    }
}
