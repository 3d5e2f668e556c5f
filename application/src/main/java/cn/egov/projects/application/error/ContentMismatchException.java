package cn.egov.projects.application.error;

/**
 * An upload whose content is not what its file name says (a program renamed {@code .pdf}, text that is not UTF-8):
 * which field, and why in Chinese. Nothing was stored.
 */
public final class ContentMismatchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String extension;
    private final String messageZh;

    public ContentMismatchException(String field, String extension, String messageZh) {
        super(field + ": content is not a ." + extension + " file");
        this.field = field;
        this.extension = extension;
        this.messageZh = messageZh;
    }

    public String field() {
        return field;
    }

    /** The file name's extension the content does not match. */
    public String extension() {
        return extension;
    }

    public String messageZh() {
        return messageZh;
    }
}
