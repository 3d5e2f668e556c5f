package cn.egov.projects.persistence.mybatis;

import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The MyBatis sessions of one database. {@link #inTransaction} binds a session (autocommit off) to the current
 * thread for the duration of a use case and commits it when the work returns, or rolls it back when the work
 * throws; a nested call joins the session already bound. {@link #call} runs adapter work in the bound session when
 * there is one, and otherwise in a short session of its own that commits at once — so that what one adapter call
 * writes (a project row and its children) is atomic even outside a use case's transaction.
 *
 * <p>A transaction also carries {@linkplain #transactionResource resources} that adapters keep for its duration
 * (what a project was loaded with, say); they are dropped when it ends, committed or not.
 */
public final class Sessions {

    private final SqlSessionFactory factory;
    private final ThreadLocal<Bound> bound = new ThreadLocal<>();

    /** The session of the transaction running on a thread, with what adapters keep for its duration. */
    private static final class Bound {
        final SqlSession session;
        final Map<Object, Object> resources = new HashMap<>();
        /** What runs once the transaction has committed (never after a rollback). */
        java.util.List<Runnable> afterCommit;

        Bound(SqlSession session) {
            this.session = session;
        }

        void committed() {
            if (afterCommit != null) {
                for (Runnable action : afterCommit) {
                    try {
                        action.run();
                    } catch (RuntimeException e) {
                        org.slf4j.LoggerFactory.getLogger(Sessions.class).warn("an action after a commit failed: {}",
                                e.toString());
                    }
                }
            }
        }
    }

    public Sessions(SqlSessionFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        if (bound.get() != null) {
            return work.get();
        }
        Bound current;
        T result;
        try (SqlSession session = factory.openSession(false)) {
            current = new Bound(session);
            bound.set(current);
            try {
                result = work.get();
                session.commit(true);
            } catch (RuntimeException | Error e) {
                rollbackQuietly(session, e);
                throw e;
            } finally {
                bound.remove();
            }
        }
        current.committed();
        return result;
    }

    /**
     * Runs {@code action} once the transaction running on this thread has committed, or now outside
     * {@link #inTransaction} (where every statement commits by itself); never after a rollback. For what must tell
     * of committed work only (the security events log); a failing action is logged, never thrown.
     */
    public void afterCommit(Runnable action) {
        Objects.requireNonNull(action, "action");
        Bound current = bound.get();
        if (current == null) {
            action.run();
            return;
        }
        if (current.afterCommit == null) {
            current.afterCommit = new java.util.ArrayList<>();
        }
        current.afterCommit.add(action);
    }

    public <T> T call(Function<SqlSession, T> work) {
        Bound current = bound.get();
        if (current != null) {
            return work.apply(current.session);
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

    /**
     * Runs read-only work in a short session of its own, whether or not a transaction is bound to this thread: to
     * learn what others have committed while the bound transaction can no longer read (it failed).
     */
    public <T> T callApart(Function<SqlSession, T> work) {
        try (SqlSession session = factory.openSession(true)) {
            return work.apply(session);
        }
    }

    /** The MyBatis configuration: the mapped statements (tools show a statement's SQL and plan from it). */
    public Configuration configuration() {
        return factory.getConfiguration();
    }

    /** Whether the current thread runs inside {@link #inTransaction}. */
    public boolean inTransaction() {
        return bound.get() != null;
    }

    /**
     * The JDBC connection of the transaction running on this thread (opened now if the transaction has not touched
     * the database yet), or empty outside {@link #inTransaction}. Whoever uses it must neither close, commit nor roll
     * it back: the transaction does that.
     */
    public Optional<Connection> transactionConnection() {
        Bound current = bound.get();
        return current == null ? Optional.empty() : Optional.of(current.session.getConnection());
    }

    /**
     * The object kept under {@code key} for the rest of the transaction running on this thread, made by
     * {@code create} on first use; empty outside {@link #inTransaction}.
     */
    public <T> Optional<T> transactionResource(Object key, Class<T> type, Supplier<T> create) {
        Bound current = bound.get();
        if (current == null) {
            return Optional.empty();
        }
        return Optional.of(type.cast(current.resources.computeIfAbsent(key, k -> create.get())));
    }

    private static void rollbackQuietly(SqlSession session, Throwable cause) {
        try {
            session.rollback(true);
        } catch (RuntimeException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }
}
