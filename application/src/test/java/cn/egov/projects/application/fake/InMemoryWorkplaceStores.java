package cn.egov.projects.application.fake;

import cn.egov.projects.application.port.out.Account;
import cn.egov.projects.application.port.out.AccountDirectoryPort;
import cn.egov.projects.application.port.out.CalendarTokenPort;
import cn.egov.projects.application.port.out.IdempotencyPort;
import cn.egov.projects.application.view.StoredResponse;
import cn.egov.projects.domain.access.Role;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Calendar tokens, idempotency keys and the account directory in memory. The directory reads and switches the
 * accounts of {@link InMemoryAccounts}.
 */
public final class InMemoryWorkplaceStores implements CalendarTokenPort, IdempotencyPort, AccountDirectoryPort {

    private final InMemoryAccounts accounts;
    private final Map<String, String> tokenByUser = new HashMap<>();
    private final Map<String, StoredResponse> responses = new HashMap<>();

    public InMemoryWorkplaceStores(InMemoryAccounts accounts) {
        this.accounts = accounts;
    }

    // ---------------------------------------------------------------------------------------------- calendar

    @Override
    public synchronized void put(String userId, String tokenDigest, Instant at) {
        tokenByUser.put(userId, tokenDigest);
    }

    @Override
    public synchronized boolean remove(String userId) {
        return tokenByUser.remove(userId) != null;
    }

    @Override
    public synchronized Optional<String> userFor(String tokenDigest) {
        return tokenByUser.entrySet().stream().filter(e -> e.getValue().equals(tokenDigest)).map(Map.Entry::getKey)
                .findFirst();
    }

    // ----------------------------------------------------------------------------------------------- idempotency

    @Override
    public synchronized boolean reserve(String userId, String key, String fingerprint, Instant at) {
        return responses.putIfAbsent(userId + "\n" + key, new StoredResponse(fingerprint, null, null, at)) == null;
    }

    @Override
    public synchronized Optional<StoredResponse> find(String userId, String key) {
        return Optional.ofNullable(responses.get(userId + "\n" + key));
    }

    @Override
    public synchronized void complete(String userId, String key, int status, String body) {
        responses.computeIfPresent(userId + "\n" + key,
                (k, r) -> new StoredResponse(r.fingerprint(), status, body, r.createdAt()));
    }

    @Override
    public synchronized void release(String userId, String key) {
        responses.remove(userId + "\n" + key);
    }

    @Override
    public synchronized int purgeBefore(Instant before) {
        int n = responses.size();
        responses.values().removeIf(r -> r.createdAt().isBefore(before));
        return n - responses.size();
    }

    // ------------------------------------------------------------------------------------------------ accounts

    @Override
    public synchronized List<Account> all() {
        return accounts.all().stream().sorted(Comparator.comparing(Account::username)).toList();
    }

    @Override
    public synchronized Optional<Account> findById(String userId) {
        return accounts.findById(userId);
    }

    @Override
    public synchronized boolean setEnabled(String userId, boolean on) {
        return accounts.setEnabled(userId, on);
    }
}
