package cn.egov.projects.application.port.in;

import java.util.Optional;

/**
 * Passwords under the password policy: a person changes their own (the current one required), an administrator resets
 * another's (which must then be changed at its next sign-in), and whether a person must still change theirs. Each
 * change is audited; a refused password changes nothing ({@code PasswordRejectedException}).
 */
public interface PasswordUseCase {

    /** Why the account's password must be changed now, or empty when it need not. */
    Optional<PasswordChange> passwordChangeRequired(String userId);

    /** The caller changes their own password; the current one must be given. */
    void changeOwnPassword(Caller caller, char[] currentPassword, char[] newPassword);

    /**
     * An administrator sets another account's password (who may grant the account's role may reset it, 三员分立); the
     * owner must change it at the next sign-in.
     */
    void resetPassword(Caller caller, String userId, char[] newPassword);
}
