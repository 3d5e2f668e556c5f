package cn.egov.projects.application.port.out;

import cn.egov.projects.application.view.DeadLetter;

import java.util.List;

/** The reminder engine's dead letters: messages it gave up on after the configured attempts. */
public interface DeadLetterPort {

    List<DeadLetter> list(int limit);

    /**
     * Schedules the dead letter's undelivered reminders for delivery now and marks it retried.
     *
     * @return false when there is no such dead letter waiting (unknown, or retried already)
     */
    boolean retry(long id, String retriedBy);
}
