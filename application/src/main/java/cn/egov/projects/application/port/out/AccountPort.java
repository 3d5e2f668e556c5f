package cn.egov.projects.application.port.out;

import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.project.UnitId;

import java.util.List;
import java.util.Optional;

/** User accounts: who may sign in, with which role and unit. */
public interface AccountPort {

    Optional<Account> findByUsername(String username);

    /** An account by its user id, enabled or not, with its assigned projects. */
    Optional<Account> findById(String userId);

    /** Adds an account; a username already taken is refused with {@link IllegalStateException}. */
    void insert(Account account);

    long count();

    /**
     * The enabled accounts of a role, by user id: whom reminders reach besides a project's accountable people (the
     * Bureau's officers for escalations, a unit's staff for the closing declaration window).
     *
     * @param unit only this unit's accounts, or empty for every unit
     */
    List<Account> findEnabledByRole(Role role, Optional<UnitId> unit);
}
