package cn.egov.projects.application.view;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One message of a person's inbox (消息中心): a reminder or an escalation of a deadline, in the e-mail's words (for a
 * classified project, Art. 27, without its name), with the page and action that meet it.
 *
 * @param escalation the deadline is overdue: the message escalates it (督办)
 * @param link       the page and action that meet the deadline, relative to the web root
 * @param readAt     when the person marked it read, or null while unread
 */
public record InboxMessage(long id, String kind, UUID projectId, boolean classified, LocalDate due,
                           LocalDate remindOn, boolean escalation, String title, String body, String link,
                           Instant createdAt, Instant readAt) {

    public boolean isRead() {
        return readAt != null;
    }
}
