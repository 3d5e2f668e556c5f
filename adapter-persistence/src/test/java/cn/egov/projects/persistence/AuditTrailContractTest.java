package cn.egov.projects.persistence;

import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.persistence.audit.AuditDao;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract of {@code AuditTrailPort}: append and read, oldest first, exactly as written; never changed. */
abstract class AuditTrailContractTest extends PersistenceContractTest {

    protected static AuditRecord record(String projectId, Instant at, String summary) {
        return new AuditRecord(at, "u-" + summary.length(), Role.BDB_OFFICER, "TC-DSJ", "RECORD_REVIEW", "第八条",
                projectId, ProjectState.UNDER_REVIEW, ProjectState.REVIEWED, "req-" + UUID.randomUUID(),
                "10.1.2.3", summary);
    }

    @Test
    @DisplayName("追加的审计记录按时间先后原样读回，其他项目的记录不混入")
    void appendedRecordsReadBackOldestFirst() {
        String project = UUID.randomUUID().toString();
        AuditRecord second = record(project, Instant.parse("2025-03-02T08:00:00.000001Z"), "录入评审意见：同意立项");
        AuditRecord first = record(project, Instant.parse("2025-03-01T08:00:00Z"), "组织专家评审");
        AuditRecord third = new AuditRecord(Instant.parse("2025-03-03T08:00:00Z"), "setup", null, null, "X", null,
                project, null, null, null, null, null);
        adapters.auditTrail().append(second);
        adapters.auditTrail().append(first);
        adapters.auditTrail().append(third);
        adapters.auditTrail().append(record(UUID.randomUUID().toString(), Instant.parse("2025-03-01T09:00:00Z"),
                "别的项目"));

        assertThat(adapters.auditTrail().forProject(project)).containsExactly(first, second, third);
    }

    @Test
    @DisplayName("同一时刻的记录按追加顺序读回")
    void recordsOfTheSameInstantKeepTheirOrder() {
        String project = UUID.randomUUID().toString();
        Instant at = Instant.parse("2025-05-05T05:05:05Z");
        AuditRecord a = record(project, at, "甲");
        AuditRecord b = record(project, at, "乙乙");
        AuditRecord c = record(project, at, "丙丙丙");
        adapters.auditTrail().append(a);
        adapters.auditTrail().append(b);
        adapters.auditTrail().append(c);
        assertThat(adapters.auditTrail().forProject(project)).containsExactly(a, b, c);
    }

    @Test
    @DisplayName("时间保存到微秒")
    void instantsAreKeptToTheMicrosecond() {
        String project = UUID.randomUUID().toString();
        adapters.auditTrail().append(record(project, Instant.parse("2025-03-01T08:00:00.123456789Z"), "纳秒"));
        assertThat(adapters.auditTrail().forProject(project)).singleElement()
                .extracting(AuditRecord::at).isEqualTo(Instant.parse("2025-03-01T08:00:00.123456Z"));
    }

    @Test
    @DisplayName("审计适配器和映射没有任何修改或删除审计记录的途径")
    void thereIsNoUpdateOrDeletePath() throws IOException {
        for (Class<?> type : new Class<?>[] {AuditDao.class, AuditTrailAdapter.class}) {
            assertThat(Arrays.stream(type.getDeclaredMethods()).map(Method::getName))
                    .noneMatch(name -> name.matches("(?i)(update|delete|remove|replace|clear|truncate).*"));
        }
        try (InputStream xml = AuditDao.class.getResourceAsStream("AuditDao.xml")) {
            assertThat(xml).isNotNull();
            String mapper = new String(xml.readAllBytes(), StandardCharsets.UTF_8).toUpperCase(Locale.ROOT);
            assertThat(mapper).doesNotContain("<UPDATE", "<DELETE", "UPDATE ", "DELETE ", "TRUNCATE");
        }
    }
}
