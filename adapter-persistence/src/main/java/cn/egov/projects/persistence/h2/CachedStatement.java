package cn.egov.projects.persistence.h2;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;

/**
 * A prepared statement handed out by a {@link StatementCachingConnection}: the connection's kept statement for as long
 * as it is open. {@link #close} closes the results it gave, clears its parameters and batch, resets the row limits it
 * was given and hands the statement back; a statement given any other setting (a query timeout, a cursor name…) is
 * closed instead, so that the next user finds the defaults. Once closed, every method but {@link #close} and
 * {@link #isClosed} refuses, as a closed statement does.
 */
final class CachedStatement implements PreparedStatement {

    private final StatementCachingConnection connection;
    private final StatementCachingConnection.Key key;
    private PreparedStatement statement;
    private final List<ResultSet> results = new ArrayList<>(2);
    private boolean limitsChanged;
    private boolean settingsChanged;

    CachedStatement(StatementCachingConnection connection, StatementCachingConnection.Key key, PreparedStatement statement) {
        this.connection = connection;
        this.key = key;
        this.statement = statement;
    }

    private PreparedStatement open() throws SQLException {
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

    // ------------------------------------------------------------------ the statement's own

    @Override
    public void addBatch() throws SQLException {
        open().addBatch();
    }

    @Override
    public void addBatch(String p0) throws SQLException {
        open().addBatch(p0);
    }

    @Override
    public void cancel() throws SQLException {
        open().cancel();
    }

    @Override
    public void clearBatch() throws SQLException {
        open().clearBatch();
    }

    @Override
    public void clearParameters() throws SQLException {
        open().clearParameters();
    }

    @Override
    public void clearWarnings() throws SQLException {
        open().clearWarnings();
    }

    @Override
    public String enquoteIdentifier(String p0, boolean p1) throws SQLException {
        return open().enquoteIdentifier(p0, p1);
    }

    @Override
    public String enquoteLiteral(String p0) throws SQLException {
        return open().enquoteLiteral(p0);
    }

    @Override
    public String enquoteNCharLiteral(String p0) throws SQLException {
        return open().enquoteNCharLiteral(p0);
    }

    @Override
    public boolean execute() throws SQLException {
        return open().execute();
    }

    @Override
    public boolean execute(String p0, int[] p1) throws SQLException {
        return open().execute(p0, p1);
    }

    @Override
    public boolean execute(String p0, String[] p1) throws SQLException {
        return open().execute(p0, p1);
    }

    @Override
    public boolean execute(String p0, int p1) throws SQLException {
        return open().execute(p0, p1);
    }

    @Override
    public boolean execute(String p0) throws SQLException {
        return open().execute(p0);
    }

    @Override
    public int[] executeBatch() throws SQLException {
        return open().executeBatch();
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        return open().executeLargeBatch();
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        return open().executeLargeUpdate();
    }

    @Override
    public long executeLargeUpdate(String p0, int[] p1) throws SQLException {
        return open().executeLargeUpdate(p0, p1);
    }

    @Override
    public long executeLargeUpdate(String p0, String[] p1) throws SQLException {
        return open().executeLargeUpdate(p0, p1);
    }

    @Override
    public long executeLargeUpdate(String p0, int p1) throws SQLException {
        return open().executeLargeUpdate(p0, p1);
    }

    @Override
    public long executeLargeUpdate(String p0) throws SQLException {
        return open().executeLargeUpdate(p0);
    }

    @Override
    public ResultSet executeQuery(String p0) throws SQLException {
        return open().executeQuery(p0);
    }

    @Override
    public int executeUpdate() throws SQLException {
        return open().executeUpdate();
    }

    @Override
    public int executeUpdate(String p0, int[] p1) throws SQLException {
        return open().executeUpdate(p0, p1);
    }

    @Override
    public int executeUpdate(String p0, String[] p1) throws SQLException {
        return open().executeUpdate(p0, p1);
    }

    @Override
    public int executeUpdate(String p0, int p1) throws SQLException {
        return open().executeUpdate(p0, p1);
    }

    @Override
    public int executeUpdate(String p0) throws SQLException {
        return open().executeUpdate(p0);
    }

    @Override
    public int getFetchDirection() throws SQLException {
        return open().getFetchDirection();
    }

    @Override
    public int getFetchSize() throws SQLException {
        return open().getFetchSize();
    }

    @Override
    public long getLargeMaxRows() throws SQLException {
        return open().getLargeMaxRows();
    }

    @Override
    public long getLargeUpdateCount() throws SQLException {
        return open().getLargeUpdateCount();
    }

    @Override
    public int getMaxFieldSize() throws SQLException {
        return open().getMaxFieldSize();
    }

    @Override
    public int getMaxRows() throws SQLException {
        return open().getMaxRows();
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        return open().getMetaData();
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        return open().getMoreResults();
    }

    @Override
    public boolean getMoreResults(int p0) throws SQLException {
        return open().getMoreResults(p0);
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        return open().getParameterMetaData();
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        return open().getQueryTimeout();
    }

    @Override
    public int getResultSetConcurrency() throws SQLException {
        return open().getResultSetConcurrency();
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        return open().getResultSetHoldability();
    }

    @Override
    public int getResultSetType() throws SQLException {
        return open().getResultSetType();
    }

    @Override
    public int getUpdateCount() throws SQLException {
        return open().getUpdateCount();
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        return open().getWarnings();
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        return open().isCloseOnCompletion();
    }

    @Override
    public boolean isPoolable() throws SQLException {
        return open().isPoolable();
    }

    @Override
    public boolean isSimpleIdentifier(String p0) throws SQLException {
        return open().isSimpleIdentifier(p0);
    }

    @Override
    public void setArray(int p0, Array p1) throws SQLException {
        open().setArray(p0, p1);
    }

    @Override
    public void setAsciiStream(int p0, InputStream p1, int p2) throws SQLException {
        open().setAsciiStream(p0, p1, p2);
    }

    @Override
    public void setAsciiStream(int p0, InputStream p1, long p2) throws SQLException {
        open().setAsciiStream(p0, p1, p2);
    }

    @Override
    public void setAsciiStream(int p0, InputStream p1) throws SQLException {
        open().setAsciiStream(p0, p1);
    }

    @Override
    public void setBigDecimal(int p0, BigDecimal p1) throws SQLException {
        open().setBigDecimal(p0, p1);
    }

    @Override
    public void setBinaryStream(int p0, InputStream p1, int p2) throws SQLException {
        open().setBinaryStream(p0, p1, p2);
    }

    @Override
    public void setBinaryStream(int p0, InputStream p1, long p2) throws SQLException {
        open().setBinaryStream(p0, p1, p2);
    }

    @Override
    public void setBinaryStream(int p0, InputStream p1) throws SQLException {
        open().setBinaryStream(p0, p1);
    }

    @Override
    public void setBlob(int p0, InputStream p1, long p2) throws SQLException {
        open().setBlob(p0, p1, p2);
    }

    @Override
    public void setBlob(int p0, InputStream p1) throws SQLException {
        open().setBlob(p0, p1);
    }

    @Override
    public void setBlob(int p0, Blob p1) throws SQLException {
        open().setBlob(p0, p1);
    }

    @Override
    public void setBoolean(int p0, boolean p1) throws SQLException {
        open().setBoolean(p0, p1);
    }

    @Override
    public void setByte(int p0, byte p1) throws SQLException {
        open().setByte(p0, p1);
    }

    @Override
    public void setBytes(int p0, byte[] p1) throws SQLException {
        open().setBytes(p0, p1);
    }

    @Override
    public void setCharacterStream(int p0, Reader p1, int p2) throws SQLException {
        open().setCharacterStream(p0, p1, p2);
    }

    @Override
    public void setCharacterStream(int p0, Reader p1, long p2) throws SQLException {
        open().setCharacterStream(p0, p1, p2);
    }

    @Override
    public void setCharacterStream(int p0, Reader p1) throws SQLException {
        open().setCharacterStream(p0, p1);
    }

    @Override
    public void setClob(int p0, Reader p1, long p2) throws SQLException {
        open().setClob(p0, p1, p2);
    }

    @Override
    public void setClob(int p0, Reader p1) throws SQLException {
        open().setClob(p0, p1);
    }

    @Override
    public void setClob(int p0, Clob p1) throws SQLException {
        open().setClob(p0, p1);
    }

    @Override
    public void setDate(int p0, Date p1, Calendar p2) throws SQLException {
        open().setDate(p0, p1, p2);
    }

    @Override
    public void setDate(int p0, Date p1) throws SQLException {
        open().setDate(p0, p1);
    }

    @Override
    public void setDouble(int p0, double p1) throws SQLException {
        open().setDouble(p0, p1);
    }

    @Override
    public void setFloat(int p0, float p1) throws SQLException {
        open().setFloat(p0, p1);
    }

    @Override
    public void setInt(int p0, int p1) throws SQLException {
        open().setInt(p0, p1);
    }

    @Override
    public void setLong(int p0, long p1) throws SQLException {
        open().setLong(p0, p1);
    }

    @Override
    public void setNCharacterStream(int p0, Reader p1, long p2) throws SQLException {
        open().setNCharacterStream(p0, p1, p2);
    }

    @Override
    public void setNCharacterStream(int p0, Reader p1) throws SQLException {
        open().setNCharacterStream(p0, p1);
    }

    @Override
    public void setNClob(int p0, Reader p1, long p2) throws SQLException {
        open().setNClob(p0, p1, p2);
    }

    @Override
    public void setNClob(int p0, Reader p1) throws SQLException {
        open().setNClob(p0, p1);
    }

    @Override
    public void setNClob(int p0, NClob p1) throws SQLException {
        open().setNClob(p0, p1);
    }

    @Override
    public void setNString(int p0, String p1) throws SQLException {
        open().setNString(p0, p1);
    }

    @Override
    public void setNull(int p0, int p1, String p2) throws SQLException {
        open().setNull(p0, p1, p2);
    }

    @Override
    public void setNull(int p0, int p1) throws SQLException {
        open().setNull(p0, p1);
    }

    @Override
    public void setObject(int p0, Object p1, int p2, int p3) throws SQLException {
        open().setObject(p0, p1, p2, p3);
    }

    @Override
    public void setObject(int p0, Object p1, int p2) throws SQLException {
        open().setObject(p0, p1, p2);
    }

    @Override
    public void setObject(int p0, Object p1, SQLType p2, int p3) throws SQLException {
        open().setObject(p0, p1, p2, p3);
    }

    @Override
    public void setObject(int p0, Object p1, SQLType p2) throws SQLException {
        open().setObject(p0, p1, p2);
    }

    @Override
    public void setObject(int p0, Object p1) throws SQLException {
        open().setObject(p0, p1);
    }

    @Override
    public void setRef(int p0, Ref p1) throws SQLException {
        open().setRef(p0, p1);
    }

    @Override
    public void setRowId(int p0, RowId p1) throws SQLException {
        open().setRowId(p0, p1);
    }

    @Override
    public void setSQLXML(int p0, SQLXML p1) throws SQLException {
        open().setSQLXML(p0, p1);
    }

    @Override
    public void setShort(int p0, short p1) throws SQLException {
        open().setShort(p0, p1);
    }

    @Override
    public void setString(int p0, String p1) throws SQLException {
        open().setString(p0, p1);
    }

    @Override
    public void setTime(int p0, Time p1, Calendar p2) throws SQLException {
        open().setTime(p0, p1, p2);
    }

    @Override
    public void setTime(int p0, Time p1) throws SQLException {
        open().setTime(p0, p1);
    }

    @Override
    public void setTimestamp(int p0, Timestamp p1, Calendar p2) throws SQLException {
        open().setTimestamp(p0, p1, p2);
    }

    @Override
    public void setTimestamp(int p0, Timestamp p1) throws SQLException {
        open().setTimestamp(p0, p1);
    }

    @Override
    public void setURL(int p0, URL p1) throws SQLException {
        open().setURL(p0, p1);
    }

    @Override
    public void setUnicodeStream(int p0, InputStream p1, int p2) throws SQLException {
        open().setUnicodeStream(p0, p1, p2);
    }

}
