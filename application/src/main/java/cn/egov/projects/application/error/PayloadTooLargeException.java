package cn.egov.projects.application.error;

/** An upload larger than the configured limit; nothing was stored. */
public final class PayloadTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long limitBytes;

    public PayloadTooLargeException(long limitBytes) {
        super("larger than " + limitBytes + " bytes");
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }

    public String messageZh() {
        return "文件超过大小限制（" + (limitBytes / (1024 * 1024)) + " MB）";
    }
}
