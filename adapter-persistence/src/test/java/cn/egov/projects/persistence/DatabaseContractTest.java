package cn.egov.projects.persistence;

import cn.egov.projects.application.port.out.Account;
import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.application.view.StoredDocument;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.declaration.DeclarationWindow;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.UnitId;
import org.apache.ibatis.datasource.unpooled.UnpooledDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Opening a database: the migrations, a second opening, a schema ahead of this release, a restart with everything
 * kept, and the health check. Each test gets a database of its own.
 */
abstract class DatabaseContractTest {

    /** A version no release has reached yet. */
    private static final String FAR_AHEAD = "9999";
    private static final List<String> TABLES = List.of("project", "deadline", "declaration_window", "audit_record",
            "document", "account", "account_project", "unit");

    private final List<AutoCloseable> toClose = new ArrayList<>();

    protected abstract TestDatabase newTestDatabase();

    /** The newest migration this release ships for the database under test. */
    private String latest(TestDatabase db) {
        return Migrations.latest(db.isPostgreSql());
    }

    private TestDatabase fresh() {
        TestDatabase db = newTestDatabase();
        toClose.add(db);
        return db;
    }

    private Database open(TestDatabase db) {
        Database database = Database.open(db.settings());
        toClose.add(0, database);
        return database;
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        toClose.clear();
    }

    private static long count(Database database, String sql) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    @DisplayName("在空数据库上执行全部迁移，建好所有表")
    void migrationsApplyOnAnEmptyDatabase() throws SQLException {
        TestDatabase db = fresh();
        Database database = open(db);
        assertThat(database.schemaVersion()).isEqualTo(latest(db));
        assertThat(database.isHealthy()).isTrue();
        for (String table : TABLES) {
            assertThat(count(database, "SELECT COUNT(*) FROM " + table)).as(table).isZero();
        }
        assertThat(count(database, "SELECT COUNT(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL"))
                .isEqualTo(Migrations.versions(db.isPostgreSql()).size());
        // the quick start reads the same version and the same checksums Flyway wrote
        assertThat(Database.LATEST_SCHEMA_VERSION).isEqualTo(latest(db));
        assertThat(Database.isCurrent(database.dataSource(), location(db))).isTrue();
    }

    private static String location(TestDatabase db) {
        return "classpath:db/migration/" + (db.isPostgreSql() ? "postgresql" : "h2");
    }

    @Test
    @DisplayName("数据库已是本版本结构时不再经过迁移工具；缺少、失败或更新的迁移记录都走完整迁移")
    void onlyACurrentSchemaSkipsTheMigrationTool() throws SQLException {
        TestDatabase db = fresh();
        Database database = open(db);
        assertThat(Database.isCurrent(database.dataSource(), location(db))).isTrue();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.executeUpdate("UPDATE flyway_schema_history SET success = FALSE WHERE version = '"
                    + Database.LATEST_SCHEMA_VERSION + "'");
            assertThat(Database.isCurrent(database.dataSource(), location(db))).as("a failed migration").isFalse();
            s.executeUpdate("DELETE FROM flyway_schema_history WHERE version = '" + Database.LATEST_SCHEMA_VERSION + "'");
            assertThat(Database.isCurrent(database.dataSource(), location(db))).as("an older schema").isFalse();
        }
        database.close();

        // the missing migration goes through Flyway again on the next start: applied anew where it can be (its
        // history row is back), or refused with Flyway's reason where its objects exist already (H2's indexes);
        // the quick path never hides it
        Database again;
        try {
            again = open(db);
        } catch (DatabaseStartupException refused) {
            assertThat(refused).hasMessageStartingWith("cannot migrate the database at " + db.settings().url());
            again = null;
        }
        if (again != null) {
            try (Connection c = again.dataSource().getConnection(); Statement s = c.createStatement();
                 java.sql.ResultSet rs = s.executeQuery("SELECT success FROM flyway_schema_history WHERE version = '"
                         + Database.LATEST_SCHEMA_VERSION + "'")) {
                assertThat(rs.next()).as("the migration applied again").isTrue();
                assertThat(rs.getBoolean(1)).isTrue();
            } finally {
                again.close();
            }
        }

        TestDatabase empty = fresh();
        assertThat(Database.isCurrent(new UnpooledDataSource(empty.isPostgreSql() ? "org.postgresql.Driver"
                : "org.h2.Driver", empty.settings().url(), empty.settings().user(), empty.settings().password()),
                location(empty))).as("a new database").isFalse();
    }

    @Test
    @DisplayName("再次打开同一数据库不重复执行迁移")
    void reopeningIsIdempotent() throws SQLException {
        TestDatabase db = fresh();
        Database first = open(db);
        long applied = count(first, "SELECT COUNT(*) FROM flyway_schema_history");
        first.close();

        Database second = open(db);
        assertThat(second.schemaVersion()).isEqualTo(latest(db));
        assertThat(count(second, "SELECT COUNT(*) FROM flyway_schema_history")).isEqualTo(applied);
    }

    @Test
    @DisplayName("数据库结构版本高于本版本时拒绝启动，并用一行英文说明原因和位置")
    void aSchemaAheadOfThisReleaseIsRefused() throws SQLException {
        TestDatabase db = fresh();
        Database database = open(db);
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, execution_time, success) VALUES (100, '" + FAR_AHEAD + "',"
                    + " 'from a newer release', 'SQL', 'V" + FAR_AHEAD + "__from_a_newer_release.sql', 12345, 'sa', 1,"
                    + " TRUE)");
        }
        database.close();

        assertThatThrownBy(() -> open(db))
                .isInstanceOf(DatabaseStartupException.class)
                .hasMessage("the database schema at " + db.settings().url() + " is at version " + FAR_AHEAD
                        + ", ahead of this release (latest " + latest(db) + "): refusing to start with an older release");
    }

    @Test
    @DisplayName("已执行的迁移脚本被改动时拒绝启动，并用一行英文说明")
    void aChangedMigrationIsRefused() throws SQLException {
        TestDatabase db = fresh();
        Database database = open(db);
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.executeUpdate("UPDATE flyway_schema_history SET checksum = 42 WHERE version = '1'");
        }
        assertThat(Database.isCurrent(database.dataSource(), location(db))).isFalse();
        database.close();

        assertThatThrownBy(() -> open(db))
                .isInstanceOf(DatabaseStartupException.class)
                .hasMessageStartingWith("cannot migrate the database at " + db.settings().url() + ": Validate failed")
                .hasMessageContaining("checksum mismatch for migration version 1")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    @DisplayName("关闭后在同一数据库上重新打开，项目、审计记录、文件、账号和申报期都还在")
    void everythingSurvivesARestart() {
        TestDatabase db = fresh();
        Database database = open(db);
        PersistenceAdapters adapters = new PersistenceAdapters(database);
        Project project = Lifecycles.fullLife(new UnitId("RESTART"), p -> {
            if (p.version() == 0) {
                adapters.projects().insert(p);
            } else {
                adapters.projects().update(p);
            }
        });
        AuditRecord audit = new AuditRecord(Instant.parse("2026-11-10T03:00:00Z"), "u1", Role.FINANCE, "TC-CZJ",
                "FILE_FINAL_ACCOUNTS", "第二十六条", project.id().toString(), null, null, "r1", "::1", "竣工决算备案");
        adapters.auditTrail().append(audit);
        byte[] content = "竣工决算报告".getBytes(StandardCharsets.UTF_8);
        StoredDocument document = new StoredDocument(UUID.randomUUID(), project.id(), "决算.pdf", "application/pdf",
                content.length, DocumentAdapter.sha256Hex(content),
                cn.egov.projects.persistence.crypto.Sm3.of(content), "FINAL_ACCOUNTS", "u1",
                Instant.parse("2026-11-10T03:00:00Z"), content);
        adapters.documents().store(document);
        Account account = new Account("admin-1", "admin", "管理员", Role.ADMIN, new UnitId("TC-DSJ"), null, null,
                "hash", true, Set.of(project.id()));
        adapters.accounts().insert(account);
        DeclarationWindow window = new DeclarationWindow(2027, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30));
        adapters.windows().save(window);
        database.close();
        assertThat(database.isHealthy()).isFalse();

        Database reopened = open(db);
        PersistenceAdapters again = new PersistenceAdapters(reopened);
        assertThat(again.projects().load(project.id()).orElseThrow().snapshot()).isEqualTo(project.snapshot());
        assertThat(again.auditTrail().forProject(project.id().toString())).containsExactly(audit);
        assertThat(again.documents().load(document.id()).orElseThrow())
                .usingRecursiveComparison().isEqualTo(document);
        assertThat(again.accounts().findByUsername("admin")).contains(account);
        assertThat(again.windows().find(2027)).contains(window);
    }

    @Test
    @DisplayName("健康检查在数据库可用时为真，关闭后为假")
    void healthFollowsTheConnection() {
        Database database = open(fresh());
        assertThat(database.isHealthy()).isTrue();
        database.close();
        assertThat(database.isHealthy()).isFalse();
    }
}
