package cn.egov.projects.persistence;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The carry-over of V36: the inbox messages of deadlines met or waived before it are settled as their deadlines stand
 * (已办结 with the day it was met, 已撤销) and no longer unread; those of open deadlines stay as they were.
 */
abstract class InboxSettledMigrationContractTest {

    protected abstract TestDatabase newTestDatabase();

    @Test
    @DisplayName("第32版的消息升级后：已办结期限的提醒记为已办结及其日期、撤销的记为已撤销，均不再未读；未办结的不变")
    void messagesOfClosedDeadlinesAreSettled() throws SQLException {
        try (TestDatabase db = newTestDatabase()) {
            String vendor = db.isPostgreSql() ? "postgresql" : "h2";
            Flyway.configure(getClass().getClassLoader())
                    .dataSource(db.settings().url(), db.settings().user(), db.settings().password())
                    .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                    .target("32")
                    .load()
                    .migrate();
            UUID project = UUID.randomUUID();
            UUID met = UUID.randomUUID();
            UUID waived = UUID.randomUUID();
            UUID open = UUID.randomUUID();
            String document = db.isPostgreSql() ? "CAST('{}' AS JSONB)" : "JSON '{}'";
            try (Connection c = DriverManager.getConnection(db.settings().url(), db.settings().user(),
                    db.settings().password()); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO project (id, version, unit, policy_id, name, plan_year, category,"
                        + " nature, classified, total_investment, state, created_on, document) VALUES ('" + project
                        + "', 1, 'TC-GAJ', 'taicang-2021', '项目', 2025, 'BUSINESS_SYSTEM', 'NEW', FALSE, 100.00,"
                        + " 'IMPLEMENTING', DATE '2024-08-20', " + document + ")");
                s.executeUpdate("INSERT INTO deadline (id, project_id, seq, kind, start_date, due_date, provisional,"
                        + " met_on, waived_reason, is_open) VALUES"
                        + " ('" + met + "', '" + project + "', 1, 'CONTRACT_FILING', DATE '2025-03-01',"
                        + " DATE '2025-03-10', FALSE, DATE '2025-03-08', NULL, FALSE),"
                        + " ('" + waived + "', '" + project + "', 2, 'IMPL_PLAN', DATE '2025-03-01',"
                        + " DATE '2025-03-12', FALSE, NULL, '项目终止', FALSE),"
                        + " ('" + open + "', '" + project + "', 3, 'ACCEPTANCE_REPORT', DATE '2025-03-01',"
                        + " DATE '2025-04-01', FALSE, NULL, NULL, TRUE)");
                s.executeUpdate("INSERT INTO account (user_id, username, display_name, role, unit, password_hash,"
                        + " enabled) VALUES ('wang', 'wang', '王经办', 'UNIT_STAFF', 'TC-GAJ', 'h', TRUE)");
                int offset = 3;
                for (UUID deadline : new UUID[]{met, waived, open}) {
                    s.executeUpdate("INSERT INTO inbox_message (user_id, deadline_id, offset_days, audience, kind,"
                            + " project_id, classified, due_date, remind_on, title, body, link, created_at) VALUES"
                            + " ('wang', '" + deadline + "', " + offset++ + ", 'RESPONSIBLE', 'CONTRACT_FILING', '"
                            + project + "', FALSE, DATE '2025-03-10', DATE '2025-03-07', '提醒', '正文',"
                            + " 'project.html', TIMESTAMP WITH TIME ZONE '2025-03-07 09:00:00+08:00')");
                }
            }

            try (Database upgraded = Database.open(db.settings())) {
                assertThat(upgraded.schemaVersion()).isEqualTo(Migrations.latest(db.isPostgreSql()));
                Map<UUID, String[]> rows = new HashMap<>();
                try (Connection c = upgraded.dataSource().getConnection(); Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT deadline_id, settled_as, settled_on, read_at"
                             + " FROM inbox_message")) {
                    while (rs.next()) {
                        LocalDate on = rs.getObject(3, LocalDate.class);
                        rows.put(rs.getObject(1, UUID.class), new String[]{rs.getString(2),
                                on == null ? null : on.toString(), rs.getString(4)});
                    }
                }
                assertThat(rows.get(met)[0]).isEqualTo("MET");
                assertThat(rows.get(met)[1]).isEqualTo("2025-03-08");
                assertThat(rows.get(met)[2]).isNotNull();
                assertThat(rows.get(waived)[0]).isEqualTo("WAIVED");
                assertThat(rows.get(waived)[1]).isNull();
                assertThat(rows.get(waived)[2]).isNotNull();
                assertThat(rows.get(open)).containsOnlyNulls();
                try (Connection c = upgraded.dataSource().getConnection(); Statement s = c.createStatement()) {
                    assertThatThrownBy(() -> s.executeUpdate("UPDATE inbox_message SET settled_as = 'LOST'"))
                            .as("a known settlement only").isInstanceOf(SQLException.class);
                }
            }
        }
    }
}
