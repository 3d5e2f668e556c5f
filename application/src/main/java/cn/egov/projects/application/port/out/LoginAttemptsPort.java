package cn.egov.projects.application.port.out;

import java.time.Instant;
import java.util.Optional;

/** Failed sign-ins and locks, shared by every application instance. */
public interface LoginAttemptsPort {

    void recordFailure(String username, Instant at, String sourceAddress);

    int failuresSince(String username, Instant since);

    void clearFailures(String username);

    void lock(String username, Instant until);

    Optional<Instant> lockedUntil(String username);
}
