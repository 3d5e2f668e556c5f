package cn.egov.projects.notify.channel;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * A template-SMS service over HTTP in the common cloud shape: the service's URL, the approved signature (签名) and
 * template code (模板编号), and the key sent as a bearer token.
 */
public record HttpSmsSettings(URI url, String signName, String templateCode, String apiKey, Duration timeout) {

    public HttpSmsSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(signName, "signName");
        Objects.requireNonNull(templateCode, "templateCode");
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }

    @Override
    public String toString() {
        return "HttpSmsSettings[" + url + ", sign=" + signName + ", template=" + templateCode + ", key="
                + (apiKey == null ? "none" : "***") + "]";
    }
}
