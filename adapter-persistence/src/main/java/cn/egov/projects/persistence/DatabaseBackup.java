package cn.egov.projects.persistence;

import cn.egov.projects.persistence.backup.BackupArchive;
import cn.egov.projects.persistence.backup.BackupException;
import cn.egov.projects.persistence.backup.Manifest;
import cn.egov.projects.persistence.backup.PgTools;
import cn.egov.projects.persistence.h2.H2Urls;
import cn.egov.projects.persistence.h2.NewDatabaseFile;
import cn.egov.projects.persistence.mybatis.SqlErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Backup and restore of the whole database into one archive ({@link BackupArchive}).
 *
 * <p><b>H2</b> (embedded): H2's {@code BACKUP TO}, run by the process that has the database open (the serving
 * application, or the {@code backup} command while no server runs), copies the database file as of its last commit
 * without stopping writers; the copy is then opened on its own and written out as H2's SQL script, which is what the
 * archive holds (a script outlives H2's file format), with the row counts and the audit chain's head read from that
 * same copy. A restore runs the script into a new database file built beside its place and moved into place whole.
 *
 * <p><b>PostgreSQL</b>: {@code pg_dump --format=custom} as of a snapshot the backup exports from its own
 * repeatable-read transaction, in which the row counts and the audit chain's head are read, so that the manifest
 * describes exactly the dump; a restore is {@code pg_restore} in one transaction into a new, empty database.
 *
 * <p>A restore goes into an empty database only (no accounts, no projects, no audit records; on PostgreSQL no tables
 * at all): otherwise it refuses and changes nothing. Opening the restored database afterwards ({@link Database#open})
 * migrates it when the archive is of an older release.
 */
public final class DatabaseBackup {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseBackup.class);

    /** The tables whose rows make a database not empty. */
    private static final List<String> CONTENT = List.of("account", "project", "audit_record");

    private DatabaseBackup() {
    }

    /**
     * Backs up the open database into a new archive file.
     *
     * @param createdBy who asked (a user id, or the operating-system user of a command), written in the manifest
     * @param pgBin     the directory of the PostgreSQL client tools ({@code EGOV_PG_BIN}), if not on the PATH
     * @return the archive's manifest
     * @throws BackupException when it cannot be made; nothing is left at {@code archive} then
     */
    public static Manifest backUp(Database database, Path archive, String createdBy, Instant now,
                                  Optional<String> pgBin) {
        Path work = workDirectory();
        try {
            Manifest manifest = database.settings().isH2()
                    ? h2Backup(database, work, createdBy, now)
                    : pgBackup(database, work, createdBy, now, pgBin);
            Manifest written = BackupArchive.write(archive, manifest, work.resolve(manifest.dataEntry()));
            LOG.info("backup written to {}: schema version {}, {} audit records, {} bytes of data", archive,
                    written.schemaVersion(), written.auditCount(), written.dataBytes());
            return written;
        } catch (IOException | UncheckedIOException e) {
            throw new BackupException(BackupException.Kind.FAILED, "备份文件无法写入：" + e.getMessage(),
                    "the backup cannot be written: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new BackupException(BackupException.Kind.FAILED, "数据库未能完成备份：" + SqlErrors.rootMessage(e),
                    "the database could not be backed up: " + SqlErrors.rootMessage(e), e);
        } finally {
            deleteTree(work);
        }
    }

    /**
     * Restores an archive into the database of {@code settings}, which must be empty and not in use; checks the
     * archive's digests first and the restored rows against its manifest after.
     *
     * @return the archive's manifest
     * @throws BackupException DAMAGED (nothing changed), INCOMPATIBLE (nothing changed), NOT_EMPTY (nothing changed),
     *                         IN_USE (nothing changed) or FAILED
     */
    public static Manifest restore(DatabaseSettings settings, Path archive, Optional<String> pgBin) {
        Path work = workDirectory();
        try {
            Path data = work.resolve("data");
            Manifest manifest = BackupArchive.read(archive, data);
            String vendor = settings.isH2() ? Manifest.H2 : Manifest.POSTGRESQL;
            if (!vendor.equals(manifest.vendor())) {
                throw new BackupException(BackupException.Kind.INCOMPATIBLE, "此备份来自" + label(manifest.vendor())
                        + "数据库，不能恢复到" + label(vendor) + "数据库",
                        "the archive is of a " + manifest.vendor() + " database and cannot be restored into " + vendor);
            }
            if (newerThanThisRelease(manifest.schemaVersion())) {
                throw new BackupException(BackupException.Kind.INCOMPATIBLE, "此备份的数据库结构版本" + manifest.schemaVersion()
                        + "高于本版本（" + Database.LATEST_SCHEMA_VERSION + "）：请用较新的版本恢复",
                        "the archive's schema version " + manifest.schemaVersion() + " is ahead of this release ("
                                + Database.LATEST_SCHEMA_VERSION + "): restore it with a newer release");
            }
            if (settings.isH2()) {
                h2Restore(settings, manifest, data);
            } else {
                pgRestore(settings, manifest, data, pgBin);
            }
            LOG.info("backup {} restored into {}: schema version {}, {} audit records", archive, settings.safeUrl(),
                    manifest.schemaVersion(), manifest.auditCount());
            return manifest;
        } catch (IOException | UncheckedIOException e) {
            throw new BackupException(BackupException.Kind.FAILED, "恢复未能完成：" + e.getMessage(),
                    "the restore could not be done: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new BackupException(BackupException.Kind.FAILED, "恢复未能完成：" + SqlErrors.rootMessage(e),
                    "the restore could not be done: " + SqlErrors.rootMessage(e), e);
        } finally {
            deleteTree(work);
        }
    }

    private static String label(String vendor) {
        return Manifest.H2.equals(vendor) ? "嵌入式H2" : "PostgreSQL";
    }

    static boolean newerThanThisRelease(String version) {
        try {
            return Database.compareVersions(Database.versionParts(version),
                    Database.versionParts(Database.LATEST_SCHEMA_VERSION)) > 0;
        } catch (NumberFormatException e) {
            throw new BackupException(BackupException.Kind.DAMAGED, "备份清单中的结构版本无法识别：" + version,
                    "the manifest's schema version cannot be read: " + version);
        }
    }

    // ------------------------------------------------------------------------------------------------------ H2

    private static Manifest h2Backup(Database database, Path work, String createdBy, Instant now)
            throws SQLException, IOException {
        DatabaseSettings settings = database.settings();
        Path base = NewDatabaseFile.basePath(settings.url()).orElseThrow(() -> new BackupException(
                BackupException.Kind.FAILED, "只能备份文件中的嵌入式数据库", "only an embedded database in files can be "
                + "backed up this way"));
        Path online = work.resolve("online.zip");
        // a session of its own on the open database (H2 shares it by its name), without the pool's statement
        // timeout: copying a large database may take longer than any one statement of a request may
        try (Connection c = DriverManager.getConnection(H2Urls.durable(settings.url()), settings.user(),
                settings.password()); Statement s = c.createStatement()) {
            s.execute("BACKUP TO " + literal(online));
        }
        Path copy = work.resolve("copy").resolve(base.getFileName().toString());
        extractStore(online, Path.of(copy + ".mv.db"));
        String copyUrl = "jdbc:h2:file:" + copy + options(settings.url());
        Path script = work.resolve("data.sql");
        try (Connection c = DriverManager.getConnection(copyUrl, settings.user(), settings.password());
             Statement s = c.createStatement()) {
            Manifest manifest = describe(c, Manifest.H2, createdBy, now, "data.sql");
            s.execute("SCRIPT NOPASSWORDS TO " + literal(script) + " CHARSET 'UTF-8'");
            s.execute("SHUTDOWN");
            return manifest;
        }
    }

    private static void extractStore(Path zip, Path store) throws IOException {
        Files.createDirectories(store.getParent());
        try (InputStream file = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(file)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().endsWith(".mv.db")) {
                    Files.copy(in, store);
                    return;
                }
            }
        }
        throw new IOException("H2's BACKUP wrote no database file");
    }

    private static void h2Restore(DatabaseSettings settings, Manifest manifest, Path script)
            throws SQLException, IOException {
        Path base = NewDatabaseFile.basePath(settings.url()).orElseThrow(() -> new BackupException(
                BackupException.Kind.FAILED, "只能恢复到文件中的嵌入式数据库", "only an embedded database in files can be "
                + "restored into"));
        Path store = Path.of(base + ".mv.db");
        if (Files.exists(store)) {
            try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
                 Statement s = c.createStatement()) {
                refuseUnlessEmpty(c, false);
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                if (inUse(e.getMessage())) {
                    throw inUse(e);
                }
                throw e;
            }
            // an empty database (a server started once, say): the restored one takes its place
            Files.delete(store);
            Files.deleteIfExists(Path.of(base + ".trace.db"));
        }
        NewDatabaseFile.buildIfAbsent(settings.url(), (buildingUrl, buildingFile) -> {
            try (Connection c = DriverManager.getConnection(buildingUrl, settings.user(), settings.password());
                 Statement s = c.createStatement()) {
                s.execute("RUNSCRIPT FROM " + literal(script) + " CHARSET 'UTF-8'");
                checkCounts(c, manifest);
                s.execute("SHUTDOWN");
            }
            return manifest;
        }).orElseThrow(() -> new IOException("the database file " + store + " appeared while it was restored"));
    }

    /** Whether H2's message says the database file is open in another process. */
    public static boolean inUse(String message) {
        String m = String.valueOf(message);
        return m.contains("already in use") || m.contains("file is locked");
    }

    static BackupException inUse(Throwable cause) {
        return new BackupException(BackupException.Kind.IN_USE, "嵌入式数据库正被运行中的服务器使用：请先停止服务器，"
                + "或在服务器运行时由系统管理员通过 POST /api/backups 备份",
                "the embedded database is in use by a running server: stop the server first, or back up through "
                        + "POST /api/backups as the system administrator while it runs", cause);
    }

    /** A path as an SQL string literal. */
    private static String literal(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }

    private static String options(String url) {
        int options = url.indexOf(';');
        return options < 0 ? "" : url.substring(options);
    }

    // ------------------------------------------------------------------------------------------------ PostgreSQL

    private static Manifest pgBackup(Database database, Path work, String createdBy, Instant now,
                                     Optional<String> pgBin) throws SQLException {
        DatabaseSettings settings = database.settings();
        PgTools.Target target = PgTools.target(settings.url(), settings.user(), settings.password());
        Path pgDump = PgTools.tool("pg_dump", pgBin, System.getenv("PATH"));
        try (Connection c = database.dataSource().getConnection()) {
            int isolation = c.getTransactionIsolation();
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (Statement s = c.createStatement()) {
                // the snapshot must outlive the dump's start, however long the dump takes
                s.execute("SET LOCAL idle_in_transaction_session_timeout = 0");
                s.execute("SET LOCAL statement_timeout = 0");
                String snapshot;
                try (ResultSet rs = s.executeQuery("SELECT pg_export_snapshot()")) {
                    rs.next();
                    snapshot = rs.getString(1);
                }
                Manifest manifest = describe(c, Manifest.POSTGRESQL, createdBy, now, "data.dump");
                try {
                    PgTools.run(PgTools.dumpCommand(pgDump, target, snapshot, work.resolve("data.dump")), target);
                } catch (BackupException e) {
                    throw versionMismatch(e, pgDump).orElseThrow(() -> e);
                }
                return manifest;
            } finally {
                c.rollback();
                c.setAutoCommit(true);
                c.setTransactionIsolation(isolation);
            }
        }
    }

    private static void pgRestore(DatabaseSettings settings, Manifest manifest, Path dump, Optional<String> pgBin)
            throws SQLException {
        PgTools.Target target = PgTools.target(settings.url(), settings.user(), settings.password());
        try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password())) {
            refuseUnlessEmpty(c, true);
        }
        Path pgRestore = PgTools.tool("pg_restore", pgBin, System.getenv("PATH"));
        try {
            PgTools.run(PgTools.restoreCommand(pgRestore, target, dump), target);
        } catch (BackupException e) {
            throw missingRole(e).or(() -> versionMismatch(e, pgRestore)).orElseThrow(() -> e);
        }
        try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password())) {
            checkCounts(c, manifest);
        }
    }

    private static final java.util.regex.Pattern MISSING_ROLE =
            java.util.regex.Pattern.compile("role \"([^\"]{1,63})\" does not exist");

    /**
     * A restore that failed for a role the dump grants to (a dump carries grants, not roles) and the target server
     * lacks, told as such: nothing was restored (one transaction), and the role must be made first.
     */
    static Optional<BackupException> missingRole(BackupException failed) {
        java.util.regex.Matcher m = MISSING_ROLE.matcher(String.valueOf(failed.getMessage()));
        if (!m.find()) {
            return Optional.empty();
        }
        String role = m.group(1);
        return Optional.of(new BackupException(BackupException.Kind.FAILED, "目标服务器中没有角色" + role
                + "：备份中的授权要用到它，而备份不含角色。请先以CREATE ROLE " + role + "建立该角色后重新恢复；本次未恢复任何数据",
                "the target server has no role " + role + ": the archive's grants name it, and a backup holds no "
                        + "roles; CREATE ROLE " + role + " first, then restore again; nothing was restored",
                failed));
    }

    /**
     * A tool refused for its version, told with what to do: pg_dump older than the server ("server version
     * mismatch"), pg_restore older than the pg_dump that made the archive ("unsupported version … in file header").
     */
    static Optional<BackupException> versionMismatch(BackupException failed, Path tool) {
        String message = String.valueOf(failed.getMessage());
        if (message.contains("server version mismatch")) {
            return Optional.of(new BackupException(BackupException.Kind.FAILED, "客户端程序" + tool + "的大版本低于数据库服务器，"
                    + "pg_dump拒绝备份：请安装与服务器同一大版本或更新的PostgreSQL客户端，并用" + PgTools.BIN_VARIABLE
                    + "指明其目录（" + failed.getMessage() + "）", tool + " is of an older major version than the "
                    + "database server and refuses it: install the client of the server's major version or newer and "
                    + "set " + PgTools.BIN_VARIABLE + " to its directory (" + failed.getMessage() + ")", failed));
        }
        if (message.contains("unsupported version") && message.contains("file header")) {
            return Optional.of(new BackupException(BackupException.Kind.FAILED, "备份由较新的pg_dump生成，" + tool
                    + "读不了：请用不低于它的PostgreSQL客户端恢复，并用" + PgTools.BIN_VARIABLE + "指明其目录；本次未恢复任何数据",
                    "the archive was made by a newer pg_dump than " + tool + " can read: restore with a client at "
                            + "least as new, set " + PgTools.BIN_VARIABLE + " to its directory; nothing was restored",
                    failed));
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------------------------------------ both

    /** The manifest of the database on {@code c} (without the data's digest, which the archive adds). */
    private static Manifest describe(Connection c, String vendor, String createdBy, Instant now, String entry)
            throws SQLException {
        long lastId = 0;
        long count = 0;
        String lastSeal = "";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT last_id, record_count, last_seal FROM audit_chain WHERE id = 1")) {
            if (rs.next()) {
                lastId = rs.getLong(1);
                count = rs.getLong(2);
                lastSeal = rs.getString(3);
            }
        }
        return new Manifest(vendor, schemaVersion(c), now, createdBy, counts(c), lastId, count, lastSeal, entry, "",
                0);
    }

    private static String schemaVersion(Connection c) throws SQLException {
        List<Integer> latest = null;
        String text = "none";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT version FROM flyway_schema_history WHERE success = TRUE AND version IS NOT NULL")) {
            while (rs.next()) {
                List<Integer> parts = Database.versionParts(rs.getString(1));
                if (latest == null || Database.compareVersions(parts, latest) > 0) {
                    latest = parts;
                    text = rs.getString(1);
                }
            }
        }
        return text;
    }

    /** The rows of every table of the application's schema. */
    static SortedMap<String, Long> counts(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT table_name FROM "
                + "information_schema.tables WHERE LOWER(table_schema) = 'public' AND table_type = 'BASE TABLE'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        SortedMap<String, Long> counts = new TreeMap<>();
        for (String table : tables) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT COUNT(*) FROM \"" + table.replace("\"", "\"\"") + "\"")) {
                rs.next();
                counts.put(table, rs.getLong(1));
            }
        }
        return counts;
    }

    /**
     * Refuses a database with accounts, projects or audit records (on PostgreSQL: with any table of the schema),
     * changing nothing.
     */
    private static void refuseUnlessEmpty(Connection c, boolean noTables) throws SQLException {
        Map<String, Long> counts = counts(c);
        long accounts = counts.getOrDefault("account", 0L);
        long projects = counts.getOrDefault("project", 0L);
        long audit = counts.getOrDefault("audit_record", 0L);
        boolean content = CONTENT.stream().anyMatch(t -> counts.getOrDefault(t, 0L) > 0);
        if (content) {
            throw new BackupException(BackupException.Kind.NOT_EMPTY, "目标数据库不是空的（账号" + accounts + "个、项目"
                    + projects + "个、审计记录" + audit + "条）：恢复只能进入空数据库，未做任何改动",
                    "the target database is not empty (" + accounts + " accounts, " + projects + " projects, " + audit
                            + " audit records): a restore goes into an empty database only; nothing was changed");
        }
        if (noTables && !counts.isEmpty()) {
            throw new BackupException(BackupException.Kind.NOT_EMPTY, "目标数据库中已有" + counts.size() + "张表：请恢复到用"
                    + "createdb新建的空数据库（属主为运行恢复的角色），未做任何改动",
                    "the target database has " + counts.size() + " tables already: restore into a new database made "
                            + "with createdb (owned by the restoring role); nothing was changed");
        }
    }

    /** The restored rows against the manifest's counts, table by table. */
    private static void checkCounts(Connection c, Manifest manifest) throws SQLException {
        SortedMap<String, Long> restored = counts(c);
        for (Map.Entry<String, Long> e : manifest.counts().entrySet()) {
            long got = restored.getOrDefault(e.getKey(), -1L);
            if (got != e.getValue()) {
                throw new BackupException(BackupException.Kind.FAILED, "恢复后的表" + e.getKey() + "有" + got
                        + "行，备份清单记载" + e.getValue() + "行", "the restored table " + e.getKey() + " has " + got
                        + " rows, the manifest says " + e.getValue());
            }
        }
    }

    private static Path workDirectory() {
        try {
            return Files.createTempDirectory("egov-backup");
        } catch (IOException e) {
            throw new BackupException(BackupException.Kind.FAILED, "无法建立临时目录：" + e.getMessage(),
                    "cannot make a temporary directory: " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("the temporary directory {} was not removed: {}", dir, e.getMessage());
        }
    }
}
