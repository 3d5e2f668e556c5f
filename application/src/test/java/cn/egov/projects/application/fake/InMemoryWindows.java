package cn.egov.projects.application.fake;

import cn.egov.projects.application.port.out.DeclarationWindowPort;
import cn.egov.projects.domain.declaration.DeclarationWindow;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Declaration windows kept in memory. */
public final class InMemoryWindows implements DeclarationWindowPort, Rollback {

    private final Map<Integer, DeclarationWindow> windows = new HashMap<>();

    @Override
    public synchronized Optional<DeclarationWindow> find(int planYear) {
        return Optional.ofNullable(windows.get(planYear));
    }

    @Override
    public synchronized void save(DeclarationWindow window) {
        windows.put(window.planYear(), window);
    }

    @Override
    public synchronized Runnable checkpoint() {
        var saved = new HashMap<>(windows);
        return () -> {
            synchronized (this) {
                windows.clear();
                windows.putAll(saved);
            }
        };
    }
}
