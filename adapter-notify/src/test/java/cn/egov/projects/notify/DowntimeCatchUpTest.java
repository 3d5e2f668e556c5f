package cn.egov.projects.notify;

import cn.egov.projects.application.fake.InMemoryAccounts;
import cn.egov.projects.application.fake.InMemoryProjects;
import cn.egov.projects.application.fake.InMemoryWindows;
import cn.egov.projects.application.port.in.PlanRemindersUseCase;
import cn.egov.projects.application.port.out.Account;
import cn.egov.projects.application.port.out.ClockPort;
import cn.egov.projects.application.service.ReminderPlanningService;
import cn.egov.projects.application.view.PlannedReminder;
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
import cn.egov.projects.notify.channel.SmsSender;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reminders after downtime, clock-driven through the real planner, the real engine and db-scheduler's manual scheduler
 * on H2: the system is down from Sunday 2025-09-28 noon over the National Day holiday (rest 10-01..10-08, 10-11
 * worked) to Monday 10-13 09:00, then started again, and again.
 */
class DowntimeCatchUpTest {

    private static final String LI = "li@tc.gov.cn";
    private static final String WANG = "wang@tc.gov.cn";
    private static final String SUN = "sun@tc.gov.cn";
    private static final String ZHOU = "zhou@tc.gov.cn";
    private static final String WU = "wu@tc.gov.cn";
    private static final String ZHENG = "zheng@tc.gov.cn";
    private static final String ZHAO = "zhao@dsj.tc.gov.cn";

    /** What went out, when (Asia/Shanghai). */
    record Sent(String channel, String to, LocalDateTime at, String subject, String text) {
    }

    private final SettableClock schedulerClock = new SettableClock();
    private final ClockPort clock = schedulerClock::now;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final InMemoryProjects projects = new InMemoryProjects();
    private final InMemoryAccounts accounts = new InMemoryAccounts();
    private ReminderPlanningService planner;
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
        planner = new ReminderPlanningService(projects, projects, projects, new InMemoryWindows(), accounts,
                () -> policies, () -> calendar);
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    /** Starts an instance: a new engine and scheduler on the database, as after a restart. */
    private void startInstance(ReminderSettings settings) {
        EmailSender email = e -> sent.add(new Sent("EMAIL", e.to(), local(clock.now()), e.subject(), e.text()));
        SmsSender sms = s -> sent.add(new Sent("SMS", s.mobile(), local(clock.now()), "", s.text()));
        engine = harness.engine(settings, clock, planner, email, sms, harness.db);
        scheduler = TestHelper.createManualScheduler(harness.db.dataSource(), engine.messageTasks())
                .clock(schedulerClock).startTasks(engine.recurringTasks()).build();
        scheduler.start();
    }

    private static ReminderSettings settings() {
        return ReminderSettings.defaults().withMessages("https://egov.tc.gov.cn", "【太仓电子政务】");
    }

    private static LocalDateTime local(Instant at) {
        return at.atZone(ClockPort.ZONE).toLocalDateTime();
    }

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ClockPort.ZONE).toInstant();
    }

    /** Runs the instance up to {@code until}, half an hour at a time. */
    private void walk(String until) {
        Instant end = at(until);
        scheduler.runAnyDueExecutions();
        while (schedulerClock.now().isBefore(end)) {
            schedulerClock.tick(Duration.ofMinutes(30));
            scheduler.runAnyDueExecutions();
        }
    }

    private Project project(String name, Person leader, Person responsible, Deadline deadline) {
        ProjectProfile profile = new ProjectProfile(name, 2025, Category.BUSINESS_SYSTEM, Nature.NEW, null, null, true,
                FundingSource.MUNICIPAL, false, false, List.of("数据汇聚平台"),
                List.of(PerformanceGoal.of("处置时间缩短比例", GoalKind.BENEFIT, "≥20%")),
                List.of(new BudgetLine("软件开发", Money.yuan("600000"), false)),
                new AccountablePeople(leader, responsible));
        Project draft = Project.draft(ProjectId.random(), new UnitId("TC-GAJ"), profile, "taicang-2021",
                LocalDate.of(2025, 1, 10));
        Project p = GoldenWeekClockTest.withDeadlines(draft, ProjectState.IMPLEMENTING, List.of(deadline));
        projects.insert(p);
        return p;
    }

    private void opened(Project project, Deadline deadline) {
        harness.tx.inTransaction(() -> {
            engine.deadlinesChanged(project, List.of(deadline), List.of());
            return null;
        });
    }

    private List<Sent> sentTo(String to) {
        return sent.stream().filter(s -> s.to().equals(to)).toList();
    }

    private List<Sent> sentAfter(String localDateTime) {
        LocalDateTime from = LocalDateTime.parse(localDateTime);
        return sent.stream().filter(s -> !s.at().isBefore(from)).toList();
    }

    @Test
    @DisplayName("国庆停机：恢复后每个期限只补发最近的一条提醒，注明原定日期和延迟原因；停机前已发的、已完成的、被取代的都不发；再次启动不重发")
    void missedDaysAreMadeUpOnceAndMarkedLate() {
        schedulerClock.set(at("2025-09-20T10:00"));
        startInstance(settings());
        // 李责任's implementation plan falls due on Thursday 10-09: reminders on 09-30 (the holiday moves 7, 3 and 1
        // days before to it) and 10-09, then escalations on Friday 10-10 and every 7 days; each planned on its day
        Deadline plan = Deadline.open(UUID.randomUUID(), DeadlineKind.IMPL_PLAN, null, LocalDate.of(2025, 9, 20),
                LocalDate.of(2025, 10, 9), false);
        Project p1 = project("智慧公安数据平台", new Person("王分管", "13900000001", WANG),
                new Person("李责任", "13900000002", LI), plan);
        opened(p1, plan);
        // 孙责任's progress report is overdue since Wednesday 09-10: the daily passes escalate it on 09-25, then on
        // 10-09 (10-02 is a rest day), 10-16, ...
        Deadline progress = Deadline.open(UUID.randomUUID(), DeadlineKind.PROGRESS_REPORT, null,
                LocalDate.of(2025, 7, 1), LocalDate.of(2025, 9, 10), false);
        project("城市运行管理平台", new Person("周分管", "13900000003", ZHOU), new Person("孙责任", "13900000004", SUN),
                progress);
        // 吴责任's contract falls due on Friday 10-10 (reminders 09-30, 10-09, 10-10) and is filed during the downtime
        Deadline contract = Deadline.open(UUID.randomUUID(), DeadlineKind.CONTRACT_FILING, "HT-1",
                LocalDate.of(2025, 9, 22), LocalDate.of(2025, 10, 10), false);
        Project p3 = project("政务外网升级", new Person("郑分管", "13900000005", ZHENG),
                new Person("吴责任", "13900000006", WU), contract);
        schedulerClock.set(at("2025-09-22T10:00"));
        opened(p3, contract);

        walk("2025-09-28T12:00");
        // before the downtime: only the progress report's escalation of Thursday 09-25, on time
        assertThat(sent).extracting(Sent::to).containsExactlyInAnyOrder(ZHOU, "13900000003", ZHAO, "13900000009");
        assertThat(sent).allSatisfy(s -> {
            assertThat(s.at()).isEqualTo(LocalDateTime.of(2025, 9, 25, 8, 0));
            assertThat(s.text()).doesNotContain("延迟");
        });

        // the system goes down; meanwhile the contract is filed (on an instance not sending, or by hand)
        schedulerClock.set(at("2025-10-05T10:00"));
        Deadline filed = contract.metOn(LocalDate.of(2025, 10, 5));
        projects.update(GoldenWeekClockTest.withDeadlines(projects.load(p3.id()).orElseThrow(),
                ProjectState.IMPLEMENTING, List.of(filed)));
        harness.tx.inTransaction(() -> {
            engine.deadlinesChanged(p3, List.of(), List.of(filed));
            return null;
        });

        // back on Monday 10-13 at 09:00
        schedulerClock.set(at("2025-10-13T09:00"));
        startInstance(settings());
        walk("2025-10-13T18:00");

        List<Sent> back = sentAfter("2025-10-13T00:00");
        // one e-mail and one SMS to each person concerned; the Bureau's officer has both deadlines in one message
        assertThat(back).extracting(Sent::to).containsExactlyInAnyOrder(LI, "13900000002", WANG, "13900000001",
                ZHOU, "13900000003", ZHAO, "13900000009");
        assertThat(back).allSatisfy(s -> assertThat(s.at().toLocalDate()).isEqualTo(LocalDate.of(2025, 10, 13)));
        // the 责任人 hears that the plan's due day has passed, once: not the stale "due on 10-09" of 09-30
        Sent li = sentTo(LI).get(0);
        assertThat(li.subject()).isEqualTo("【电子政务项目提醒】报送项目实施方案：已于2025年10月9日（星期四）到期（延迟送达）");
        assertThat(li.text()).contains("「智慧公安数据平台」「报送项目实施方案」已于2025年10月9日（星期四）到期（第十三条），请尽快办理。"
                + "（本提醒原定于2025年10月9日发送，因系统停机延迟送达）").doesNotContain("须于");
        assertThat(sentTo("13900000002").get(0).text()).endsWith("（本提醒原定于2025年10月9日发送，因系统停机延迟送达）");
        // the 分管领导: the first escalation of Friday 10-10
        assertThat(sentTo(WANG).get(0).text()).contains("现已逾期4天（第十三条），请督促尽快办理。"
                + "（本提醒原定于2025年10月10日发送，因系统停机延迟送达）");
        // the progress report: only the escalation of 10-09, not one per week missed
        assertThat(sentTo(ZHOU)).hasSize(2);
        assertThat(sentTo(ZHOU).get(1).text()).contains("「城市运行管理平台」「报送项目实施进度报告」已于2025年9月10日（星期三）到期，"
                + "现已逾期33天（第十六条），请督促尽快办理。（本提醒原定于2025年10月9日发送，因系统停机延迟送达）");
        Sent zhao = sentTo(ZHAO).get(1);
        assertThat(zhao.subject()).isEqualTo("【电子政务项目督办】您有2项待办事项（延迟送达）");
        assertThat(zhao.text()).contains("原定于2025年10月9日发送", "原定于2025年10月10日发送");
        // nothing of the contract filed meanwhile, nothing to 孙责任 of an overdue deadline
        assertThat(sentTo(WU)).isEmpty();
        assertThat(sentTo(ZHENG)).isEmpty();
        assertThat(sentTo(SUN)).isEmpty();

        // the ledger: what went out is recorded late, the days made up
        assertThat(harness.count("SELECT COUNT(*) FROM reminder WHERE late AND sent_at IS NOT NULL")).isEqualTo(10);
        assertThat(harness.count("SELECT COUNT(*) FROM reminder WHERE NOT late AND sent_at >= TIMESTAMP WITH TIME "
                + "ZONE '2025-10-13 00:00:00+08'")).isZero();
        // nothing was planned ahead of its day, so nothing stale was left to supersede
        assertThat(harness.count("SELECT COUNT(*) FROM reminder WHERE remind_on = DATE '2025-09-30'")).isZero();
        assertThat(harness.count("SELECT COUNT(*) FROM reminder WHERE superseded")).isZero();
        assertThat(harness.count("SELECT COUNT(*) FROM reminder WHERE sent_at IS NULL AND cancelled_at IS NULL "
                + "AND dead_letter_id IS NULL AND remind_on <= DATE '2025-10-13'")).isZero();
        assertThat(engine.passes(LocalDate.of(2025, 9, 27))).extracting(ReminderLedger.Pass::day,
                ReminderLedger.Pass::outcome).startsWith(
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2025, 9, 27), ReminderLedger.Outcome.ON_TIME),
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2025, 9, 28), ReminderLedger.Outcome.ON_TIME),
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2025, 9, 29), ReminderLedger.Outcome.LATE))
                .contains(org.assertj.core.groups.Tuple.tuple(LocalDate.of(2025, 10, 12), ReminderLedger.Outcome.LATE))
                .endsWith(org.assertj.core.groups.Tuple.tuple(LocalDate.of(2025, 10, 13),
                        ReminderLedger.Outcome.ON_TIME));

        // started again the same afternoon: nothing more
        int before = sent.size();
        schedulerClock.set(at("2025-10-13T14:00"));
        startInstance(settings());
        walk("2025-10-13T20:00");
        assertThat(sent).hasSize(before);
        // and the days after go on as usual: the progress report's next escalation on Thursday 10-16, on time
        walk("2025-10-16T12:00");
        List<Sent> thursday = sentAfter("2025-10-14T00:00");
        assertThat(thursday).extracting(Sent::to).containsExactlyInAnyOrder(ZHOU, "13900000003", ZHAO,
                "13900000009");
        assertThat(thursday).allSatisfy(s -> {
            assertThat(s.at()).isEqualTo(LocalDateTime.of(2025, 10, 16, 8, 0));
            assertThat(s.subject() + s.text()).doesNotContain("延迟");
        });
    }

    @Test
    @DisplayName("停机后恢复在清晨：补发的提醒等到当天08:00发送")
    void lateRemindersWaitForTheSendingHour() {
        schedulerClock.set(at("2025-09-20T10:00"));
        startInstance(settings());
        Deadline plan = Deadline.open(UUID.randomUUID(), DeadlineKind.IMPL_PLAN, null, LocalDate.of(2025, 9, 20),
                LocalDate.of(2025, 10, 9), false);
        Project p1 = project("智慧公安数据平台", new Person("王分管", "13900000001", WANG),
                new Person("李责任", "13900000002", LI), plan);
        opened(p1, plan);
        walk("2025-10-08T12:00");
        assertThat(sentTo(LI)).extracting(Sent::at).containsExactly(LocalDateTime.of(2025, 9, 30, 8, 0));

        // down from Wednesday 10-08 noon to Saturday 10-11 at 02:00: the due day and the first escalation were missed
        schedulerClock.set(at("2025-10-11T02:00"));
        startInstance(settings());
        walk("2025-10-11T12:00");

        assertThat(sentTo(LI)).extracting(Sent::at).containsExactly(LocalDateTime.of(2025, 9, 30, 8, 0),
                LocalDateTime.of(2025, 10, 11, 8, 0));
        assertThat(sentTo(LI).get(1).text()).contains("（本提醒原定于2025年10月9日发送，因系统停机延迟送达）");
        assertThat(sentTo(WANG)).extracting(Sent::at).containsExactly(LocalDateTime.of(2025, 10, 11, 8, 0));
        assertThat(sentTo("13900000001")).extracting(Sent::at).containsExactly(LocalDateTime.of(2025, 10, 11, 8, 0));
        assertThat(sentTo(WANG).get(0).text()).contains("（本提醒原定于2025年10月10日发送，因系统停机延迟送达）");
    }

    @Test
    @DisplayName("当天提醒已排好、发送前停机：恢复后照发一次并注明延迟")
    void aMessageMissedAfterItsPassGoesOutLate() {
        schedulerClock.set(at("2025-09-20T10:00"));
        startInstance(settings());
        Deadline plan = Deadline.open(UUID.randomUUID(), DeadlineKind.IMPL_PLAN, null, LocalDate.of(2025, 9, 20),
                LocalDate.of(2025, 10, 9), false);
        Project p1 = project("智慧公安数据平台", new Person("王分管", "13900000001", WANG),
                new Person("李责任", "13900000002", LI), plan);
        opened(p1, plan);
        // the pass of Tuesday 09-30 is done at 00:10; the system goes down at 07:00, before the 08:00 messages
        walk("2025-09-30T07:00");
        assertThat(sent).isEmpty();
        schedulerClock.set(at("2025-09-30T15:00"));
        startInstance(settings());
        walk("2025-09-30T18:00");
        // the same day: late by hours, not by a day — sent as it was
        assertThat(sentTo(LI)).extracting(Sent::at).containsExactly(LocalDateTime.of(2025, 9, 30, 15, 0));
        assertThat(sentTo(LI).get(0).text()).doesNotContain("延迟");

        // the due day's pass is done at 00:10 on 10-09, and the system goes down at 07:00 until the next morning
        walk("2025-10-09T07:00");
        schedulerClock.set(at("2025-10-10T09:00"));
        startInstance(settings());
        walk("2025-10-10T12:00");
        assertThat(sentTo(LI)).hasSize(2);
        assertThat(sentTo(LI).get(1).text()).contains("已于2025年10月9日（星期四）到期（第十三条），请尽快办理。"
                + "（本提醒原定于2025年10月9日发送，因系统停机延迟送达）");
        // the first escalation of Friday 10-10 is that day's own: its pass, run when the system is back, plans it
        // (on the first turn of this test's half-hourly scheduler) and it goes out on time
        assertThat(sentTo(WANG)).singleElement().satisfies(s -> assertThat(s.at())
                .isBetween(LocalDateTime.of(2025, 10, 10, 9, 0), LocalDateTime.of(2025, 10, 10, 9, 30)));
        assertThat(sentTo(WANG).get(0).text()).doesNotContain("延迟");
    }

    @Test
    @DisplayName("当日提醒轮次失败（如数据库暂时不可用）：10分钟后重试，不等到次日")
    void aFailedPassIsTriedAgainSoon() {
        ReminderPlanningService real = planner;
        AtomicInteger failures = new AtomicInteger(1);
        schedulerClock.set(at("2025-09-20T10:00"));
        EmailSender email = e -> sent.add(new Sent("EMAIL", e.to(), local(clock.now()), e.subject(), e.text()));
        PlanRemindersUseCase flaky = new PlanRemindersUseCase() {
            @Override
            public List<PlannedReminder> forOpenedDeadlines(Project project, List<Deadline> opened, LocalDate today) {
                return real.forOpenedDeadlines(project, opened, today);
            }

            @Override
            public long planDay(LocalDate day, Consumer<List<PlannedReminder>> sink) {
                if (day.equals(LocalDate.of(2025, 10, 10)) && failures.getAndDecrement() > 0) {
                    throw new IllegalStateException("the database is away");
                }
                return real.planDay(day, sink);
            }

            @Override
            public long planMissedDays(LocalDate from, LocalDate to, LocalDate today,
                                       Consumer<List<PlannedReminder>> sink) {
                return real.planMissedDays(from, to, today, sink);
            }
        };
        engine = harness.engine(settings(), clock, flaky, email, null, harness.db);
        scheduler = TestHelper.createManualScheduler(harness.db.dataSource(), engine.messageTasks())
                .clock(schedulerClock).startTasks(engine.recurringTasks()).build();
        scheduler.start();
        Deadline plan = Deadline.open(UUID.randomUUID(), DeadlineKind.IMPL_PLAN, null, LocalDate.of(2025, 9, 20),
                LocalDate.of(2025, 10, 9), false);
        // escalated by the daily passes only: the first on Friday 10-10, whose pass fails once at 00:30
        project("智慧公安数据平台", new Person("王分管", "13900000001", WANG), new Person("李责任", "13900000002", LI),
                plan);
        walk("2025-10-10T12:00");

        assertThat(failures.get()).isNegative();
        assertThat(sentTo(WANG)).extracting(Sent::at).containsExactly(LocalDateTime.of(2025, 10, 10, 8, 0));
        assertThat(sentTo(WANG).get(0).text()).doesNotContain("延迟");
    }

    @Test
    @DisplayName("停机超过补发期限：只补发最近若干天的提醒，更早的日子记为跳过")
    void downtimeLongerThanTheCatchUpWindow() {
        ReminderSettings fiveDays = settings().withLedger(5, Period.ofYears(2));
        schedulerClock.set(at("2025-09-20T10:00"));
        startInstance(fiveDays);
        Deadline plan = Deadline.open(UUID.randomUUID(), DeadlineKind.IMPL_PLAN, null, LocalDate.of(2025, 9, 20),
                LocalDate.of(2025, 10, 9), false);
        project("智慧公安数据平台", new Person("王分管", "13900000001", WANG), new Person("李责任", "13900000002", LI),
                plan);
        // escalated by the daily passes only (the deadline was never opened through the engine): 10-10, 10-17, ...
        walk("2025-09-28T12:00");
        assertThat(sent).isEmpty();

        // down until Wednesday 10-22: 09-29..10-16 are skipped, 10-17..10-21 made up
        schedulerClock.set(at("2025-10-22T09:00"));
        startInstance(fiveDays);
        walk("2025-10-22T12:00");

        assertThat(sentTo(LI)).isEmpty();
        assertThat(sentTo(WANG)).hasSize(1);
        assertThat(sentTo(WANG).get(0).text()).contains("现已逾期13天", "（本提醒原定于2025年10月17日发送，因系统停机延迟送达）");
        List<ReminderLedger.Pass> passes = engine.passes(LocalDate.of(2025, 9, 29));
        assertThat(passes).filteredOn(p -> p.outcome() == ReminderLedger.Outcome.SKIPPED)
                .extracting(ReminderLedger.Pass::day)
                .containsExactlyElementsOf(LocalDate.of(2025, 9, 29).datesUntil(LocalDate.of(2025, 10, 17)).toList());
        assertThat(passes).filteredOn(p -> p.outcome() == ReminderLedger.Outcome.LATE)
                .extracting(ReminderLedger.Pass::day)
                .containsExactlyElementsOf(LocalDate.of(2025, 10, 17).datesUntil(LocalDate.of(2025, 10, 22)).toList());
    }
}
