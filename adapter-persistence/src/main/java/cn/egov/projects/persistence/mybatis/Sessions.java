package cn.egov.projects.persistence.mybatis;

import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The MyBatis sessions of one database. {@link #inTransaction} binds a session (autocommit off) to the current
 * thread for the duration of a use case and commits it when the work returns, or rolls it back when the work
 * throws; a nested call joins the session already bound. {@link #call} runs adapter work in the bound session when
 * there is one, and otherwise in a short session of its own that commits at once — so that what one adapter call
 * writes (a project row and its children) is atomic even outside a use case's transaction.
 */
public final class Sessions {

    private final SqlSessionFactory factory;
    private final ThreadLocal<SqlSession> bound = new ThreadLocal<>();

    public Sessions(SqlSessionFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        if (bound.get() != null) {
            return work.get();
        }
        try (SqlSession session = factory.openSession(false)) {
            bound.set(session);
            try {
                T result = work.get();
                session.commit(true);
                return result;
            } catch (RuntimeException | Error e) {
                rollbackQuietly(session, e);
                throw e;
            } finally {
                bound.remove();
            }
        }
    }

    public <T> T call(Function<SqlSession, T> work) {
        SqlSession current = bound.get();
        if (current != null) {
            return work.apply(current);
        }
        try (SqlSession session = factory.openSession(false)) {
            try {
                T result = work.apply(session);
                session.commit(true);
                return result;
            } catch (RuntimeException | Error e) {
                rollbackQuietly(session, e);
                throw e;
            }
        }
    }

    /** Whether the current thread runs inside {@link #inTransaction}. */
    public boolean inTransaction() {
        return bound.get() != null;
    }

    private static void rollbackQuietly(SqlSession session, Throwable cause) {
        try {
            session.rollback(true);
        } catch (RuntimeException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }
}
