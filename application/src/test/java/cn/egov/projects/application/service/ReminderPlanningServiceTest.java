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
import cn.egov.projects.application.port.out.Account;
import cn.egov.projects.application.view.PlannedReminder;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.deadline.Deadline;
import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ProjectProfile;
import cn.egov.projects.domain.reminder.Audience;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static cn.egov.projects.application.fake.People.BUREAU;
import static cn.egov.projects.application.fake.People.POLICE;
import static cn.egov.projects.application.fake.People.bureau;
import static cn.egov.projects.application.fake.People.classifiedProfile;
import static cn.egov.projects.application.fake.People.finance;
import static cn.egov.projects.application.fake.People.policeStaff;
import static cn.egov.projects.application.fake.People.smartPolicePlatform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Planning reminders from stored projects over the in-memory fakes; every day worked out by hand (CALENDAR.md). */
class ReminderPlanningServiceTest {

    private final FakeWorld world = new FakeWorld(LocalDate.of(2024, 8, 1));
    private final ReminderPlanningService planner = new ReminderPlanningService(world.projects, world.projects,
            world.projects, world.windows, world.accounts, world.ports.policies(), world.ports.calendar());
    private ProjectId assignedClassified;

    @BeforeEach
    void bureauOfficers() {
        assignedClassified = ProjectId.random();
        world.accounts.insert(new Account("bdb-1", "bdb1", "赵督办", Role.BDB_OFFICER, BUREAU, "13900000009",
                "zhao@dsj.tc.gov.cn", "h", true, Set.of()));
        world.accounts.insert(new Account("bdb-2", "bdb2", "钱停用", Role.BDB_OFFICER, BUREAU, "13900000008",
                "qian@dsj.tc.gov.cn", "h", false, Set.of()));
        world.accounts.insert(new Account("staff-1", "staff1", "孙经办", Role.UNIT_STAFF, POLICE, null,
                "sun@gaj.tc.gov.cn", "h", true, Set.of()));
    }

    private ProjectId planned(ProjectProfile profile) {
        world.clock.set(LocalDate.of(2024, 8, 1));
        world.declarations.openWindow(bureau(), new OpenDeclarationWindowCommand(2025, LocalDate.of(2024, 8, 1),
                LocalDate.of(2024, 9, 30)));
        world.clock.set(LocalDate.of(2024, 8, 20));
        ProjectId id = world.declarations.createDraft(policeStaff(), new CreateDraftCommand(profile));
        world.declarations.declare(policeStaff(), new DeclareProjectCommand(id, null));
        world.approvals.startReview(bureau(), new StartReviewCommand(id, null));
        world.approvals.recordReview(bureau(), new RecordReviewCommand(id, null, true, List.of("甲", "乙", "丙"), "可行"));
        world.approvals.proposeFunding(finance(), new ProposeFundingCommand(id, null, profile.totalInvestment(), "同意"));
        world.approvals.recordApproval(bureau(), new RecordApprovalCommand(id, null, profile.totalInvestment(), "批复"));
        // Friday 2025-01-24: plan issued; implementation plan due Monday 2025-02-24 (Art. 13)
        world.clock.set(LocalDate.of(2025, 1, 24));
        world.approvals.issuePlan(bureau(), new IssueAnnualPlanCommand(2025, "太政办〔2025〕5号", List.of(id)));
        return id;
    }

    private List<PlannedReminder> planDay(LocalDate day) {
        List<PlannedReminder> all = new ArrayList<>();
        planner.planDay(day, all::addAll);
        return all;
    }

    private List<PlannedReminder> planDays(LocalDate from, LocalDate to, DeadlineKind kind) {
        List<PlannedReminder> all = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            planDay(day).stream().filter(p -> p.kind() == kind).forEach(all::add);
        }
        return all;
    }

    @Test
    @DisplayName("提醒带上项目所属单位的全称（太仓市公安局），供邮件、短信和消息中心写单位名称而非代码；涉密项目不带；单位未登记时为空")
    void remindersCarryTheUnitsFullName() {
        world.units.insert(new cn.egov.projects.application.view.Unit(POLICE, "太仓市公安局",
                cn.egov.projects.application.view.Unit.Kind.IMPLEMENTING));
        planner.namedBy(world.units);
        planned(smartPolicePlatform(2025));
        List<PlannedReminder> plan = planDays(LocalDate.of(2025, 2, 17), LocalDate.of(2025, 2, 25),
                DeadlineKind.IMPL_PLAN);
        assertThat(plan).isNotEmpty().allSatisfy(p -> assertThat(p.unitName()).isEqualTo("太仓市公安局"));
        // a unit registered later is found too (the names are read again when one is missing)
        assertThat(planner.unitName(new cn.egov.projects.domain.project.UnitId("TC-NEW"))).isNull();
        world.units.insert(new cn.egov.projects.application.view.Unit(new cn.egov.projects.domain.project.UnitId(
                "TC-NEW"), "太仓市新设局", cn.egov.projects.application.view.Unit.Kind.IMPLEMENTING));
        assertThat(planner.unitName(new cn.egov.projects.domain.project.UnitId("TC-NEW"))).isEqualTo("太仓市新设局");
    }

    @Test
    @DisplayName("到期前提醒（节假日前移、同日合并）和首次逾期督办由各日的每日任务从未结期限推出，不提前生成")
    void eachDayDerivesItsRemindersFromTheOpenDeadlines() {
        ProjectId id = planned(smartPolicePlatform(2025));
        Project project = world.projects.load(id).orElseThrow();
        // nothing is planned ahead when the deadlines open (no reminder falls on the day of the plan)
        assertThat(planner.forOpenedDeadlines(project, world.reminders.opened(), LocalDate.of(2025, 1, 24)))
                .isEmpty();

        // IMPL_PLAN due Mon 02-24: 7 before = Mon 02-17; 3 before = Fri 02-21; 1 before = Sun 02-23 → Fri 02-21
        // (merged); on the day; first escalation Tue 02-25 to the leader and the Bureau's enabled officer
        List<PlannedReminder> plan = planDays(LocalDate.of(2025, 1, 24), LocalDate.of(2025, 3, 3),
                DeadlineKind.IMPL_PLAN);
        assertThat(plan).extracting(PlannedReminder::day, p -> p.reminder().audience(), p -> p.recipient().name())
                .containsExactly(
                        tuple(LocalDate.of(2025, 2, 17), Audience.RESPONSIBLE, "李责任"),
                        tuple(LocalDate.of(2025, 2, 21), Audience.RESPONSIBLE, "李责任"),
                        tuple(LocalDate.of(2025, 2, 24), Audience.RESPONSIBLE, "李责任"),
                        tuple(LocalDate.of(2025, 2, 25), Audience.LEADER, "王分管"),
                        tuple(LocalDate.of(2025, 2, 25), Audience.BUREAU, "赵督办"));
        PlannedReminder first = plan.get(0);
        assertThat(first.article()).isEqualTo("第十三条");
        assertThat(first.projectName()).isEqualTo("智慧公安数据平台");
        assertThat(first.recipient().email()).isEqualTo("li@tc.gov.cn");
        assertThat(first.recipient().mobile()).isEqualTo("13900000002");
        // SUBSTANTIVE_START due Mon 2026-01-26: 01-19, 01-23 (3 before), Sun 01-25 → Fri 01-23 merged, 01-26, 01-27
        assertThat(planDays(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 2), DeadlineKind.SUBSTANTIVE_START)
                .stream().map(PlannedReminder::day).distinct()).containsExactly(LocalDate.of(2026, 1, 19),
                LocalDate.of(2026, 1, 23), LocalDate.of(2026, 1, 26), LocalDate.of(2026, 1, 27));
    }

    @Test
    @DisplayName("期限在某个提醒日当天才开启：当天的提醒即刻排定（当日的每日任务可能已运行）")
    void aDeadlineOpenedOnAReminderDayHasThatDaysReminderAtOnce() {
        ProjectId id = planned(smartPolicePlatform(2025));
        Project project = world.projects.load(id).orElseThrow();
        assertThat(planner.forOpenedDeadlines(project, world.reminders.opened(), LocalDate.of(2025, 2, 21)))
                .filteredOn(p -> p.kind() == DeadlineKind.IMPL_PLAN)
                .extracting(PlannedReminder::day, p -> p.reminder().audience(), p -> p.reminder().offsetDays())
                .containsExactly(tuple(LocalDate.of(2025, 2, 21), Audience.RESPONSIBLE, 3));
        assertThat(planner.forOpenedDeadlines(project, world.reminders.opened(), LocalDate.of(2025, 2, 22)))
                .isEmpty();
    }

    @Test
    @DisplayName("逾期后每7日重复督办分管领导和大数据局，直至期限完成")
    void dailyPassRepeatsEscalations() {
        ProjectId id = planned(smartPolicePlatform(2025));
        // first escalation Tue 02-25, repeats Tue 03-04, Tue 03-11
        assertThat(planDay(LocalDate.of(2025, 3, 4))).extracting(p -> p.reminder().audience(), p -> p.recipient().name(),
                        p -> p.reminder().offsetDays())
                .containsExactly(tuple(Audience.LEADER, "王分管", -8), tuple(Audience.BUREAU, "赵督办", -8));
        assertThat(planDay(LocalDate.of(2025, 3, 5))).isEmpty();
        assertThat(planDay(LocalDate.of(2025, 2, 21))).extracting(PlannedReminder::projectId).containsOnly(id);
        assertThat(planDay(LocalDate.of(2025, 2, 22))).isEmpty();
    }

    @Test
    @DisplayName("涉密项目：不带项目名称，只督办指定的大数据局人员")
    void classifiedProjects() {
        Project project = Project.draft(ProjectId.random(), POLICE, classifiedProfile(2025), "taicang-2021",
                LocalDate.of(2024, 8, 20));
        world.accounts.insert(new Account("bdb-3", "bdb3", "孙指定", Role.BDB_OFFICER, BUREAU, null,
                "sun@dsj.tc.gov.cn", "h", true, Set.of(project.id(), assignedClassified)));
        // an implementation plan due Mon 2025-02-24, found open (and overdue) on Tue 02-25
        Deadline overdue = Deadline.open(UUID.randomUUID(), DeadlineKind.IMPL_PLAN, null, LocalDate.of(2025, 1, 24),
                LocalDate.of(2025, 2, 24), false);
        List<PlannedReminder> plan = planner.forOpenedDeadlines(project, List.of(overdue), LocalDate.of(2025, 2, 25));
        assertThat(plan).extracting(p -> p.recipient().name()).containsExactlyInAnyOrder("王分管", "孙指定");
        assertThat(plan).allSatisfy(p -> {
            assertThat(p.classified()).isTrue();
            assertThat(p.projectName()).isNull();
            assertThat(p.day()).isEqualTo(LocalDate.of(2025, 2, 25));
        });
    }

    @Test
    @DisplayName("申报截止前提醒持有草稿的单位：草稿的责任人")
    void windowClosingRemindsDrafts() {
        planned(smartPolicePlatform(2025));
        // window for 2026 closes Tue 2025-09-30: 3 days before = Sat 09-27 → Fri 09-26
        world.clock.set(LocalDate.of(2025, 8, 1));
        world.declarations.openWindow(bureau(), new OpenDeclarationWindowCommand(2026, LocalDate.of(2025, 8, 1),
                LocalDate.of(2025, 9, 30)));
        ProjectId draft = world.declarations.createDraft(policeStaff(), new CreateDraftCommand(smartPolicePlatform(2026)));
        List<PlannedReminder> closing = planDay(LocalDate.of(2025, 9, 26)).stream()
                .filter(p -> p.kind() == DeadlineKind.WINDOW_CLOSING).toList();
        assertThat(closing).extracting(PlannedReminder::projectId, p -> p.recipient().name(), PlannedReminder::due)
                .containsExactly(tuple(draft, "李责任", LocalDate.of(2025, 9, 30)));
        assertThat(planDay(LocalDate.of(2025, 9, 25)).stream().filter(p -> p.kind() == DeadlineKind.WINDOW_CLOSING))
                .isEmpty();
    }

    @Test
    @DisplayName("消息中心：提醒落到本人账号——责任人按同单位账号的邮箱或手机对上，大数据局人员按账号；没有账号的人只收邮件短信")
    void remindersNameTheAccountsWhoseInboxTheyReach() {
        // 李责任 of the police has an account of the unit with the same mobile number; 王分管 has none
        world.accounts.insert(new Account("staff-li", "staffli", "李责任", Role.UNIT_STAFF, POLICE, "13900000002",
                null, "h", true, Set.of()));
        // an officer without any address is reached in the inbox all the same
        world.accounts.insert(new Account("bdb-3", "bdb3", "周无址", Role.BDB_OFFICER, BUREAU, null, null, "h", true,
                Set.of()));
        planned(smartPolicePlatform(2025));
        List<PlannedReminder> before = planDays(LocalDate.of(2025, 2, 17), LocalDate.of(2025, 2, 17),
                DeadlineKind.IMPL_PLAN);
        assertThat(before).extracting(p -> p.recipient().name(), p -> p.recipient().userId())
                .containsExactly(tuple("李责任", "staff-li"));
        List<PlannedReminder> escalated = planDays(LocalDate.of(2025, 2, 25), LocalDate.of(2025, 2, 25),
                DeadlineKind.IMPL_PLAN);
        assertThat(escalated).extracting(p -> p.reminder().audience(), p -> p.recipient().name(),
                p -> p.recipient().userId()).containsExactlyInAnyOrder(
                tuple(Audience.LEADER, "王分管", null),
                tuple(Audience.BUREAU, "赵督办", "bdb-1"),
                tuple(Audience.BUREAU, "周无址", "bdb-3"));
    }
}
