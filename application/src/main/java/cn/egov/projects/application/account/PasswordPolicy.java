package cn.egov.projects.application.account;

import cn.egov.projects.application.error.PasswordRejectedException;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The password rules of 等保 2.0 level 3 (身份鉴别), applied wherever a password is set (the first administrators on
 * the command line, accounts created by an administrator, a person's own change, a reset by an administrator):
 * <ul>
 *   <li>{@value #MIN_LENGTH} to {@value #MAX_LENGTH} characters ({@code PASSWORD_TOO_WEAK});</li>
 *   <li>characters of at least 3 of the 4 classes: upper-case letters, lower-case letters, digits, and others
 *       ({@code PASSWORD_TOO_WEAK}). Only the ASCII letters A–Z and a–z count as upper or lower case; every other
 *       character — punctuation, spaces, Chinese characters, letters of other scripts (also accented Latin letters)
 *       — counts as "other";</li>
 *   <li>not containing the username, whatever the case ({@code PASSWORD_CONTAINS_USERNAME});</li>
 *   <li>none of the last {@link #historyCount()} passwords of the account, the current one included
 *       ({@code PASSWORD_REUSED}; checked by {@link AccountService} against the stored hashes);</li>
 *   <li>changed every {@link #maxAge()} (90 days unless set otherwise): an older one must be changed at sign-in;</li>
 *   <li>an account not signed in for {@link #dormantAfter()} (90 days unless set otherwise) is disabled.</li>
 * </ul>
 * Pure: no clock, no storage.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    /** The longest password accepted: bounds the work of the slow hash. */
    public static final int MAX_LENGTH = 128;
    /** The classes a password must draw from, of the four. */
    public static final int MIN_CLASSES = 3;

    public static final String TOO_WEAK = "PASSWORD_TOO_WEAK";
    public static final String CONTAINS_USERNAME = "PASSWORD_CONTAINS_USERNAME";
    public static final String REUSED = "PASSWORD_REUSED";
    public static final String WRONG = "PASSWORD_WRONG";

    private final int historyCount;
    private final Duration maxAge;
    private final Duration dormantAfter;

    /**
     * @param historyCount how many of the latest passwords (the current one included) a new one must differ from, 1
     *                     to 24
     * @param maxAge       how long a password serves before it must be changed
     * @param dormantAfter how long an account may go without signing in before it is disabled
     */
    public PasswordPolicy(int historyCount, Duration maxAge, Duration dormantAfter) {
        if (historyCount < 1 || historyCount > 24) {
            throw new IllegalArgumentException("password history must be 1 to 24, not " + historyCount);
        }
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(dormantAfter, "dormantAfter");
        if (maxAge.isNegative() || maxAge.isZero() || dormantAfter.isNegative() || dormantAfter.isZero()) {
            throw new IllegalArgumentException("durations must be positive");
        }
        this.historyCount = historyCount;
        this.maxAge = maxAge;
        this.dormantAfter = dormantAfter;
    }

    /** The values of the security issue: history of 5, change every 90 days, disabled after 90 days unused. */
    public static PasswordPolicy standard() {
        return new PasswordPolicy(5, Duration.ofDays(90), Duration.ofDays(90));
    }

    public int historyCount() {
        return historyCount;
    }

    public Duration maxAge() {
        return maxAge;
    }

    public Duration dormantAfter() {
        return dormantAfter;
    }

    /**
     * Checks a new password's composition for the account of {@code username} (the history is checked apart).
     *
     * @param field the input field the password came in, as a refusal names it
     * @throws PasswordRejectedException with the code and a Chinese message saying what to change
     */
    public void check(String username, char[] password, String field) {
        if (password == null || password.length < MIN_LENGTH || password.length > MAX_LENGTH) {
            throw new PasswordRejectedException(TOO_WEAK, field, "密码长度应为" + MIN_LENGTH + "至" + MAX_LENGTH
                    + "个字符");
        }
        if (classes(password) < MIN_CLASSES) {
            throw new PasswordRejectedException(TOO_WEAK, field, "密码应至少包含大写字母、小写字母、数字、其他字符"
                    + "（符号、空格、汉字等）四类中的三类");
        }
        if (username != null && !username.isBlank()) {
            if (containsIgnoringCase(password, username.trim().toLowerCase(Locale.ROOT))) {
                throw new PasswordRejectedException(CONTAINS_USERNAME, field, "密码不能包含用户名（不区分大小写）");
            }
        }
    }

    /** The refusal of a password equal to one of the last {@link #historyCount()}. */
    PasswordRejectedException reused(String field) {
        return new PasswordRejectedException(REUSED, field, "新密码不能与最近" + historyCount + "次使用过的密码相同");
    }

    /** Whether the password contains the (lower-case) name, without making a string of the password. */
    private static boolean containsIgnoringCase(char[] password, String name) {
        for (int start = 0; start + name.length() <= password.length; start++) {
            int i = 0;
            while (i < name.length() && Character.toLowerCase(password[start + i]) == name.charAt(i)) {
                i++;
            }
            if (i == name.length()) {
                return true;
            }
        }
        return false;
    }

    /** How many of the four classes (upper, lower, digit, other) the password draws from. */
    static int classes(char[] password) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean other = false;
        for (char c : password) {
            if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else {
                other = true;
            }
        }
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
