/**
 * The statutory deadlines (RULES.md §5): their kinds, their state on a day (pending, overdue, met on time,
 * met late, waived) and the calculator that computes their due days under a policy pack.
 */
package cn.egov.projects.domain.deadline;
