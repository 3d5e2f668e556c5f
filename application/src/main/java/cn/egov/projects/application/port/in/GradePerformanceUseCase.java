package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.performance.PerformanceGrade;

/**
 * The Bureau records the final grade (优、良、中、差) and comment of a project or a unit in a plan year's performance
 * evaluation (Art. 4), audited like every other action.
 */
public interface GradePerformanceUseCase {

    PerformanceGrade gradeProject(Caller caller, GradeProjectCommand command);

    PerformanceGrade gradeUnit(Caller caller, GradeUnitCommand command);
}
