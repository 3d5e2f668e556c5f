package cn.egov.projects.application.port.out;

import java.time.Instant;
import java.util.List;

/**
 * Changes to who may do what, numbered in one sequence shared by every application instance: an account's access
 * changed (disabled, named to or removed from a project) or a username's sign-in was locked. Numbers are handed out
 * one at a time, each only after the previous one committed, so that whoever has read every change up to number n
 * has seen every change numbered up to n. Each subject keeps only its latest number.
 */
public interface AccessRevisionLogPort {

    /** What changed. */
    enum Kind {
        /** An account's access (by user id). */
        ACCESS,
        /** A username's sign-in was locked. */
        LOCK
    }

    /** The latest change of a subject. */
    record Change(Kind kind, String subject, long revision) {
    }

    /** Records that the subject changed; returns the change's number (committed when this returns). */
    long record(Kind kind, String subject, Instant at);

    /** The latest change of every subject changed after {@code revision}, by number. */
    List<Change> since(long revision);

    /** Forgets lock changes made before {@code before} (a remembered credential is never older); returns how many. */
    int purgeLocksBefore(Instant before);
}
