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
     * The reminders of deadlines a change has just opened, from {@code today} on: every reminder before and on the
     * due day and the first overdue escalation (the repeats are planned day by day by {@link #planDay}).
     */
    List<PlannedReminder> forOpenedDeadlines(Project project, List<Deadline> opened, LocalDate today);

    /**
     * Every reminder falling on {@code day} over all open deadlines (repeated escalations included) and the
     * declaration window's closing reminders to units holding drafts, handed to {@code sink} in batches.
     *
     * @return how many reminders were planned
     */
    long planDay(LocalDate day, Consumer<List<PlannedReminder>> sink);
}
