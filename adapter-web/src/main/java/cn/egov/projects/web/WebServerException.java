package cn.egov.projects.web;

/** The HTTP server could not start; the message says why in one line. */
public final class WebServerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean portInUse;

    public WebServerException(String message, boolean portInUse, Throwable cause) {
        super(message, cause);
        this.portInUse = portInUse;
    }

    /** Whether the port was already taken by another process. */
    public boolean portInUse() {
        return portInUse;
    }
}
