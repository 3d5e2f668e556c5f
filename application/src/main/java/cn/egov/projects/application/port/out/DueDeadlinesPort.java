package cn.egov.projects.application.port.out;

import cn.egov.projects.application.view.DueCursor;
import cn.egov.projects.application.view.DueDeadline;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/**
 * Open deadlines (neither met nor waived) with their project and people, across all projects, in the order (due day,
 * deadline id): what reminders and to-do lists are made from. Pages by keyset, so that reading the ten-thousandth
 * item costs what reading the first does.
 */
public interface DueDeadlinesPort {

    /**
     * Every open deadline due on or before a day.
     *
     * @param after where the previous page ended, or null for the first page
     * @param limit at most this many (1..10,000)
     */
    List<DueDeadline> openDueOnOrBefore(LocalDate dueOnOrBefore, DueCursor after, int limit);

    /**
     * Every open deadline due on one of {@code days}, in the same order and pages.
     *
     * @param after where the previous page ended, or null for the first page
     * @param limit at most this many (1..10,000)
     */
    List<DueDeadline> openDueOn(SortedSet<LocalDate> days, DueCursor after, int limit);

    /** The earliest due day of an open deadline; empty when no deadline is open. */
    Optional<LocalDate> earliestOpenDue();
}
