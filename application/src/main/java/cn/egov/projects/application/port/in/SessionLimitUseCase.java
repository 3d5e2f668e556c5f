package cn.egov.projects.application.port.in;

/**
 * The limit on concurrent browser sessions per account (等保 2.0 level 3): one for the three administrators, a set
 * number for everybody else; a new sign-in ends the oldest sessions beyond it, through every instance.
 */
public interface SessionLimitUseCase {

    /** Nothing limited (a session store that cannot tell whose sessions it holds). */
    SessionLimitUseCase NONE = (caller, sessionId) -> 0;

    /**
     * The caller has just signed in to the session {@code sessionId} (already stored): ends their older sessions
     * beyond the limit, audited.
     *
     * @return how many sessions were ended
     */
    int sessionStarted(Caller caller, String sessionId);
}
