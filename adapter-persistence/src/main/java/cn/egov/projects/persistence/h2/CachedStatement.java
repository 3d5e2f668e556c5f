package cn.egov.projects.persistence.h2;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A prepared statement handed out by a {@link StatementCachingConnection}: the connection's kept statement for as long
 * as it is open. {@link #close} closes the results it gave, clears its parameters and batch, resets the row limits it
 * was given and hands the statement back; a statement given any other setting (a query timeout, a cursor name…) is
 * closed instead, so that the next user finds the defaults. Once closed, every method but {@link #close} and
 * {@link #isClosed} refuses, as a closed statement does.
 */
final class CachedStatement extends ForwardingPreparedStatement {

    private final StatementCachingConnection connection;
    private final StatementCachingConnection.Key key;
    private PreparedStatement statement;
    private final List<ResultSet> results = new ArrayList<>(2);
    private boolean limitsChanged;
    private boolean settingsChanged;

    CachedStatement(StatementCachingConnection connection, StatementCachingConnection.Key key,
                    PreparedStatement statement) {
        this.connection = connection;
        this.key = key;
        this.statement = statement;
    }

    @Override
    PreparedStatement open() throws SQLException {
        PreparedStatement open = statement;
        if (open == null) {
            throw new SQLException("the statement is closed", "HY010");
        }
        return open;
    }

    private ResultSet given(ResultSet rs) {
        if (rs != null) {
            results.add(rs);
        }
        return rs;
    }

    /**
     * Closes the results this statement gave and hands the statement back ready for its next use, or closes it when it
     * cannot be made so (its other settings changed, or it or its connection closed meanwhile).
     */
    @Override
    public void close() {
        PreparedStatement kept = statement;
        if (kept == null) {
            return;
        }
        statement = null;
        try {
            for (ResultSet rs : results) {
                rs.close();
            }
            results.clear();
            if (settingsChanged || kept.isClosed()) {
                StatementCachingConnection.closeQuietly(kept);
                return;
            }
            kept.clearParameters();
            kept.clearBatch();
            kept.clearWarnings();
            if (limitsChanged) {
                kept.setMaxRows(0);
                kept.setFetchSize(0);
            }
        } catch (SQLException | RuntimeException e) {
            // a statement that cannot be made ready again is not kept: closing it frees it whatever its state
            StatementCachingConnection.closeQuietly(kept);
            return;
        }
        connection.giveBack(key, kept);
    }

    @Override
    public boolean isClosed() {
        return statement == null;
    }

    @Override
    public Connection getConnection() throws SQLException {
        open();
        return connection;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : open().unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || open().isWrapperFor(iface);
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        return given(open().executeQuery());
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        return given(open().getResultSet());
    }

    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        return given(open().getGeneratedKeys());
    }

    // ------------------------------------------------------------------ the row limits, reset when given back

    @Override
    public void setMaxRows(int max) throws SQLException {
        open().setMaxRows(max);
        limitsChanged = true;
    }

    @Override
    public void setLargeMaxRows(long max) throws SQLException {
        open().setLargeMaxRows(max);
        limitsChanged = true;
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        open().setFetchSize(rows);
        limitsChanged = true;
    }

    // ------------------------------------------------------------------ other settings: closed when closed

    @Override
    public void setQueryTimeout(int seconds) throws SQLException {
        open().setQueryTimeout(seconds);
        settingsChanged = true;
    }

    @Override
    public void setEscapeProcessing(boolean enable) throws SQLException {
        open().setEscapeProcessing(enable);
        settingsChanged = true;
    }

    @Override
    public void setPoolable(boolean poolable) throws SQLException {
        open().setPoolable(poolable);
        settingsChanged = true;
    }

    @Override
    public void closeOnCompletion() throws SQLException {
        open().closeOnCompletion();
        settingsChanged = true;
    }

    @Override
    public void setMaxFieldSize(int max) throws SQLException {
        open().setMaxFieldSize(max);
        settingsChanged = true;
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        open().setFetchDirection(direction);
        settingsChanged = true;
    }

    @Override
    public void setCursorName(String name) throws SQLException {
        open().setCursorName(name);
        settingsChanged = true;
    }
}
