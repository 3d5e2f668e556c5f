package cn.egov.projects.application.port.in;

import cn.egov.projects.application.view.PlannedReminder;
import cn.egov.projects.domain.deadline.Deadline;
import cn.egov.projects.domain.project.Project;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/**
 * Which reminders are due, to whom (RULES.md §5): the reminder engine asks, then stores and sends. Nothing here
 * sends; the answers depend only on the stored projects, the policy packs and the calendar.
 */
public interface PlanRemindersUseCase {

    /**
     * The reminders of deadlines a change has just opened that fall on {@code today}: today's daily pass may have run
     * before they were open. Nothing is planned ahead: the reminders of every later day — before and on the due day,
     * the escalations once overdue — are derived on that day by its {@link #planDay} from the deadlines open then, so
     * a deadline met, waived or moved in between leaves nothing behind to cancel.
     */
    List<PlannedReminder> forOpenedDeadlines(Project project, List<Deadline> opened, LocalDate today);

    /**
     * Every reminder falling on {@code day} over all open deadlines (repeated escalations included) and the
     * declaration window's closing reminders to units holding drafts, handed to {@code sink} in batches.
     *
     * @return how many reminders were planned
     */
    long planDay(LocalDate day, Consumer<List<PlannedReminder>> sink);

    /**
     * The reminders of days the daily pass missed — the system was down over {@code from..to} — to be sent late on
     * {@code today}: of each deadline still open, for each audience, only its latest reminder on those days, and
     * none when {@code today} has one of its own for that audience. A person hears once, with what is true now, of
     * each deadline that fell due or was escalated while the system was down, not once per day missed: the week's
     * stale "due in 7 days" is dropped for the "due today" that followed it, an escalation repeated every 7 days is
     * sent once. Met, waived and terminated deadlines have none.
     *
     * @param from  the first day missed
     * @param to    the last day missed, before {@code today}
     * @param today the day of the pass that makes them up
     * @return how many reminders were planned (the day of each stays the day it was due on)
     */
    long planMissedDays(LocalDate from, LocalDate to, LocalDate today, Consumer<List<PlannedReminder>> sink);
}
