package cn.egov.projects.application.port.out;

import cn.egov.projects.application.view.OtpAlgorithm;

import java.time.Instant;
import java.util.Optional;

/**
 * The accounts' one-time-code secrets (one per account), shared by every application instance. The last time step
 * accepted is moved on only forwards, by one conditional write, so that a code accepted once by any instance is
 * refused by all (no replay).
 */
public interface SecondFactorPort {

    /**
     * An account's secret.
     *
     * @param confirmed whether the account proved it holds the secret (a valid code); until then it is an enrolment
     *                  under way and signs nobody in
     * @param lastStep  the last time step accepted (RFC 6238 T), or -1 when none
     */
    record Stored(String userId, OtpAlgorithm algorithm, byte[] secret, Instant enrolledAt, boolean confirmed,
                  long lastStep) {
    }

    Optional<Stored> find(String userId);

    /** Stores an enrolment under way (unconfirmed), replacing one under way; false when one is confirmed. */
    boolean begin(String userId, OtpAlgorithm algorithm, byte[] secret, Instant at);

    /** Confirms the enrolment under way with the step of its first code; false when none is under way. */
    boolean confirm(String userId, long step, Instant at);

    /** Moves the last accepted step on to {@code step}; false when it is already there or beyond (a replay). */
    boolean advance(String userId, long step);

    /** Removes the account's secret, confirmed or not; false when it had none. */
    boolean remove(String userId);
}
