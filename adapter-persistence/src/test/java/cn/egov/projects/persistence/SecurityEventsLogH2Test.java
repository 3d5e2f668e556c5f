package cn.egov.projects.persistence;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.project.ProjectState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("安全事件日志：每条审计记录提交后写一行，回滚的不写；项目的摘要不写（涉密项目不出现名称），手机号与邮箱遮盖")
class SecurityEventsLogH2Test extends PersistenceContractTest {

    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @Override
    protected TestDatabase newTestDatabase() {
        return h2();
    }

    @BeforeEach
    void listen() {
        lines.list.clear();
        lines.start();
        ((Logger) LoggerFactory.getLogger(SecurityEventsLog.NAME)).addAppender(lines);
    }

    @AfterEach
    void stopListening() {
        ((Logger) LoggerFactory.getLogger(SecurityEventsLog.NAME)).detachAppender(lines);
    }

    private List<String> logged() {
        return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    @DisplayName("事务提交后才写；回滚的记录不写")
    void aLineOnceCommittedNeverForARollback() {
        AuditRecord signIn = new AuditRecord(Instant.parse("2025-03-01T08:00:00Z"), "nobody", null, null, "SIGN_IN",
                "第四条", null, null, null, "req-1", "10.0.0.9", "登录失败（第1次）（HTTP Basic，用户名 zhang@tc.gov.cn）");
        adapters.transactions().inTransaction(() -> {
            adapters.auditTrail().append(signIn);
            assertThat(logged()).as("not before the commit").isEmpty();
            return null;
        });
        assertThat(logged()).singleElement().asString()
                .matches("audit \\d+ SIGN_IN user=nobody role=- unit=- article=第四条 request=req-1 source=10\\.0\\.0\\.9 "
                        + "summary=\"登录失败（第1次）（HTTP Basic，用户名 z\\*\\*\\*@tc\\.gov\\.cn）\"");

        lines.list.clear();
        assertThatThrownBy(() -> adapters.transactions().inTransaction(() -> {
            adapters.auditTrail().append(signIn);
            throw new IllegalStateException("the action failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(logged()).isEmpty();

        // outside a transaction the append commits by itself
        adapters.auditTrail().append(signIn);
        assertThat(logged()).hasSize(1);
    }

    @Test
    @DisplayName("项目上的动作：写项目编号与状态变化，不写摘要（摘要可能含项目名称）；换行不会拆成两行")
    void aProjectsActionWithoutItsSummary() {
        String project = UUID.randomUUID().toString();
        adapters.auditTrail().append(new AuditRecord(Instant.parse("2025-03-01T08:00:00Z"), "u-1", Role.UNIT_STAFF,
                "TC-GAJ", "DECLARE", "第七条", project, ProjectState.DRAFT, ProjectState.DECLARED, "req\nforged",
                "10.0.0.9", "申报涉密指挥系统，联系人13912345678"));
        assertThat(logged()).singleElement().asString()
                .contains("DECLARE user=u-1 role=UNIT_STAFF unit=TC-GAJ", "project=" + project,
                        "state=DRAFT->DECLARED", "request=req?forged")
                .doesNotContain("涉密指挥系统", "13912345678", "\n");
    }
}
