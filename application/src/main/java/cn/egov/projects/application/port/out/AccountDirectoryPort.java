package cn.egov.projects.application.port.out;

import java.util.List;
import java.util.Optional;

/** Every account, for the administrator (三权分立: accounts, not project content), and enabling or disabling one. */
public interface AccountDirectoryPort {

    /** Every account by username. */
    List<Account> all();

    Optional<Account> findById(String userId);

    /** @return false when there is no such account */
    boolean setEnabled(String userId, boolean enabled);
}
