/**
 * The Bureau's yearly performance evaluation (绩效考核, Art. 4) of the projects of a plan year and of their units:
 * the score computed from the goals' achievement ({@link cn.egov.projects.domain.performance.PerformanceScoring},
 * where the method is written down) and the grade the Bureau records.
 */
package cn.egov.projects.domain.performance;
