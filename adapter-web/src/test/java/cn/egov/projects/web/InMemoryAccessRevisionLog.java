package cn.egov.projects.web;

import cn.egov.projects.application.port.out.AccessRevisionLogPort;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The access revision log as the database keeps it, in memory, for the tests of several instances: one numbered
 * sequence of changes, the latest change per account and kind.
 */
public final class InMemoryAccessRevisionLog implements AccessRevisionLogPort {

    private long counter;
    private final Map<String, Change> latest = new HashMap<>();

    @Override
    public synchronized long record(Kind kind, String subject, Instant at) {
        latest.put(kind + ":" + subject, new Change(kind, subject, ++counter));
        return counter;
    }

    @Override
    public synchronized List<Change> since(long revision) {
        List<Change> changes = new ArrayList<>(latest.values().stream().filter(c -> c.revision() > revision)
                .toList());
        changes.sort(Comparator.comparingLong(Change::revision));
        return changes;
    }

    @Override
    public int purgeLocksBefore(Instant before) {
        return 0;
    }
}
