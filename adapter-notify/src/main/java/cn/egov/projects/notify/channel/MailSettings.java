package cn.egov.projects.notify.channel;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how e-mail goes out: the SMTP server, its security (none, STARTTLS, or TLS from the first byte), the
 * credentials when it asks for them, and the sender address.
 */
public record MailSettings(String host, int port, Security security, String username, String password, String from,
                           int maxConnections, Duration timeout) {

    /** The transport security of the SMTP connection. */
    public enum Security { NONE, STARTTLS, TLS }

    public MailSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(from, "from");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("SMTP port out of range: " + port);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1");
        }
        username = username == null || username.isBlank() ? null : username;
        timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
    }

    @Override
    public String toString() {
        return "MailSettings[" + host + ":" + port + ", " + security + ", user=" + (username == null ? "-" : username)
                + ", from=" + from + "]";
    }
}
