package cn.egov.projects.persistence.h2;

import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;
import org.h2.value.ValueJson;

import java.nio.charset.StandardCharsets;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A project's document into an H2 {@code JSON} column as the JSON value it already is.
 *
 * <p>Given as text ({@code ? FORMAT JSON}), H2 parses the text again and re-encodes every string of it one byte at
 * a time into a synchronised stream: a fifth of the CPU of a whole lifecycle on the embedded database, for a text
 * that {@code ProjectDocuments.write} has just produced with Jackson (compact, valid JSON, as H2 would store it).
 * So the text goes in as H2's JSON value of its UTF-8 bytes. Only for documents written by {@code
 * ProjectDocuments}: anything else would be stored unchecked. PostgreSQL checks and stores its JSONB as before.
 * Reading is plain text ({@link ResultSet#getString}).
 */
public final class JsonDocumentTypeHandler extends BaseTypeHandler<String> {

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, String document, JdbcType jdbcType)
            throws SQLException {
        ps.setObject(i, ValueJson.getInternal(document.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String getNullableResult(ResultSet rs, String columnName) throws SQLException {
        return rs.getString(columnName);
    }

    @Override
    public String getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
        return rs.getString(columnIndex);
    }

    @Override
    public String getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
        return cs.getString(columnIndex);
    }
}
