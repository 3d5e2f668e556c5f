package cn.egov.projects.notify;

import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.reminder.Audience;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One reminder of the ledger waiting to go out: what a message says of it.
 *
 * @param projectName null for a classified project (Art. 27)
 */
public record LedgerItem(long id, UUID deadlineId, int offsetDays, String recipient, Channel channel,
                         LocalDate remindOn, Audience audience, String recipientName, UUID projectId,
                         String projectName, boolean classified, DeadlineKind kind, LocalDate due, String article) {

    public boolean isOverdue() {
        return offsetDays < 0;
    }
}
