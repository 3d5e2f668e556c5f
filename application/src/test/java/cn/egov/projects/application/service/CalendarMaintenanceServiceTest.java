package cn.egov.projects.application.service;

import cn.egov.projects.application.fake.FakeWorld;
import cn.egov.projects.application.port.in.CreateDraftCommand;
import cn.egov.projects.application.port.in.DeclareProjectCommand;
import cn.egov.projects.application.port.in.IssueAnnualPlanCommand;
import cn.egov.projects.application.port.in.OpenDeclarationWindowCommand;
import cn.egov.projects.application.port.in.ProposeFundingCommand;
import cn.egov.projects.application.port.in.RecordApprovalCommand;
import cn.egov.projects.application.port.in.RecordReviewCommand;
import cn.egov.projects.application.port.in.StartReviewCommand;
import cn.egov.projects.domain.calendar.CalendarText;
import cn.egov.projects.domain.calendar.WorkingDayCalendar;
import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.policy.PolicyHistory;
import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.ProjectId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static cn.egov.projects.application.fake.People.bureau;
import static cn.egov.projects.application.fake.People.finance;
import static cn.egov.projects.application.fake.People.policeStaff;
import static cn.egov.projects.application.fake.People.smartPolicePlatform;
import static org.assertj.core.api.Assertions.assertThat;

class CalendarMaintenanceServiceTest {

    @Test
    @DisplayName("运维人员载入2027年安排后，系统重新计算暂定到期日并留下操作记录")
    void provisionalDueDaysAreComputedAgainWhenTheYearArrives() {
        FakeWorld world = new FakeWorld(LocalDate.of(2026, 8, 3));
        world.declarations.openWindow(bureau(), new OpenDeclarationWindowCommand(2027,
                LocalDate.of(2026, 8, 3), LocalDate.of(2026, 9, 30)));
        ProjectId id = world.declarations.createDraft(policeStaff(), new CreateDraftCommand(smartPolicePlatform(2027)));
        world.declarations.declare(policeStaff(), new DeclareProjectCommand(id, null));
        world.approvals.startReview(bureau(), new StartReviewCommand(id, null));
        world.approvals.recordReview(bureau(), new RecordReviewCommand(id, null, true, List.of("甲"), "同意"));
        world.approvals.proposeFunding(finance(), new ProposeFundingCommand(id, null, Money.yuan("1260000"), "同意"));
        world.approvals.recordApproval(bureau(), new RecordApprovalCommand(id, null, Money.yuan("1260000"), "批复"));
        world.clock.set(LocalDate.of(2026, 12, 31));
        world.approvals.issuePlan(bureau(), new IssueAnnualPlanCommand(2027, "计划", List.of(id)));

        // the calendar the services see gains 2027 (test data: 2027-02-01..05 rest, Saturday 02-06 worked)
        AtomicReference<WorkingDayCalendar> calendar = new AtomicReference<>(WorkingDayCalendar.official());
        var ports = new Ports(world.projects, world.projects, world.projects, world.windows, world.audit,
                world.reminders, world.clock, calendar::get, () -> PolicyHistory.of(PolicyPacks.taicang()),
                world.transactions);
        CalendarMaintenanceService maintenance = new CalendarMaintenanceService(ports, world.projects);
        assertThat(maintenance.recomputeProvisionalDeadlines()).isZero();

        calendar.set(WorkingDayCalendar.official().withYears(CalendarText.parse("""
                year 2027 notice test-2027
                rest 2027-01-01..2027-01-03
                rest 2027-02-01..2027-02-05
                work 2027-02-06
                """)));
        int opened = world.reminders.opened().size();
        assertThat(maintenance.recomputeProvisionalDeadlines()).isEqualTo(2);

        var implPlan = world.queries.get(policeStaff(), id).deadlines().stream()
                .filter(d -> d.deadline().kind() == DeadlineKind.IMPL_PLAN).findFirst().orElseThrow().deadline();
        assertThat(implPlan.due()).isEqualTo(LocalDate.of(2027, 2, 6));
        assertThat(implPlan.provisional()).isFalse();
        assertThat(world.audit.forProject(id.toString())).last().satisfies(r -> {
            assertThat(r.userId()).isEqualTo("system");
            assertThat(r.summary()).contains("2027-02-06");
        });
        assertThat(world.reminders.opened()).hasSize(opened + 2);
        assertThat(maintenance.recomputeProvisionalDeadlines()).isZero();
    }
}
