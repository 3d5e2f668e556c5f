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
 * @param readAt     when the person marked it read (or when its deadline was met or waived), or null while unread
 * @param settledAs  null while its deadline is open; once met or waived, {@link Settlement#MET} (已办结) or
 *                   {@link Settlement#WAIVED} (已撤销): the reminder is withdrawn, no longer urgent nor unread
 * @param settledOn  the day its deadline was met (or waived), or null (open; or waived before this was recorded)
 */
public record InboxMessage(long id, String kind, UUID projectId, boolean classified, LocalDate due,
                           LocalDate remindOn, boolean escalation, String title, String body, String link,
                           Instant createdAt, Instant readAt, Settlement settledAs, LocalDate settledOn) {

    /** How the deadline of a settled message was closed. */
    public enum Settlement {
        /** Met (已办结): what it asked for was done, on {@code settledOn}. */
        MET("已办结"),
        /** Waived (已撤销): no longer to be done (e.g. the project was terminated). */
        WAIVED("已撤销");

        private final String zh;

        Settlement(String zh) {
            this.zh = zh;
        }

        public String zh() {
            return zh;
        }
    }

    public boolean isRead() {
        return readAt != null;
    }

    /** Whether its deadline has been met or waived since: the reminder is withdrawn. */
    public boolean isSettled() {
        return settledAs != null;
    }
}
