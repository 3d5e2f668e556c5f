package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;

import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.persistence.audit.AuditChain;
import cn.egov.projects.persistence.audit.AuditKey;
import cn.egov.projects.persistence.audit.AuditSealer;
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

    @Test
    @DisplayName("封存线程按主键读、删待封存记录：执行计划在表还小时生成，表在两次清理之间膨胀后也不整表扫描")
    void aPassReadsThePendingSealsByKeyThoughItsPlanWasMadeWhileTheTableWasSmall() throws SQLException {
        TestDatabase db = PostgresServer.get().newMigratedDatabase();
        try (Connection c = DriverManager.getConnection(db.settings().url(), db.settings().user(),
                db.settings().password()); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("INSERT INTO audit_pending (record_id, mac) SELECT n, 'x' FROM generate_series(1, 3) n");
            s.execute("VACUUM ANALYZE audit_pending");
            assertThat(plansAfterGrowth(c, s, false)).as("the trap, without the pass's settings")
                    .anyMatch(plan -> plan.contains("Seq Scan on audit_pending"));
            List<String> plans = plansAfterGrowth(c, s, true);
            assertThat(plans).hasSize(2).allMatch(plan -> plan.contains("Index Scan using audit_pending_pk"))
                    .noneMatch(plan -> plan.contains("Seq Scan"));
        } finally {
            db.close();
        }
    }

    /**
     * The plans of a pass's two statements on {@code audit_pending}, made while it holds three rows (as a pooled
     * connection's prepared statement keeps its plan) and used after thousands of rows came and went, in a
     * transaction rolled back afterwards.
     */
    private static List<String> plansAfterGrowth(Connection c, Statement s, boolean asAPass) throws SQLException {
        c.setAutoCommit(false);
        try {
            if (asAPass) {
                AuditSealer.beginPass(c);
            }
            s.execute("SET LOCAL plan_cache_mode = force_generic_plan");
            s.execute("PREPARE pending(bigint) AS " + AuditChain.PENDING_AFTER.replace("?", "$1"));
            s.execute("PREPARE done(bigint) AS " + AuditChain.PENDING_DONE.replace("?", "$1"));
            s.execute("EXPLAIN EXECUTE pending(0)");
            s.execute("EXPLAIN EXECUTE done(1)");
            s.execute("INSERT INTO audit_pending (record_id, mac) SELECT n, 'x' FROM generate_series(10, 20000) n");
            s.execute("DELETE FROM audit_pending WHERE record_id BETWEEN 10 AND 19990");
            List<String> plans = new java.util.ArrayList<>();
            for (String explain : List.of("EXPLAIN EXECUTE pending(0)", "EXPLAIN EXECUTE done(19995)")) {
                StringBuilder plan = new StringBuilder();
                try (java.sql.ResultSet rs = s.executeQuery(explain)) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                plans.add(plan.toString());
            }
            return plans;
        } finally {
            c.rollback();
            s.execute("DEALLOCATE ALL");
            c.setAutoCommit(true);
        }
    }
}
