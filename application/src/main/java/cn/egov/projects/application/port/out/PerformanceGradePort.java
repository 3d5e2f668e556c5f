package cn.egov.projects.application.port.out;

import cn.egov.projects.domain.performance.PerformanceGrade;

import java.util.List;

/**
 * The grades the Bureau records in the yearly performance evaluation (Art. 4): one per plan year and subject (a
 * project or a unit), a later one replacing the earlier. Saved in the use case's transaction, with its audit record.
 */
public interface PerformanceGradePort {

    /** The grades of a plan year, in no particular order. */
    List<PerformanceGrade> grades(int planYear);

    /** Records the grade, replacing the subject's grade of the same plan year if there is one. */
    void save(PerformanceGrade grade);
}
