package cn.egov.projects.persistence;

import cn.egov.projects.application.port.out.AuditRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("审计记录（PostgreSQL）")
class AuditTrailPostgreSqlTest extends AuditTrailContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return postgreSql();
    }

    @Test
    @DisplayName("PostgreSQL 拒绝直接用 SQL 修改、删除或清空审计记录，记录保持原样")
    void theDatabaseRefusesUpdateAndDelete() throws SQLException {
        String project = UUID.randomUUID().toString();
        AuditRecord original = record(project, Instant.parse("2025-03-01T08:00:00Z"), "原始记录");
        adapters.auditTrail().append(original);

        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            for (String sql : List.of(
                    "UPDATE audit_record SET summary = 'changed' WHERE project_id = '" + project + "'",
                    "DELETE FROM audit_record WHERE project_id = '" + project + "'",
                    "TRUNCATE audit_record")) {
                assertThatThrownBy(() -> s.executeUpdate(sql))
                        .as(sql)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("audit_record is append-only");
            }
        }
        assertThat(adapters.auditTrail().forProject(project)).containsExactly(original);
    }
}
