package cn.egov.projects.persistence;

import cn.egov.projects.application.fake.FixedClock;
import cn.egov.projects.application.fake.People;
import cn.egov.projects.application.port.in.GradeProjectCommand;
import cn.egov.projects.application.port.in.GradeUnitCommand;
import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.application.port.out.AuditTrailPort;
import cn.egov.projects.application.service.PerformanceService;
import cn.egov.projects.application.service.Ports;
import cn.egov.projects.application.view.YearEvaluation;
import cn.egov.projects.domain.calendar.WorkingDayCalendar;
import cn.egov.projects.domain.performance.Grade;
import cn.egov.projects.domain.performance.PerformanceGrade;
import cn.egov.projects.domain.performance.ProjectScore;
import cn.egov.projects.domain.policy.PolicyHistory;
import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.UnitId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract of {@code PerformanceGradePort}: one grade per plan year and subject, a later save replacing it, read
 * back exactly (the comment's Chinese, the moment to the microsecond); saved inside a transaction, rolled back with
 * it.
 */
abstract class PerformanceGradeContractTest extends PersistenceContractTest {

    private static final Instant AT = Instant.parse("2026-01-15T02:30:00.123456Z");

    private static String unit() {
        return "U-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    @DisplayName("项目和单位的考核等级按年度读回，意见和评定时间原样保存；没有评定的年度为空")
    void gradesOfAYear() {
        String project = ProjectId.random().toString();
        String unit = unit();
        PerformanceGrade p = new PerformanceGrade(2031, PerformanceGrade.Subject.PROJECT, project, Grade.GOOD,
                "满意度未达成，已制定整改措施；“引号”与换行\n第二行", "bdb-1", AT);
        PerformanceGrade u = new PerformanceGrade(2031, PerformanceGrade.Subject.UNIT, unit, Grade.EXCELLENT, null,
                "bdb-1", AT.plus(1, ChronoUnit.MINUTES));
        adapters.performanceGrades().save(p);
        adapters.performanceGrades().save(u);

        assertThat(adapters.performanceGrades().grades(2031)).containsExactlyInAnyOrder(p, u);
        assertThat(adapters.performanceGrades().grades(2032)).isEmpty();
    }

    @Test
    @DisplayName("同一年度同一对象再次评定时替换原等级，其他年度和对象不受影响")
    void aLaterGradeReplaces() {
        String unit = unit();
        PerformanceGrade first = new PerformanceGrade(2033, PerformanceGrade.Subject.UNIT, unit, Grade.FAIR, "初评",
                "bdb-1", AT);
        PerformanceGrade otherYear = new PerformanceGrade(2034, PerformanceGrade.Subject.UNIT, unit, Grade.POOR, null,
                "bdb-1", AT);
        PerformanceGrade sameIdAsProject = new PerformanceGrade(2033, PerformanceGrade.Subject.PROJECT, unit,
                Grade.GOOD, null, "bdb-1", AT);
        adapters.performanceGrades().save(first);
        adapters.performanceGrades().save(otherYear);
        adapters.performanceGrades().save(sameIdAsProject);
        PerformanceGrade again = new PerformanceGrade(2033, PerformanceGrade.Subject.UNIT, unit, Grade.GOOD, "复核后调整",
                "bdb-2", AT.plus(1, ChronoUnit.DAYS));
        adapters.performanceGrades().save(again);

        assertThat(adapters.performanceGrades().grades(2033)).containsExactlyInAnyOrder(again, sameIdAsProject);
        assertThat(adapters.performanceGrades().grades(2034)).containsExactly(otherYear);
    }

    @Test
    @DisplayName("在事务中保存的等级随事务回滚而撤销")
    void aRolledBackGradeIsGone() {
        PerformanceGrade g = new PerformanceGrade(2035, PerformanceGrade.Subject.UNIT, unit(), Grade.GOOD, null,
                "bdb-1", AT);
        assertThatThrownBy(() -> adapters.transactions().inTransaction(() -> {
            adapters.performanceGrades().save(g);
            throw new IllegalStateException("the audit record could not be written");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(adapters.performanceGrades().grades(2035)).isEmpty();
    }

    @Test
    @DisplayName("真实用例经真实存储：计算得分、评定等级与操作记录同一事务提交；操作记录写入失败时等级不保存")
    void theUseCaseOverTheRealStore() {
        UnitId unit = new UnitId(unit());
        Project project = Lifecycles.fullLife(unit, p -> { });
        adapters.projects().insert(project);
        FixedClock clock = new FixedClock(LocalDate.of(2027, 1, 10));
        PerformanceService failing = new PerformanceService(ports(clock, new AuditTrailPort() {
            @Override
            public void append(AuditRecord record) {
                adapters.auditTrail().append(record);
                throw new IllegalStateException("the audit trail failed after appending");
            }

            @Override
            public List<AuditRecord> forProject(String projectId) {
                return adapters.auditTrail().forProject(projectId);
            }
        }), adapters.performanceGrades());
        PerformanceService service = new PerformanceService(ports(clock, adapters.auditTrail()),
                adapters.performanceGrades());

        YearEvaluation before = service.evaluation(People.bureau(), 2025);
        assertThat(before.projects()).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(project.id());
            // the experts' view at the passed acceptance: benefit met (30 × 100), satisfaction partly met (20 × 50)
            assertThat(e.score().score()).isEqualByComparingTo("80.0");
            assertThat(e.score().basis()).isEqualTo(ProjectScore.Basis.ACCEPTANCE);
            assertThat(e.grade()).isNull();
        });
        int audited = adapters.auditTrail().forProject(project.id().toString()).size();

        assertThatThrownBy(() -> failing.gradeProject(People.bureau(), new GradeProjectCommand(2025, project.id(),
                Grade.GOOD, "较好"))).isInstanceOf(IllegalStateException.class);
        assertThat(adapters.performanceGrades().grades(2025)).isEmpty();
        assertThat(adapters.auditTrail().forProject(project.id().toString())).hasSize(audited);

        service.gradeProject(People.bureau(), new GradeProjectCommand(2025, project.id(), Grade.GOOD, "较好"));
        service.gradeUnit(People.bureau(), new GradeUnitCommand(2025, unit, Grade.EXCELLENT, null));
        assertThat(adapters.auditTrail().forProject(project.id().toString())).hasSize(audited + 1)
                .last().satisfies(r -> {
                    assertThat(r.action()).isEqualTo("EVALUATE_PERFORMANCE");
                    assertThat(r.summary()).isEqualTo("2025年度绩效考核评定：良（计算得分80.0）");
                });
        YearEvaluation after = service.evaluation(People.bureau(), 2025);
        assertThat(after.projects().get(0).grade().grade()).isEqualTo(Grade.GOOD);
        assertThat(after.units()).singleElement().satisfies(u -> {
            assertThat(u.grade().grade()).isEqualTo(Grade.EXCELLENT);
            assertThat(u.projectAverage()).isEqualByComparingTo("80.0");
        });
    }

    private Ports ports(FixedClock clock, AuditTrailPort audit) {
        WorkingDayCalendar calendar = WorkingDayCalendar.official();
        PolicyHistory policies = PolicyHistory.of(PolicyPacks.taicang());
        return new Ports(adapters.projects(), adapters.projects(), adapters.projects(), adapters.windows(), audit,
                (project, opened, closed) -> { }, clock, () -> calendar, () -> policies, adapters.transactions());
    }
}
