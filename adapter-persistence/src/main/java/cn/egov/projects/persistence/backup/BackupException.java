package cn.egov.projects.persistence.backup;

/** A backup or restore that could not be done, with what kind of failure it was and a message in Chinese and English. */
public final class BackupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** The archive is not a backup of this application, is damaged, or does not match its digests. */
        DAMAGED,
        /** The archive is of the other kind of database, or of a schema newer than this release. */
        INCOMPATIBLE,
        /** The database to restore into is not empty (or is in use); nothing was changed. */
        NOT_EMPTY,
        /** The database is in use by a running server and cannot be opened by this process. */
        IN_USE,
        /** A tool (pg_dump, pg_restore) is missing or failed, or a file could not be written. */
        FAILED
    }

    private final Kind kind;
    private final String messageZh;

    public BackupException(Kind kind, String messageZh, String messageEn) {
        this(kind, messageZh, messageEn, null);
    }

    public BackupException(Kind kind, String messageZh, String messageEn, Throwable cause) {
        super(messageEn, cause);
        this.kind = kind;
        this.messageZh = messageZh;
    }

    public Kind kind() {
        return kind;
    }

    /** The message for the operator, in Chinese. */
    public String messageZh() {
        return messageZh;
    }
}
