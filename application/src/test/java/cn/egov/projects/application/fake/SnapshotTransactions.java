package cn.egov.projects.application.fake;

import cn.egov.projects.application.port.out.TransactionPort;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Transactions over the in-memory fakes: the work runs under one lock, and when it throws every fake goes back to
 * its content from before — as a database rolls back. Nested calls join the outer transaction.
 */
public final class SnapshotTransactions implements TransactionPort {

    private final List<Rollback> fakes;
    private int depth;

    public SnapshotTransactions(Rollback... fakes) {
        this.fakes = List.of(fakes);
    }

    @Override
    public synchronized <T> T inTransaction(Supplier<T> work) {
        if (depth > 0) {
            return work.get();
        }
        List<Runnable> restore = new ArrayList<>();
        fakes.forEach(f -> restore.add(f.checkpoint()));
        depth++;
        try {
            return work.get();
        } catch (RuntimeException | Error e) {
            restore.forEach(Runnable::run);
            throw e;
        } finally {
            depth--;
        }
    }
}
