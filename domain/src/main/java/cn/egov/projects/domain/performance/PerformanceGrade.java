package cn.egov.projects.domain.performance;

import java.time.Instant;
import java.util.Objects;

/**
 * The grade the Bureau records for a project or a unit in a plan year's performance evaluation (Art. 4), with its
 * comment, who recorded it and when. A later grade of the same subject and year replaces it (the audit trail keeps
 * each).
 *
 * @param subjectId the project's id, or the unit's code
 */
public record PerformanceGrade(int planYear, Subject subject, String subjectId, Grade grade, String comment,
                               String gradedBy, Instant gradedAt) {

    public static final int MAX_COMMENT = 2000;

    /** What is graded. */
    public enum Subject {
        PROJECT("项目"),
        UNIT("单位");

        private final String zh;

        Subject(String zh) {
            this.zh = zh;
        }

        public String zh() {
            return zh;
        }
    }

    public PerformanceGrade {
        if (planYear < 2000 || planYear > 2100) {
            throw new IllegalArgumentException("计划年度不正确: " + planYear);
        }
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(gradedBy, "gradedBy");
        Objects.requireNonNull(gradedAt, "gradedAt");
        if (subjectId == null || subjectId.isBlank()) {
            throw new IllegalArgumentException("subjectId must not be blank");
        }
        comment = comment == null || comment.isBlank() ? null : comment.trim();
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new IllegalArgumentException("考核意见不超过" + MAX_COMMENT + "字");
        }
    }
}
