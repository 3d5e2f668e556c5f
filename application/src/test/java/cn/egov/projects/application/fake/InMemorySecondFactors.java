package cn.egov.projects.application.fake;

import cn.egov.projects.application.port.out.SecondFactorPort;
import cn.egov.projects.application.port.out.SecurityPolicyPort;
import cn.egov.projects.application.view.OtpAlgorithm;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The second factor's secrets and the security settings, in memory. */
public final class InMemorySecondFactors implements SecondFactorPort, SecurityPolicyPort {

    private final Map<String, Stored> stored = new HashMap<>();
    private final Map<String, String> settings = new HashMap<>();

    @Override
    public synchronized Optional<Stored> find(String userId) {
        return Optional.ofNullable(stored.get(userId));
    }

    @Override
    public synchronized boolean begin(String userId, OtpAlgorithm algorithm, byte[] secret, Instant at) {
        Stored existing = stored.get(userId);
        if (existing != null && existing.confirmed()) {
            return false;
        }
        stored.put(userId, new Stored(userId, algorithm, secret.clone(), at, false, -1));
        return true;
    }

    @Override
    public synchronized boolean confirm(String userId, long step, Instant at) {
        Stored s = stored.get(userId);
        if (s == null || s.confirmed()) {
            return false;
        }
        stored.put(userId, new Stored(userId, s.algorithm(), s.secret(), at, true, step));
        return true;
    }

    @Override
    public synchronized boolean advance(String userId, long step) {
        Stored s = stored.get(userId);
        if (s == null || !s.confirmed() || s.lastStep() >= step) {
            return false;
        }
        stored.put(userId, new Stored(userId, s.algorithm(), s.secret(), s.enrolledAt(), true, step));
        return true;
    }

    @Override
    public synchronized boolean remove(String userId) {
        return stored.remove(userId) != null;
    }

    @Override
    public synchronized Map<String, String> settings() {
        return Map.copyOf(settings);
    }

    @Override
    public synchronized void put(String name, String value, Instant at, String by) {
        settings.put(name, value);
    }
}
