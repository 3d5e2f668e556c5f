package cn.egov.projects.persistence;

/**
 * The database could not be opened: unreachable, refused, or with a schema this release cannot use. The message
 * is one English line saying what went wrong and where, fit for the operator's console.
 */
public final class DatabaseStartupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatabaseStartupException(String message) {
        super(message);
    }

    public DatabaseStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
