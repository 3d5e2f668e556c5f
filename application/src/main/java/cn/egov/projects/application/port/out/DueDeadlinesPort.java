package cn.egov.projects.application.port.out;

import cn.egov.projects.application.view.DueCursor;
import cn.egov.projects.application.view.DueDeadline;

import java.time.LocalDate;
import java.util.List;

/**
 * Every open deadline (neither met nor waived) due on or before a day, with its project and people, across all
 * projects, in the order (due day, deadline id): what reminders and to-do lists are made from. Pages by keyset, so
 * that reading the ten-thousandth item costs what reading the first does.
 */
public interface DueDeadlinesPort {

    /**
     * @param after where the previous page ended, or null for the first page
     * @param limit at most this many (1..10,000)
     */
    List<DueDeadline> openDueOnOrBefore(LocalDate dueOnOrBefore, DueCursor after, int limit);
}
