package cn.egov.projects.persistence.h2;

import cn.egov.projects.persistence.project.DocumentText;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;
import org.h2.value.ValueJson;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A project's document into and out of an H2 {@code JSON} column as the UTF-8 bytes of the JSON value it already is.
 *
 * <p>Given as text ({@code ? FORMAT JSON}), H2 parses the text again and re-encodes every string of it one byte at
 * a time into a synchronised stream: a fifth of the CPU of a whole lifecycle on the embedded database, for a text
 * that {@code ProjectDocuments.write} has just produced with Jackson (compact, valid JSON, as H2 would store it).
 * So the document goes in as H2's JSON value of its UTF-8 bytes, as {@code ProjectDocuments.write} made them, and
 * comes out as those bytes ({@link ResultSet#getBytes}): never turned into text on the way. Only for documents
 * written by {@code ProjectDocuments}: anything else would be stored unchecked. PostgreSQL checks and stores its
 * JSONB from the text ({@code project.DocumentTextTypeHandler}).
 */
public final class JsonDocumentTypeHandler extends BaseTypeHandler<DocumentText> {

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, DocumentText document, JdbcType jdbcType)
            throws SQLException {
        ps.setObject(i, ValueJson.getInternal(document.utf8()));
    }

    @Override
    public DocumentText getNullableResult(ResultSet rs, String columnName) throws SQLException {
        return of(rs.getBytes(columnName));
    }

    @Override
    public DocumentText getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
        return of(rs.getBytes(columnIndex));
    }

    @Override
    public DocumentText getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
        return of(cs.getBytes(columnIndex));
    }

    private static DocumentText of(byte[] utf8) {
        return utf8 == null ? null : DocumentText.ofUtf8(utf8);
    }
}
