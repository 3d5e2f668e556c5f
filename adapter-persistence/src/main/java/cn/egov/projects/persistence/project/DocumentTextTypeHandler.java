package cn.egov.projects.persistence.project;

import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A project's document as text, in and out: PostgreSQL's driver sends and returns JSONB as text (the statement casts
 * the parameter, {@code CAST(? AS JSONB)}, and the server checks it). The embedded database takes the document's
 * bytes instead ({@code h2.JsonDocumentTypeHandler}).
 */
public final class DocumentTextTypeHandler extends BaseTypeHandler<DocumentText> {

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, DocumentText document, JdbcType jdbcType)
            throws SQLException {
        ps.setString(i, document.text());
    }

    @Override
    public DocumentText getNullableResult(ResultSet rs, String columnName) throws SQLException {
        return of(rs.getString(columnName));
    }

    @Override
    public DocumentText getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
        return of(rs.getString(columnIndex));
    }

    @Override
    public DocumentText getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
        return of(cs.getString(columnIndex));
    }

    private static DocumentText of(String text) {
        return text == null ? null : DocumentText.of(text);
    }
}
