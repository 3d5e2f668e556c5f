package cn.egov.projects.application.port.in;

/** File the final accounts (Art. 26). */
public interface FileFinalAccountsUseCase {

    TransitionResult fileFinalAccounts(Caller caller, FileFinalAccountsCommand command);
}
