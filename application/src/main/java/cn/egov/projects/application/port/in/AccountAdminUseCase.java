package cn.egov.projects.application.port.in;

import cn.egov.projects.application.view.AccountView;

import java.util.List;

/** The administrator lists accounts and disables or enables them (三权分立: no project content). */
public interface AccountAdminUseCase {

    List<AccountView> listAccounts(Caller caller);

    /** @throws cn.egov.projects.application.error.NotFoundException when there is no such account */
    void setEnabled(Caller caller, String userId, boolean enabled);
}
