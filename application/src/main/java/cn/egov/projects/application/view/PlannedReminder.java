package cn.egov.projects.application.view;

import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.reminder.Reminder;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * One reminder to one person, as planned: which deadline of which project, the day it goes out and to whom. With a
 * channel, {@code (deadlineId, reminder.offsetDays(), recipient address, channel)} is its unique key: it is sent once.
 *
 * @param deadlineId  the deadline, or for the declaration window's closing a stable id of (window, draft)
 * @param projectName null for a classified project (Art. 27): its name never leaves the system
 * @param article     the article that sets the deadline, e.g. "第十四条"
 */
public record PlannedReminder(UUID deadlineId, DeadlineKind kind, ProjectId projectId, String projectName,
                              boolean classified, LocalDate due, String article, Reminder reminder,
                              ReminderRecipient recipient) {

    public PlannedReminder {
        Objects.requireNonNull(deadlineId, "deadlineId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(reminder, "reminder");
        Objects.requireNonNull(recipient, "recipient");
        if (classified) {
            projectName = null;
        }
    }

    public LocalDate day() {
        return reminder.day();
    }
}
