package cn.egov.projects.application.service;

import cn.egov.projects.application.fake.InMemoryAccounts;
import cn.egov.projects.application.fake.InMemoryProjects;
import cn.egov.projects.application.fake.InMemoryWindows;
import cn.egov.projects.application.port.out.Account;
import cn.egov.projects.application.port.out.DueDeadlinesPort;
import cn.egov.projects.application.view.DueCursor;
import cn.egov.projects.application.view.DueDeadline;
import cn.egov.projects.application.view.PlannedReminder;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.calendar.WorkingDayCalendar;
import cn.egov.projects.domain.deadline.Deadline;
import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.policy.PolicyHistory;
import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.Person;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.domain.reminder.Audience;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The reminders made up after downtime (Taicang pack, official 2025 calendar: rest 10-01..10-08, 09-28 and 10-11
 * worked): the system was down from Monday 2025-09-22 to Sunday 2025-10-12 and is back on Monday 10-13. Every day below
 * worked out by hand.
 */
class MissedDaysPlanningTest {

    private static final LocalDate FROM = LocalDate.of(2025, 9, 22);
    private static final LocalDate TO = LocalDate.of(2025, 10, 12);
    private static final LocalDate TODAY = LocalDate.of(2025, 10, 13);

    /** Open deadlines in a list; a met one is left out, as the database leaves it out. */
    private static final class ListedDeadlines implements DueDeadlinesPort {
        final List<DueDeadline> all = new ArrayList<>();

        @Override
        public List<DueDeadline> openDueOnOrBefore(LocalDate dueOnOrBefore, DueCursor after, int limit) {
            return page(all.stream().filter(d -> !d.deadline().due().isAfter(dueOnOrBefore)).toList(), after, limit);
        }

        @Override
        public List<DueDeadline> openDueOn(SortedSet<LocalDate> days, DueCursor after, int limit) {
            return page(all.stream().filter(d -> days.contains(d.deadline().due())).toList(), after, limit);
        }

        @Override
        public Optional<LocalDate> earliestOpenDue() {
            return all.stream().filter(d -> d.deadline().isOpen()).map(d -> d.deadline().due())
                    .min(Comparator.naturalOrder());
        }

        private static List<DueDeadline> page(List<DueDeadline> due, DueCursor after, int limit) {
            return due.stream()
                    .filter(d -> d.deadline().isOpen())
                    .filter(d -> after == null || d.deadline().due().isAfter(after.due())
                            || d.deadline().due().equals(after.due())
                            && d.deadline().id().compareTo(after.deadlineId()) > 0)
                    .sorted(Comparator.comparing((DueDeadline d) -> d.deadline().due())
                            .thenComparing(d -> d.deadline().id()))
                    .limit(limit).toList();
        }
    }

    private final ListedDeadlines deadlines = new ListedDeadlines();
    private final ReminderPlanningService planner;
    private int projects;

    MissedDaysPlanningTest() {
        InMemoryAccounts accounts = new InMemoryAccounts();
        accounts.insert(new Account("bdb-1", "bdb1", "赵督办", Role.BDB_OFFICER, new UnitId("TC-DSJ"), null,
                "zhao@dsj.tc.gov.cn", "h", true, Set.of()));
        InMemoryProjects none = new InMemoryProjects();
        PolicyHistory policies = PolicyHistory.of(PolicyPacks.taicang());
        WorkingDayCalendar calendar = WorkingDayCalendar.official();
        planner = new ReminderPlanningService(deadlines, none, none, new InMemoryWindows(), accounts, () -> policies,
                () -> calendar);
    }

    private Deadline deadline(String name, DeadlineKind kind, LocalDate start, LocalDate due) {
        Deadline d = Deadline.open(UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                kind, null, start, due, false);
        add(name, d);
        return d;
    }

    private void add(String name, Deadline d) {
        int n = ++projects;
        deadlines.all.add(new DueDeadline(d, new ProjectId(new UUID(0, n)), new UnitId("TC-GAJ"), name, false,
                ProjectState.IMPLEMENTING, "taicang-2021", new Person(name + "分管", String.format("139%08d", n), "leader" + n + "@tc.gov.cn"),
                new Person(name + "责任", String.format("138%08d", n), "responsible" + n + "@tc.gov.cn")));
    }

    private List<PlannedReminder> missed() {
        List<PlannedReminder> all = new ArrayList<>();
        long count = planner.planMissedDays(FROM, TO, TODAY, all::addAll);
        assertThat(count).isEqualTo(all.size());
        return all;
    }

    @Test
    @DisplayName("停机期间的提醒：每个期限对每类对象只补发最近的一条；今天另有提醒的不补发；已完成的期限不补发")
    void latestOfEachDeadlineAndAudience() {
        // due Thursday 10-09: 7, 3 and 1 days before fall in the holiday and move to Tuesday 09-30; then the due day;
        // the first escalation on Friday 10-10
        deadline("实施方案", DeadlineKind.IMPL_PLAN, LocalDate.of(2025, 9, 20), LocalDate.of(2025, 10, 9));
        // overdue since Friday 09-12: escalated 09-15, 09-22, 09-29, 10-09 (10-06 is a rest day) and today 10-13
        deadline("合同报送", DeadlineKind.CONTRACT_FILING, LocalDate.of(2025, 8, 28), LocalDate.of(2025, 9, 12));
        // overdue since Wednesday 09-10: escalated 09-11, 09-18, 09-25, 10-09 (from 10-02), next 10-16
        deadline("进度报告", DeadlineKind.PROGRESS_REPORT, LocalDate.of(2025, 7, 1), LocalDate.of(2025, 9, 10));
        // due Wednesday 10-15: 7 days before moves to 09-30, 3 days before (Sunday 10-12) to the worked Saturday 10-11
        deadline("验收报告", DeadlineKind.ACCEPTANCE_REPORT, LocalDate.of(2025, 9, 1), LocalDate.of(2025, 10, 15));
        // due Monday 10-20: 7 days before is today, nothing was missed
        deadline("竣工决算", DeadlineKind.FINAL_ACCOUNTS, LocalDate.of(2025, 9, 1), LocalDate.of(2025, 10, 20));
        // met before the downtime: nothing
        add("已完成", Deadline.open(UUID.randomUUID(), DeadlineKind.IMPL_PLAN, null, LocalDate.of(2025, 9, 1),
                LocalDate.of(2025, 10, 9), false).metOn(LocalDate.of(2025, 9, 19)));

        List<PlannedReminder> missed = missed();

        assertThat(missed).extracting(p -> p.projectName(), p -> p.reminder().audience(), PlannedReminder::day,
                p -> p.reminder().offsetDays(), p -> p.recipient().email()).containsExactlyInAnyOrder(
                tuple("实施方案", Audience.RESPONSIBLE, LocalDate.of(2025, 10, 9), 0, "responsible1@tc.gov.cn"),
                tuple("实施方案", Audience.LEADER, LocalDate.of(2025, 10, 10), -1, "leader1@tc.gov.cn"),
                tuple("实施方案", Audience.BUREAU, LocalDate.of(2025, 10, 10), -1, "zhao@dsj.tc.gov.cn"),
                tuple("进度报告", Audience.LEADER, LocalDate.of(2025, 10, 9), -29, "leader3@tc.gov.cn"),
                tuple("进度报告", Audience.BUREAU, LocalDate.of(2025, 10, 9), -29, "zhao@dsj.tc.gov.cn"),
                tuple("验收报告", Audience.RESPONSIBLE, LocalDate.of(2025, 10, 11), 4, "responsible4@tc.gov.cn"));
    }

    @Test
    @DisplayName("每一天都照常排出的提醒，只是去掉了被更晚提醒取代的那些")
    void aSubsetOfTheDailyPasses() {
        deadline("实施方案", DeadlineKind.IMPL_PLAN, LocalDate.of(2025, 9, 20), LocalDate.of(2025, 10, 9));
        deadline("进度报告", DeadlineKind.PROGRESS_REPORT, LocalDate.of(2025, 7, 1), LocalDate.of(2025, 9, 10));
        List<String> everyDay = new ArrayList<>();
        for (LocalDate day = FROM; !day.isAfter(TO); day = day.plusDays(1)) {
            planner.planDay(day, batch -> batch.forEach(p -> everyDay.add(key(p))));
        }
        List<String> missed = missed().stream().map(MissedDaysPlanningTest::key).toList();

        // 实施方案: 09-30, 10-09 (责任人) and 10-10 (分管领导, Bureau); 进度报告: 09-25 and 10-09 (分管领导, Bureau)
        assertThat(everyDay).hasSize(2 + 2 + 2 * 2);
        assertThat(everyDay).containsAll(missed);
        assertThat(missed).hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("补发的日期须在今天之前")
    void missedDaysEndBeforeToday() {
        assertThatThrownBy(() -> planner.planMissedDays(FROM, TODAY, TODAY, batch -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String key(PlannedReminder p) {
        return p.deadlineId() + " " + p.reminder().audience() + " " + p.day() + " " + p.recipient().email();
    }
}
