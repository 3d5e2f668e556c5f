package cn.egov.projects.application.view;

/**
 * How personal data is shown to whoever is not entitled to the full value (个人信息保护): a mobile number keeps its
 * first three and last four digits ({@code 139****5678}), an e-mail address the first character of its local part
 * and its domain ({@code z***@example.cn}), an identity number its first four and last four characters
 * ({@code 3205**********1234}). The full value is given only by an explicit, audited unmasking.
 */
public final class Masks {

    private Masks() {
    }

    /** {@code 13912345678} → {@code 139****5678}; anything not an 11-digit number keeps at most its last 2. */
    public static String mobile(String mobile) {
        if (mobile == null) {
            return null;
        }
        if (mobile.length() == 11) {
            return mobile.substring(0, 3) + "****" + mobile.substring(7);
        }
        return stars(mobile, 0, 2);
    }

    /** {@code zhang@example.cn} → {@code z***@example.cn}; without an '@', all but the first character hidden. */
    public static String email(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        if (at <= 0) {
            return email.isEmpty() ? email : email.substring(0, 1) + "***";
        }
        return email.substring(0, email.offsetByCodePoints(0, 1)) + "***" + email.substring(at);
    }

    /** {@code 320582199001011234} → {@code 3205**********1234} (the same length, the middle hidden). */
    public static String idNumber(String id) {
        if (id == null) {
            return null;
        }
        if (id.length() <= 8) {
            return stars(id, 0, Math.min(2, id.length() / 4));
        }
        return stars(id, 4, 4);
    }

    private static final java.util.regex.Pattern EMAIL_IN_TEXT =
            java.util.regex.Pattern.compile("[^\\s@<>\"'(),;:]+@[^\\s@<>\"'(),;:]+");
    private static final java.util.regex.Pattern MOBILE_IN_TEXT = java.util.regex.Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");

    /**
     * A text with every e-mail address and 11-digit mobile number in it masked: for what is logged or stored about a
     * message (an SMTP server's error quotes the address).
     */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        // most texts hold neither: one scan instead of the patterns, which try every position (a line per request)
        String out = text.indexOf('@') < 0 ? text : EMAIL_IN_TEXT.matcher(text).replaceAll(
                m -> java.util.regex.Matcher.quoteReplacement(email(m.group())));
        return hasElevenDigits(out) ? MOBILE_IN_TEXT.matcher(out).replaceAll(m -> mobile(m.group())) : out;
    }

    /** Whether the text has a run of exactly eleven digits, the only place a mobile number can be. */
    private static boolean hasElevenDigits(String text) {
        int run = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                run++;
            } else {
                if (run == 11) {
                    return true;
                }
                run = 0;
            }
        }
        return run == 11;
    }

    /** A message's recipient as it may be logged: masked as a mobile number or an e-mail address. */
    public static String recipient(String recipient) {
        return recipient == null ? null : recipient.indexOf('@') >= 0 ? email(recipient) : mobile(recipient);
    }

    private static String stars(String value, int keepFirst, int keepLast) {
        keepFirst = Math.min(keepFirst, value.length());
        keepLast = Math.min(keepLast, value.length() - keepFirst);
        int hidden = Math.max(0, value.length() - keepFirst - keepLast);
        return value.substring(0, keepFirst) + "*".repeat(hidden) + value.substring(value.length() - keepLast);
    }
}
