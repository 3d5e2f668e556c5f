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
import cn.egov.projects.notify.channel.OutgoingSms;
import cn.egov.projects.notify.channel.SmsSender;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clock-driven: a test clock walks hour by hour across the 2025 National Day holiday (rest 10-01..10-08, 09-28 and
 * 10-11 worked) through the real planner, the real engine and db-scheduler's manual scheduler on H2, and every
 * e-mail and SMS is recorded with the instant it went out.
 */
class GoldenWeekClockTest {

    private static final String LI = "li@tc.gov.cn";
    private static final String WANG = "wang@tc.gov.cn";
    private static final String ZHAO = "zhao@dsj.tc.gov.cn";

    /** What went out, when (Asia/Shanghai). */
    record Sent(String channel, String to, LocalDateTime at, String text) {
    }

    private final SettableClock schedulerClock = new SettableClock();
    private final ClockPort clock = schedulerClock::now;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final InMemoryProjects projects = new InMemoryProjects();
    private final InMemoryAccounts accounts = new InMemoryAccounts();
    private Harness harness;
    private ReminderEngine engine;
    private ManualScheduler scheduler;

    @BeforeEach
    void setUp() {
        harness = Harness.h2();
        accounts.insert(new Account("bdb-1", "bdb1", "赵督办", Role.BDB_OFFICER, new UnitId("TC-DSJ"), "13900000009",
                ZHAO, "h", true, Set.of()));
        PolicyHistory policies = PolicyHistory.of(PolicyPacks.taicang());
        WorkingDayCalendar calendar = WorkingDayCalendar.official();
        ReminderPlanningService planner = new ReminderPlanningService(projects, projects, projects,
                new InMemoryWindows(), accounts, () -> policies, () -> calendar);
        EmailSender email = e -> sent.add(new Sent("EMAIL", e.to(), local(clock.now()), e.subject() + e.text()));
        SmsSender sms = s -> sent.add(new Sent("SMS", s.mobile(), local(clock.now()), s.text()));
        engine = harness.engine(ReminderSettings.defaults().withMessages("https://egov.tc.gov.cn", "【太仓电子政务】"),
                clock, planner, email, sms, harness.db);
        scheduler = TestHelper.createManualScheduler(harness.db.dataSource(), engine.messageTasks())
                .clock(schedulerClock).startTasks(engine.recurringTasks()).build();
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private static LocalDateTime local(Instant at) {
        return at.atZone(ClockPort.ZONE).toLocalDateTime();
    }

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ClockPort.ZONE).toInstant();
    }

    private void walk(String until) {
        Instant end = at(until);
        while (schedulerClock.now().isBefore(end)) {
            schedulerClock.tick(Duration.ofMinutes(30));
            scheduler.runAnyDueExecutions();
        }
    }

    private Project project(Deadline deadline) {
        ProjectProfile profile = new ProjectProfile("智慧公安数据平台", 2025, Category.BUSINESS_SYSTEM, Nature.NEW, null,
                null, true, FundingSource.MUNICIPAL, false, false, List.of("数据汇聚平台"),
                List.of(PerformanceGoal.of("处置时间缩短比例", GoalKind.BENEFIT, "≥20%")),
                List.of(new BudgetLine("软件开发", Money.yuan("600000"), false)),
                new AccountablePeople(new Person("王分管", "13900000001", WANG),
                        new Person("李责任", "13900000002", LI)));
        Project draft = Project.draft(ProjectId.random(), new UnitId("TC-GAJ"), profile, "taicang-2021",
                LocalDate.of(2025, 1, 10));
        return withDeadlines(draft, ProjectState.PLANNED, List.of(deadline));
    }

    /** The project as stored with the given deadlines (what the lifecycle would have made of it). */
    static Project withDeadlines(Project project, ProjectState state, List<Deadline> deadlines) {
        try {
            Project.Snapshot s = project.snapshot();
            RecordComponent[] components = Project.Snapshot.class.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = switch (components[i].getName()) {
                    case "deadlines" -> List.copyOf(deadlines);
                    case "state" -> state;
                    default -> components[i].getAccessor().invoke(s);
                };
            }
            return Project.restore(Project.Snapshot.class.getDeclaredConstructor(types).newInstance(values));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Sent> sentTo(String to) {
        return sent.stream().filter(s -> s.to().equals(to)).toList();
    }

    @Test
    @DisplayName("国庆长假：10月9日到期的期限在节前9月30日和到期日提醒，假期中不发，逾期后每周五督办直至完成")
    void remindersFallOnWorkingDaysAroundGoldenWeek() {
        // plan issued on Saturday 2025-09-20; the implementation plan falls due on Thursday 2025-10-09
        schedulerClock.set(at("2025-09-20T10:00"));
        scheduler.start();
        Deadline deadline = Deadline.open(UUID.randomUUID(), DeadlineKind.IMPL_PLAN, null, LocalDate.of(2025, 9, 20),
                LocalDate.of(2025, 10, 9), false);
        Project project = project(deadline);
        projects.insert(project);
        harness.tx.inTransaction(() -> {
            engine.deadlinesChanged(project, List.of(deadline), List.of());
            return null;
        });

        walk("2025-10-20T15:00");
        // the plan is submitted on Monday 10-20: the deadline is met, nothing more goes out
        Deadline met = deadline.metOn(LocalDate.of(2025, 10, 20));
        projects.update(withDeadlines(projects.load(project.id()).orElseThrow(), ProjectState.IMPLEMENTING,
                List.of(met)));
        harness.tx.inTransaction(() -> {
            engine.deadlinesChanged(project, List.of(), List.of(met));
            return null;
        });
        walk("2025-11-05T12:00");

        // 7, 3 and 1 days before (10-02, 10-06, 10-08) are holidays: one reminder on Tuesday 09-30; then the due day
        assertThat(sentTo(LI)).extracting(Sent::at).containsExactly(
                LocalDateTime.of(2025, 9, 30, 8, 0), LocalDateTime.of(2025, 10, 9, 8, 0));
        assertThat(sentTo("13900000002")).extracting(Sent::at).containsExactly(
                LocalDateTime.of(2025, 9, 30, 8, 0), LocalDateTime.of(2025, 10, 9, 8, 0));
        assertThat(sentTo(LI).get(0).text()).contains("须于2025年10月9日（星期四）前报送项目实施方案（第十三条）",
                "https://egov.tc.gov.cn/projects/" + project.id());
        // overdue: Friday 10-10, then every 7 days (Friday 10-17) until met on 10-20
        for (String to : List.of(WANG, ZHAO, "13900000001", "13900000009")) {
            assertThat(sentTo(to)).as("escalations to %s", to).extracting(Sent::at).containsExactly(
                    LocalDateTime.of(2025, 10, 10, 8, 0), LocalDateTime.of(2025, 10, 17, 8, 0));
        }
        assertThat(sentTo(WANG).get(0).text()).contains("已逾期", "现已逾期1天（第十三条）");
        WorkingDayCalendar calendar = WorkingDayCalendar.official();
        assertThat(sent).allSatisfy(s -> {
            assertThat(calendar.isWorkingDay(s.at().toLocalDate())).as("%s is a working day", s.at()).isTrue();
            assertThat(s.at().toLocalTime()).isBetween(LocalTime.of(8, 0), LocalTime.of(20, 59));
        });
        assertThat(sent).hasSize(4 + 8);
    }

    @Test
    @DisplayName("晚上22:30才产生的当日提醒：邮件即时发出，短信顺延到次日08:00")
    void smsWaitsForTheMorning() {
        schedulerClock.set(at("2025-11-12T22:30"));
        scheduler.start();
        // a contract filed late on Wednesday evening: due Thursday 11-13, so "1 day before" is today
        Deadline deadline = Deadline.open(UUID.randomUUID(), DeadlineKind.CONTRACT_FILING, "HT-1",
                LocalDate.of(2025, 11, 12), LocalDate.of(2025, 11, 13), false);
        Project project = project(deadline);
        projects.insert(project);
        harness.tx.inTransaction(() -> {
            engine.deadlinesChanged(project, List.of(deadline), List.of());
            return null;
        });
        walk("2025-11-13T12:00");
        assertThat(sentTo(LI)).extracting(Sent::at).containsExactly(
                LocalDateTime.of(2025, 11, 12, 23, 0), LocalDateTime.of(2025, 11, 13, 8, 0));
        assertThat(sentTo("13900000002")).extracting(Sent::at).containsExactly(
                LocalDateTime.of(2025, 11, 13, 8, 0), LocalDateTime.of(2025, 11, 13, 8, 0));
    }
}
