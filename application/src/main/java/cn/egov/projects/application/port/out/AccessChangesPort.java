package cn.egov.projects.application.port.out;

/**
 * Told, after the change has committed, that what an account may see or do has changed (disabled, enabled, named to
 * or removed from a project), so that a signed-in session or a remembered credential of that account is checked
 * again before its next request instead of acting on what it was allowed when it signed in.
 */
@FunctionalInterface
public interface AccessChangesPort {

    /** Nobody to tell (a command-line tool, a test that keeps no sessions). */
    AccessChangesPort NONE = userId -> { };

    void accessChanged(String userId);
}
