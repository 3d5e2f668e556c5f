/**
 * How the Bureau's performance grades are stored: one {@code performance_grade} row per plan year and subject
 * (project or unit), replaced by a later grade. {@link cn.egov.projects.persistence.performance.PerformanceGradeDao}
 * is the MyBatis mapper.
 */
package cn.egov.projects.persistence.performance;
