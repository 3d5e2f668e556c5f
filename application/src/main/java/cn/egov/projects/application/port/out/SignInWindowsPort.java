package cn.egov.projects.application.port.out;

import java.time.Instant;

/**
 * The sign-in rate limits' counters, shared by every application instance: attempts per key (a client address, a
 * username) in fixed windows. {@link #take} counts an attempt under both keys at once, or under neither when either
 * has reached its limit, atomically against concurrent attempts through any instance.
 */
public interface SignInWindowsPort {

    /** What {@link #take} did. */
    enum Outcome {
        /** Counted under both keys. */
        TAKEN,
        /** Not counted: the address's limit is reached. */
        ADDRESS_FULL,
        /** Not counted: the username's limit is reached. */
        USERNAME_FULL
    }

    /**
     * @param firstRefusal for a refusal, whether it is the first of that key in the window (the one to audit)
     */
    record Taken(Outcome outcome, boolean firstRefusal) {
    }

    Taken take(String addressKey, int addressLimit, String usernameKey, int usernameLimit, Instant windowStart);

    /** Gives back an attempt counted in the window (it succeeded). */
    void giveBack(String addressKey, String usernameKey, Instant windowStart);

    /** Forgets the windows that started before {@code before}; returns how many. */
    int purgeBefore(Instant before);
}
