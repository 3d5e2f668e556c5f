package cn.egov.projects.notify;

import cn.egov.projects.application.port.in.PlanRemindersUseCase;
import cn.egov.projects.application.view.PlannedReminder;
import cn.egov.projects.domain.deadline.Deadline;
import cn.egov.projects.domain.project.Project;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/** A planner that plans nothing: for engines whose tests hand them planned reminders directly. */
final class NoPlanner implements PlanRemindersUseCase {

    @Override
    public List<PlannedReminder> forOpenedDeadlines(Project project, List<Deadline> opened, LocalDate today) {
        return List.of();
    }

    @Override
    public long planDay(LocalDate day, Consumer<List<PlannedReminder>> sink) {
        return 0;
    }

    @Override
    public long planMissedDays(LocalDate from, LocalDate to, LocalDate today, Consumer<List<PlannedReminder>> sink) {
        return 0;
    }
}
