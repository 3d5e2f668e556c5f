package cn.egov.projects.bootstrap;

import cn.egov.projects.application.port.in.DocumentRules;
import cn.egov.projects.application.port.in.DocumentTypes;
import cn.egov.projects.web.WebSettings;
import cn.egov.projects.web.http.TrustedProxies;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The web settings: the document upload limit ({@code EGOV_DOC_MAX_MB}, default 20) and allowed file types
 * ({@code EGOV_DOC_TYPES}, comma-separated extensions, default office documents, PDF, OFD, images and zip; each must
 * be a type whose content can be recognised, {@link DocumentTypes}), whether
 * the session cookie is {@code Secure} ({@code EGOV_SECURE_COOKIES=true} when users reach the server over TLS, e.g.
 * through a TLS-terminating proxy), where uploads wait while a request is handled ({@code EGOV_UPLOADS_DIR}, default
 * {@code ./data/uploads}), the reverse proxies whose forwarded headers are believed ({@code EGOV_TRUSTED_PROXIES},
 * addresses and CIDR blocks separated by commas, default none), and whether to fill an empty database with
 * demonstration data ({@code --demo}).
 */
public record WebConfig(WebSettings web, boolean demo) {

    static WebConfig parse(Settings s) {
        DocumentRules standard = DocumentRules.standard();
        long maxBytes = standard.maxBytes();
        String mb = s.value(Settings.Key.DOC_MAX_MB).orElse(null);
        if (mb != null) {
            try {
                long n = Long.parseLong(mb.trim());
                if (n < 1 || n > 2048) {
                    throw new SettingsException("document size limit " + n + " MB is out of range 1-2048 ("
                            + s.source(Settings.Key.DOC_MAX_MB) + ")");
                }
                maxBytes = n * 1024 * 1024;
            } catch (NumberFormatException e) {
                throw new SettingsException("document size limit '" + mb + "' is not a whole number of MB ("
                        + s.source(Settings.Key.DOC_MAX_MB) + ")");
            }
        }
        Set<String> types = standard.allowedExtensions();
        String typeList = s.value(Settings.Key.DOC_TYPES).orElse(null);
        if (typeList != null) {
            types = Arrays.stream(typeList.split(",")).map(t -> t.trim().toLowerCase(Locale.ROOT))
                    .map(t -> t.startsWith(".") ? t.substring(1) : t).filter(t -> !t.isEmpty())
                    .collect(Collectors.toSet());
            if (types.isEmpty() || types.stream().anyMatch(t -> !t.matches("[a-z0-9]{1,10}"))) {
                throw new SettingsException("document types '" + typeList + "' must be file name extensions separated"
                        + " by commas, e.g. pdf,docx,xlsx (" + s.source(Settings.Key.DOC_TYPES) + ")");
            }
            // an upload's content is checked against its extension: only types whose content is known may be allowed
            List<String> unknown = types.stream().filter(t -> !DocumentTypes.isKnown(t)).sorted().toList();
            if (!unknown.isEmpty()) {
                throw new SettingsException("document type(s) " + String.join(",", unknown) + " cannot be checked by"
                        + " their content; allowed are " + String.join(",", DocumentTypes.known()) + " ("
                        + s.source(Settings.Key.DOC_TYPES) + ")");
            }
        }
        boolean secure = flag(s, Settings.Key.SECURE_COOKIES);
        Path uploads = s.value(Settings.Key.UPLOADS_DIR).map(Path::of).orElse(Path.of("data", "uploads"));
        TrustedProxies proxies;
        try {
            proxies = TrustedProxies.parse(s.value(Settings.Key.TRUSTED_PROXIES).orElse(null));
        } catch (IllegalArgumentException e) {
            throw new SettingsException("trusted proxies: " + e.getMessage() + " ("
                    + s.source(Settings.Key.TRUSTED_PROXIES) + ")");
        }
        return new WebConfig(new WebSettings(secure, new DocumentRules(maxBytes, types), uploads, proxies),
                flag(s, Settings.Key.DEMO));
    }

    private static boolean flag(Settings s, Settings.Key key) {
        String text = s.value(key).orElse("false").trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new SettingsException(key.flag() + " must be true or false, got '" + text + "' ("
                    + s.source(key) + ")");
        };
    }
}
