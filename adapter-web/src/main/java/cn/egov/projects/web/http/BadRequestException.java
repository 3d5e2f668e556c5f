package cn.egov.projects.web.http;

/** A request the web layer cannot read: which field, why in Chinese (shown to staff) and in English. */
public final class BadRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String messageZh;

    public BadRequestException(String field, String messageZh, String messageEn) {
        super(messageEn);
        this.field = field;
        this.messageZh = messageZh;
    }

    /** The field or parameter at fault, or null when the request as a whole is unreadable. */
    public String field() {
        return field;
    }

    public String messageZh() {
        return messageZh;
    }

    public String messageEn() {
        return getMessage();
    }
}
