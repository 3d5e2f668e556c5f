package cn.egov.projects.application.view;

import java.util.Locale;
import java.util.Optional;

/**
 * The MAC of a time-based one-time code (RFC 6238 over RFC 4226): HMAC-SM3 (GM/T 0021, the default, for the
 * 密评) or HMAC-SHA-1 (what the common authenticator apps compute). The name is the one the {@code otpauth://} URI
 * carries in its {@code algorithm} parameter.
 */
public enum OtpAlgorithm {
    /** HMAC-SM3 (GB/T 32905 digest, GM/T 0021 one-time password): the default. */
    SM3("SM3"),
    /** HMAC-SHA-1: for authenticator apps that know no SM3. */
    SHA1("SHA1");

    private final String uriName;

    OtpAlgorithm(String uriName) {
        this.uriName = uriName;
    }

    /** The name in the {@code otpauth://} URI's {@code algorithm} parameter. */
    public String uriName() {
        return uriName;
    }

    /** The algorithm of a name as an API client writes it ("SM3", "SHA1", "SHA-1"), if it is one. */
    public static Optional<OtpAlgorithm> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toUpperCase(Locale.ROOT).replace("-", "");
        for (OtpAlgorithm a : values()) {
            if (a.uriName.equals(n)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
