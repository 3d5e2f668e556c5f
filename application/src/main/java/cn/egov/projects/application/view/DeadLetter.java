package cn.egov.projects.application.view;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A reminder message that could not be delivered after the configured attempts: what it was (channel, recipient,
 * day, how many reminders it carried), the last error, and whether an administrator has sent it off again.
 *
 * @param retriedAt null while it waits for an administrator
 */
public record DeadLetter(long id, String channel, String recipient, LocalDate day, int reminders, int attempts,
                         String lastError, Instant failedAt, Instant retriedAt, String retriedBy) {
}
