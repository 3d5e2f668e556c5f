package cn.egov.projects.application.port.in;

import cn.egov.projects.application.view.DeadLetter;

import java.util.List;

/** The administrator sees the reminders that could not be delivered and sends them off again. */
public interface DeadLetterUseCase {

    /** The dead letters, newest first (at most {@code limit}). */
    List<DeadLetter> listDeadLetters(Caller caller, int limit);

    /**
     * Sends a dead letter off again (its reminders not yet delivered go out at once, with a fresh count of attempts).
     *
     * @throws cn.egov.projects.application.error.NotFoundException when there is no such dead letter waiting
     */
    void retryDeadLetter(Caller caller, long id);
}
