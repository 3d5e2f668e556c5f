package cn.egov.projects.application.error;

/** Malformed input: which field, and why, in Chinese. Nothing was changed. */
public final class InvalidCommandException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String messageZh;

    public InvalidCommandException(String field, String messageZh) {
        super(field + ": " + messageZh);
        this.field = field;
        this.messageZh = messageZh;
    }

    public String field() {
        return field;
    }

    public String messageZh() {
        return messageZh;
    }
}
