package cn.egov.projects.application.fake;

import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.application.port.out.AuditTrailPort;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The audit trail in memory: append and read only. */
public final class InMemoryAuditTrail implements AuditTrailPort, Rollback {

    private final List<AuditRecord> records = new ArrayList<>();

    @Override
    public synchronized void append(AuditRecord record) {
        records.add(record);
    }

    @Override
    public synchronized List<AuditRecord> forProject(String projectId) {
        return records.stream().filter(r -> Objects.equals(r.projectId(), projectId)).toList();
    }

    public synchronized List<AuditRecord> all() {
        return List.copyOf(records);
    }

    @Override
    public synchronized Runnable checkpoint() {
        var saved = new ArrayList<>(records);
        return () -> {
            synchronized (this) {
                records.clear();
                records.addAll(saved);
            }
        };
    }
}
