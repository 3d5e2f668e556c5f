package cn.egov.projects.application.fake;

import cn.egov.projects.application.port.out.PerformanceGradePort;
import cn.egov.projects.domain.performance.PerformanceGrade;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Bureau's performance grades kept in memory, one per plan year and subject. */
public final class InMemoryPerformanceGrades implements PerformanceGradePort, Rollback {

    private final Map<String, PerformanceGrade> grades = new LinkedHashMap<>();

    private static String key(PerformanceGrade g) {
        return g.planYear() + "|" + g.subject() + "|" + g.subjectId();
    }

    @Override
    public synchronized List<PerformanceGrade> grades(int planYear) {
        return grades.values().stream().filter(g -> g.planYear() == planYear).toList();
    }

    @Override
    public synchronized void save(PerformanceGrade grade) {
        grades.put(key(grade), grade);
    }

    @Override
    public synchronized Runnable checkpoint() {
        var saved = new LinkedHashMap<>(grades);
        return () -> {
            synchronized (this) {
                grades.clear();
                grades.putAll(saved);
            }
        };
    }
}
