package cn.egov.projects.bootstrap;

import cn.egov.projects.persistence.DatabaseSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("verify-audit：用服务器的设置和密钥核验审计记录链")
class VerifyAuditTest {

    @TempDir
    Path dir;
    private Map<String, String> env;
    private DatabaseSettings database;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream original;

    @BeforeEach
    void setUp() {
        env = new HashMap<>(Map.of("EGOV_DB_URL", DatabaseSettings.embeddedH2(dir.resolve("data")).url(),
                "EGOV_AUDIT_KEY_FILE", dir.resolve("keys").resolve("audit.key").toString(),
                "EGOV_ADMIN_PASSWORD", "Correct-Horse-42-battery"));
        database = Settings.parse(List.of(), env).database();
        original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(original);
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private long auditRecords() throws SQLException {
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM audit_record")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    @DisplayName("链完整：退出码0并打印核验条数；改动一条记录后：退出码1并指出该条")
    void intactThenBroken() throws SQLException {
        assertThat(Main.run(List.of("create-admin", "--username", "admin", "--name", "系统管理员", "--unit", "TC-DSJ"),
                env)).isEqualTo(ExitCode.OK);
        assertThat(Files.exists(dir.resolve("keys").resolve("audit.key"))).as("the server made its key").isTrue();
        long records = auditRecords();
        assertThat(records).isPositive();

        assertThat(Main.run(List.of("verify-audit"), env)).isEqualTo(ExitCode.OK);
        assertThat(printed()).contains("已核验 " + records + " 条记录", "audit trail intact: " + records + " records checked");

        long first;
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT MIN(id) FROM audit_record")) {
                rs.next();
                first = rs.getLong(1);
            }
            s.executeUpdate("UPDATE audit_record SET summary = '改写的历史' WHERE id = " + first);
        }
        out.reset();

        assertThat(Main.run(List.of("verify-audit"), env)).isEqualTo(ExitCode.AUDIT_CHAIN_BROKEN);
        assertThat(printed()).contains("第 " + first + " 号记录", "BROKEN at record " + first);
    }

    @Test
    @DisplayName("找不到密钥文件：退出码3，不会新建密钥")
    void withoutItsKeyNothingIsChecked() {
        assertThat(Main.run(List.of("create-admin", "--username", "admin", "--name", "系统管理员", "--unit", "TC-DSJ"),
                env)).isEqualTo(ExitCode.OK);
        env.put("EGOV_AUDIT_KEY_FILE", dir.resolve("elsewhere.key").toString());

        assertThat(Main.run(List.of("verify-audit"), env)).isEqualTo(ExitCode.BAD_CONFIGURATION_FILE);
        assertThat(Files.exists(dir.resolve("elsewhere.key"))).isFalse();
    }
}
