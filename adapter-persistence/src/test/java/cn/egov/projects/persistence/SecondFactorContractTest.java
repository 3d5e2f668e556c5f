package cn.egov.projects.persistence;

import cn.egov.projects.application.port.out.Account;
import cn.egov.projects.application.port.out.SecondFactorPort;
import cn.egov.projects.application.view.OtpAlgorithm;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.project.UnitId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of {@code SecondFactorPort} and {@code SecurityPolicyPort}: an enrolment under way, its confirmation,
 * the last accepted step moved on only forwards (of concurrent moves to the same step exactly one wins), removal; the
 * security settings stored by name.
 */
abstract class SecondFactorContractTest extends PersistenceContractTest {

    private static final Instant AT = Instant.parse("2025-03-03T01:02:03Z");

    private String account() {
        String id = UUID.randomUUID().toString();
        adapters.accounts().insert(new Account(id, "user." + id.substring(0, 8), "王管理", Role.ADMIN,
                new UnitId("TC-DSJ"), null, null, "pbkdf2$1000$c2FsdA==$aGFzaA==", true, Set.of()));
        return id;
    }

    private String storedSecret(String user) {
        try (java.sql.Connection c = database.dataSource().getConnection();
             java.sql.PreparedStatement ps = c.prepareStatement("SELECT secret FROM second_factor WHERE user_id = ?")) {
            ps.setString(1, user);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    @DisplayName("密钥以SM4-GCM加密存储；旧版以base64明文存储的密钥仍可读出")
    void secretsAreSealed() throws Exception {
        SecondFactorPort store = adapters.secondFactors();
        String user = account();
        byte[] secret = new byte[20];
        secret[3] = 42;
        assertThat(store.begin(user, OtpAlgorithm.SM3, secret, AT)).isTrue();
        assertThat(storedSecret(user)).startsWith("sm4gcm:v1:");
        // a secret written by schema 24 (plain base64) still reads
        try (java.sql.Connection c = database.dataSource().getConnection();
             java.sql.PreparedStatement ps = c.prepareStatement("UPDATE second_factor SET secret = ? WHERE user_id = ?")) {
            ps.setString(1, java.util.Base64.getEncoder().encodeToString(secret));
            ps.setString(2, user);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        assertThat(store.find(user).orElseThrow().secret()).isEqualTo(secret);
    }

    @Test
    @DisplayName("绑定中的密钥可重新生成；确认后不被替换；最近一次通过的时间步只能前进；删除后可重新绑定")
    void enrolConfirmAdvanceRemove() {
        SecondFactorPort store = adapters.secondFactors();
        String user = account();
        byte[] first = new byte[20];
        first[0] = 1;
        byte[] second = new byte[20];
        second[19] = 7;
        assertThat(store.find(user)).isEmpty();
        assertThat(store.begin(user, OtpAlgorithm.SHA1, first, AT)).isTrue();
        assertThat(store.begin(user, OtpAlgorithm.SM3, second, AT)).isTrue();
        SecondFactorPort.Stored underWay = store.find(user).orElseThrow();
        // the secret is sealed in its column (SM4-GCM, bound to the account's row), not readable from the database
        String stored = storedSecret(user);
        assertThat(stored).startsWith("sm4gcm:v1:")
                .doesNotContain(java.util.Base64.getEncoder().encodeToString(second));
        assertThat(underWay.confirmed()).isFalse();
        assertThat(underWay.algorithm()).isEqualTo(OtpAlgorithm.SM3);
        assertThat(underWay.secret()).isEqualTo(second);
        assertThat(store.advance(user, 5)).as("nothing confirmed to advance").isFalse();

        assertThat(store.confirm(user, 100, AT.plusSeconds(60))).isTrue();
        assertThat(store.confirm(user, 101, AT)).isFalse();
        SecondFactorPort.Stored confirmed = store.find(user).orElseThrow();
        assertThat(confirmed.confirmed()).isTrue();
        assertThat(confirmed.lastStep()).isEqualTo(100);
        assertThat(confirmed.enrolledAt()).isEqualTo(AT.plusSeconds(60));
        assertThat(store.begin(user, OtpAlgorithm.SHA1, first, AT)).as("a confirmed one is not replaced").isFalse();
        assertThat(store.find(user).orElseThrow().secret()).isEqualTo(second);

        assertThat(store.advance(user, 99)).isFalse();
        assertThat(store.advance(user, 100)).isFalse();
        assertThat(store.advance(user, 101)).isTrue();
        assertThat(store.find(user).orElseThrow().lastStep()).isEqualTo(101);

        assertThat(store.remove(user)).isTrue();
        assertThat(store.remove(user)).isFalse();
        assertThat(store.find(user)).isEmpty();
        assertThat(store.begin(user, OtpAlgorithm.SHA1, first, AT)).isTrue();
        assertThat(store.begin("no-such-account", OtpAlgorithm.SHA1, first, AT)).isFalse();
    }

    @Test
    @DisplayName("同一时间步的并发验证只有一个成功（防重放）")
    void concurrentAdvancesToTheSameStepLetOneWin() throws Exception {
        SecondFactorPort store = adapters.secondFactors();
        String user = account();
        store.begin(user, OtpAlgorithm.SM3, new byte[20], AT);
        store.confirm(user, 10, AT);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> tries = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                tries.add(() -> store.advance(user, 11));
            }
            int won = 0;
            for (Future<Boolean> f : pool.invokeAll(tries)) {
                won += f.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("安全策略按名称保存，再次保存即更新")
    void settingsAreStoredByName() {
        var policies = adapters.secondFactors();
        String name = "test." + UUID.randomUUID();
        assertThat(policies.settings()).doesNotContainKey(name);
        policies.put(name, "true", AT, "u1");
        assertThat(policies.settings()).containsEntry(name, "true");
        policies.put(name, "false", AT.plusSeconds(1), "u2");
        assertThat(policies.settings()).containsEntry(name, "false");
    }
}
