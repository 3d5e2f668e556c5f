package cn.egov.projects.persistence.h2;

import org.apache.ibatis.datasource.unpooled.UnpooledDataSource;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The physical connections of the H2 pool: each a {@link StatementCachingConnection}, so that a statement prepared on
 * a connection is parsed once for as long as the pool keeps the connection.
 */
public final class StatementCachingDataSource extends UnpooledDataSource {

    public StatementCachingDataSource(String driver, String url, String user, String password) {
        super(driver, url, user, password);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return new StatementCachingConnection(super.getConnection());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return new StatementCachingConnection(super.getConnection(user, password));
    }
}
