/**
 * Files for use outside the system: the annual plan and the overdue list as .xlsx (Apache POI), and a person's
 * deadlines as an iCalendar feed (ical4j). Classified projects never appear by name (Art. 27).
 */
package cn.egov.projects.web.export;
