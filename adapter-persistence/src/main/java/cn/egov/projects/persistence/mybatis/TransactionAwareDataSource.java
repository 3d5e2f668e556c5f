package cn.egov.projects.persistence.mybatis;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Plain JDBC that takes part in the use case's transaction: on a thread inside {@link Sessions#inTransaction} a
 * connection from here is that transaction's own connection, behind a proxy on which {@code close()},
 * {@code commit()}, {@code rollback()} and {@code setAutoCommit(…)} do nothing — the transaction decides — so what
 * is written through it commits or rolls back with the use case. Outside a transaction it is an ordinary connection
 * of the pool, which the caller closes.
 */
public final class TransactionAwareDataSource implements DataSource {

    private final DataSource pool;
    private final Sessions sessions;

    public TransactionAwareDataSource(DataSource pool, Sessions sessions) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public Connection getConnection() throws SQLException {
        Optional<Connection> joined = sessions.transactionConnection();
        return joined.isPresent() ? joining(joined.get()) : pool.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        Optional<Connection> joined = sessions.transactionConnection();
        return joined.isPresent() ? joining(joined.get()) : pool.getConnection(username, password);
    }

    private static Connection joining(Connection target) {
        return (Connection) Proxy.newProxyInstance(TransactionAwareDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new Joined(target));
    }

    /** The transaction's connection, with the calls that would end or detach the transaction made harmless. */
    private static final class Joined implements InvocationHandler {
        private final Connection target;
        private boolean closed;

        Joined(Connection target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            int arity = args == null ? 0 : args.length;
            switch (name) {
                case "close":
                    if (arity == 0) {
                        closed = true;
                        return null;
                    }
                    break;
                case "isClosed":
                    if (arity == 0) {
                        return closed || target.isClosed();
                    }
                    break;
                case "commit":
                case "setAutoCommit":
                    return null;
                case "rollback":
                    if (arity == 0) {
                        return null;
                    }
                    break; // rolling back to a savepoint stays inside the transaction
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return "transaction-bound " + target;
                default:
                    break;
            }
            if (closed) {
                throw new SQLException("connection closed");
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return pool.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || pool.isWrapperFor(iface);
    }
}
