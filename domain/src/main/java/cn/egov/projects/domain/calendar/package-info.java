/**
 * The official working-day calendar and the arithmetic of legal periods.
 *
 * <p>{@link cn.egov.projects.domain.calendar.WorkingDayCalendar} tells working days from rest days
 * according to the State Council General Office holiday notices (国务院办公厅关于部分节假日安排的通知),
 * held as {@link cn.egov.projects.domain.calendar.YearArrangement}s and written in the line format
 * of {@link cn.egov.projects.domain.calendar.CalendarText}. A year whose notice is not held is
 * computed Monday to Friday and every result touching it is provisional.
 *
 * <p>{@link cn.egov.projects.domain.calendar.PeriodArithmetic} computes the last day of a
 * {@link cn.egov.projects.domain.calendar.Term} per 《民法典》第二百零一至二百零四条, and the
 * earliest day after a minimum period. No clock is read here: every date comes from the caller.
 */
package cn.egov.projects.domain.calendar;
