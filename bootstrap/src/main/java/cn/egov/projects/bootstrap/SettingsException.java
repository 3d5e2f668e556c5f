package cn.egov.projects.bootstrap;

/** A setting that cannot be used; the message says which value, what is wrong, and where it came from. */
public final class SettingsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SettingsException(String message) {
        super(message);
    }
}
