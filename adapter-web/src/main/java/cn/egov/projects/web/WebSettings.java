package cn.egov.projects.web;

import cn.egov.projects.application.port.in.DocumentRules;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How the web adapter is set up.
 *
 * @param secureCookies the session cookie carries {@code Secure} (set it when the server is reached over TLS, e.g.
 *                      behind a TLS-terminating proxy)
 * @param documents     the upload size limit and allowed file types
 * @param uploadsDir    where uploads wait on disk while a request is handled (deleted at its end)
 */
public record WebSettings(boolean secureCookies, DocumentRules documents, Path uploadsDir) {

    public WebSettings {
        Objects.requireNonNull(documents, "documents");
        Objects.requireNonNull(uploadsDir, "uploadsDir");
    }

    public static WebSettings defaults(Path uploadsDir) {
        return new WebSettings(false, DocumentRules.standard(), uploadsDir);
    }
}
