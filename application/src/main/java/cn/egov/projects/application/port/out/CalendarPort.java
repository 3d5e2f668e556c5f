package cn.egov.projects.application.port.out;

import cn.egov.projects.domain.calendar.WorkingDayCalendar;

/**
 * The official working-day calendar in force: the built-in years plus any year an operator has loaded as data
 * since the release.
 */
public interface CalendarPort {

    WorkingDayCalendar calendar();
}
