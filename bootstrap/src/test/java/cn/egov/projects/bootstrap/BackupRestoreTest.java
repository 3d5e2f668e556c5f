package cn.egov.projects.bootstrap;

import cn.egov.projects.application.port.in.AttachDocumentCommand;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.CreateAccountCommand;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.persistence.DatabaseSettings;
import cn.egov.projects.web.WebServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("备份与恢复：运行中在线备份，恢复到空数据库并核验审计记录链；损坏的备份和非空的目标被拒绝")
class BackupRestoreTest {

    private static final String PASSWORD = "Correct-Horse-42-battery";

    @TempDir
    Path dir;
    private Map<String, String> env;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream original;
    private Application application;
    private WebServer server;
    private String projectId;

    @BeforeEach
    void setUp() {
        env = environment("data");
        original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void tearDown() {
        System.setOut(original);
        stopServer();
    }

    private Map<String, String> environment(String dataDir) {
        return new HashMap<>(Map.of("EGOV_DB_URL", DatabaseSettings.embeddedH2(dir.resolve(dataDir)).url(),
                "EGOV_AUDIT_KEY_FILE", dir.resolve("keys").resolve("audit.key").toString(),
                "EGOV_BACKUP_DIR", dir.resolve("backups").toString(),
                "EGOV_ADMIN_PASSWORD", PASSWORD));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private void stopServer() {
        if (server != null) {
            server.close();
            server = null;
        }
        if (application != null) {
            application.close();
            application = null;
        }
    }

    /** A system with the administrator, a unit's person, a draft and a document; the server left running. */
    private byte[] runningSystemWithData() throws Exception {
        // create-admin prints the administrator's one-time-code secret once, as to the operator
        java.io.PrintStream original = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.run(List.of("create-admin", "--username", "admin", "--name", "系统管理员", "--unit",
                    "TC-DSJ"), env)).isEqualTo(ExitCode.OK);
        } finally {
            System.setOut(original);
        }
        codes.put("admin", OneTimeCodes.printed(printed.toString(StandardCharsets.UTF_8)));
        application = Application.open(Settings.parse(List.of(), env));
        server = WebServer.start(application.webApi(), 0);
        Caller admin = caller("admin");
        // ready to work, as its owner makes it (the first password an administrator sets must be changed)
        AccountsForTests.ready(application.accounts(), admin, new CreateAccountCommand("police", "公安经办",
                Role.UNIT_STAFF, new UnitId("TC-GAJ"), null, null, PASSWORD.toCharArray()));
        HttpResponse<String> draft = send("POST", "/api/projects", "police", profile("智慧警务平台"));
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
        projectId = new JsonObject(draft.body()).getString("id");
        byte[] content = "实施方案：第一阶段建设数据汇聚平台。\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        application.web().workplace().documents().attach(caller("police"), new AttachDocumentCommand(
                new ProjectId(UUID.fromString(projectId)), "实施方案", "plan.txt", "text/plain", content));
        // a classified project read inside its 知悉范围, and an export: both in the security audit trail, sealed
        HttpResponse<String> secret = send("POST", "/api/projects", "police",
                profile("涉密指挥系统").replace("\"classified\": false", "\"classified\": true"));
        assertThat(secret.statusCode()).as(secret.body()).isEqualTo(201);
        assertThat(send("GET", "/api/projects/" + new JsonObject(secret.body()).getString("id"), "police", null)
                .statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/exports/overdue.xlsx", "police", null).statusCode()).isEqualTo(200);
        return content;
    }

    private Caller caller(String username) {
        return new Caller(application.accounts().authenticate(username, PASSWORD.toCharArray()).orElseThrow(), "test",
                "127.0.0.1");
    }

    @Test
    @DisplayName("运行中由系统管理员在线备份；恢复到新的空数据目录：审计记录链核验通过、条数相同，项目和文档都在")
    void onlineBackupRestoresIntoAnEmptyDatabase() throws Exception {
        byte[] content = runningSystemWithData();

        HttpResponse<String> refused = send("POST", "/api/backups", "police", null);
        assertThat(refused.statusCode()).isEqualTo(403);
        // the unit keeps drafting while the backup is made: the backup is one consistent moment all the same
        java.util.concurrent.atomic.AtomicBoolean backingUp = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicInteger drafted = new java.util.concurrent.atomic.AtomicInteger();
        Thread writer = new Thread(() -> {
            while (backingUp.get()) {
                try {
                    if (send("POST", "/api/projects", "police", profile("并发草稿" + drafted.get())).statusCode() == 201) {
                        drafted.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        writer.start();
        HttpResponse<String> made;
        try {
            made = send("POST", "/api/backups", "admin", null);
        } finally {
            backingUp.set(false);
            writer.join();
        }
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        JsonObject backup = new JsonObject(made.body());
        long projects = backup.getLong("projects");
        assertThat(projects).isBetween(2L, 2L + drafted.get());
        assertThat(backup.getLong("documents")).isEqualTo(1);
        assertThat(backup.getLong("accounts")).isEqualTo(2);
        long audited = backup.getLong("auditRecords");
        assertThat(audited).isPositive();
        Path archive = dir.resolve("backups").resolve(backup.getString("fileName"));
        assertThat(archive).exists();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            assertThat(zip.stream().map(ZipEntry::getName).toList())
                    .containsExactlyInAnyOrder("data.sql", "manifest.properties", "manifest.sm3")
                    .noneMatch(name -> name.contains("key"));
        }
        stopServer();
        // the backup is in the security audit trail: who, which file, what it held
        assertThat(auditSummaries(env, "BACKUP")).singleElement().asString()
                .contains(backup.getString("fileName"), "项目" + projects + "个", "文档1个", "账号2个");

        Map<String, String> restored = environment("restored");
        out.reset();
        assertThat(Main.run(List.of("restore", "--from", archive.toString()), restored)).isEqualTo(ExitCode.OK);
        assertThat(printed()).contains("项目" + projects + "个、文档1个、账号2个", "已核验 " + audited + " 条记录");

        out.reset();
        assertThat(Main.run(List.of("verify-audit"), restored)).isEqualTo(ExitCode.OK);
        // the records of the backup, and the restore's own record after them
        assertThat(printed()).contains("已核验 " + (audited + 1) + " 条记录");
        assertThat(auditSummaries(restored, "RESTORE")).singleElement().asString()
                .contains(backup.getString("fileName"), "项目" + projects + "个");
        assertThat(count(restored, "SELECT COUNT(*) FROM project")).isEqualTo(projects);
        // every draft in the backup has its creation's audit record, sealed: the two were copied at one moment
        assertThat(count(restored, "SELECT COUNT(*) FROM audit_record WHERE action = 'CREATE_DRAFT'"))
                .isEqualTo(projects);
        assertThat(count(restored, "SELECT COUNT(*) FROM account")).isEqualTo(2);
        assertThat(documentBytes(restored)).isEqualTo(content);
        assertThat(count(restored, "SELECT COUNT(*) FROM audit_record WHERE action = 'READ_CLASSIFIED'")).isEqualTo(1);
        assertThat(count(restored, "SELECT COUNT(*) FROM audit_record WHERE action = 'EXPORT'")).isEqualTo(1);

        // the restored system serves: the person signs in and reads the project's document
        application = Application.open(Settings.parse(List.of(), restored));
        server = WebServer.start(application.webApi(), 0);
        HttpResponse<String> project = send("GET", "/api/projects/" + projectId, "police", null);
        assertThat(project.statusCode()).isEqualTo(200);
        assertThat(project.body()).contains("智慧警务平台");
    }

    @Test
    @DisplayName("离线备份命令；被改动或损坏的备份：恢复拒绝，退出码7，不建数据库")
    void damagedArchivesAreRefused() throws Exception {
        assertThat(Main.run(List.of("create-admin", "--username", "admin", "--name", "系统管理员", "--unit", "TC-DSJ"),
                env)).isEqualTo(ExitCode.OK);
        Path archive = dir.resolve("offline.zip");
        assertThat(Main.run(List.of("backup", "--to", archive.toString()), env)).isEqualTo(ExitCode.OK);
        assertThat(auditSummaries(env, "BACKUP")).singleElement().asString().contains("offline.zip", "账号1个");
        // a backup never replaces a file
        assertThat(Main.run(List.of("backup", "--to", archive.toString()), env)).isEqualTo(ExitCode.BAD_SETTING);

        // the data altered, the zip itself intact: the SM3 digest tells
        Path altered = dir.resolve("altered.zip");
        rewrite(archive, altered, "data.sql", text -> text.replace("'TC-DSJ'", "'TC-XXX'"));
        Map<String, String> target = environment("restored");
        out.reset();
        assertThat(Main.run(List.of("restore", "--from", altered.toString()), target))
                .isEqualTo(ExitCode.ARCHIVE_UNUSABLE);
        assertThat(printed()).contains("SM3");
        assertThat(dir.resolve("restored").resolve("egov.mv.db")).doesNotExist();

        // the manifest altered
        Path manifest = dir.resolve("manifest.zip");
        rewrite(archive, manifest, "manifest.properties", text -> text.replace("count.account=1", "count.account=2"));
        assertThat(Main.run(List.of("restore", "--from", manifest.toString()), target))
                .isEqualTo(ExitCode.ARCHIVE_UNUSABLE);

        // bytes damaged in the middle of the file
        byte[] bytes = Files.readAllBytes(archive);
        for (int i = bytes.length / 3; i < bytes.length / 3 + 16; i++) {
            bytes[i] ^= 0x5A;
        }
        Path damaged = Files.write(dir.resolve("damaged.zip"), bytes);
        assertThat(Main.run(List.of("restore", "--from", damaged.toString()), target))
                .isEqualTo(ExitCode.ARCHIVE_UNUSABLE);
        assertThat(Main.run(List.of("restore", "--from", dir.resolve("none.zip").toString()), target))
                .isEqualTo(ExitCode.ARCHIVE_UNUSABLE);
        assertThat(dir.resolve("restored").resolve("egov.mv.db")).doesNotExist();

        // the intact archive restores
        assertThat(Main.run(List.of("restore", "--from", archive.toString()), target)).isEqualTo(ExitCode.OK);
    }

    @Test
    @DisplayName("恢复到非空数据库：拒绝，退出码8，数据库不变")
    void aDatabaseWithDataIsNotRestoredInto() throws Exception {
        assertThat(Main.run(List.of("create-admin", "--username", "admin", "--name", "系统管理员", "--unit", "TC-DSJ"),
                env)).isEqualTo(ExitCode.OK);
        Path archive = dir.resolve("offline.zip");
        assertThat(Main.run(List.of("backup", "--to", archive.toString()), env)).isEqualTo(ExitCode.OK);
        Map<String, String> other = environment("other");
        assertThat(Main.run(List.of("create-admin", "--username", "another", "--name", "另一个管理员", "--unit",
                "TC-DSJ"), other)).isEqualTo(ExitCode.OK);
        long records = count(other, "SELECT COUNT(*) FROM audit_record");

        out.reset();
        assertThat(Main.run(List.of("restore", "--from", archive.toString()), other))
                .isEqualTo(ExitCode.RESTORE_REFUSED);
        assertThat(printed()).contains("目标数据库不是空的", "未做任何改动");
        assertThat(count(other, "SELECT COUNT(*) FROM account WHERE username = 'another'")).isEqualTo(1);
        assertThat(count(other, "SELECT COUNT(*) FROM account WHERE username = 'admin'")).isZero();
        assertThat(count(other, "SELECT COUNT(*) FROM audit_record")).isEqualTo(records);
        assertThat(Main.run(List.of("verify-audit"), other)).isEqualTo(ExitCode.OK);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static void rewrite(Path from, Path to, String entry, java.util.function.UnaryOperator<String> change)
            throws IOException {
        try (ZipFile zip = new ZipFile(from.toFile()); OutputStream file = Files.newOutputStream(to);
             ZipOutputStream copy = new ZipOutputStream(file)) {
            for (ZipEntry e : zip.stream().toList()) {
                copy.putNextEntry(new ZipEntry(e.getName()));
                try (InputStream in = zip.getInputStream(e)) {
                    byte[] bytes = in.readAllBytes();
                    if (e.getName().equals(entry)) {
                        String text = new String(bytes, StandardCharsets.UTF_8);
                        String changed = change.apply(text);
                        assertThat(changed).as("the test changes " + entry).isNotEqualTo(text);
                        bytes = changed.getBytes(StandardCharsets.UTF_8);
                    }
                    copy.write(bytes);
                }
                copy.closeEntry();
            }
        }
    }

    private static Connection connect(Map<String, String> env) throws SQLException {
        DatabaseSettings db = Settings.parse(List.of(), env).database();
        return DriverManager.getConnection(db.url(), db.user(), db.password());
    }

    private static long count(Map<String, String> env, String sql) throws SQLException {
        try (Connection c = connect(env); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> auditSummaries(Map<String, String> env, String action) throws SQLException {
        try (Connection c = connect(env); PreparedStatement ps = c.prepareStatement(
                "SELECT user_id || ' ' || summary FROM audit_record WHERE action = ? ORDER BY id")) {
            ps.setString(1, action);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> summaries = new java.util.ArrayList<>();
                while (rs.next()) {
                    summaries.add(rs.getString(1));
                }
                return summaries;
            }
        }
    }

    private static byte[] documentBytes(Map<String, String> env) throws SQLException {
        try (Connection c = connect(env); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT content FROM document")) {
            assertThat(rs.next()).isTrue();
            return rs.getBytes(1);
        }
    }

    /** The one-time-code secrets of the accounts that have a second factor (the administrator). */
    private final OneTimeCodes codes = new OneTimeCodes();

    private HttpResponse<String> send(String method, String path, String user, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)));
        if (codes.has(user)) {
            request.header("X-Egov-OTP", codes.fresh(user));
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String profile(String name) {
        return """
                {"name": "%s", "planYear": 2025, "category": "BUSINESS_SYSTEM", "nature": "NEW",
                 "softwareDevelopment": true, "funding": "MUNICIPAL", "classified": false, "usesCryptography": false,
                 "scopeItems": ["数据汇聚平台"], "performanceGoals": [{"indicator": "处置时间缩短比例", "kind": "BENEFIT", "target": "≥20%%"}],
                 "budgetLines": [{"item": "软件开发", "amount": "1200000.00", "supervision": false},
                                 {"item": "项目监理", "amount": "60000.10", "supervision": true}],
                 "people": {"leader": {"name": "王分管", "mobile": "13900000001", "email": "wang@tc.gov.cn"},
                            "responsible": {"name": "李责任", "mobile": "13900000002", "email": "li@tc.gov.cn"}}}
                """.formatted(name);
    }
}
