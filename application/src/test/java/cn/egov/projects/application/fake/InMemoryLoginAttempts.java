package cn.egov.projects.application.fake;

import cn.egov.projects.application.port.out.LoginAttemptsPort;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Failed sign-ins and locks in memory. */
public final class InMemoryLoginAttempts implements LoginAttemptsPort {

    private final Map<String, List<Instant>> failures = new HashMap<>();
    private final Map<String, Instant> locks = new HashMap<>();

    @Override
    public synchronized void recordFailure(String username, Instant at, String sourceAddress) {
        failures.computeIfAbsent(username, u -> new ArrayList<>()).add(at);
    }

    @Override
    public synchronized int failuresSince(String username, Instant since) {
        return (int) failures.getOrDefault(username, List.of()).stream().filter(t -> !t.isBefore(since)).count();
    }

    @Override
    public synchronized void clearFailures(String username) {
        failures.remove(username);
    }

    @Override
    public synchronized void lock(String username, Instant until) {
        locks.put(username, until);
    }

    @Override
    public synchronized Optional<Instant> lockedUntil(String username) {
        return Optional.ofNullable(locks.get(username));
    }
}
