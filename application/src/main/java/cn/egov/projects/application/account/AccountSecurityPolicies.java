package cn.egov.projects.application.account;

import cn.egov.projects.application.view.AccountSecurityPolicy;

/** The account-security rules in force, described for the pages of the security administrator and the auditor. */
public final class AccountSecurityPolicies {

    private AccountSecurityPolicies() {
    }

    /**
     * @param policy       the password policy in force
     * @param sessionLimit the sessions allowed to an account that is not an administrator's
     * @param exportLimit  the exports allowed per account and per address within {@link ExportLimitService#WINDOW}
     */
    public static AccountSecurityPolicy describe(PasswordPolicy policy, int sessionLimit, int exportLimit) {
        return new AccountSecurityPolicy(PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_LENGTH,
                PasswordPolicy.MIN_CLASSES, policy.historyCount(), (int) policy.maxAge().toDays(),
                (int) policy.dormantAfter().toDays(), SignInService.MAX_FAILURES,
                (int) SignInService.WINDOW.toMinutes(), (int) SignInService.LOCK.toMinutes(),
                SessionLimitService.ADMINISTRATOR_SESSIONS, sessionLimit, 0, exportLimit,
                (int) ExportLimitService.WINDOW.toMinutes());
    }
}
