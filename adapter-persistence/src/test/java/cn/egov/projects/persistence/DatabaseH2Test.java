package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("打开数据库（H2）")
class DatabaseH2Test extends DatabaseContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return new H2TestDatabase();
    }

    private static Map<String, String> sessionSettings(Connection c) throws SQLException {
        Map<String, String> settings = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                        + "WHERE SETTING_NAME IN ('QUERY_TIMEOUT', 'QUERY_CACHE_SIZE')")) {
            while (rs.next()) {
                settings.put(rs.getString(1), rs.getString(2));
            }
        }
        return settings;
    }

    @Test
    @DisplayName("H2会话带60秒语句超时和语句缓存；语句不再逐条设置超时（那会清空所有会话的语句缓存）")
    void sessionsGetTheirTimeoutAndStatementCacheOnce() throws SQLException {
        try (Database db = Database.open(new H2TestDatabase().settings())) {
            assertThat(new PersistenceAdapters(db).units().all()).isNotNull();
            try (Connection c = db.dataSource().getConnection()) {
                assertThat(sessionSettings(c)).containsEntry("QUERY_TIMEOUT", "60000")
                        .containsEntry("QUERY_CACHE_SIZE", "128");
            }
            Integer perStatement = db.sessions().call(s -> s.getConfiguration().getDefaultStatementTimeout());
            assertThat(perStatement).isNull();
        }
    }

    @Test
    @DisplayName("URL中已给出的会话设置不被覆盖")
    void theUrlsOwnSettingsWin() {
        assertThat(Database.withH2SessionDefaults("jdbc:h2:mem:a;MODE=PostgreSQL;QUERY_CACHE_SIZE=16"))
                .isEqualTo("jdbc:h2:mem:a;MODE=PostgreSQL;QUERY_CACHE_SIZE=16;QUERY_TIMEOUT=60000");
        assertThat(Database.withH2SessionDefaults("jdbc:h2:mem:a"))
                .isEqualTo("jdbc:h2:mem:a;QUERY_CACHE_SIZE=128;QUERY_TIMEOUT=60000");
    }
}
