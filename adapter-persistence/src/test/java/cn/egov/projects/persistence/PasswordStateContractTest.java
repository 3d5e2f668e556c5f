package cn.egov.projects.persistence;

import cn.egov.projects.application.port.out.Account;
import cn.egov.projects.application.port.out.PasswordStatePort;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.project.UnitId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of the password policy's state (V25): a password set with its date, whether it must be changed and its
 * history; sign-ins and activity; accounts disabled for disuse only once, and enabled again.
 */
abstract class PasswordStateContractTest extends PersistenceContractTest {

    private static final Instant T0 = Instant.parse("2027-03-01T02:00:00Z");

    private PasswordStatePort states() {
        return adapters.passwordStates();
    }

    private String account() {
        String userId = UUID.randomUUID().toString();
        adapters.accounts().insert(new Account(userId, "u" + userId.substring(0, 8), "甲", Role.UNIT_STAFF,
                new UnitId("TC-GAJ"), null, null, "hash-0", true, Set.of()));
        return userId;
    }

    @Test
    @DisplayName("设置密码：哈希、日期、须修改标记写入账号，历史按新到旧读出")
    void passwordSetAndHistory() {
        String userId = account();
        for (int i = 1; i <= 7; i++) {
            states().passwordSet(userId, "hash-" + i, T0.plus(Duration.ofDays(i)), i == 7);
        }
        assertThat(adapters.accounts().findById(userId).orElseThrow().passwordHash()).isEqualTo("hash-7");
        assertThat(states().state(userId)).hasValueSatisfying(s -> {
            assertThat(s.passwordChangedAt()).isEqualTo(T0.plus(Duration.ofDays(7)));
            assertThat(s.mustChange()).isTrue();
        });
        assertThat(states().recentHashes(userId, 5)).containsExactly("hash-7", "hash-6", "hash-5", "hash-4",
                "hash-3");
        assertThat(states().recentHashes(account(), 5)).isEmpty();
    }

    @Test
    @DisplayName("登录和启用记录活动时间；长期未活动的账号只被停用一次，原因是DORMANT；重新启用后清除")
    void dormantAccounts() {
        String active = account();
        String idle = account();
        states().activated(idle, T0);
        states().signedIn(active, T0.plus(Duration.ofDays(50)));
        assertThat(states().state(active)).hasValueSatisfying(s -> {
            assertThat(s.lastSignInAt()).isEqualTo(T0.plus(Duration.ofDays(50)));
            assertThat(s.lastActiveAt()).isEqualTo(T0.plus(Duration.ofDays(50)));
        });
        Instant cutoff = T0.plus(Duration.ofDays(10));
        assertThat(states().inactiveSince(cutoff)).contains(idle).doesNotContain(active);
        assertThat(states().disableDormant(active, cutoff)).isFalse();
        assertThat(states().disableDormant(idle, cutoff)).isTrue();
        assertThat(states().disableDormant(idle, cutoff)).as("once only").isFalse();
        assertThat(adapters.accounts().findById(idle).orElseThrow().enabled()).isFalse();
        assertThat(states().state(idle).orElseThrow().disabledReason()).isEqualTo(PasswordStatePort.DORMANT);
        assertThat(states().inactiveSince(cutoff)).doesNotContain(idle);

        states().activated(idle, T0.plus(Duration.ofDays(20)));
        assertThat(states().state(idle).orElseThrow().disabledReason()).isNull();
    }
}
