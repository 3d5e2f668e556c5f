package cn.egov.projects.persistence;

import cn.egov.projects.application.port.out.TransactionPort;
import cn.egov.projects.persistence.mybatis.Sessions;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One database transaction per use case ({@link TransactionPort}): a MyBatis session with autocommit off, bound to
 * the current thread, which every adapter of the same {@link Database} uses while it is bound. It commits when the
 * work returns and rolls back when it throws; a nested call joins the outer transaction.
 */
public final class MyBatisTransactionAdapter implements TransactionPort {

    private final Sessions sessions;

    MyBatisTransactionAdapter(Sessions sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return sessions.inTransaction(work);
    }
}
