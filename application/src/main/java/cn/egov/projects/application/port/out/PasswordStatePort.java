package cn.egov.projects.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the password policy keeps of each account besides its current hash: when the password was set and whether by
 * somebody else (then it must be changed at the next sign-in), the hashes of the passwords it had (none of the last
 * few may come back), when it last signed in, and when it was last active (signed in, created or enabled again; an
 * account inactive for too long is disabled, {@value #DORMANT}).
 */
public interface PasswordStatePort {

    /** The reason recorded for an account disabled because it was not used for too long. */
    String DORMANT = "DORMANT";

    /**
     * @param passwordChangedAt when the current password was set (null: not known, an account of before V25)
     * @param mustChange        the password was set by somebody else (creation, reset) and must be changed
     * @param lastSignInAt      the last successful sign-in, or null
     * @param lastActiveAt      the last sign-in, creation or enabling, or null
     * @param disabledReason    {@value #DORMANT} when the account was disabled for disuse, otherwise null
     */
    record PasswordState(Instant passwordChangedAt, boolean mustChange, Instant lastSignInAt, Instant lastActiveAt,
                         String disabledReason) {
    }

    Optional<PasswordState> state(String userId);

    /**
     * Sets the account's password hash, when it was set and whether it must be changed, and adds the hash to the
     * account's history — in the caller's transaction.
     */
    void passwordSet(String userId, String passwordHash, Instant at, boolean mustChange);

    /** The hashes of the account's latest passwords, newest first, at most {@code count}. */
    List<String> recentHashes(String userId, int count);

    /** A successful sign-in: the last sign-in and last activity are now. */
    void signedIn(String userId, Instant at);

    /** The account was created or enabled again: it counts as active from now and is no longer disabled for disuse. */
    void activated(String userId, Instant at);

    /** The user ids of the enabled accounts last active before {@code cutoff}. */
    List<String> inactiveSince(Instant cutoff);

    /**
     * Disables the account for disuse if it is enabled and was last active before {@code cutoff}.
     *
     * @return whether it was disabled now (false: already disabled, or active since)
     */
    boolean disableDormant(String userId, Instant cutoff);

    /** A port that keeps nothing: no history, no dates (tools and tests without password state). */
    PasswordStatePort NONE = new PasswordStatePort() {
        @Override
        public Optional<PasswordState> state(String userId) {
            return Optional.empty();
        }

        @Override
        public void passwordSet(String userId, String passwordHash, Instant at, boolean mustChange) {
        }

        @Override
        public List<String> recentHashes(String userId, int count) {
            return List.of();
        }

        @Override
        public void signedIn(String userId, Instant at) {
        }

        @Override
        public void activated(String userId, Instant at) {
        }

        @Override
        public List<String> inactiveSince(Instant cutoff) {
            return List.of();
        }

        @Override
        public boolean disableDormant(String userId, Instant cutoff) {
            return false;
        }
    };
}
