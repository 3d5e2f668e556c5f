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
