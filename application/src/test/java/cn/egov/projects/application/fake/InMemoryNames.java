package cn.egov.projects.application.fake;

import cn.egov.projects.application.port.out.Account;
import cn.egov.projects.application.port.out.NamesPort;
import cn.egov.projects.application.view.Unit;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The names of the in-memory accounts and units. */
public final class InMemoryNames implements NamesPort {

    private final InMemoryAccounts accounts;
    private final InMemoryUnits units;

    public InMemoryNames(InMemoryAccounts accounts, InMemoryUnits units) {
        this.accounts = accounts;
        this.units = units;
    }

    @Override
    public Map<String, String> people(Collection<String> userIds) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String id : userIds) {
            Optional<Account> account = id == null ? Optional.empty() : accounts.findById(id);
            account.filter(a -> a.displayName() != null).ifPresent(a -> names.put(id, a.displayName()));
        }
        return names;
    }

    @Override
    public Map<String, String> units() {
        Map<String, String> names = new LinkedHashMap<>();
        for (Unit u : units.all()) {
            names.put(u.id().code(), u.nameZh());
        }
        return names;
    }
}
