package cn.egov.projects.application.fake;

import cn.egov.projects.application.port.out.Account;
import cn.egov.projects.application.port.out.AccountPort;

import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.project.UnitId;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Accounts kept in memory. */
public final class InMemoryAccounts implements AccountPort, Rollback {

    private final Map<String, Account> byUsername = new LinkedHashMap<>();

    @Override
    public synchronized Optional<Account> findByUsername(String username) {
        return Optional.ofNullable(byUsername.get(username));
    }

    @Override
    public synchronized void insert(Account account) {
        if (byUsername.putIfAbsent(account.username(), account) != null) {
            throw new IllegalStateException("username taken: " + account.username());
        }
    }

    @Override
    public synchronized long count() {
        return byUsername.size();
    }

    @Override
    public synchronized List<Account> findEnabledByRole(Role role, Optional<UnitId> unit) {
        return byUsername.values().stream()
                .filter(a -> a.enabled() && a.role() == role)
                .filter(a -> unit.map(u -> u.equals(a.unit())).orElse(true))
                .sorted(Comparator.comparing(Account::userId))
                .toList();
    }

    @Override
    public synchronized Runnable checkpoint() {
        var saved = new LinkedHashMap<>(byUsername);
        return () -> {
            synchronized (this) {
                byUsername.clear();
                byUsername.putAll(saved);
            }
        };
    }
}
