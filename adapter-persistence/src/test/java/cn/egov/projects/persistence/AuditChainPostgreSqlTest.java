package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;

import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.persistence.audit.AuditKey;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("审计记录链（PostgreSQL）")
class AuditChainPostgreSqlTest extends AuditChainContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return PostgresServer.get().newMigratedDatabase();
    }

    @Override
    protected void bypassTriggers(Statement s) throws SQLException {
        // as the database's owner could: the append-only triggers do not fire in this session
        s.execute("SET session_replication_role = replica");
    }

    @Test
    @DisplayName("按运维手册授权的应用账号只能追加审计记录：能写能核验，修改、删除、清空都因无权限被拒")
    void theApplicationRoleMayOnlyInsertIntoTheAuditTables() throws SQLException {
        // the sealer links the records as the same role: it inserts links, moves the head, and empties audit_pending
        TestDatabase db = PostgresServer.get().newMigratedDatabase();
        String role = "egov_app_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(db.settings().url(), db.settings().user(),
                db.settings().password()); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'app-password'");
            // the grants of OPERATIONS.md, "PostgreSQL: the application's role"
            for (String grant : OperationsGrants.FOR_APPLICATION_ROLE) {
                s.execute(grant.replace("egov_app", role));
            }
        }
        DatabaseSettings asApp = new DatabaseSettings(db.settings().url(), role, "app-password");
        AuditKey key = AuditKey.ephemeral();
        try (Database appDb = Database.open(asApp)) {
            PersistenceAdapters app = new PersistenceAdapters(appDb, key);
            app.transactions().inTransaction(() -> {
                app.auditTrail().append(new AuditRecord(Instant.parse("2025-03-01T08:00:00Z"), "u1",
                        Role.BDB_OFFICER, "TC-DSJ", "RECORD_REVIEW", "第八条", "p-1", null, null, "r", "10.0.0.1",
                        "应用账号写入"));
                return null;
            });
            assertThat(app.verifyAuditTrail().intact()).isTrue();
            assertThat(app.auditSealer().sealNow()).as("linked by the application's own role").isEqualTo(1);
            assertThat(app.verifyAuditTrail().intact()).isTrue();
            try (Connection c = appDb.dataSource().getConnection(); Statement s = c.createStatement()) {
                c.setAutoCommit(true);
                for (String sql : List.of("UPDATE audit_record SET summary = 'x'", "DELETE FROM audit_record",
                        "TRUNCATE audit_record", "UPDATE audit_seal SET seal = 'x'", "DELETE FROM audit_seal",
                        "UPDATE audit_seal SET link_no = link_no + 1",
                        "DELETE FROM audit_chain", "INSERT INTO audit_chain (id, legacy_upto, last_id, record_count, "
                                + "last_seal, head_seal) VALUES (2, 0, 0, 0, '', '')")) {
                    assertThatThrownBy(() -> s.execute(sql)).as(sql).isInstanceOf(SQLException.class)
                            .hasMessageContaining("permission denied");
                }
            }
            assertThat(app.verifyAuditTrail().checked()).isEqualTo(1);
        } finally {
            db.close();
        }
    }
}
