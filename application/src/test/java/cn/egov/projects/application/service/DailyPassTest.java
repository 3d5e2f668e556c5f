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
import cn.egov.projects.domain.reminder.Reminder;
import cn.egov.projects.domain.reminder.ReminderSchedule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SortedSet;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily pass reads only the deadlines due on the days that matter; what it plans must be exactly what checking
 * every open deadline against its own pack gives, day after day across the 2025 National Day and 2026 Spring
 * Festival holidays, with projects under two packs of different offsets and repeat intervals.
 */
class DailyPassTest {

    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.official();
    private static final PolicyHistory POLICIES = new PolicyHistory(List.of(PolicyPacks.taicang(), PolicyPacks.example()));
    private static final DeadlineKind[] KINDS = DeadlineKind.values();

    /** Open deadlines held in a list, served as the database serves them; counts the rows it hands out. */
    private static final class ListedDeadlines implements DueDeadlinesPort {
        final List<DueDeadline> all = new ArrayList<>();
        long rowsRead;

        @Override
        public List<DueDeadline> openDueOnOrBefore(LocalDate dueOnOrBefore, DueCursor after, int limit) {
            return page(d -> !d.due().isAfter(dueOnOrBefore), after, limit);
        }

        @Override
        public List<DueDeadline> openDueOn(SortedSet<LocalDate> days, DueCursor after, int limit) {
            return page(d -> days.contains(d.due()), after, limit);
        }

        @Override
        public Optional<LocalDate> earliestOpenDue() {
            return all.stream().map(d -> d.deadline().due()).min(Comparator.naturalOrder());
        }

        private List<DueDeadline> page(Predicate<Deadline> due, DueCursor after, int limit) {
            List<DueDeadline> page = all.stream()
                    .filter(d -> due.test(d.deadline()))
                    .filter(d -> after == null || d.deadline().due().isAfter(after.due())
                            || d.deadline().due().equals(after.due())
                            && d.deadline().id().compareTo(after.deadlineId()) > 0)
                    .sorted(Comparator.comparing((DueDeadline d) -> d.deadline().due())
                            .thenComparing(d -> d.deadline().id()))
                    .limit(limit).toList();
            rowsRead += page.size();
            return page;
        }
    }

    private final ListedDeadlines deadlines = new ListedDeadlines();
    private final ReminderPlanningService planner;

    DailyPassTest() {
        Random random = new Random(20251009L);
        LocalDate first = LocalDate.of(2024, 7, 1);
        for (int i = 0; i < 6_000; i++) {
            LocalDate due = first.plusDays(random.nextInt(730));
            LocalDate start = due.minusDays(random.nextInt(300));
            Deadline d = Deadline.open(new UUID(random.nextLong(), random.nextLong()),
                    KINDS[random.nextInt(KINDS.length)], null, start, due, false);
            String n = Integer.toString(i);
            deadlines.all.add(new DueDeadline(d, new ProjectId(new UUID(0, i)), new UnitId("U" + i % 7), "项目" + n,
                    false, ProjectState.CONTRACTED, i % 3 == 0 ? "example-2024" : "taicang-2021",
                    new Person("分管" + n, String.format("139%08d", i), "l" + n + "@tc.gov.cn"),
                    new Person("责任" + n, String.format("138%08d", i), "r" + n + "@tc.gov.cn")));
        }
        InMemoryAccounts accounts = new InMemoryAccounts();
        accounts.insert(new Account("bdb-1", "bdb1", "赵督办", Role.BDB_OFFICER, new UnitId("TC-DSJ"), null,
                "zhao@dsj.tc.gov.cn", "h", true, Set.of()));
        InMemoryProjects none = new InMemoryProjects();
        planner = new ReminderPlanningService(deadlines, none, none, new InMemoryWindows(), accounts,
                () -> POLICIES, () -> CALENDAR);
    }

    /** (deadline, audience, offset) of every reminder of the day, by checking every open deadline. */
    private List<String> everyDeadlineChecked(LocalDate day) {
        List<String> expected = new ArrayList<>();
        for (DueDeadline due : deadlines.all) {
            Deadline d = due.deadline();
            ReminderSchedule schedule = ReminderSchedule.of(POLICIES.forProject(due.policyId(), day), CALENDAR);
            for (Reminder r : schedule.on(day, d.kind(), d.start(), d.due())) {
                expected.add(d.id() + " " + r.audience() + " " + r.offsetDays());
            }
        }
        return expected;
    }

    private List<String> planned(LocalDate day) {
        List<PlannedReminder> all = new ArrayList<>();
        planner.planDay(day, all::addAll);
        return all.stream().map(p -> p.deadlineId() + " " + p.reminder().audience() + " " + p.reminder().offsetDays())
                .toList();
    }

    @Test
    @DisplayName("逐日比对：只读相关到期日所排的提醒，与逐一检查全部期限所得完全相同（国庆、春节前后）")
    void plansExactlyWhatCheckingEveryDeadlineGives() {
        List<LocalDate> days = Stream.concat(
                LocalDate.of(2025, 9, 20).datesUntil(LocalDate.of(2025, 10, 20)),
                LocalDate.of(2026, 2, 5).datesUntil(LocalDate.of(2026, 3, 5))).toList();
        long reminders = 0;
        for (LocalDate day : days) {
            List<String> expected = everyDeadlineChecked(day);
            assertThat(planned(day)).as("reminders of %s", day).containsExactlyInAnyOrderElementsOf(expected);
            reminders += expected.size();
        }
        assertThat(reminders).as("the days chosen have reminders to compare").isGreaterThan(1_000);
    }

    @Test
    @DisplayName("普通工作日只读到一部分期限；休息日一条也不读")
    void readsFewRows() {
        deadlines.rowsRead = 0;
        assertThat(planned(LocalDate.of(2025, 11, 19))).isNotEmpty();
        long open = deadlines.all.stream().filter(d -> !d.deadline().due().isAfter(LocalDate.of(2025, 12, 10))).count();
        // Taicang escalates every 7 days, the example pack every 3: about 1/7 ∪ 1/3 of the overdue, and 4 days ahead
        assertThat(deadlines.rowsRead).isPositive().isLessThan(open / 2);

        deadlines.rowsRead = 0;
        assertThat(planned(LocalDate.of(2025, 11, 22))).isEmpty();
        assertThat(deadlines.rowsRead).isZero();
    }
}
