package cn.egov.projects.persistence;

import cn.egov.projects.persistence.h2.StatementCachingConnection;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
    @DisplayName("H2会话带60秒语句超时；已准备的语句由连接保留（H2自己的语句缓存关闭），语句不再逐条设置超时")
    void sessionsGetTheirTimeoutOnceAndTheConnectionsKeepTheirStatements() throws SQLException {
        try (Database db = Database.open(new H2TestDatabase().settings())) {
            assertThat(new PersistenceAdapters(db).units().all()).isNotNull();
            try (Connection c = db.dataSource().getConnection()) {
                assertThat(sessionSettings(c)).containsEntry("QUERY_TIMEOUT", "60000")
                        .containsEntry("QUERY_CACHE_SIZE", "0");
                assertThat(c.isWrapperFor(StatementCachingConnection.class)).isTrue();
                org.h2.jdbc.JdbcPreparedStatement first;
                try (PreparedStatement ps = c.prepareStatement("SELECT code FROM unit WHERE code = ?")) {
                    first = ps.unwrap(org.h2.jdbc.JdbcPreparedStatement.class);
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT code FROM unit WHERE code = ?")) {
                    assertThat(ps.unwrap(org.h2.jdbc.JdbcPreparedStatement.class)).isSameAs(first);
                }
            }
            Integer perStatement = db.sessions().call(s -> s.getConfiguration().getDefaultStatementTimeout());
            assertThat(perStatement).isNull();
        }
    }

    @Test
    @DisplayName("文件数据库以同步写入（O_DSYNC）打开存储文件，写延迟为0：提交返回时已在磁盘上")
    void theStoreFileIsWrittenSynchronously() throws Exception {
        H2TestDatabase files = new H2TestDatabase();
        try (files; Database db = Database.open(files.settings())) {
            assertThat(new PersistenceAdapters(db).units().all()).isNotNull();
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                         + "WHERE SETTING_NAME = 'WRITE_DELAY'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("0");
            }
            List<Long> flags = openFlagsOf("egov.mv.db");
            assertThat(flags).as("open descriptors of egov.mv.db").isNotEmpty();
            assertThat(flags).allSatisfy(f -> assertThat(f & O_DSYNC).as("O_DSYNC in flags %o", f).isNotZero());
        }
    }

    /** Linux's O_DSYNC (octal 010000 on x86-64 and arm64). */
    private static final long O_DSYNC = 010000;

    /** The open flags (from /proc/self/fdinfo) of this process's descriptors of files with this name. */
    private static List<Long> openFlagsOf(String fileName) throws IOException {
        List<Long> flags = new ArrayList<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                Path target;
                try {
                    target = Files.readSymbolicLink(fd);
                } catch (IOException closedMeanwhile) {
                    continue;
                }
                if (target.getFileName() != null && target.getFileName().toString().equals(fileName)) {
                    for (String line : Files.readAllLines(Path.of("/proc/self/fdinfo", fd.getFileName().toString()))) {
                        if (line.startsWith("flags:")) {
                            flags.add(Long.parseLong(line.substring(6).trim(), 8));
                        }
                    }
                }
            }
        }
        return flags;
    }

    @Test
    @DisplayName("URL中已给出的会话设置不被覆盖")
    void theUrlsOwnSettingsWin() {
        assertThat(Database.withH2SessionDefaults("jdbc:h2:mem:a;MODE=PostgreSQL;QUERY_CACHE_SIZE=16"))
                .isEqualTo("jdbc:h2:mem:a;MODE=PostgreSQL;QUERY_CACHE_SIZE=16;QUERY_TIMEOUT=60000");
        assertThat(Database.withH2SessionDefaults("jdbc:h2:mem:a"))
                .isEqualTo("jdbc:h2:mem:a;QUERY_CACHE_SIZE=0;QUERY_TIMEOUT=60000");
    }
}
