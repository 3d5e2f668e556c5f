package cn.egov.projects.application.fake;

import cn.egov.projects.application.port.out.Account;
import cn.egov.projects.application.port.out.AccountPort;
import cn.egov.projects.application.port.out.ClearancePort;
import cn.egov.projects.application.port.out.ProjectAssignmentPort;
import cn.egov.projects.domain.access.AssignmentPurpose;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.UnitId;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Accounts kept in memory, with the projects named to them and what for. An account inserted with projects already
 * named to it is named as the persistence adapter names it: an expert for review, anyone else into the scope.
 */
public final class InMemoryAccounts implements AccountPort, ProjectAssignmentPort, ClearancePort, Rollback {

    private final Map<String, Account> byUsername = new LinkedHashMap<>();
    /** The clearances, by user id. */
    private final Map<String, Clearance> clearances = new LinkedHashMap<>();
    /** What each account is named to each project for, by user id. */
    private final Map<String, Map<ProjectId, AssignmentPurpose>> purposes = new HashMap<>();

    @Override
    public synchronized Optional<Account> findByUsername(String username) {
        return Optional.ofNullable(byUsername.get(username));
    }

    @Override
    public synchronized Optional<Account> findById(String userId) {
        return byUsername.values().stream().filter(a -> a.userId().equals(userId)).findFirst();
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
    public synchronized List<Assignment> assignedTo(ProjectId project) {
        return byUsername.values().stream().filter(a -> a.assigned().contains(project))
                .sorted(Comparator.comparing(Account::userId))
                .map(a -> new Assignment(a, purposeOf(a, project))).toList();
    }

    /** What the account is named to the project for (an account inserted with it: by its role). */
    public synchronized AssignmentPurpose purposeOf(Account account, ProjectId project) {
        AssignmentPurpose purpose = purposes.getOrDefault(account.userId(), Map.of()).get(project);
        return purpose != null ? purpose
                : account.role() == Role.EXPERT ? AssignmentPurpose.REVIEW : AssignmentPurpose.SCOPE;
    }

    @Override
    public synchronized boolean assign(String userId, ProjectId project, AssignmentPurpose purpose) {
        boolean changed = change(userId, a -> a.assigned().contains(project) ? a : withAssigned(a, project, true));
        if (changed) {
            purposes.computeIfAbsent(userId, u -> new HashMap<>()).put(project, purpose);
        }
        return changed;
    }

    @Override
    public synchronized boolean unassign(String userId, ProjectId project) {
        boolean changed = change(userId, a -> a.assigned().contains(project) ? withAssigned(a, project, false) : a);
        if (changed) {
            purposes.getOrDefault(userId, new HashMap<>()).remove(project);
        }
        return changed;
    }

    @Override
    public synchronized Optional<Clearance> clearanceOf(String userId) {
        return Optional.ofNullable(clearances.get(userId));
    }

    @Override
    public synchronized List<Clearance> cleared() {
        return clearances.values().stream().sorted(Comparator.comparing(Clearance::userId)).toList();
    }

    @Override
    public synchronized boolean grant(String userId, java.time.Instant at, String by) {
        if (findById(userId).isEmpty() || clearances.containsKey(userId)) {
            return false;
        }
        clearances.put(userId, new Clearance(userId, at, by));
        return true;
    }

    @Override
    public synchronized int revoke(String userId) {
        if (clearances.remove(userId) == null) {
            return -1;
        }
        Account account = findById(userId).orElseThrow();
        List<ProjectId> scopes = account.assigned().stream()
                .filter(p -> purposeOf(account, p) == AssignmentPurpose.SCOPE).toList();
        scopes.forEach(p -> unassign(userId, p));
        return scopes.size();
    }

    /** Every account, enabled or not. */
    public synchronized List<Account> all() {
        return List.copyOf(byUsername.values());
    }

    /** Switches an account on or off (the administrator's directory keeps its switch here). */
    public synchronized boolean setEnabled(String userId, boolean enabled) {
        return findById(userId).map(a -> {
            byUsername.put(a.username(), new Account(a.userId(), a.username(), a.displayName(), a.role(), a.unit(),
                    a.mobile(), a.email(), a.passwordHash(), enabled, a.assigned()));
            return true;
        }).orElse(false);
    }

    /** Sets an account's password hash (the password state keeps its dates and history apart). */
    public synchronized void setPasswordHash(String userId, String hash) {
        change(userId, a -> new Account(a.userId(), a.username(), a.displayName(), a.role(), a.unit(), a.mobile(),
                a.email(), hash, a.enabled(), a.assigned()));
    }

    private boolean change(String userId, UnaryOperator<Account> how) {
        Optional<Account> account = findById(userId);
        if (account.isEmpty()) {
            throw new IllegalStateException("no account " + userId);
        }
        Account changed = how.apply(account.get());
        byUsername.put(changed.username(), changed);
        return changed != account.get();
    }

    private static Account withAssigned(Account a, ProjectId project, boolean add) {
        Set<ProjectId> assigned = new HashSet<>(a.assigned());
        if (add) {
            assigned.add(project);
        } else {
            assigned.remove(project);
        }
        return new Account(a.userId(), a.username(), a.displayName(), a.role(), a.unit(), a.mobile(), a.email(),
                a.passwordHash(), a.enabled(), assigned);
    }

    @Override
    public synchronized Runnable checkpoint() {
        var saved = new LinkedHashMap<>(byUsername);
        var savedClearances = new LinkedHashMap<>(clearances);
        Map<String, Map<ProjectId, AssignmentPurpose>> savedPurposes = new HashMap<>();
        purposes.forEach((user, named) -> savedPurposes.put(user, new HashMap<>(named)));
        return () -> {
            synchronized (this) {
                byUsername.clear();
                byUsername.putAll(saved);
                purposes.clear();
                purposes.putAll(savedPurposes);
                clearances.clear();
                clearances.putAll(savedClearances);
            }
        };
    }
}
