/**
 * When reminders of a statutory deadline fall and to whom (RULES.md §5): before and on the due day to the
 * 责任人, once overdue to the 分管领导 and the Big Data Bureau, repeated while the deadline stays open — placed on the
 * official working-day calendar so that nobody hears of a deadline in the middle of a holiday.
 */
package cn.egov.projects.domain.reminder;
