package cn.egov.projects.persistence;

import cn.egov.projects.application.error.DocumentIntegrityException;
import cn.egov.projects.application.port.out.Account;
import cn.egov.projects.application.view.StoredDocument;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.persistence.audit.AuditKey;
import cn.egov.projects.persistence.crypto.DataKeys;
import cn.egov.projects.persistence.crypto.FieldCipher;
import cn.egov.projects.persistence.crypto.Sm3;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Personal data at rest: the account's and the project's contact columns and the contacts inside the project's
 * document hold SM4-GCM ciphertext, never the plaintext; a value moved to another row does not decrypt; values
 * written before V26 are encrypted at the first start; {@code rotate-keys} writes every value again under a new key,
 * once; an uploaded document's SM3 digest is stored and a document altered behind the application's back is refused.
 */
abstract class PersonalDataContractTest extends PersistenceContractTest {

    private static final String MOBILE = "13912345678";

    private static DataKeys keys(int count) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (int i = 1; i <= count; i++) {
            byte[] key = new byte[16];
            java.util.Arrays.fill(key, (byte) (0x40 + i));
            keys.put("k" + i, key);
        }
        return DataKeys.of(keys);
    }

    private static Account account(String mobile, String email) {
        String id = UUID.randomUUID().toString();
        return new Account(id, "u." + id.substring(0, 8), "张三", Role.UNIT_STAFF, new UnitId("TC-GAJ"), mobile,
                email, "hash", true, Set.of());
    }

    private String column(String sql, Object key) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    private void execute(String sql, Object... params) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }

    @Test
    @DisplayName("账号的手机号码和电子邮箱在库中为SM4-GCM密文，读回为原值；密文移到别的账号上无法解密")
    void accountContactsAreCiphertext() throws SQLException {
        Account account = account(MOBILE, "zhangsan@example.cn");
        adapters.accounts().insert(account);
        String mobile = column("SELECT mobile FROM account WHERE user_id = ?", account.userId());
        String email = column("SELECT email FROM account WHERE user_id = ?", account.userId());
        assertThat(mobile).startsWith("sm4gcm:v1:k1:").doesNotContain(MOBILE);
        assertThat(email).startsWith("sm4gcm:v1:k1:").doesNotContain("zhangsan");
        assertThat(adapters.accounts().findById(account.userId())).contains(account);
        assertThat(adapters.webSecurity().findById(account.userId()).orElseThrow().mobile()).isEqualTo(MOBILE);

        Account other = account("13800000000", "other@example.cn");
        adapters.accounts().insert(other);
        execute("UPDATE account SET mobile = ? WHERE user_id = ?", mobile, other.userId());
        assertThatThrownBy(() -> adapters.accounts().findById(other.userId()))
                .isInstanceOf(FieldCipher.UndecryptableException.class)
                .hasMessageContaining("account.mobile").hasMessageContaining(other.userId())
                .hasMessageNotContaining(MOBILE);
    }

    @Test
    @DisplayName("项目的联系人：投影列和项目文档中只有密文；读回、到期提醒的联系人为原值")
    void projectContactsAreCiphertext() throws SQLException {
        Project project = Lifecycles.fullLife(new UnitId("P-" + UUID.randomUUID().toString().substring(0, 8)),
                p -> { });
        adapters.projects().insert(project);
        var leader = project.profile().people().leader();
        String document = column("SELECT document FROM project WHERE id = ?", project.id().value());
        String leaderMobile = column("SELECT leader_mobile FROM project WHERE id = ?", project.id().value());
        assertThat(document).doesNotContain(leader.mobile()).doesNotContain(leader.email()).contains("sm4gcm:v1:");
        assertThat(leaderMobile).startsWith("sm4gcm:v1:").doesNotContain(leader.mobile());
        assertThat(adapters.projects().load(project.id()).orElseThrow().profile().people())
                .isEqualTo(project.profile().people());
    }

    @Test
    @DisplayName("第26版之前写入的明文联系方式在升级后首次启动时加密，之后读回不变")
    void plaintextOfEarlierReleasesIsEncryptedAtTheFirstStart() throws SQLException {
        try (TestDatabase db = newEmptyTestDatabase()) {
            String vendor = db.isPostgreSql() ? "postgresql" : "h2";
            Flyway.configure(getClass().getClassLoader())
                    .dataSource(db.settings().url(), db.settings().user(), db.settings().password())
                    .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                    .target("23").load().migrate();
            try (Connection c = DriverManager.getConnection(db.settings().url(), db.settings().user(),
                    db.settings().password());
                 PreparedStatement ps = c.prepareStatement("INSERT INTO account (user_id, username, display_name,"
                         + " role, unit, mobile, email, password_hash, enabled) VALUES ('old-1', 'old', '老用户',"
                         + " 'UNIT_STAFF', 'TC-GAJ', ?, ?, 'hash', TRUE)")) {
                ps.setString(1, MOBILE);
                ps.setString(2, "old@example.cn");
                ps.executeUpdate();
            }
            try (Database upgraded = Database.open(db.settings())) {
                FieldCipher cipher = new FieldCipher(keys(1));
                PersistenceAdapters first = new PersistenceAdapters(upgraded, AuditKey.ephemeral(), cipher);
                try (Connection c = upgraded.dataSource().getConnection();
                     PreparedStatement ps = c.prepareStatement("SELECT mobile, email FROM account WHERE user_id = 'old-1'");
                     ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).startsWith("sm4gcm:v1:k1:");
                    assertThat(rs.getString(2)).startsWith("sm4gcm:v1:k1:");
                }
                Account old = first.accounts().findById("old-1").orElseThrow();
                assertThat(old.mobile()).isEqualTo(MOBILE);
                assertThat(old.email()).isEqualTo("old@example.cn");
                // the next start finds the sweep done and sweeps nothing
                assertThat(PersonalDataSweep.carryOver(upgraded.dataSource(), cipher, !db.isPostgreSql())).isZero();
            }
        }
    }

    @Test
    @DisplayName("轮换密钥：每个加密值在新密钥下重写一次，再运行不再重写；旧密钥的值在轮换完成前仍可读")
    void rotateKeys() throws SQLException {
        try (TestDatabase db = newTestDatabase(); Database own = Database.open(db.settings())) {
            FieldCipher k1 = new FieldCipher(keys(1));
            PersistenceAdapters before = new PersistenceAdapters(own, AuditKey.ephemeral(), k1);
            before.accounts().insert(account(MOBILE, "a@example.cn"));
            before.accounts().insert(account("13800000001", null));
            Project project = Lifecycles.fullLife(new UnitId("R-" + UUID.randomUUID().toString().substring(0, 8)),
                    p -> { });
            before.projects().insert(project);

            FieldCipher k2 = new FieldCipher(keys(2));
            // before the rotation, the new key set reads values of the old key
            PersistenceAdapters during = new PersistenceAdapters(own, AuditKey.ephemeral(), k2);
            assertThat(during.projects().load(project.id()).orElseThrow().profile().people())
                    .isEqualTo(project.profile().people());
            // 3 account values, 4 project columns and 4 contacts in the document
            assertThat(PersonalDataSweep.rotate(own, k2)).isEqualTo(11);
            assertThat(PersonalDataSweep.rotate(own, k2)).isZero();
            String leaderMobile;
            try (Connection c = own.dataSource().getConnection();
                 PreparedStatement ps = c.prepareStatement("SELECT leader_mobile FROM project WHERE id = ?")) {
                ps.setObject(1, project.id().value());
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    leaderMobile = rs.getString(1);
                }
            }
            assertThat(leaderMobile).startsWith("sm4gcm:v1:k2:");
            assertThat(during.projects().load(project.id()).orElseThrow().profile().people())
                    .isEqualTo(project.profile().people());
            // the old key alone no longer reads them
            assertThatThrownBy(() -> before.projects().load(project.id()))
                    .isInstanceOf(FieldCipher.UndecryptableException.class).hasMessageContaining("k2");
        }
    }

    @Test
    @DisplayName("上传的文件带SM3摘要；存储的内容被绕过应用改动后，读取被拒绝（DocumentIntegrityException）")
    void documentDigests() throws SQLException {
        byte[] content = "%PDF-1.7 项目建设方案".getBytes(StandardCharsets.UTF_8);
        StoredDocument document = new StoredDocument(UUID.randomUUID(), ProjectId.random(), "方案.pdf",
                "application/pdf", content.length, DocumentAdapter.sha256Hex(content), null, "PLAN", "u1",
                Instant.parse("2026-01-05T02:00:00Z"), content);
        adapters.documents().store(document);
        StoredDocument loaded = adapters.documents().load(document.id()).orElseThrow();
        assertThat(loaded.sm3()).isEqualTo(Sm3.of(content)).hasSize(64);
        assertThat(adapters.documents().listFor(document.project())).singleElement()
                .satisfies(d -> assertThat(d.sm3()).isEqualTo(Sm3.of(content)));

        // the same size, the SHA-256 column rewritten too: only the SM3 digest tells
        byte[] altered = "%PDF-1.7 项目建设方案".replace("方案", "方按").getBytes(StandardCharsets.UTF_8);
        execute("UPDATE document SET content = ?, sha256 = ? WHERE id = ?", altered,
                DocumentAdapter.sha256Hex(altered), document.id());
        assertThatThrownBy(() -> adapters.documents().load(document.id()))
                .isInstanceOf(DocumentIntegrityException.class).hasMessageContaining("SM3");
    }
}
