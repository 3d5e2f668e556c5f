package cn.egov.projects.application.port.out;

import java.util.Optional;

/** User accounts: who may sign in, with which role and unit. */
public interface AccountPort {

    Optional<Account> findByUsername(String username);

    /** Adds an account; a username already taken is refused with {@link IllegalStateException}. */
    void insert(Account account);

    long count();
}
