package cn.egov.projects.persistence;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The carry-over of V25: accounts of schema version 23 keep their passwords and sessions, their password's age and
 * their activity count from the upgrade (nobody must change a password or is disabled by it), and their current hash
 * starts their history.
 */
abstract class PasswordPolicyMigrationContractTest {

    protected abstract TestDatabase newTestDatabase();

    @Test
    @DisplayName("第23版的账号升级后：密码不变，不须修改，密码日期和活动时间为升级时刻，当前密码记入历史；会话保留")
    void accountsOfVersion23AreCarriedOver() throws SQLException {
        try (TestDatabase db = newTestDatabase()) {
            String vendor = db.isPostgreSql() ? "postgresql" : "h2";
            Flyway.configure(getClass().getClassLoader())
                    .dataSource(db.settings().url(), db.settings().user(), db.settings().password())
                    .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                    .target("23")
                    .load()
                    .migrate();
            try (Connection c = DriverManager.getConnection(db.settings().url(), db.settings().user(),
                    db.settings().password()); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO account (user_id, username, display_name, role, unit, password_hash,"
                        + " enabled) VALUES ('u1', 'police', '王经办', 'UNIT_STAFF', 'TC-GAJ', 'hash-1', TRUE),"
                        + " ('u2', 'old', '老账号', 'UNIT_STAFF', 'TC-GAJ', 'hash-2', FALSE)");
                s.executeUpdate("INSERT INTO web_session (session_id, data, timeout_ms, last_accessed, expires_at)"
                        + " VALUES ('k', '{}', 1800000, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            }

            try (Database upgraded = Database.open(db.settings())) {
                assertThat(upgraded.schemaVersion()).isEqualTo(Migrations.latest(db.isPostgreSql()));
                PersistenceAdapters adapters = new PersistenceAdapters(upgraded);
                assertThat(adapters.accounts().findById("u1").orElseThrow().passwordHash()).isEqualTo("hash-1");
                assertThat(adapters.passwordStates().state("u1")).hasValueSatisfying(state -> {
                    assertThat(state.mustChange()).isFalse();
                    assertThat(state.passwordChangedAt()).isNotNull();
                    assertThat(state.lastActiveAt()).isEqualTo(state.passwordChangedAt());
                    assertThat(state.lastSignInAt()).isNull();
                    assertThat(state.disabledReason()).isNull();
                });
                assertThat(adapters.passwordStates().recentHashes("u1", 5)).containsExactly("hash-1");
                assertThat(adapters.passwordStates().recentHashes("u2", 5)).containsExactly("hash-2");
                assertThat(adapters.accounts().findById("u2").orElseThrow().enabled()).isFalse();
                try (Connection c = upgraded.dataSource().getConnection(); Statement s = c.createStatement();
                     var rs = s.executeQuery("SELECT COUNT(*) FROM web_session WHERE session_id = 'k'"
                             + " AND user_id IS NULL AND ended_reason IS NULL")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(1);
                }
            }
        }
    }
}
