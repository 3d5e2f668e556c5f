package cn.egov.projects.bootstrap;

/**
 * The process's exit codes, one per kind of failure, so that scripts and service managers can tell them apart.
 *
 * <ul>
 *   <li>0 — success (create-admin done; the server stopped normally)</li>
 *   <li>1 — unexpected internal error (a bug: the stack trace is in the log); for verify-audit: the audit trail's
 *       chain is broken (the first broken record is printed)</li>
 *   <li>2 — bad setting or command line: unknown flag, missing value, port not a number, missing or invalid
 *       administrator details</li>
 *   <li>3 — unusable configuration file: malformed policy pack, bad calendar directory or file, unreadable or
 *       missing audit key file; for validate-pack: the pack file is missing or not usable (what is wrong is
 *       printed)</li>
 *   <li>4 — database unreachable, refused, or with a schema this release cannot use</li>
 *   <li>5 — the HTTP server cannot listen (port in use or not permitted)</li>
 *   <li>6 — create-admin refused: accounts already exist</li>
 *   <li>7 — backup/restore: the archive is damaged, altered, not a backup of this application, of the other kind of
 *       database or of a newer schema (restore changed nothing)</li>
 *   <li>8 — restore refused: the target database is not empty (nothing changed)</li>
 *   <li>9 — backup/restore failed: the file cannot be written, pg_dump/pg_restore missing or failed</li>
 * </ul>
 * restore exits 1 when the restored audit trail's chain does not verify, as verify-audit does; backup and restore exit
 * 4 when the embedded database is in use by a running server.
 * A server stopped by SIGTERM exits as the JVM does on that signal (143) after its orderly shutdown.
 */
public final class ExitCode {

    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int BAD_SETTING = 2;
    public static final int BAD_CONFIGURATION_FILE = 3;
    public static final int DATABASE = 4;
    public static final int HTTP_PORT = 5;
    public static final int ADMIN_REFUSED = 6;
    /** backup/restore: the archive is damaged or cannot be restored by this release. */
    public static final int ARCHIVE_UNUSABLE = 7;
    /** restore: the target database is not empty; nothing was changed. */
    public static final int RESTORE_REFUSED = 8;
    /** backup/restore: a file or tool failed. */
    public static final int BACKUP_FAILED = 9;
    /** verify-audit: the chain is broken. */
    public static final int AUDIT_CHAIN_BROKEN = 1;

    private ExitCode() {
    }
}
