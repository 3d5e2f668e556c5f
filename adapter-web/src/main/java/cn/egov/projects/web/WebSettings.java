package cn.egov.projects.web;

import cn.egov.projects.application.port.in.DocumentRules;
import cn.egov.projects.web.http.TrustedProxies;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How the web adapter is set up.
 *
 * @param secureCookies  the session cookie always carries {@code Secure} (set it when the server is reached over TLS,
 *                       e.g. behind a TLS-terminating proxy); without it, only requests that came over HTTPS (directly
 *                       or, as a trusted proxy says, to the proxy) get a {@code Secure} cookie
 * @param documents      the upload size limit and allowed file types
 * @param uploadsDir     where uploads wait on disk while a request is handled (deleted at its end)
 * @param trustedProxies the reverse proxies whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} are believed
 */
public record WebSettings(boolean secureCookies, DocumentRules documents, Path uploadsDir,
                          TrustedProxies trustedProxies) {

    public WebSettings {
        Objects.requireNonNull(documents, "documents");
        Objects.requireNonNull(uploadsDir, "uploadsDir");
        Objects.requireNonNull(trustedProxies, "trustedProxies");
    }

    /** Trusting no proxy. */
    public WebSettings(boolean secureCookies, DocumentRules documents, Path uploadsDir) {
        this(secureCookies, documents, uploadsDir, TrustedProxies.NONE);
    }

    public static WebSettings defaults(Path uploadsDir) {
        return new WebSettings(false, DocumentRules.standard(), uploadsDir);
    }
}
