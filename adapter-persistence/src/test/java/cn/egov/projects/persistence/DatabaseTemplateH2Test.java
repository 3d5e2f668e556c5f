package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("新建的嵌入式数据库复制自构建时生成的当前结构模板，与逐个迁移建成的完全一致")
class DatabaseTemplateH2Test {

    @TempDir
    Path dir;

    @Test
    @DisplayName("模板由构建生成；复制出的数据库与迁移出的数据库结构、迁移历史一致，并处于最新版本")
    void aCopyOfTheTemplateIsTheMigratedSchema() throws Exception {
        assertThat(Database.class.getClassLoader().getResource(Database.TEMPLATE))
                .as("the build makes the template (exec-maven-plugin, process-classes)").isNotNull();
        Instant started = Instant.now();
        DatabaseSettings copied = DatabaseSettings.embeddedH2(dir.resolve("copied"));
        DatabaseSettings migrated = DatabaseSettings.embeddedH2(dir.resolve("migrated"));
        assertThat(Database.fitsTemplate(copied)).isTrue();
        List<String> copiedSchema;
        List<String> copiedHistory;
        try (Database database = Database.open(copied)) {
            assertThat(database.schemaVersion()).isEqualTo(Database.LATEST_SCHEMA_VERSION);
            assertThat(Database.isCurrent(database.dataSource(), "classpath:db/migration/h2")).isTrue();
            copiedSchema = schema(database);
            copiedHistory = history(database);
            assertThat(firstInstalled(database)).as("made by the build, before this test").isBefore(started);
        }
        try (Database database = Database.openMigrating(migrated)) {
            assertThat(firstInstalled(database)).as("migrated now").isAfterOrEqualTo(started.minusSeconds(1));
            assertThat(schema(database)).isEqualTo(copiedSchema);
            assertThat(history(database)).isEqualTo(copiedHistory);
        }
        try (var files = Files.list(dir.resolve("copied"))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.contains("building"))).isEmpty();
        }
        // and it opens again as an existing database
        try (Database database = Database.open(copied)) {
            assertThat(database.schemaVersion()).isEqualTo(Database.LATEST_SCHEMA_VERSION);
        }
    }

    @Test
    @DisplayName("其他用户、密码或连接参数的新库不用模板（其中一些参数在建库时写进文件），照常迁移")
    void otherSettingsAreMigrated() {
        DatabaseSettings standard = DatabaseSettings.embeddedH2(dir);
        assertThat(Database.fitsTemplate(new DatabaseSettings(standard.url(), "egov", ""))).isFalse();
        assertThat(Database.fitsTemplate(new DatabaseSettings(standard.url(), "sa", "secret"))).isFalse();
        assertThat(Database.fitsTemplate(new DatabaseSettings(standard.url() + ";CIPHER=AES", "sa", ""))).isFalse();
        assertThat(Database.fitsTemplate(new DatabaseSettings(
                standard.url().replace(";DEFAULT_NULL_ORDERING=HIGH", ""), "sa", ""))).isFalse();
    }

    /** The schema as H2 writes it out, without the tables' rows. */
    private static List<String> schema(Database database) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SCRIPT NODATA NOPASSWORDS NOSETTINGS")) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        }
        return lines;
    }

    /** Flyway's history without when and how long. */
    private static List<String> history(Database database) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT installed_rank, version, description, type, script, checksum, "
                     + "installed_by, success FROM flyway_schema_history ORDER BY installed_rank")) {
            while (rs.next()) {
                rows.add(rs.getInt(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4) + "|"
                        + rs.getString(5) + "|" + rs.getObject(6) + "|" + rs.getString(7) + "|" + rs.getBoolean(8));
            }
        }
        return rows;
    }

    private static Instant firstInstalled(Database database) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MIN(installed_on) FROM flyway_schema_history")) {
            assertThat(rs.next()).isTrue();
            Timestamp at = rs.getTimestamp(1);
            return at.toInstant();
        }
    }
}
