package cn.egov.projects.web;

import cn.egov.projects.application.error.NotFoundException;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.ExportLimitUseCase;
import cn.egov.projects.application.port.in.PasswordChange;
import cn.egov.projects.application.port.in.PasswordUseCase;
import cn.egov.projects.application.port.in.SessionLimitUseCase;
import cn.egov.projects.application.view.AccountSecurityPolicy;

import java.util.Objects;
import java.util.Optional;

/**
 * The use cases of 身份鉴别 beyond signing in: passwords under the policy (own change, reset, the change that is due),
 * the limit on sessions per account, and the export rate limits.
 */
public record AccountSecurityUseCases(PasswordUseCase passwords, SessionLimitUseCase sessionLimits,
                                      ExportLimitUseCase exportLimits, AccountSecurityPolicy policy) {

    /**
     * @param policy the rules in force, as the security administrator's and the auditor's pages show them (null: not
     *               shown)
     */
    public AccountSecurityUseCases {
        Objects.requireNonNull(passwords, "passwords");
        Objects.requireNonNull(sessionLimits, "sessionLimits");
        Objects.requireNonNull(exportLimits, "exportLimits");
    }

    /** Without a description of the rules in force. */
    public AccountSecurityUseCases(PasswordUseCase passwords, SessionLimitUseCase sessionLimits,
                                   ExportLimitUseCase exportLimits) {
        this(passwords, sessionLimits, exportLimits, null);
    }

    /**
     * None of them (a web API made for tests of other things): no change is ever due, passwords cannot be changed,
     * sessions and exports are not limited.
     */
    public static final AccountSecurityUseCases NONE = new AccountSecurityUseCases(new PasswordUseCase() {
        @Override
        public Optional<PasswordChange> passwordChangeRequired(String userId) {
            return Optional.empty();
        }

        @Override
        public void changeOwnPassword(Caller caller, char[] currentPassword, char[] newPassword) {
            throw new NotFoundException("本系统未启用修改密码");
        }

        @Override
        public void resetPassword(Caller caller, String userId, char[] newPassword) {
            throw new NotFoundException("本系统未启用重置密码");
        }
    }, SessionLimitUseCase.NONE, ExportLimitUseCase.NONE);
}
