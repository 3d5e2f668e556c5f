package cn.egov.projects.notify;

import cn.egov.projects.application.view.PlannedReminder;
import cn.egov.projects.application.view.ReminderRecipient;
import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.reminder.Audience;
import cn.egov.projects.domain.reminder.Reminder;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Planned reminders for tests. */
final class Reminders {

    private Reminders() {
    }

    static PlannedReminder planned(String name, String email, String mobile, String project, DeadlineKind kind,
                                   LocalDate day, LocalDate due) {
        int offset = (int) ChronoUnit.DAYS.between(day, due);
        return new PlannedReminder(UUID.randomUUID(), kind, ProjectId.random(), project, false, due,
                "第" + chinese(kind.article()) + "条", new Reminder(day, offset,
                offset < 0 ? Audience.LEADER : Audience.RESPONSIBLE), new ReminderRecipient(name, email, mobile));
    }

    static PlannedReminder classified(String name, String email, String mobile, LocalDate day, LocalDate due) {
        int offset = (int) ChronoUnit.DAYS.between(day, due);
        return new PlannedReminder(UUID.randomUUID(), DeadlineKind.CONTRACT_FILING, ProjectId.random(), "涉密网络改造",
                true, due, "第十四条", new Reminder(day, offset, Audience.RESPONSIBLE),
                new ReminderRecipient(name, email, mobile));
    }

    private static String chinese(int n) {
        return cn.egov.projects.domain.rule.Articles.chinese(n).replace("第", "").replace("条", "");
    }
}
