package cn.egov.projects.application.port.in;

/**
 * State-changing requests sent with an {@code Idempotency-Key} act once: the first claims the key, and a retry gets
 * the first answer again. Keys are the caller's own and kept for 24 hours.
 */
public interface IdempotencyUseCase {

    /** What a request with a key may do. */
    sealed interface Claim permits Fresh, Replay, InProgress, Reused {
    }

    /** The key is new: run the request, then {@link #complete} or {@link #release}. */
    record Fresh() implements Claim {
    }

    /** The request ran already: answer this again. */
    record Replay(int status, String body) implements Claim {
    }

    /** The first request with this key is still running. */
    record InProgress() implements Claim {
    }

    /**
     * The key was used for a different request: another method or address, or other content.
     *
     * @param firstFingerprint the fingerprint of the request the key was first used for
     */
    record Reused(String firstFingerprint) implements Claim {
    }

    /**
     * @param fingerprint identifies the request (method, path, digest of the body)
     */
    Claim claim(Caller caller, String key, String fingerprint);

    void complete(Caller caller, String key, int status, String body);

    void release(Caller caller, String key);
}
