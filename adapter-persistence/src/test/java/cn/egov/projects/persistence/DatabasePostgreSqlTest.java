package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("打开数据库（PostgreSQL）")
class DatabasePostgreSqlTest extends DatabaseContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return PostgresServer.get().newDatabase();
    }

    @Test
    @DisplayName("PostgreSQL会话带60秒语句超时（服务器端）；语句不再逐条设置超时（驱动每条语句都要启停一个定时任务）")
    void sessionsGetTheirTimeoutOnce() throws SQLException {
        try (Database db = Database.open(newTestDatabase().settings())) {
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SHOW statement_timeout")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("1min");
            }
            Integer perStatement = db.sessions().call(s -> s.getConfiguration().getDefaultStatementTimeout());
            assertThat(perStatement).isNull();
        }
    }
}
