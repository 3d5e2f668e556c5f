package cn.egov.projects.persistence.performance;

import java.time.Instant;

/** A {@code performance_grade} row. */
public record PerformanceGradeRow(int planYear, String subjectKind, String subject, String grade, String comment,
                                  String gradedBy, Instant gradedAt) {
}
