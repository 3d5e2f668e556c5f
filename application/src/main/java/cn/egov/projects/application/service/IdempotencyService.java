package cn.egov.projects.application.service;

import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.IdempotencyUseCase;
import cn.egov.projects.application.port.out.ClockPort;
import cn.egov.projects.application.port.out.IdempotencyPort;
import cn.egov.projects.application.view.StoredResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Idempotency keys: the first request with a key claims it in the shared store; a retry is answered from the store
 * and does not act again. A key is kept 24 hours; a claim whose request never finished (the instance stopped) is
 * given up after two minutes, so that a retry can run.
 */
public final class IdempotencyService implements IdempotencyUseCase {

    static final Duration KEPT = Duration.ofHours(24);
    static final Duration ABANDONED = Duration.ofMinutes(2);
    private static final int PURGE_EVERY = 500;

    /** The longest request fingerprint kept (its column holds 200 characters). */
    static final int MAX_FINGERPRINT = 200;

    private final IdempotencyPort store;
    private final ClockPort clock;
    private final AtomicLong claims = new AtomicLong();

    public IdempotencyService(IdempotencyPort store, ClockPort clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Claim claim(Caller caller, String key, String fingerprint) {
        if (key == null || !key.matches("[A-Za-z0-9._:-]{8,100}")) {
            throw new InvalidCommandException("Idempotency-Key",
                    "Idempotency-Key应为8至100位字母、数字、点、下划线、冒号或连字符");
        }
        if (fingerprint == null || fingerprint.isEmpty() || fingerprint.length() > MAX_FINGERPRINT) {
            throw new IllegalArgumentException("a request fingerprint must have 1 to " + MAX_FINGERPRINT
                    + " characters");
        }
        Instant now = clock.now();
        if (claims.incrementAndGet() % PURGE_EVERY == 0) {
            store.purgeBefore(now.minus(KEPT));
        }
        String user = caller.actor().userId();
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<StoredResponse> stored = store.find(user, key);
            if (stored.isEmpty()) {
                if (store.reserve(user, key, fingerprint, now)) {
                    return new Fresh();
                }
                continue;
            }
            StoredResponse s = stored.get();
            boolean expired = s.createdAt().isBefore(now.minus(KEPT));
            boolean abandoned = !s.completed() && s.createdAt().isBefore(now.minus(ABANDONED));
            if (expired || abandoned) {
                store.release(user, key);
                continue;
            }
            if (!s.fingerprint().equals(fingerprint)) {
                return new Reused(s.fingerprint());
            }
            return s.completed() ? new Replay(s.status(), s.body()) : new InProgress();
        }
        return new InProgress();
    }

    @Override
    public void complete(Caller caller, String key, int status, String body) {
        store.complete(caller.actor().userId(), key, status, body);
    }

    @Override
    public void release(Caller caller, String key) {
        store.release(caller.actor().userId(), key);
    }
}
