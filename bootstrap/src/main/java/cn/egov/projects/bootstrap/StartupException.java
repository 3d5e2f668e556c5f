package cn.egov.projects.bootstrap;

/** Start-up cannot go on: a one-line message saying what and where, and the process's exit code. */
public final class StartupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public StartupException(int exitCode, String message, Throwable cause) {
        super(oneLine(message), cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
