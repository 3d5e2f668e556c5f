package cn.egov.projects.bootstrap;

import cn.egov.projects.persistence.Database;
import cn.egov.projects.persistence.DatabaseSettings;
import cn.egov.projects.persistence.PersistenceAdapters;
import cn.egov.projects.persistence.audit.AuditKey;
import cn.egov.projects.persistence.crypto.DataKeys;
import cn.egov.projects.persistence.crypto.FieldCipher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("个人信息加密存储：数据库文件中没有明文手机号和邮箱；rotate-keys 用新密钥重写每个加密值")
class PersonalDataAtRestTest {

    private static final String MOBILE = "13912345678";
    private static final String EMAIL = "zhangsan@example.cn";

    @TempDir
    Path dir;
    private Map<String, String> env;
    private DatabaseSettings database;
    private Path keyFile;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream original;

    @BeforeEach
    void setUp() {
        keyFile = dir.resolve("keys").resolve("data.key");
        env = new HashMap<>(Map.of("EGOV_DB_URL", DatabaseSettings.embeddedH2(dir.resolve("data")).url(),
                "EGOV_AUDIT_KEY_FILE", dir.resolve("keys").resolve("audit.key").toString(),
                "EGOV_DATA_KEY_FILE", keyFile.toString(),
                "EGOV_ADMIN_PASSWORD", "Correct-Horse-42-battery"));
        database = Settings.parse(List.of(), env).database();
        original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(original);
    }

    private int createAdmin() {
        return Main.run(List.of("create-admin", "--username", "admin", "--name", "系统管理员", "--unit", "TC-DSJ",
                "--mobile", MOBILE, "--email", EMAIL), env);
    }

    private String storedMobile() throws SQLException {
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT mobile FROM account WHERE username = 'admin'")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    /** Every byte of every file of the embedded database, after it was closed. */
    private byte[] databaseFiles() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (Stream<Path> files = Files.walk(dir.resolve("data"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.write(Files.readAllBytes(file));
            }
        }
        return all.toByteArray();
    }

    private static boolean contains(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + n.length <= haystack.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (haystack[i + j] != n[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Test
    @DisplayName("服务器首次启动时建立只有属主可读写的密钥文件；关闭后的H2数据库文件中只有密文，没有明文手机号和邮箱")
    void theDatabaseFileHoldsNoPlaintext() throws IOException {
        assertThat(createAdmin()).isEqualTo(ExitCode.OK);
        assertThat(Files.getPosixFilePermissions(keyFile)).containsExactlyInAnyOrder(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

        byte[] files = databaseFiles();
        // the controls: the same columns' encrypted values, and the account's other text, are in the file as written
        assertThat(contains(files, "sm4gcm:v1:k1:")).as("the encrypted values are in the file as text").isTrue();
        assertThat(contains(files, "TC-DSJ")).as("the file is read as stored, not compressed").isTrue();
        assertThat(contains(files, MOBILE)).as("the mobile number in plaintext").isFalse();
        assertThat(contains(files, EMAIL)).as("the e-mail address in plaintext").isFalse();
        assertThat(contains(files, "zhangsan")).isFalse();
    }

    /** A reminder of {@code deadline} due in 3 days, to the mobile number and e-mail address, planned for today. */
    private static cn.egov.projects.application.view.PlannedReminder reminder(UUID deadline) {
        java.time.LocalDate today = java.time.LocalDate.now(cn.egov.projects.application.port.out.ClockPort.ZONE);
        return new cn.egov.projects.application.view.PlannedReminder(deadline,
                cn.egov.projects.domain.deadline.DeadlineKind.CONTRACT_FILING,
                cn.egov.projects.domain.project.ProjectId.random(), "智慧公安数据平台", false, today.plusDays(3),
                "第十四条", new cn.egov.projects.domain.reminder.Reminder(today, 3,
                cn.egov.projects.domain.reminder.Audience.RESPONSIBLE),
                new cn.egov.projects.application.view.ReminderRecipient("张三", EMAIL, MOBILE));
    }

    /**
     * Starts the server's application (its reminder engine sending by the log channels, at any hour), plans the
     * reminders by e-mail and SMS, waits until every one is sent and closes it; returns how many ledger rows were
     * new.
     */
    private int sendReminders(UUID... deadlines) {
        Map<String, String> sending = new HashMap<>(env);
        sending.put("EGOV_QUIET_HOURS", "none");
        sending.put("EGOV_REMINDER_SEND_AT", "00:00");
        try (Application application = Application.open(Settings.parse(List.of(), sending))) {
            var engine = application.reminders();
            int planned = engine.enqueue(Stream.of(deadlines).map(PersonalDataAtRestTest::reminder).toList());
            application.startReminders();
            java.time.LocalDate today = java.time.LocalDate.now(cn.egov.projects.application.port.out.ClockPort.ZONE);
            long end = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(90);
            // the sweep counts the messages with reminders still pending (and schedules them, as it does anyway)
            while (engine.sweep(today) > 0) {
                assertThat(System.nanoTime()).as("reminders sent within 90 s").isLessThan(end);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
            return planned;
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }

    @Test
    @DisplayName("提醒经邮件和短信发出后，关闭的H2数据库文件（含提醒台账和调度表）中没有明文手机号和邮箱；rotate-keys 后台账密文换新密钥、不重发、新提醒照常发出")
    void remindersSentLeaveNoPlaintextAndSurviveRotation() throws IOException, SQLException {
        assertThat(createAdmin()).isEqualTo(ExitCode.OK);
        UUID deadline = UUID.randomUUID();
        assertThat(sendReminders(deadline)).as("one reminder by e-mail, one by SMS").isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM reminder WHERE sent_at IS NOT NULL")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM reminder WHERE recipient LIKE 'sm4gcm:v1:k1:%'"))
                .isEqualTo(2);

        byte[] files = databaseFiles();
        assertThat(contains(files, "sm4gcm:v1:k1:")).isTrue();
        assertThat(contains(files, "CONTRACT_FILING")).as("the ledger's rows are in the file as written").isTrue();
        assertThat(contains(files, MOBILE)).as("the mobile number in plaintext").isFalse();
        assertThat(contains(files, EMAIL)).as("the e-mail address in plaintext").isFalse();
        assertThat(contains(files, "zhangsan")).isFalse();

        assertThat(Main.run(List.of("rotate-keys"), env)).isEqualTo(ExitCode.OK);
        // the administrator's mobile, e-mail and one-time-code secret, and the two reminders' addresses
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("re-encrypted 5 values under data key k2");
        assertThat(count("SELECT COUNT(*) FROM reminder WHERE recipient LIKE 'sm4gcm:v1:k2:%'")).isEqualTo(2);

        // planned again under the new key: the blind index is unchanged, nothing goes twice; a new one goes out
        assertThat(sendReminders(deadline, UUID.randomUUID())).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM reminder")).isEqualTo(4);
        assertThat(count("SELECT COUNT(*) FROM reminder WHERE sent_at IS NULL")).isZero();
        assertThat(count("SELECT COUNT(*) FROM reminder WHERE recipient LIKE 'sm4gcm:v1:k2:%'")).isEqualTo(4);
        files = databaseFiles();
        assertThat(contains(files, MOBILE)).isFalse();
        assertThat(contains(files, EMAIL)).isFalse();
    }

    @Test
    @DisplayName("rotate-keys：加一把新密钥，重写每个加密值并打印个数；再运行再换；值始终可读；没有密钥文件时拒绝")
    void rotateKeys() throws SQLException {
        assertThat(Main.run(List.of("rotate-keys"), env)).as("no key file yet").isEqualTo(ExitCode.BAD_CONFIGURATION_FILE);
        assertThat(Files.exists(keyFile)).as("rotate-keys makes no first key").isFalse();
        assertThat(createAdmin()).isEqualTo(ExitCode.OK);
        assertThat(storedMobile()).startsWith("sm4gcm:v1:k1:");

        assertThat(Main.run(List.of("rotate-keys"), env)).isEqualTo(ExitCode.OK);
        // the administrator's mobile and e-mail, and the one-time-code secret create-admin enrolled
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("已在新密钥 k2 下重新加密 3 个值",
                "re-encrypted 3 values under data key k2");
        assertThat(storedMobile()).startsWith("sm4gcm:v1:k2:");
        assertThat(DataKeys.fromFile(keyFile, false).ids()).containsExactly("k1", "k2");

        assertThat(Main.run(List.of("rotate-keys"), env)).isEqualTo(ExitCode.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("re-encrypted 3 values under data key k3");
        assertThat(storedMobile()).startsWith("sm4gcm:v1:k3:");

        try (Database db = Database.open(database)) {
            PersistenceAdapters adapters = new PersistenceAdapters(db, AuditKey.ephemeral(),
                    new FieldCipher(DataKeys.fromFile(keyFile, false)));
            var admin = adapters.accounts().findByUsername("admin").orElseThrow();
            assertThat(admin.mobile()).isEqualTo(MOBILE);
            assertThat(admin.email()).isEqualTo(EMAIL);
        }
    }
}
