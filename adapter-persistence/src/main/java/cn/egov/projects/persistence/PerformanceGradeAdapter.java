package cn.egov.projects.persistence;

import cn.egov.projects.application.error.ConcurrentChangeException;
import cn.egov.projects.application.port.out.PerformanceGradePort;
import cn.egov.projects.domain.performance.Grade;
import cn.egov.projects.domain.performance.PerformanceGrade;
import cn.egov.projects.persistence.mybatis.Sessions;
import cn.egov.projects.persistence.mybatis.SqlErrors;
import cn.egov.projects.persistence.performance.PerformanceGradeDao;
import cn.egov.projects.persistence.performance.PerformanceGradeRow;
import org.apache.ibatis.exceptions.PersistenceException;

import java.util.List;
import java.util.Objects;

/**
 * The Bureau's performance grades in the {@code performance_grade} table ({@link PerformanceGradePort}): saving a
 * grade updates its subject's row of the plan year, or inserts it when there is none. Two first grades of one
 * subject saved at the same moment: the second meets the primary key and is reported as a concurrent change.
 */
public final class PerformanceGradeAdapter implements PerformanceGradePort {

    private final Sessions sessions;

    PerformanceGradeAdapter(Sessions sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public List<PerformanceGrade> grades(int planYear) {
        return sessions.call(s -> s.getMapper(PerformanceGradeDao.class).ofYear(planYear)).stream()
                .map(r -> new PerformanceGrade(r.planYear(), PerformanceGrade.Subject.valueOf(r.subjectKind()),
                        r.subject(), Grade.valueOf(r.grade()), r.comment(), r.gradedBy(), r.gradedAt()))
                .toList();
    }

    @Override
    public void save(PerformanceGrade grade) {
        Objects.requireNonNull(grade, "grade");
        PerformanceGradeRow row = new PerformanceGradeRow(grade.planYear(), grade.subject().name(), grade.subjectId(),
                grade.grade().name(), grade.comment(), grade.gradedBy(), grade.gradedAt());
        try {
            sessions.call(s -> {
                PerformanceGradeDao dao = s.getMapper(PerformanceGradeDao.class);
                if (dao.update(row) == 0) {
                    dao.insert(row);
                }
                return null;
            });
        } catch (PersistenceException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new ConcurrentChangeException("the " + grade.planYear() + " grade of " + grade.subject() + " "
                        + grade.subjectId() + " was recorded at the same time by another request");
            }
            throw e;
        }
    }
}
