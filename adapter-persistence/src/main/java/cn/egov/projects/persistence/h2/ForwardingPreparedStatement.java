package cn.egov.projects.persistence.h2;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
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
import java.util.Calendar;

/**
 * A prepared statement that hands every call on to the statement {@link #open} gives: what {@link CachedStatement}
 * does not do itself.
 */
abstract class ForwardingPreparedStatement implements PreparedStatement {

    /** The statement calls go to; refuses when there is none (closed). */
    abstract PreparedStatement open() throws SQLException;

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
