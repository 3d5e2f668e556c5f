package cn.egov.projects.bootstrap;

import cn.egov.projects.application.error.ForbiddenException;
import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.application.port.in.CreateAccountCommand;
import cn.egov.projects.application.port.in.CreateAccountUseCase;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.project.UnitId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;

/** The {@code create-admin} sub-command: the first administrator of an empty system, and nothing else. */
final class AdminSetup {

    private static final Logger LOG = LoggerFactory.getLogger(AdminSetup.class);

    private final CreateAccountUseCase accounts;

    AdminSetup(CreateAccountUseCase accounts) {
        this.accounts = accounts;
    }

    /**
     * Creates the administrator and returns its user id.
     *
     * @throws StartupException when the details are invalid or accounts already exist
     */
    String create(Settings.Admin admin, char[] password) {
        try {
            UnitId unit;
            try {
                unit = new UnitId(admin.unit());
            } catch (IllegalArgumentException e) {
                throw new StartupException(ExitCode.BAD_SETTING, "unit code '" + admin.unit()
                        + "' must be 1 to 40 letters, digits, '-' or '_' (--unit)", e);
            }
            Role role;
            try {
                role = Role.valueOf(admin.role());
            } catch (IllegalArgumentException e) {
                role = null;
            }
            if (role == null || !role.isAdministrator()) {
                throw new StartupException(ExitCode.BAD_SETTING, "--role must be ADMIN, SECURITY_ADMIN or AUDIT_ADMIN "
                        + "(the three administrators); other accounts are created in the system", null);
            }
            CreateAccountCommand command;
            try {
                command = new CreateAccountCommand(admin.username(), admin.name(), role, unit, admin.mobile(),
                        admin.email(), password);
            } catch (InvalidCommandException e) {
                throw new StartupException(ExitCode.BAD_SETTING, english(e.field()), e);
            }
            String userId;
            try {
                userId = accounts.createAccount(null, command);
            } catch (cn.egov.projects.application.error.PasswordRejectedException e) {
                throw new StartupException(ExitCode.BAD_SETTING, "the password does not meet the password policy ("
                        + e.code() + "): at least " + cn.egov.projects.application.account.PasswordPolicy.MIN_LENGTH
                        + " characters of at least 3 of upper-case letters, lower-case letters, digits and other "
                        + "characters, not containing the username, given by " + PasswordReader.VARIABLE
                        + " or standard input", e);
            } catch (ForbiddenException e) {
                throw new StartupException(ExitCode.ADMIN_REFUSED, "an account of role " + role + " exists already; the first of "
                        + "each administrator is created here, further ones by the security administrator in the system",
                        e);
            }
            LOG.info("administrator '{}' created (role {}, unit {}, user id {})", command.username(), role, unit.code(),
                    userId);
            return userId;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static String english(String field) {
        return switch (field) {
            case "username" -> "the username must be 3 to 64 letters, digits, '.', '_' or '-' (--username)";
            case "displayName" -> "the name must be given and at most 50 characters long (--name)";
            case "password" -> "the password must have at least 12 characters (" + PasswordReader.VARIABLE
                    + " or standard input)";
            case "mobile" -> "the mobile number is at most 20 characters long (--mobile)";
            case "email" -> "the e-mail address is at most 200 characters long (--email)";
            default -> "invalid administrator detail '" + field + "'";
        };
    }
}
