package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.performance.Grade;
import cn.egov.projects.domain.performance.PerformanceGrade;
import cn.egov.projects.domain.project.ProjectId;

/** The Bureau's grade of a project of a plan year (Art. 4). */
public record GradeProjectCommand(int planYear, ProjectId projectId, Grade grade, String comment) {

    public GradeProjectCommand {
        planYear = Check.planYear(planYear, "year");
        projectId = Check.project(projectId);
        grade = Check.required(grade, "grade", "考核等级");
        comment = Check.optionalText(comment, "comment", "考核意见", PerformanceGrade.MAX_COMMENT);
    }
}
