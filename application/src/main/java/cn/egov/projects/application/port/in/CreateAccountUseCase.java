package cn.egov.projects.application.port.in;

/**
 * Creates an account. The first account (an administrator) is created from the command line at set-up; after
 * that only an administrator creates accounts.
 */
public interface CreateAccountUseCase {

    /** Creates the account and returns its user id. {@code caller} is null only for the first administrator. */
    String createAccount(Caller caller, CreateAccountCommand command);
}
