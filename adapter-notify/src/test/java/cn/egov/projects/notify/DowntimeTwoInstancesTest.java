package cn.egov.projects.notify;

import cn.egov.projects.application.fake.InMemoryAccounts;
import cn.egov.projects.application.fake.InMemoryProjects;
import cn.egov.projects.application.fake.InMemoryWindows;
import cn.egov.projects.application.port.out.Account;
import cn.egov.projects.application.port.out.ClockPort;
import cn.egov.projects.application.service.ReminderPlanningService;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.calendar.WorkingDayCalendar;
import cn.egov.projects.domain.catalog.Category;
import cn.egov.projects.domain.catalog.FundingSource;
import cn.egov.projects.domain.catalog.Nature;
import cn.egov.projects.domain.deadline.Deadline;
import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.policy.PolicyHistory;
import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.AccountablePeople;
import cn.egov.projects.domain.project.BudgetLine;
import cn.egov.projects.domain.project.GoalKind;
import cn.egov.projects.domain.project.PerformanceGoal;
import cn.egov.projects.domain.project.Person;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ProjectProfile;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.notify.channel.EmailSender;
import cn.egov.projects.notify.channel.OutgoingEmail;
import cn.egov.projects.persistence.Database;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After downtime, two instances with real schedulers start together on one PostgreSQL: the missed days are made up
 * by one of them, and each person hears of each deadline once, marked late, whichever instance sends it.
 */
class DowntimeTwoInstancesTest {

    private static final int PROJECTS = 60;
    private static final String ZHAO = "zhao@dsj.tc.gov.cn";

    private final InMemoryProjects projects = new InMemoryProjects();
    private final InMemoryAccounts accounts = new InMemoryAccounts();
    private final ConcurrentLinkedQueue<OutgoingEmail> sent = new ConcurrentLinkedQueue<>();

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ClockPort.ZONE).toInstant();
    }

    private ReminderPlanningService planner() {
        accounts.insert(new Account("bdb-1", "bdb1", "赵督办", Role.BDB_OFFICER, new UnitId("TC-DSJ"), null, ZHAO, "h",
                true, Set.of()));
        PolicyHistory policies = PolicyHistory.of(PolicyPacks.taicang());
        WorkingDayCalendar calendar = WorkingDayCalendar.official();
        return new ReminderPlanningService(projects, projects, projects, new InMemoryWindows(), accounts,
                () -> policies, () -> calendar);
    }

    private Project project(int i, Deadline deadline) {
        ProjectProfile profile = new ProjectProfile("项目" + i, 2025, Category.BUSINESS_SYSTEM, Nature.NEW, null, null,
                true, FundingSource.MUNICIPAL, false, false, List.of("数据汇聚平台"),
                List.of(PerformanceGoal.of("处置时间缩短比例", GoalKind.BENEFIT, "≥20%")),
                List.of(new BudgetLine("软件开发", Money.yuan("600000"), false)),
                new AccountablePeople(new Person("分管" + i, String.format("139%08d", i), "l" + i + "@down.test"),
                        new Person("责任" + i, String.format("138%08d", i), "r" + i + "@down.test")));
        Project draft = Project.draft(ProjectId.random(), new UnitId("TC-GAJ"), profile, "taicang-2021",
                LocalDate.of(2025, 1, 10));
        Project p = GoldenWeekClockTest.withDeadlines(draft, ProjectState.IMPLEMENTING, List.of(deadline));
        projects.insert(p);
        return p;
    }

    @Test
    @DisplayName("停机后两个实例同时启动：补发由一个实例完成，每人每个期限恰好收到一条延迟提醒")
    void twoInstancesMakeUpOnce() {
        ReminderPlanningService planner = planner();
        try (Harness harness = Harness.postgres()) {
            // up to Sunday 09-28: every project's implementation plan falls due on Thursday 10-09; the first half was
            // opened through the engine (which plans only a reminder of that very day), the second half is stored only
            SettableClock before = new SettableClock();
            before.set(at("2025-09-20T10:00"));
            ReminderEngine first = harness.engine(ReminderSettings.defaults(), before::now, planner, sent::add, null,
                    harness.db);
            ManualScheduler manual = TestHelper.createManualScheduler(harness.db.dataSource(), first.messageTasks())
                    .clock(before).startTasks(first.recurringTasks()).build();
            manual.start();
            for (int i = 0; i < PROJECTS; i++) {
                Deadline plan = Deadline.open(UUID.randomUUID(), DeadlineKind.IMPL_PLAN, null,
                        LocalDate.of(2025, 9, 20), LocalDate.of(2025, 10, 9), false);
                Project p = project(i, plan);
                if (i < PROJECTS / 2) {
                    harness.tx.inTransaction(() -> {
                        first.deadlinesChanged(p, List.of(plan), List.of());
                        return null;
                    });
                }
            }
            while (before.now().isBefore(at("2025-09-28T12:00"))) {
                before.tick(Duration.ofHours(1));
                manual.runAnyDueExecutions();
            }
            assertThat(sent).isEmpty();
            assertThat(first.passes(LocalDate.of(2025, 9, 28))).extracting(ReminderLedger.Pass::day)
                    .containsExactly(LocalDate.of(2025, 9, 28));

            // down until Monday 10-13 09:00; two instances start on the same database at once
            Duration shift = Duration.between(Instant.now(), at("2025-10-13T09:00"));
            ClockPort shifted = () -> Instant.now().plus(shift);
            Database second = harness.another();
            EmailSender mail = sent::add;
            ReminderEngine a = harness.engine(Harness.fast("instance-a"), shifted, planner, mail, null, harness.db);
            ReminderEngine b = harness.engine(Harness.fast("instance-b"), shifted, planner, mail, null, second);
            a.start();
            b.start();

            Harness.await("the missed days made up and everything sent", Duration.ofSeconds(120), () ->
                    !a.passes(LocalDate.of(2025, 10, 13)).isEmpty()
                            && harness.count("SELECT COUNT(*) FROM reminder WHERE sent_at IS NULL AND cancelled_at IS "
                            + "NULL AND dead_letter_id IS NULL") == 0
                            && harness.count("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = "
                            + "'reminder-digest'") == 0);

            Map<String, List<OutgoingEmail>> byRecipient = sent.stream()
                    .collect(Collectors.groupingBy(OutgoingEmail::to));
            // each 责任人, 分管领导 and the Bureau's officer: one message
            assertThat(byRecipient).hasSize(2 * PROJECTS + 1);
            assertThat(byRecipient.values()).allSatisfy(messages -> assertThat(messages).hasSize(1));
            assertThat(sent).allSatisfy(m -> assertThat(m.subject()).endsWith("（延迟送达）"));
            assertThat(byRecipient.get("r7@down.test").get(0).text())
                    .contains("（本提醒原定于2025年10月9日发送，因系统停机延迟送达）");
            assertThat(byRecipient.get("l42@down.test").get(0).text())
                    .contains("现已逾期4天", "（本提醒原定于2025年10月10日发送，因系统停机延迟送达）");
            assertThat(byRecipient.get(ZHAO).get(0).subject()).isEqualTo("【电子政务项目督办】您有" + PROJECTS
                    + "项待办事项（延迟送达）");
            // the ledger: each reminder sent once and late; nothing planned ahead of its day, so nothing superseded
            assertThat(harness.count("SELECT COUNT(*) FROM reminder WHERE sent_at IS NOT NULL AND late"))
                    .isEqualTo(3L * PROJECTS);
            assertThat(harness.count("SELECT COUNT(*) FROM reminder WHERE sent_at IS NOT NULL AND NOT late")).isZero();
            assertThat(harness.count("SELECT COUNT(*) FROM reminder WHERE superseded")).isZero();
            assertThat(harness.count("SELECT COUNT(*) FROM reminder_pass WHERE outcome = 'LATE'"))
                    .isEqualTo(14);
        }
    }
}
