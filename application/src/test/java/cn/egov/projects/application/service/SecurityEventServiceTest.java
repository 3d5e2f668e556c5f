package cn.egov.projects.application.service;

import cn.egov.projects.application.fake.FakeWorld;
import cn.egov.projects.application.port.out.AuditRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import static cn.egov.projects.application.fake.People.policeStaff;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("导出记入安全审计记录：哪个导出、条件、行数，文件中的涉密项目只写编号")
class SecurityEventServiceTest {

    private final FakeWorld world = new FakeWorld(LocalDate.of(2025, 3, 10));
    private final SecurityEventService events = new SecurityEventService(world.ports);

    private AuditRecord last() {
        List<AuditRecord> all = world.audit.all();
        return all.get(all.size() - 1);
    }

    @Test
    @DisplayName("一次导出一条记录：谁、请求号、来源、导出名、条件、行数、其中涉密项目的编号")
    void anExport() {
        events.exported(policeStaff(), "annual-plan.xlsx", "year=2025", 12, List.of("p-1", "p-2"));
        AuditRecord r = last();
        assertThat(r.action()).isEqualTo(SecurityEventService.EXPORT);
        assertThat(r.userId()).isEqualTo(policeStaff().actor().userId());
        assertThat(r.requestId()).isEqualTo(policeStaff().requestId());
        assertThat(r.sourceAddress()).isEqualTo(policeStaff().sourceAddress());
        assertThat(r.projectId()).isNull();
        assertThat(r.summary()).isEqualTo("导出annual-plan.xlsx（year=2025）：12行，其中涉密项目2个：p-1、p-2");
    }

    @Test
    @DisplayName("涉密项目很多时只列前20个；无条件时不写括号")
    void manyClassifiedProjects() {
        List<String> ids = IntStream.rangeClosed(1, 25).mapToObj(i -> "p-" + i).toList();
        events.exported(policeStaff(), "overdue.xlsx", "", 40, ids);
        assertThat(last().summary()).startsWith("导出overdue.xlsx：40行，其中涉密项目25个：p-1、")
                .contains("p-20").doesNotContain("p-21").endsWith("等");
    }
}
