package cn.egov.projects.application.account;

import cn.egov.projects.application.port.in.AuthenticateUseCase;
import cn.egov.projects.application.port.in.PasswordChange;
import cn.egov.projects.domain.access.Actor;

/**
 * The check of a username and password at sign-in, with what the password policy says of the account: whether it must
 * change its password, and whether it has been disabled for disuse.
 */
public interface CredentialCheck {

    /** The outcome of a check. */
    sealed interface Outcome permits Valid, Invalid, Dormant {
    }

    /**
     * The right password of an enabled account; {@code passwordChange} null unless it must be changed;
     * {@code passwordExpiresAt} when the password reaches the policy's maximum age on the application's clock (null:
     * never, or not known).
     */
    record Valid(Actor actor, PasswordChange passwordChange, java.time.Instant passwordExpiresAt) implements Outcome {

        /** Without a known expiry. */
        public Valid(Actor actor, PasswordChange passwordChange) {
            this(actor, passwordChange, null);
        }
    }

    /** A wrong username or password, or a disabled account (which of them is not told). */
    record Invalid() implements Outcome {
    }

    /** The right password of an account disabled for disuse (now or before). */
    record Dormant(String userId) implements Outcome {
    }

    /** Checks the credentials; a successful check is recorded as the account's last sign-in. */
    Outcome check(String username, char[] password);

    /** A check by a plain {@link AuthenticateUseCase}: no password rules, no disuse. */
    static CredentialCheck of(AuthenticateUseCase authenticate) {
        return (username, password) -> authenticate.authenticate(username, password)
                .<Outcome>map(a -> new Valid(a, null)).orElseGet(Invalid::new);
    }
}
