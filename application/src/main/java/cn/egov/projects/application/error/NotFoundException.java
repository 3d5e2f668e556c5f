package cn.egov.projects.application.error;

/**
 * The object does not exist, or lies outside the person's scope: the two are not told apart, so that nobody
 * learns of a project they may not see.
 */
public final class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String messageZh;

    public NotFoundException(String messageZh) {
        super(messageZh);
        this.messageZh = messageZh;
    }

    public String messageZh() {
        return messageZh;
    }
}
