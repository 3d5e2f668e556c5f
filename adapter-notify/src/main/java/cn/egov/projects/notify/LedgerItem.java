package cn.egov.projects.notify;

import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.reminder.Audience;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One reminder of the ledger waiting to go out: what a message says of it.
 *
 * @param remindOn    the day it was due to go out
 * @param projectName null for a classified project (Art. 27)
 * @param late        it goes out after its day because the system was down: the message says so
 * @param unitName    the full name of the project's unit, which the message names; null when not known (and for a
 *                    classified project, Art. 27)
 */
public record LedgerItem(long id, UUID deadlineId, int offsetDays, String recipient, Channel channel,
                         LocalDate remindOn, Audience audience, String recipientName, UUID projectId,
                         String projectName, boolean classified, DeadlineKind kind, LocalDate due, String article,
                         boolean late, String unitName) {

    /** A reminder whose unit's name is not known. */
    public LedgerItem(long id, UUID deadlineId, int offsetDays, String recipient, Channel channel,
                      LocalDate remindOn, Audience audience, String recipientName, UUID projectId,
                      String projectName, boolean classified, DeadlineKind kind, LocalDate due, String article,
                      boolean late) {
        this(id, deadlineId, offsetDays, recipient, channel, remindOn, audience, recipientName, projectId, projectName,
                classified, kind, due, article, late, null);
    }

    public boolean isOverdue() {
        return offsetDays < 0;
    }
}
