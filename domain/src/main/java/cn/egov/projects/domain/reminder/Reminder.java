package cn.egov.projects.domain.reminder;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One reminder of one deadline: the working day it goes out, to whom, and how far that day lies from the due day.
 *
 * @param offsetDays days from {@code day} to the due day: positive before it, 0 on it, negative once overdue; with the
 *                   deadline it identifies the reminder (a deadline has at most one reminder a day)
 */
public record Reminder(LocalDate day, int offsetDays, Audience audience) {

    public Reminder {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(audience, "audience");
    }

    public boolean isOverdue() {
        return offsetDays < 0;
    }
}
