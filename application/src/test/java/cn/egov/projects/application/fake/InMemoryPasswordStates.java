package cn.egov.projects.application.fake;

import cn.egov.projects.application.port.out.PasswordStatePort;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The password policy's state of the accounts of an {@link InMemoryAccounts}, in memory. */
public final class InMemoryPasswordStates implements PasswordStatePort {

    private final InMemoryAccounts accounts;
    private final Map<String, PasswordState> states = new HashMap<>();
    private final Map<String, List<String>> history = new HashMap<>();

    public InMemoryPasswordStates(InMemoryAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public synchronized Optional<PasswordState> state(String userId) {
        return Optional.ofNullable(states.get(userId));
    }

    private PasswordState current(String userId) {
        return states.getOrDefault(userId, new PasswordState(null, false, null, null, null));
    }

    @Override
    public synchronized void passwordSet(String userId, String passwordHash, Instant at, boolean mustChange) {
        accounts.setPasswordHash(userId, passwordHash);
        PasswordState s = current(userId);
        states.put(userId, new PasswordState(at, mustChange, s.lastSignInAt(), s.lastActiveAt(), s.disabledReason()));
        history.computeIfAbsent(userId, u -> new ArrayList<>()).add(0, passwordHash);
    }

    @Override
    public synchronized List<String> recentHashes(String userId, int count) {
        List<String> all = history.getOrDefault(userId, List.of());
        return List.copyOf(all.subList(0, Math.min(count, all.size())));
    }

    @Override
    public synchronized void signedIn(String userId, Instant at) {
        PasswordState s = current(userId);
        states.put(userId, new PasswordState(s.passwordChangedAt(), s.mustChange(), at, at, s.disabledReason()));
    }

    @Override
    public synchronized void activated(String userId, Instant at) {
        PasswordState s = current(userId);
        states.put(userId, new PasswordState(s.passwordChangedAt(), s.mustChange(), s.lastSignInAt(), at, null));
    }

    @Override
    public synchronized List<String> inactiveSince(Instant cutoff) {
        return states.entrySet().stream()
                .filter(e -> e.getValue().lastActiveAt() != null && e.getValue().lastActiveAt().isBefore(cutoff))
                .filter(e -> accounts.findById(e.getKey()).map(a -> a.enabled()).orElse(false))
                .map(Map.Entry::getKey).sorted().toList();
    }

    @Override
    public synchronized boolean disableDormant(String userId, Instant cutoff) {
        PasswordState s = current(userId);
        boolean enabled = accounts.findById(userId).map(a -> a.enabled()).orElse(false);
        if (!enabled || s.lastActiveAt() == null || !s.lastActiveAt().isBefore(cutoff)) {
            return false;
        }
        accounts.setEnabled(userId, false);
        states.put(userId, new PasswordState(s.passwordChangedAt(), s.mustChange(), s.lastSignInAt(),
                s.lastActiveAt(), DORMANT));
        return true;
    }
}
