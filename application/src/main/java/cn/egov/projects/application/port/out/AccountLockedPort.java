package cn.egov.projects.application.port.out;

/**
 * Told, after the lock has committed, that sign-in to a username is locked (or found locked), so that whatever this
 * instance remembers as verified for that username (an HTTP Basic credential) stops being accepted at once.
 */
@FunctionalInterface
public interface AccountLockedPort {

    /** Nobody to tell (a test that remembers no credentials). */
    AccountLockedPort NONE = username -> { };

    void accountLocked(String username);
}
