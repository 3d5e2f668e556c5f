package cn.egov.projects.domain.resource;

/** A field of a resource or an opinion that cannot be kept as written: which field, and why, in Chinese. */
public final class ResourceFieldException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String messageZh;

    public ResourceFieldException(String field, String messageZh) {
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
