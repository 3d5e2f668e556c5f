package cn.egov.projects.application.view;

/**
 * The account-security rules in force (身份鉴别), as the security administrator and the security auditor read them:
 * the password policy, the lockout, the sessions and the export limits. Set by the deployment's settings
 * ({@code EGOV_PASSWORD_MAX_AGE_DAYS}, {@code EGOV_PASSWORD_HISTORY}, {@code EGOV_DORMANT_DAYS},
 * {@code EGOV_SESSION_LIMIT}, {@code EGOV_EXPORT_LIMIT}); the rest are fixed by the product at or above 等保 level 3.
 *
 * @param minLength            the shortest password accepted
 * @param maxLength            the longest password accepted
 * @param minClasses           of upper-case, lower-case, digits and others, how many a password must draw from
 * @param history              how many of the latest passwords a new one must differ from
 * @param maxAgeDays           how many days a password serves before it must be changed
 * @param dormantDays          how many days without signing in disable an account
 * @param lockoutFailures      failed sign-ins (or current passwords, or one-time codes) that lock a username
 * @param lockoutWindowMinutes within how many minutes those failures count
 * @param lockMinutes          how long a username stays locked
 * @param administratorSessions sessions an administrator (系统管理员, 安全保密管理员, 安全审计员) may hold at once
 * @param otherSessions        sessions any other account may hold at once
 * @param sessionIdleMinutes   minutes of inactivity that end a browser session (0: not known here)
 * @param exportsPerWindow     exports per account and per address within the window
 * @param exportWindowMinutes  the exports' window in minutes
 */
public record AccountSecurityPolicy(int minLength, int maxLength, int minClasses, int history, int maxAgeDays,
                                    int dormantDays, int lockoutFailures, int lockoutWindowMinutes, int lockMinutes,
                                    int administratorSessions, int otherSessions, int sessionIdleMinutes,
                                    int exportsPerWindow, int exportWindowMinutes) {

    /** The same, with the browser sessions' idle time as the web adapter sets it. */
    public AccountSecurityPolicy withSessionIdleMinutes(int minutes) {
        return new AccountSecurityPolicy(minLength, maxLength, minClasses, history, maxAgeDays, dormantDays,
                lockoutFailures, lockoutWindowMinutes, lockMinutes, administratorSessions, otherSessions, minutes,
                exportsPerWindow, exportWindowMinutes);
    }
}
