package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.access.Actor;

import java.time.Instant;

/**
 * Signing in with a username and password: after 5 failures within 15 minutes the account is locked for 15
 * minutes; every sign-in, failure and lock is in the audit trail.
 */
public interface SignInUseCase {

    /** The answer to a sign-in. */
    sealed interface Result permits SignedIn, Failed, Locked {
    }

    /** The person is signed in as this actor. */
    record SignedIn(Actor actor) implements Result {
    }

    /** Wrong username or password (which of the two is not told). */
    record Failed() implements Result {
    }

    /** Too many failures: no sign-in until then, whatever the password. */
    record Locked(Instant until) implements Result {
    }

    Result signIn(String username, char[] password, String requestId, String sourceAddress);
}
