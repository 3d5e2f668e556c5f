package cn.egov.projects.bootstrap;

import cn.egov.projects.application.port.in.AttachDocumentCommand;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.CreateAccountCommand;
import cn.egov.projects.application.port.in.CreateDraftCommand;
import cn.egov.projects.application.port.in.DeclareProjectCommand;
import cn.egov.projects.application.port.in.OpenDeclarationWindowCommand;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.project.AccountablePeople;
import cn.egov.projects.domain.project.BudgetLine;
import cn.egov.projects.domain.catalog.Category;
import cn.egov.projects.domain.catalog.FundingSource;
import cn.egov.projects.domain.project.GoalKind;
import cn.egov.projects.domain.catalog.Nature;
import cn.egov.projects.domain.project.PerformanceGoal;
import cn.egov.projects.domain.project.Person;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ProjectProfile;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.persistence.backup.BackupArchive;
import cn.egov.projects.persistence.backup.Manifest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The PostgreSQL backup and restore with PostgreSQL's real client tools ({@link PgClientTools}: the machine's
 * {@code pg_dump}/{@code pg_restore}, a server of a major version they can dump), as OPERATIONS.md says to run them:
 * the schema owned by {@code egov_owner}, which migrates it, backs it up and restores it; the application running as
 * {@code egov_app} with the documented grants. The {@code backup} and {@code restore} commands are run as an operator
 * runs them ({@link Main#run}), the backup beside the running application.
 */
@DisplayName("PostgreSQL备份与恢复（真实的pg_dump/pg_restore）：运行中备份，恢复到空库，审计链、条数、文档、授权与触发器都在，恢复后的库可用")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgreSqlBackupRoundTripTest {

    private static final String PASSWORD = "Round-Trip-Pass-2026";
    private static final String OWNER = "egov_owner";
    private static final String OWNER_PASSWORD = "Owner-Pass-2026";
    private static final String APP = "egov_app";
    private static final String APP_PASSWORD = "App-Pass-2026";
    private static final Path GUIDE = Path.of("..", "docs", "OPERATIONS.md");

    private Path dir;
    private PgClientTools tools;
    private EmbeddedPostgres postgres;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream original;
    private final List<Application> applications = new ArrayList<>();

    @BeforeAll
    void startServer() throws Exception {
        tools = PgClientTools.find();
        dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "pg-round-trip-");
        postgres = tools.startServer(dir.resolve("pg"));
        try (Connection c = superuser("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + OWNER + " LOGIN PASSWORD '" + OWNER_PASSWORD + "'");
            s.execute("CREATE ROLE " + APP + " LOGIN PASSWORD '" + APP_PASSWORD + "'");
            try (ResultSet rs = s.executeQuery("SHOW server_version_num")) {
                rs.next();
                assertThat(rs.getInt(1) / 10_000).as("the server's major version").isEqualTo(tools.serverMajor())
                        .isLessThanOrEqualTo(tools.major());
            }
        }
    }

    @AfterAll
    void stopServer() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @BeforeEach
    void captureOutput() {
        original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreOutput() {
        System.setOut(original);
        applications.forEach(Application::close);
        applications.clear();
    }

    // ------------------------------------------------------------------------------------------------ the tests

    @Test
    @DisplayName("运行中备份（pg_dump）→ 恢复到新建的空库（pg_restore）：审计记录链在其密钥下核验通过、条数相同；各表行数、文档字节相同；"
            + "文档中的授权与审计表的触发器仍然有效；恢复后的库能载入项目并办理下一步")
    void aRunningDatabaseIsBackedUpAndRestoredIntoAnEmptyOne() throws Exception {
        String source = newDatabase();
        Map<String, String> owner = environment(source, OWNER, OWNER_PASSWORD);
        assertThat(Main.run(List.of("create-admin", "--username", "admin", "--name", "系统管理员", "--unit", "TC-DSJ"),
                owner)).as(this::printed).isEqualTo(ExitCode.OK);
        grants(source);

        // the application runs as egov_app: accounts, a declaration window, two projects, a document, reminders
        Application running = open(environment(source, APP, APP_PASSWORD));
        // 三员分立: the Bureau's role is the security administrator's to grant, a unit's the system administrator's
        Caller secadmin = ready(running, null, "secadmin", Role.SECURITY_ADMIN, "TC-DSJ");
        Caller bdb = ready(running, secadmin, "bdb", Role.BDB_OFFICER, "TC-DSJ");
        Caller police = ready(running, caller(running, "admin"), "police", Role.UNIT_STAFF, "TC-GAJ");
        running.useCases().openDeclarationWindow().openWindow(bdb, new OpenDeclarationWindowCommand(2025,
                LocalDate.of(2024, 8, 20), LocalDate.of(2024, 9, 30)));
        ProjectId declared = running.useCases().createDraft().createDraft(police,
                new CreateDraftCommand(profile("智慧警务平台")));
        ProjectId drafted = running.useCases().createDraft().createDraft(police,
                new CreateDraftCommand(profile("雪亮工程二期")));
        byte[] content = "实施方案：第一阶段建设数据汇聚平台。\n".repeat(300).getBytes(StandardCharsets.UTF_8);
        running.web().workplace().documents().attach(police, new AttachDocumentCommand(declared, "实施方案",
                "plan.txt", "text/plain", content));
        running.useCases().declareProject().declare(police, new DeclareProjectCommand(declared, null));
        // the reminders of the days ahead, as the daily pass plans them (the first days that have any)
        long planned = 0;
        for (LocalDate day = LocalDate.of(2024, 8, 20); planned == 0 && day.isBefore(LocalDate.of(2024, 12, 31));
             day = day.plusDays(1)) {
            planned = running.reminders().planDay(day);
        }
        assertThat(count(owner, "SELECT COUNT(*) FROM reminder")).as("reminders planned").isPositive();
        SortedMap<String, Long> before = rowCounts(owner);

        // backup beside the running application, as the schema's owner, with the machine's pg_dump
        Path archive = dir.resolve("egov-" + source + ".zip");
        out.reset();
        assertThat(Main.run(List.of("backup", "--to", archive.toString()), owner)).as(this::printed)
                .isEqualTo(ExitCode.OK);
        running.close();
        applications.remove(running);
        Manifest manifest = BackupArchive.read(archive, dir.resolve(source + ".data"));
        assertThat(manifest.vendor()).isEqualTo(Manifest.POSTGRESQL);
        assertThat(Files.readString(dir.resolve(source + ".data"), StandardCharsets.ISO_8859_1)).startsWith("PGDMP");
        // what the backup holds is what the database held (the backup's own audit record comes after the dump)
        assertThat(manifest.counts()).isEqualTo(before);
        long audited = manifest.auditCount();
        assertThat(audited).isEqualTo(before.get("audit_record")).isPositive();

        // restore into a new, empty database owned by the restoring role, as OPERATIONS.md says
        String target = newDatabase();
        Map<String, String> restoredOwner = environment(target, OWNER, OWNER_PASSWORD);
        out.reset();
        assertThat(Main.run(List.of("restore", "--from", archive.toString()), restoredOwner)).as(this::printed)
                .isEqualTo(ExitCode.OK);
        assertThat(printed()).contains("项目2个、文档1个、账号4个", "已核验 " + audited + " 条记录");

        // the chain verifies under its key: the archive's records and the restore's own
        out.reset();
        assertThat(Main.run(List.of("verify-audit"), restoredOwner)).as(this::printed).isEqualTo(ExitCode.OK);
        assertThat(printed()).contains("已核验 " + (audited + 1) + " 条记录");
        SortedMap<String, Long> after = rowCounts(restoredOwner);
        SortedMap<String, Long> expected = new TreeMap<>(before);
        expected.merge("audit_record", 1L, Long::sum);
        expected.merge("audit_seal", 1L, Long::sum);
        assertThat(after).isEqualTo(expected);
        assertThat(documentBytes(restoredOwner)).isEqualTo(content);
        assertThat(Main.run(List.of("verify-audit"), owner)).isEqualTo(ExitCode.OK);

        // the documented grants and the audit tables' triggers hold in the restored database as in the source
        assertThat(privileges(target, APP)).isEqualTo(privileges(source, APP))
                .contains("audit_record INSERT", "audit_record SELECT", "audit_chain UPDATE", "project UPDATE")
                .doesNotContain("audit_record UPDATE", "audit_record DELETE", "audit_record TRUNCATE",
                        "audit_seal DELETE", "audit_chain DELETE");
        assertThat(triggers(target)).isEqualTo(triggers(source)).isNotEmpty();
        assertThatThrownBy(() -> execute(restoredOwner, "UPDATE audit_record SET summary = 'x'"))
                .as("the trigger refuses even the owner").isInstanceOf(SQLException.class);
        Map<String, String> restoredApp = environment(target, APP, APP_PASSWORD);
        assertThatThrownBy(() -> execute(restoredApp, "DELETE FROM audit_record"))
                .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        assertThat(count(restoredOwner, "SELECT COUNT(*) FROM audit_record")).isEqualTo(audited + 1);

        // the restored database serves the application as egov_app: it loads the projects and records a transition
        Application restored = open(restoredApp);
        Caller policeAgain = caller(restored, "police");
        assertThat(restored.useCases().getProject().get(policeAgain, declared).project().state())
                .isEqualTo(ProjectState.DECLARED);
        assertThat(restored.useCases().getProject().get(policeAgain, drafted).project().profile().name())
                .isEqualTo("雪亮工程二期");
        restored.useCases().declareProject().declare(policeAgain, new DeclareProjectCommand(drafted, null));
        assertThat(restored.useCases().getProject().get(policeAgain, drafted).project().state())
                .isEqualTo(ProjectState.DECLARED);
        restored.close();
        applications.remove(restored);
        out.reset();
        assertThat(Main.run(List.of("verify-audit"), restoredOwner)).as(this::printed).isEqualTo(ExitCode.OK);
        assertThat(count(restoredOwner, "SELECT COUNT(*) FROM audit_record")).isGreaterThan(audited + 1);
    }

    @Test
    @DisplayName("恢复到非空的数据库：拒绝（退出码8），目标库不变")
    void aTargetThatIsNotEmptyIsRefusedAndLeftUnchanged() throws Exception {
        Path archive = smallArchive();
        String other = newDatabase();
        Map<String, String> target = environment(other, OWNER, OWNER_PASSWORD);
        assertThat(Main.run(List.of("create-admin", "--username", "another", "--name", "另一个管理员", "--unit",
                "TC-DSJ"), target)).isEqualTo(ExitCode.OK);
        SortedMap<String, Long> before = rowCounts(target);

        out.reset();
        assertThat(Main.run(List.of("restore", "--from", archive.toString()), target))
                .isEqualTo(ExitCode.RESTORE_REFUSED);
        assertThat(printed()).contains("目标数据库不是空的", "未做任何改动");
        assertThat(rowCounts(target)).isEqualTo(before);
        assertThat(count(target, "SELECT COUNT(*) FROM account WHERE username = 'admin'")).isZero();
        assertThat(Main.run(List.of("verify-audit"), target)).isEqualTo(ExitCode.OK);
    }

    @Test
    @DisplayName("被改动的备份（数据或清单）：恢复前即拒绝（退出码7），目标库中一张表也没有建")
    void anAlteredArchiveIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path archive = smallArchive();
        String empty = newDatabase();
        Map<String, String> target = environment(empty, OWNER, OWNER_PASSWORD);

        Path alteredData = dir.resolve("altered-data-" + empty + ".zip");
        rewrite(archive, alteredData, "data.dump", bytes -> {
            byte[] changed = bytes.clone();
            for (int i = changed.length / 2; i < changed.length / 2 + 8; i++) {
                changed[i] ^= 0x5A;
            }
            return changed;
        });
        out.reset();
        assertThat(Main.run(List.of("restore", "--from", alteredData.toString()), target))
                .isEqualTo(ExitCode.ARCHIVE_UNUSABLE);
        assertThat(printed()).contains("SM3");

        Path alteredManifest = dir.resolve("altered-manifest-" + empty + ".zip");
        rewrite(archive, alteredManifest, "manifest.properties", bytes -> new String(bytes, StandardCharsets.UTF_8)
                .replace("count.account=1", "count.account=2").getBytes(StandardCharsets.UTF_8));
        assertThat(Main.run(List.of("restore", "--from", alteredManifest.toString()), target))
                .isEqualTo(ExitCode.ARCHIVE_UNUSABLE);
        assertThat(count(target, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'"))
                .isZero();

        // the intact archive restores into that same database
        assertThat(Main.run(List.of("restore", "--from", archive.toString()), target)).as(this::printed)
                .isEqualTo(ExitCode.OK);
    }

    @Test
    @DisplayName("目标服务器缺少备份授权所用的角色：恢复失败（退出码9），说明应先建立哪个角色，目标库中一张表也没有；建立后恢复成功")
    void aRoleTheGrantsNameMissingInTheTargetIsToldAndNothingIsRestored() throws Exception {
        String source = newDatabase();
        Map<String, String> owner = environment(source, OWNER, OWNER_PASSWORD);
        assertThat(Main.run(List.of("create-admin", "--username", "admin", "--name", "系统管理员", "--unit", "TC-DSJ"),
                owner)).isEqualTo(ExitCode.OK);
        grants(source);
        String report = "egov_report_" + Long.toHexString(System.nanoTime());
        try (Connection c = superuser("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + report);
        }
        execute(owner, "GRANT SELECT ON project TO " + report);
        Path archive = dir.resolve("with-report-" + source + ".zip");
        assertThat(Main.run(List.of("backup", "--to", archive.toString()), owner)).as(this::printed)
                .isEqualTo(ExitCode.OK);
        // a new server has the application's roles but not this one
        execute(owner, "REVOKE SELECT ON project FROM " + report);
        try (Connection c = superuser("postgres"); Statement s = c.createStatement()) {
            s.execute("DROP ROLE " + report);
        }

        String empty = newDatabase();
        Map<String, String> target = environment(empty, OWNER, OWNER_PASSWORD);
        out.reset();
        assertThat(Main.run(List.of("restore", "--from", archive.toString()), target))
                .isEqualTo(ExitCode.BACKUP_FAILED);
        assertThat(printed()).contains("目标服务器中没有角色" + report, "CREATE ROLE " + report, "未恢复任何数据");
        assertThat(count(target, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'"))
                .isZero();

        try (Connection c = superuser("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + report);
        }
        assertThat(Main.run(List.of("restore", "--from", archive.toString()), target)).as(this::printed)
                .isEqualTo(ExitCode.OK);
        assertThat(privileges(empty, report)).contains("project SELECT");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** A database with the administrator only, backed up. */
    private Path smallArchive() throws SQLException {
        String source = newDatabase();
        Map<String, String> owner = environment(source, OWNER, OWNER_PASSWORD);
        assertThat(Main.run(List.of("create-admin", "--username", "admin", "--name", "系统管理员", "--unit", "TC-DSJ"),
                owner)).isEqualTo(ExitCode.OK);
        grants(source);
        Path archive = dir.resolve("small-" + source + ".zip");
        assertThat(Main.run(List.of("backup", "--to", archive.toString()), owner)).as(this::printed)
                .isEqualTo(ExitCode.OK);
        return archive;
    }

    private int serial;

    /** A new, empty database owned by egov_owner ({@code createdb -O egov_owner}). */
    private String newDatabase() throws SQLException {
        String name = "egov_" + (++serial) + "_" + Long.toHexString(System.nanoTime());
        try (Connection c = superuser("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " OWNER " + OWNER);
        }
        return name;
    }

    private Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection(url(database), "postgres", "postgres");
    }

    private String url(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    private Map<String, String> environment(String database, String user, String password) {
        Map<String, String> env = new HashMap<>();
        env.put("EGOV_DB_URL", url(database));
        env.put("EGOV_DB_USER", user);
        env.put("EGOV_DB_PASSWORD", password);
        env.put("EGOV_AUDIT_KEY_FILE", dir.resolve("keys").resolve("audit.key").toString());
        env.put("EGOV_DATA_KEY_FILE", dir.resolve("keys").resolve("data.key").toString());
        env.put("EGOV_BACKUP_DIR", dir.resolve("backups").toString());
        env.put("EGOV_ADMIN_PASSWORD", PASSWORD);
        // e-mail reminders are planned into the ledger (none is sent: the scheduler is not started here)
        env.put("EGOV_SMTP_HOST", "127.0.0.1");
        env.put("EGOV_SMTP_PORT", "2525");
        env.put("EGOV_MAIL_FROM", "egov@tc.gov.cn");
        if (!tools.onPath()) {
            env.put("EGOV_PG_BIN", tools.bin().toString());
        }
        return env;
    }

    /** The grants of OPERATIONS.md's block, given by the owner. */
    private void grants(String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(database), OWNER, OWNER_PASSWORD);
             Statement s = c.createStatement()) {
            for (String statement : documentedGrants()) {
                s.execute(statement);
            }
        }
    }

    private static List<String> documentedGrants() {
        try {
            String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
            int begin = guide.indexOf("<!-- grants:begin -->");
            int end = guide.indexOf("<!-- grants:end -->");
            assertThat(begin).as("the grants block of OPERATIONS.md").isNotNegative().isLessThan(end);
            String block = guide.substring(begin + "<!-- grants:begin -->".length(), end).replace("```sql", "")
                    .replace("```", "");
            List<String> statements = Arrays.stream(block.split(";")).map(String::trim).filter(s -> !s.isEmpty())
                    .toList();
            assertThat(statements).isNotEmpty().allMatch(s -> s.contains(APP));
            return statements;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Application open(Map<String, String> env) {
        Application application = Application.open(Settings.parse(List.of(), env),
                new StaffBrowserIT.TestClock(LocalDate.of(2024, 8, 20)));
        applications.add(application);
        return application;
    }

    private static Caller ready(Application application, Caller creator, String username, Role role, String unit) {
        AccountsForTests.ready(application.accounts(), creator, new CreateAccountCommand(username, username, role,
                new UnitId(unit), "1390000" + String.format("%04d", Math.abs(username.hashCode()) % 10_000),
                username + "@tc.gov.cn", PASSWORD.toCharArray()));
        return caller(application, username);
    }

    private static Caller caller(Application application, String username) {
        return new Caller(application.accounts().authenticate(username, PASSWORD.toCharArray()).orElseThrow(), "test",
                "127.0.0.1");
    }

    private static ProjectProfile profile(String name) {
        return new ProjectProfile(name, 2025, Category.BUSINESS_SYSTEM, Nature.NEW, null, null, true,
                FundingSource.MUNICIPAL, false, false, List.of("数据汇聚平台"),
                List.of(PerformanceGoal.of("处置时间缩短比例", GoalKind.BENEFIT, "≥20%")),
                List.of(new BudgetLine("软件开发", Money.yuan("500000.00"), false)),
                new AccountablePeople(new Person("王分管", "13900000001", "wang@tc.gov.cn"),
                        new Person("李责任", "13900000002", "li@tc.gov.cn")));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Connection connect(Map<String, String> env) throws SQLException {
        return DriverManager.getConnection(env.get("EGOV_DB_URL"), env.get("EGOV_DB_USER"), env.get("EGOV_DB_PASSWORD"));
    }

    private static long count(Map<String, String> env, String sql) throws SQLException {
        try (Connection c = connect(env); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(Map<String, String> env, String sql) throws SQLException {
        try (Connection c = connect(env); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The rows of every table of the schema. */
    private static SortedMap<String, Long> rowCounts(Map<String, String> env) throws SQLException {
        SortedMap<String, Long> counts = new TreeMap<>();
        try (Connection c = connect(env); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"" + table + "\"")) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    /** "table PRIVILEGE" for every privilege the role holds on the schema's tables. */
    private SortedSet<String> privileges(String database, String role) throws SQLException {
        SortedSet<String> held = new TreeSet<>();
        try (Connection c = superuser(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT table_name, privilege_type FROM information_schema.role_table_grants "
                        + "WHERE grantee = '" + role + "' AND table_schema = 'public'")) {
            while (rs.next()) {
                held.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        try (Connection c = superuser(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT has_schema_privilege('" + role + "', 'public', 'USAGE')")) {
            rs.next();
            held.add("schema public USAGE " + rs.getBoolean(1));
        }
        return held;
    }

    /** "table trigger" for the schema's own triggers. */
    private SortedSet<String> triggers(String database) throws SQLException {
        SortedSet<String> found = new TreeSet<>();
        try (Connection c = superuser(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT tgrelid::regclass::text, tgname, tgenabled FROM pg_trigger WHERE NOT tgisinternal")) {
            while (rs.next()) {
                found.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
            }
        }
        return found;
    }

    private static byte[] documentBytes(Map<String, String> env) throws SQLException {
        try (Connection c = connect(env); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT content FROM document")) {
            assertThat(rs.next()).isTrue();
            return rs.getBytes(1);
        }
    }

    private static void rewrite(Path from, Path to, String entry, java.util.function.UnaryOperator<byte[]> change)
            throws IOException {
        try (ZipFile zip = new ZipFile(from.toFile()); OutputStream file = Files.newOutputStream(to);
             ZipOutputStream copy = new ZipOutputStream(file)) {
            for (ZipEntry e : zip.stream().toList()) {
                copy.putNextEntry(new ZipEntry(e.getName()));
                try (InputStream in = zip.getInputStream(e)) {
                    byte[] bytes = in.readAllBytes();
                    if (e.getName().equals(entry)) {
                        byte[] changed = change.apply(bytes);
                        assertThat(changed).as("the test changes " + entry).isNotEqualTo(bytes);
                        bytes = changed;
                    }
                    copy.write(bytes);
                }
                copy.closeEntry();
            }
        }
    }
}
