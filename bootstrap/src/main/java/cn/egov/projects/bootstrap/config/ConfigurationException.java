package cn.egov.projects.bootstrap.config;

/** A configuration file that cannot be used; the message is one line saying what and where. */
public final class ConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
