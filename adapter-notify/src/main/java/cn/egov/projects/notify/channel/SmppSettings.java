package cn.egov.projects.notify.channel;

import java.time.Duration;
import java.util.Objects;

/** The SMS centre (SMPP 3.4): where it is, how the system binds (transmitter), and the sender address. */
public record SmppSettings(String host, int port, String systemId, String password, String systemType,
                           String sourceAddress, Duration timeout) {

    public SmppSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(systemId, "systemId");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("SMPP port out of range: " + port);
        }
        password = password == null ? "" : password;
        systemType = systemType == null ? "" : systemType;
        sourceAddress = sourceAddress == null || sourceAddress.isBlank() ? "10690000" : sourceAddress;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }

    @Override
    public String toString() {
        return "SmppSettings[" + host + ":" + port + ", systemId=" + systemId + ", source=" + sourceAddress + "]";
    }
}
