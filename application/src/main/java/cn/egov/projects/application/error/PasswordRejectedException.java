package cn.egov.projects.application.error;

/**
 * A password refused by the password policy (or a wrong current password when changing one): a stable code
 * ({@code PASSWORD_TOO_WEAK}, {@code PASSWORD_CONTAINS_USERNAME}, {@code PASSWORD_REUSED}, {@code PASSWORD_WRONG}) and
 * why, in Chinese. Nothing was changed.
 */
public final class PasswordRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final String field;
    private final String messageZh;

    public PasswordRejectedException(String code, String field, String messageZh) {
        super(code + " (" + field + ")");
        this.code = code;
        this.field = field;
        this.messageZh = messageZh;
    }

    public String code() {
        return code;
    }

    /** The input field at fault. */
    public String field() {
        return field;
    }

    public String messageZh() {
        return messageZh;
    }
}
