package cn.egov.projects.bootstrap;

import cn.egov.projects.application.account.PasswordPolicy;

import java.time.Duration;

/**
 * The password and session settings of 等保 2.0 level 3 (身份鉴别), each with the security issue's value as default:
 * how many days a password serves ({@code EGOV_PASSWORD_MAX_AGE_DAYS}, 90), how many of the latest passwords a new
 * one must differ from ({@code EGOV_PASSWORD_HISTORY}, 5), after how many days without signing in an account is
 * disabled ({@code EGOV_DORMANT_DAYS}, 90), how many browser sessions an account other than the three administrators'
 * may hold at once ({@code EGOV_SESSION_LIMIT}, 3; the administrators always one), and how many exports an account,
 * and an address, may make in 10 minutes ({@code EGOV_EXPORT_LIMIT}, 20).
 */
public record AccountSecurityConfig(PasswordPolicy policy, int sessionLimit, int exportLimit) {

    static AccountSecurityConfig parse(Settings s) {
        int maxAge = number(s, Settings.Key.PASSWORD_MAX_AGE_DAYS, 90, 1, 3650);
        int history = number(s, Settings.Key.PASSWORD_HISTORY, 5, 1, 24);
        int dormant = number(s, Settings.Key.DORMANT_DAYS, 90, 1, 3650);
        int sessions = number(s, Settings.Key.SESSION_LIMIT, 3, 1, 100);
        int exports = number(s, Settings.Key.EXPORT_LIMIT, 20, 1, 10_000);
        return new AccountSecurityConfig(new PasswordPolicy(history, Duration.ofDays(maxAge),
                Duration.ofDays(dormant)), sessions, exports);
    }

    private static int number(Settings s, Settings.Key key, int standard, int min, int max) {
        String text = s.value(key).orElse(null);
        if (text == null) {
            return standard;
        }
        int n;
        try {
            n = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new SettingsException(key.flag() + " '" + text + "' is not a whole number (" + s.source(key) + ")");
        }
        if (n < min || n > max) {
            throw new SettingsException(key.flag() + " " + n + " is out of range " + min + "-" + max + " ("
                    + s.source(key) + ")");
        }
        return n;
    }
}
