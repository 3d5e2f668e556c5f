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
 * @param unitName    the full name of the project's unit (太仓市公安局), as the messages name it; null when unknown,
 *                    and for a classified project (Art. 27), whose messages say nothing of it
 */
public record PlannedReminder(UUID deadlineId, DeadlineKind kind, ProjectId projectId, String projectName,
                              boolean classified, LocalDate due, String article, Reminder reminder,
                              ReminderRecipient recipient, String unitName) {

    /** A reminder whose unit's name is not known. */
    public PlannedReminder(UUID deadlineId, DeadlineKind kind, ProjectId projectId, String projectName,
                           boolean classified, LocalDate due, String article, Reminder reminder,
                           ReminderRecipient recipient) {
        this(deadlineId, kind, projectId, projectName, classified, due, article, reminder, recipient, null);
    }

    public PlannedReminder {
        Objects.requireNonNull(deadlineId, "deadlineId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(reminder, "reminder");
        Objects.requireNonNull(recipient, "recipient");
        if (classified) {
            projectName = null;
            unitName = null;
        }
    }

    public LocalDate day() {
        return reminder.day();
    }
}
