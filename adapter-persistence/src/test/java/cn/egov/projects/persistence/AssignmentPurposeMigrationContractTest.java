package cn.egov.projects.persistence;

import cn.egov.projects.application.port.out.ProjectAssignmentPort.Assignment;
import cn.egov.projects.domain.access.AssignmentPurpose;
import cn.egov.projects.domain.project.ProjectId;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The carry-over of V20: the people named to projects under schema version 19 (Bureau officers to classified
 * projects, experts to the others) keep their access, now with what they are named for — the scope of a classified
 * project, or the Bureau's review — and the purpose is required and one of the three from then on.
 */
abstract class AssignmentPurposeMigrationContractTest {

    protected abstract TestDatabase newTestDatabase();

    @Test
    @DisplayName("第17版的指定人员升级后：涉密项目的记为知悉范围人员，其他项目的专家记为评审专家；用途必填且只能是三者之一")
    void assignmentsOfVersion17GetTheirPurpose() throws SQLException {
        try (TestDatabase db = newTestDatabase()) {
            String vendor = db.isPostgreSql() ? "postgresql" : "h2";
            Flyway.configure(getClass().getClassLoader())
                    .dataSource(db.settings().url(), db.settings().user(), db.settings().password())
                    .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                    .target("19")
                    .load()
                    .migrate();
            UUID secret = UUID.randomUUID();
            UUID open = UUID.randomUUID();
            UUID gone = UUID.randomUUID();
            String document = db.isPostgreSql() ? "CAST('{}' AS JSONB)" : "JSON '{}'";
            try (Connection c = DriverManager.getConnection(db.settings().url(), db.settings().user(),
                    db.settings().password()); Statement s = c.createStatement()) {
                for (UUID id : new UUID[]{secret, open}) {
                    s.executeUpdate("INSERT INTO project (id, version, unit, policy_id, name, plan_year, category,"
                            + " nature, classified, total_investment, state, created_on, document) VALUES ('" + id
                            + "', 1, 'TC-GAJ', 'taicang-2021', '项目', 2025, 'BUSINESS_SYSTEM', 'NEW', "
                            + (id == secret) + ", 100.00, 'DECLARED', DATE '2024-08-20', " + document + ")");
                }
                s.executeUpdate("INSERT INTO account (user_id, username, display_name, role, unit, password_hash,"
                        + " enabled) VALUES ('bdb', 'bdb', '蒋经办', 'BDB_OFFICER', 'TC-DSJ', 'h', TRUE),"
                        + " ('expert', 'expert', '钱专家', 'EXPERT', 'TC-ZJK', 'h', TRUE)");
                s.executeUpdate("INSERT INTO account_project (user_id, project_id) VALUES ('bdb', '" + secret + "'),"
                        + " ('expert', '" + open + "'), ('expert', '" + gone + "')");
            }

            try (Database upgraded = Database.open(db.settings())) {
                assertThat(upgraded.schemaVersion()).isEqualTo(Migrations.latest(db.isPostgreSql()));
                PersistenceAdapters adapters = new PersistenceAdapters(upgraded);
                var assignments = adapters.projectAssignments();
                assertThat(assignments.assignedTo(new ProjectId(secret))).singleElement().satisfies(a -> {
                    assertThat(a.account().userId()).isEqualTo("bdb");
                    assertThat(a.purpose()).isEqualTo(AssignmentPurpose.SCOPE);
                });
                assertThat(assignments.assignedTo(new ProjectId(open))).extracting(Assignment::purpose)
                        .containsExactly(AssignmentPurpose.REVIEW);
                assertThat(assignments.assignedTo(new ProjectId(gone))).extracting(Assignment::purpose)
                        .containsExactly(AssignmentPurpose.REVIEW);
                assertThat(adapters.accounts().findById("expert").orElseThrow().assigned())
                        .containsExactlyInAnyOrder(new ProjectId(open), new ProjectId(gone));
                // V32: who is in a classified project's scope keeps it, cleared by the migration; reviewers need none
                var clearances = adapters.clearances();
                assertThat(clearances.clearanceOf("bdb")).get().satisfies(c -> assertThat(c.grantedBy())
                        .isEqualTo("V32"));
                assertThat(clearances.clearanceOf("expert")).isEmpty();

                // granting twice changes nothing; revoking takes the account out of its scopes, not its reviews
                assertThat(clearances.grant("expert", java.time.Instant.parse("2024-09-01T02:00:00Z"), "secadmin"))
                        .isTrue();
                assertThat(clearances.grant("expert", java.time.Instant.parse("2024-09-02T02:00:00Z"), "secadmin"))
                        .isFalse();
                assertThat(clearances.grant("nobody", java.time.Instant.parse("2024-09-02T02:00:00Z"), "secadmin"))
                        .isFalse();
                assertThat(clearances.cleared()).extracting(c -> c.userId()).containsExactly("bdb", "expert");
                assertThat(clearances.revoke("expert")).isZero();
                assertThat(adapters.accounts().findById("expert").orElseThrow().assigned()).hasSize(2);
                assertThat(clearances.revoke("bdb")).isEqualTo(1);
                assertThat(assignments.assignedTo(new ProjectId(secret))).isEmpty();
                assertThat(clearances.revoke("bdb")).isEqualTo(-1);
                assertThat(clearances.cleared()).isEmpty();
                try (Connection c = upgraded.dataSource().getConnection(); Statement s = c.createStatement()) {
                    assertThatThrownBy(() -> s.executeUpdate("INSERT INTO account_project (user_id, project_id)"
                            + " VALUES ('bdb', '" + open + "')")).as("purpose required")
                            .isInstanceOf(SQLException.class);
                    assertThatThrownBy(() -> s.executeUpdate("INSERT INTO account_project (user_id, project_id,"
                            + " purpose) VALUES ('bdb', '" + open + "', 'OTHER')")).as("known purpose")
                            .isInstanceOf(SQLException.class);
                }
            }
        }
    }
}
