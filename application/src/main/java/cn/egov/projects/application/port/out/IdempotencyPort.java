package cn.egov.projects.application.port.out;

import cn.egov.projects.application.view.StoredResponse;

import java.time.Instant;
import java.util.Optional;

/**
 * The answers to state-changing requests sent with an {@code Idempotency-Key}, per caller and key, shared by every
 * application instance (a database table), so that a retry reaching another instance is still answered once.
 */
public interface IdempotencyPort {

    /**
     * Claims the key for a request about to run.
     *
     * @return false when the caller already used the key (the request ran, or is running)
     */
    boolean reserve(String userId, String key, String fingerprint, Instant at);

    Optional<StoredResponse> find(String userId, String key);

    /** Keeps the answer of the request that claimed the key. */
    void complete(String userId, String key, int status, String body);

    /** Gives the key up (the request failed in a way a retry may mend). */
    void release(String userId, String key);

    /** Forgets keys claimed before the instant; returns how many. */
    int purgeBefore(Instant before);
}
