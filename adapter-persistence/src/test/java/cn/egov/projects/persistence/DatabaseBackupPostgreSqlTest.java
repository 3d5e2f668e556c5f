package cn.egov.projects.persistence;

import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.persistence.audit.AuditKey;
import cn.egov.projects.persistence.backup.BackupArchive;
import cn.egov.projects.persistence.backup.BackupException;
import cn.egov.projects.persistence.backup.Manifest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The PostgreSQL side of backup and restore, against the real (embedded) PostgreSQL. The embedded server ships no
 * pg_dump or pg_restore, and the client tools on a machine are often of another major version (pg_dump refuses a
 * newer server), so the tools here are stand-ins in {@code EGOV_PG_BIN} that record how they were called: what is
 * checked is the application's side — the connection and the exported snapshot given to pg_dump, the password only
 * in the child's environment, the manifest read in the snapshot, the refusal of a target that is not empty, a failing
 * tool reported without the password. The round trip with the machine's real tools is bootstrap's
 * {@code PostgreSqlBackupRoundTripTest}.
 */
@DisplayName("备份与恢复（PostgreSQL）：pg_dump/pg_restore 的调用、口令只在环境变量中、非空目标被拒绝")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseBackupPostgreSqlTest {

    @TempDir
    static Path dir;
    private TestDatabase source;
    private Database database;
    private Path bin;
    /** The operator's connection: a role of its own whose password is like nothing else on the command line. */
    private DatabaseSettings operator;

    @BeforeAll
    void setUp() throws IOException {
        source = PostgresServer.get().newMigratedDatabase();
        String role = "egov_backup_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(source.settings().url(), source.settings().user(),
                source.settings().password()); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + role + " LOGIN SUPERUSER PASSWORD 'Distinct-S3cret-42'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        operator = new DatabaseSettings(source.settings().url(), role, "Distinct-S3cret-42");
        database = Database.open(operator);
        PersistenceAdapters adapters = new PersistenceAdapters(database, AuditKey.ephemeral());
        adapters.transactions().inTransaction(() -> {
            adapters.auditTrail().append(new AuditRecord(Instant.parse("2025-03-01T08:00:00Z"), "u1", Role.ADMIN,
                    "TC-DSJ", "MANAGE_ACCOUNTS", "第四条", null, null, null, "r", "10.0.0.1", "新建账号"));
            return null;
        });
        adapters.auditSealer().sealNow(); // as the running application's sealer does a moment after the commit
        bin = Files.createDirectories(dir.resolve("bin"));
        tool("pg_dump", """
                printf '%s\\n' "$@" > "$(dirname "$0")/pg_dump.args"
                printf '%s' "$PGPASSWORD" > "$(dirname "$0")/pg_dump.password"
                for a in "$@"; do case "$a" in --file=*) printf 'PGDMP stand-in' > "${a#--file=}";; esac; done
                """);
        tool("pg_restore", """
                printf '%s\\n' "$@" > "$(dirname "$0")/pg_restore.args"
                echo "pg_restore: error: connection refused for password $PGPASSWORD" >&2
                exit 1
                """);
    }

    @AfterAll
    void tearDown() {
        database.close();
        source.close();
    }

    private void tool(String name, String body) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    }

    private Path backUp(String name) throws IOException {
        Path archive = dir.resolve(name);
        DatabaseBackup.backUp(database, archive, "tester", Instant.parse("2025-03-02T08:00:00Z"),
                Optional.of(bin.toString()));
        return archive;
    }

    @Test
    @DisplayName("pg_dump：自定义格式、导出的快照、连接取自设置；口令只经PGPASSWORD给子进程；清单记载同一快照中的条数和审计链头")
    void pgDumpGetsTheSnapshotAndThePasswordOnlyInItsEnvironment() throws IOException {
        Path archive = backUp("pg.zip");

        List<String> args = Files.readAllLines(bin.resolve("pg_dump.args"));
        String name = source.settings().url().replaceAll(".*/", "").replaceAll("\\?.*", "");
        assertThat(args).contains("--format=custom", "--no-password", "--username=" + operator.user(),
                "--dbname=" + name);
        assertThat(args).anyMatch(a -> a.startsWith("--snapshot=")).anyMatch(a -> a.startsWith("--port="));
        assertThat(String.join(" ", args)).doesNotContain("S3cret");
        assertThat(Files.readString(bin.resolve("pg_dump.password"))).isEqualTo("Distinct-S3cret-42");

        Manifest manifest = BackupArchive.read(archive, dir.resolve("data.out"));
        assertThat(manifest.vendor()).isEqualTo(Manifest.POSTGRESQL);
        assertThat(manifest.dataEntry()).isEqualTo("data.dump");
        assertThat(manifest.count("audit_record")).isEqualTo(1);
        assertThat(manifest.auditCount()).isEqualTo(1);
        assertThat(manifest.auditLastSeal()).hasSize(64);
        assertThat(manifest.schemaVersion()).isEqualTo(Database.LATEST_SCHEMA_VERSION);
        assertThat(Files.readString(dir.resolve("data.out"))).isEqualTo("PGDMP stand-in");
    }

    @Test
    @DisplayName("恢复到有数据或已有表的数据库：拒绝，未调用pg_restore，数据库不变")
    void aTargetThatIsNotEmptyIsRefused() throws IOException, SQLException {
        Path archive = backUp("refused.zip");
        Files.deleteIfExists(bin.resolve("pg_restore.args"));

        assertThatThrownBy(() -> DatabaseBackup.restore(source.settings(), archive, Optional.of(bin.toString())))
                .isInstanceOfSatisfying(BackupException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BackupException.Kind.NOT_EMPTY);
                    assertThat(e.messageZh()).contains("审计记录1条", "未做任何改动");
                });
        try (TestDatabase migrated = PostgresServer.get().newMigratedDatabase()) {
            assertThatThrownBy(() -> DatabaseBackup.restore(migrated.settings(), archive,
                    Optional.of(bin.toString()))).isInstanceOfSatisfying(BackupException.class,
                    e -> assertThat(e.messageZh()).contains("createdb"));
        }
        assertThat(bin.resolve("pg_restore.args")).doesNotExist();
        assertThat(auditRecords(source.settings())).isEqualTo(1);
    }

    @Test
    @DisplayName("pg_restore失败：报告其输出，口令被遮盖")
    void aFailingRestoreIsReportedWithoutThePassword() throws IOException {
        Path archive = backUp("failing.zip");
        try (TestDatabase empty = PostgresServer.get().newDatabase()) {
            DatabaseSettings target = new DatabaseSettings(empty.settings().url(), operator.user(),
                    operator.password());
            assertThatThrownBy(() -> DatabaseBackup.restore(target, archive, Optional.of(bin.toString())))
                    .isInstanceOfSatisfying(BackupException.class, e -> {
                        assertThat(e.kind()).isEqualTo(BackupException.Kind.FAILED);
                        assertThat(e.getMessage()).contains("pg_restore failed with exit code 1", "password ***")
                                .doesNotContain("S3cret");
                        assertThat(e.messageZh()).doesNotContain("S3cret");
                    });
            List<String> args = Files.readAllLines(bin.resolve("pg_restore.args"));
            assertThat(args).contains("--single-transaction", "--exit-on-error", "--no-owner");
            assertThat(args.get(args.size() - 1)).endsWith("data");
        }
    }

    @Test
    @DisplayName("客户端版本低于服务器（pg_dump拒绝）或低于生成备份的pg_dump（pg_restore读不了）：说明应安装哪种客户端，口令不出现")
    void toolsOfAnOlderVersionAreToldAsSuch() throws IOException {
        Path old = Files.createDirectories(dir.resolve("old-bin"));
        // what pg_dump 15 and pg_restore 15 print for a server and an archive of 17
        Files.writeString(old.resolve("pg_dump"), "#!/bin/sh\necho 'pg_dump: error: aborting because of server "
                + "version mismatch' >&2\necho 'pg_dump: detail: server version: 17.8; pg_dump version: 15.18' >&2\n"
                + "exit 1\n", StandardCharsets.UTF_8);
        Files.writeString(old.resolve("pg_restore"), "#!/bin/sh\necho 'pg_restore: error: unsupported version (1.16) "
                + "in file header' >&2\nexit 1\n", StandardCharsets.UTF_8);
        for (String tool : List.of("pg_dump", "pg_restore")) {
            Files.setPosixFilePermissions(old.resolve(tool), PosixFilePermissions.fromString("rwx------"));
        }
        Path archive = dir.resolve("old-client.zip");
        assertThatThrownBy(() -> DatabaseBackup.backUp(database, archive, "tester", Instant.now(),
                Optional.of(old.toString()))).isInstanceOfSatisfying(BackupException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BackupException.Kind.FAILED);
                    assertThat(e.messageZh()).contains("大版本低于数据库服务器", "EGOV_PG_BIN", "server version: 17.8")
                            .doesNotContain("S3cret");
                });
        assertThat(archive).doesNotExist();

        Path made = backUp("for-old-restore.zip");
        try (TestDatabase empty = PostgresServer.get().newDatabase()) {
            assertThatThrownBy(() -> DatabaseBackup.restore(empty.settings(), made, Optional.of(old.toString())))
                    .isInstanceOfSatisfying(BackupException.class, e -> assertThat(e.messageZh())
                            .contains("备份由较新的pg_dump生成", "未恢复任何数据"));
        }
    }

    @Test
    @DisplayName("H2的备份不能恢复到PostgreSQL")
    void anArchiveOfTheOtherDatabaseIsRefused() throws IOException {
        Path data = Files.writeString(dir.resolve("data.sql"), "CREATE TABLE x(i INT);");
        Path archive = dir.resolve("h2.zip");
        BackupArchive.write(archive, new Manifest(Manifest.H2, "23", Instant.now(), "tester",
                new java.util.TreeMap<>(), 0, 0, "", "data.sql", "", 0), data);
        try (TestDatabase empty = PostgresServer.get().newDatabase()) {
            assertThatThrownBy(() -> DatabaseBackup.restore(empty.settings(), archive, Optional.of(bin.toString())))
                    .isInstanceOfSatisfying(BackupException.class,
                            e -> assertThat(e.kind()).isEqualTo(BackupException.Kind.INCOMPATIBLE));
        }
    }

    private static long auditRecords(DatabaseSettings settings) throws SQLException {
        try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM audit_record")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
