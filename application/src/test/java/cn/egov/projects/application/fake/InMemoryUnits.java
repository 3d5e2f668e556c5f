package cn.egov.projects.application.fake;

import cn.egov.projects.application.port.out.UnitPort;
import cn.egov.projects.application.view.Unit;
import cn.egov.projects.domain.project.UnitId;

import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Units kept in memory. */
public final class InMemoryUnits implements UnitPort, Rollback {

    private final TreeMap<String, Unit> units = new TreeMap<>();

    @Override
    public synchronized Optional<Unit> find(UnitId id) {
        return Optional.ofNullable(units.get(id.code()));
    }

    @Override
    public synchronized void insert(Unit unit) {
        if (units.putIfAbsent(unit.id().code(), unit) != null) {
            throw new IllegalStateException("unit exists: " + unit.id());
        }
    }

    @Override
    public synchronized List<Unit> all() {
        return List.copyOf(units.values());
    }

    @Override
    public synchronized Runnable checkpoint() {
        var saved = new TreeMap<>(units);
        return () -> {
            synchronized (this) {
                units.clear();
                units.putAll(saved);
            }
        };
    }
}
