package cn.egov.projects.notify;

import cn.egov.projects.application.fake.InMemoryAccounts;
import cn.egov.projects.application.fake.InMemoryProjects;
import cn.egov.projects.application.fake.InMemoryWindows;
import cn.egov.projects.application.port.out.Account;
import cn.egov.projects.application.port.out.DueDeadlinesPort;
import cn.egov.projects.application.service.ReminderPlanningService;
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
import cn.egov.projects.notify.channel.VertxMailSender;
import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.SortedSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmarks of BENCHMARKS.md; not part of {@code mvn verify} (the class name does not end in Test), run with
 * {@code mvn -o -pl adapter-notify test -Dtest=ReminderBenchmark}.
 */
class ReminderBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger("cn.egov.projects.notify.Benchmark");
    private static final LocalDate TODAY = LocalDate.of(2025, 10, 9);

    /** Open deadlines of many projects in memory, served in keyset pages as the database port serves them. */
    static final class ManyDeadlines implements DueDeadlinesPort {
        private final DueDeadline[] sorted;

        ManyDeadlines(int projects, long seed) {
            Random random = new Random(seed);
            DeadlineKind[] kinds = {DeadlineKind.IMPL_PLAN, DeadlineKind.CONTRACT_FILING, DeadlineKind.PROGRESS_REPORT,
                    DeadlineKind.SUBSTANTIVE_START, DeadlineKind.ACCEPTANCE_LIMIT, DeadlineKind.ACCEPTANCE_REPORT,
                    DeadlineKind.FINAL_ACCOUNTS, DeadlineKind.WARRANTY_END};
            WorkingDayCalendar calendar = WorkingDayCalendar.official();
            sorted = new DueDeadline[projects];
            for (int i = 0; i < projects; i++) {
                LocalDate due = calendar.firstWorkingDayOnOrAfter(TODAY.plusDays(random.nextInt(730) - 365));
                LocalDate start = due.minusDays(7 + random.nextInt(358));
                Deadline d = Deadline.open(new UUID(random.nextLong(), random.nextLong()),
                        kinds[random.nextInt(kinds.length)], null, start, due, false);
                String n = String.format("%07d", i);
                sorted[i] = new DueDeadline(d, new ProjectId(new UUID(i, i)), new UnitId("U" + (i % 200)),
                        "项目" + n, i % 50 == 0, ProjectState.CONTRACTED, "taicang-2021",
                        new Person("分管" + n, "139" + String.format("%08d", i), "l" + n + "@tc.gov.cn"),
                        new Person("责任" + n, "138" + String.format("%08d", i), "r" + n + "@tc.gov.cn"));
            }
            Arrays.sort(sorted, Comparator.comparing((DueDeadline x) -> x.deadline().due())
                    .thenComparing(x -> x.deadline().id()));
        }

        @Override
        public List<DueDeadline> openDueOnOrBefore(LocalDate dueOnOrBefore, DueCursor after, int limit) {
            List<DueDeadline> page = new ArrayList<>(limit);
            for (int i = start(after); i < sorted.length && page.size() < limit; i++) {
                if (sorted[i].deadline().due().isAfter(dueOnOrBefore)) {
                    break;
                }
                page.add(sorted[i]);
            }
            return page;
        }

        @Override
        public List<DueDeadline> openDueOn(SortedSet<LocalDate> days, DueCursor after, int limit) {
            List<DueDeadline> page = new ArrayList<>(limit);
            for (int i = start(after); i < sorted.length && page.size() < limit; i++) {
                LocalDate due = sorted[i].deadline().due();
                if (due.isAfter(days.last())) {
                    break;
                }
                if (days.contains(due)) {
                    page.add(sorted[i]);
                }
            }
            return page;
        }

        @Override
        public Optional<LocalDate> earliestOpenDue() {
            return sorted.length == 0 ? Optional.empty() : Optional.of(sorted[0].deadline().due());
        }

        /** The index of the first deadline after the cursor. */
        private int start(DueCursor after) {
            int from = 0;
            if (after != null) {
                int lo = 0;
                int hi = sorted.length;
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    Deadline d = sorted[mid].deadline();
                    int c = d.due().compareTo(after.due());
                    if (c < 0 || c == 0 && d.id().compareTo(after.deadlineId()) <= 0) {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
                from = lo;
            }
            return from;
        }
    }

    @Test
    @DisplayName("规划：100万个项目中今天到期的提醒，5秒内算完")
    void planningOverAMillionProjects() {
        ManyDeadlines deadlines = new ManyDeadlines(1_000_000, 20251009L);
        InMemoryAccounts accounts = new InMemoryAccounts();
        for (int i = 0; i < 5; i++) {
            accounts.insert(new Account("bdb-" + i, "bdb" + i, "督办" + i, Role.BDB_OFFICER, new UnitId("TC-DSJ"),
                    "1370000000" + i, "bdb" + i + "@dsj.tc.gov.cn", "h", true, Set.of()));
        }
        PolicyHistory policies = PolicyHistory.of(PolicyPacks.taicang());
        WorkingDayCalendar calendar = WorkingDayCalendar.official();
        InMemoryProjects none = new InMemoryProjects();
        ReminderPlanningService planner = new ReminderPlanningService(deadlines, none, none, new InMemoryWindows(),
                accounts, () -> policies, () -> calendar);
        long best = Long.MAX_VALUE;
        long planned = 0;
        for (int run = 0; run < 3; run++) {
            long[] count = {0};
            long started = System.nanoTime();
            planned = planner.planDay(TODAY, (List<PlannedReminder> batch) -> count[0] += batch.size());
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            best = Math.min(best, millis);
            LOG.info("planning run {}: {} reminders due on {} over 1,000,000 projects in {} ms", run + 1, count[0],
                    TODAY, millis);
        }
        LOG.info("planning: best of 3 = {} ms for {} reminders", best, planned);
        assertThat(planned).isPositive();
        assertThat(best).isLessThan(5_000);
    }

    @Test
    @DisplayName("规划：从真实PostgreSQL读取100万个项目的未完成期限并算出今天的提醒")
    void planningOverAMillionProjectsInPostgreSql() throws Exception {
        // the share of projects (in percent) whose open deadline is already overdue; the rest fall due within a year
        int overdue = Integer.getInteger("bench.overdue", 5);
        try (Harness harness = Harness.postgres()) {
            long loading = System.nanoTime();
            try (java.sql.Connection c = harness.db.dataSource().getConnection();
                 java.sql.Statement s = c.createStatement()) {
                // only the row's columns the due-deadline query reads; the document is a stand-in the benchmark
                // never loads (a project is one JSON document since schema version 14)
                s.execute("INSERT INTO project (id, unit, policy_id, version, name, plan_year, category, nature, "
                        + "classified, total_investment, state, created_on, leader_name, leader_mobile, leader_email, "
                        + "responsible_name, responsible_mobile, responsible_email, document) "
                        + "SELECT md5('p' || i)::uuid, 'U' || (i % 200), 'taicang-2021', 1, '项目' || i, 2025, "
                        + "'BUSINESS_SYSTEM', 'NEW', i % 50 = 0, 100000, 'CONTRACTED', DATE '2024-01-01', "
                        + "'分管' || i, '139' || lpad(i::text, 8, '0'), 'l' || i || '@tc.gov.cn', "
                        + "'责任' || i, '138' || lpad(i::text, 8, '0'), 'r' || i || '@tc.gov.cn', "
                        + "'{\"format\": 1}'::jsonb FROM generate_series(1, 1000000) AS i");
                s.execute("INSERT INTO deadline (id, project_id, seq, kind, ref, start_date, due_date, provisional, "
                        + "is_open) SELECT md5('d' || i)::uuid, md5('p' || i)::uuid, 0, "
                        + "(ARRAY['IMPL_PLAN','CONTRACT_FILING','PROGRESS_REPORT','SUBSTANTIVE_START',"
                        + "'ACCEPTANCE_LIMIT','ACCEPTANCE_REPORT','FINAL_ACCOUNTS','WARRANTY_END'])[1 + i % 8], NULL, "
                        + "d - 30, d, FALSE, TRUE FROM (SELECT i, DATE '2025-10-09' + CASE WHEN i % 100 < " + overdue
                        + " THEN -1 - ((i::bigint * 7919) % 365)::int ELSE ((i::bigint * 7919) % 365)::int END AS d "
                        + "FROM generate_series(1, 1000000) AS i) AS g");
                s.execute("ANALYZE");
            }
            LOG.info("loaded 1,000,000 projects with their contacts and an open deadline each ({}% overdue) into "
                    + "PostgreSQL in {} ms", overdue, Duration.ofNanos(System.nanoTime() - loading).toMillis());
            if (Boolean.getBoolean("bench.explain")) {
                for (int run = 0; run < 2; run++) {
                    long t0 = System.nanoTime();
                    int rows = 0;
                    cn.egov.projects.application.view.DueCursor cursor = null;
                    while (true) {
                        List<cn.egov.projects.application.view.DueDeadline> page = harness.adapters.dueDeadlines()
                                .openDueOnOrBefore(TODAY.plusDays(22), cursor, 10_000);
                        rows += page.size();
                        if (page.size() < 10_000) {
                            break;
                        }
                        var last = page.get(page.size() - 1).deadline();
                        cursor = new cn.egov.projects.application.view.DueCursor(last.due(), last.id());
                    }
                    LOG.info("port alone: {} rows in {} ms", rows, (System.nanoTime() - t0) / 1_000_000);
                }
                try (java.sql.Connection c = harness.db.dataSource().getConnection();
                     java.sql.Statement st = c.createStatement();
                     java.sql.ResultSet rs = st.executeQuery("EXPLAIN ANALYZE SELECT d.id, p.name, p.leader_name, "
                             + "p.responsible_name FROM deadline d JOIN project p ON p.id = d.project_id "
                             + "WHERE d.is_open = TRUE AND d.due_date <= DATE '2025-10-31' "
                             + "ORDER BY d.is_open, d.due_date, d.id LIMIT 10000")) {
                    while (rs.next()) {
                        LOG.info("plan: {}", rs.getString(1));
                    }
                }
            }
            InMemoryAccounts accounts = new InMemoryAccounts();
            accounts.insert(new Account("bdb-0", "bdb0", "督办", Role.BDB_OFFICER, new UnitId("TC-DSJ"),
                    "13700000000", "bdb0@dsj.tc.gov.cn", "h", true, Set.of()));
            PolicyHistory policies = PolicyHistory.of(PolicyPacks.taicang());
            WorkingDayCalendar calendar = WorkingDayCalendar.official();
            InMemoryProjects none = new InMemoryProjects();
            Counting port = new Counting(harness.adapters.dueDeadlines());
            ReminderPlanningService planner = new ReminderPlanningService(port, none, none, new InMemoryWindows(),
                    accounts, () -> policies, () -> calendar);
            // side by side: the whole pass, and — as the pass read before — every open deadline up to 22 days ahead
            List<Long> passes = new ArrayList<>();
            List<Long> scans = new ArrayList<>();
            for (int run = 0; run < 5; run++) {
                long[] count = {0};
                port.rows = 0;
                long started = System.nanoTime();
                planner.planDay(TODAY, (List<PlannedReminder> batch) -> count[0] += batch.size());
                long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
                passes.add(millis);
                LOG.info("planning from PostgreSQL, run {}: {} reminders due on {} over 1,000,000 projects in {} ms, "
                        + "{} open deadlines read", run + 1, count[0], TODAY, millis, port.rows);
                started = System.nanoTime();
                long rows = scanUpTo(harness.adapters.dueDeadlines(), TODAY.plusDays(22));
                millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
                scans.add(millis);
                LOG.info("reading every open deadline due by {} (the earlier pass's read), run {}: {} rows in {} ms",
                        TODAY.plusDays(22), run + 1, rows, millis);
            }
            LOG.info("planning from PostgreSQL: median of 5 = {} ms (runs {}); the earlier read alone: median {} ms "
                    + "(runs {})", median(passes), passes, median(scans), scans);
            assertThat(median(passes)).isLessThan(5_000);
        }
    }

    /** The port, counting the rows it hands out. */
    static final class Counting implements DueDeadlinesPort {
        private final DueDeadlinesPort port;
        long rows;

        Counting(DueDeadlinesPort port) {
            this.port = port;
        }

        @Override
        public List<DueDeadline> openDueOnOrBefore(LocalDate dueOnOrBefore, DueCursor after, int limit) {
            List<DueDeadline> page = port.openDueOnOrBefore(dueOnOrBefore, after, limit);
            rows += page.size();
            return page;
        }

        @Override
        public List<DueDeadline> openDueOn(SortedSet<LocalDate> days, DueCursor after, int limit) {
            List<DueDeadline> page = port.openDueOn(days, after, limit);
            rows += page.size();
            return page;
        }

        @Override
        public Optional<LocalDate> earliestOpenDue() {
            return port.earliestOpenDue();
        }
    }

    private static long scanUpTo(DueDeadlinesPort port, LocalDate day) {
        long rows = 0;
        DueCursor cursor = null;
        while (true) {
            List<DueDeadline> page = port.openDueOnOrBefore(day, cursor, 10_000);
            rows += page.size();
            if (page.size() < 10_000) {
                return rows;
            }
            Deadline last = page.get(page.size() - 1).deadline();
            cursor = new DueCursor(last.due(), last.id());
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    @Test
    @DisplayName("发送：单实例向本机SMTP服务器每秒至少发出200封邮件")
    void dispatchFromOneInstance() {
        int messages = 5_000;
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        int port = Harness.freePort();
        GreenMail smtp = Harness.greenMail(port);
        try (Harness harness = Harness.postgres()) {
            ReminderEngine engine = harness.engine(Harness.fast("bench")
                            .withScheduler(Integer.getInteger("bench.threads", 32), Duration.ofMillis(50), Duration.ofSeconds(5), "bench"),
                    new SystemClock(), new NoPlanner(), new VertxMailSender(Harness.mail(port)), null, harness.db);
            List<PlannedReminder> plan = new ArrayList<>();
            for (int i = 0; i < messages; i++) {
                plan.add(Reminders.planned("收件人" + i, String.format("b%05d@bench.test", i), null, "项目" + i,
                        DeadlineKind.CONTRACT_FILING, today, today.plusDays(3)));
            }
            for (int from = 0; from < messages; from += 1_000) {
                List<PlannedReminder> chunk = plan.subList(from, from + 1_000);
                harness.tx.inTransaction(() -> engine.enqueue(chunk));
            }
            long started = System.nanoTime();
            engine.start();
            Harness.await("all sent", Duration.ofSeconds(120),
                    () -> harness.count("SELECT COUNT(*) FROM reminder WHERE sent_at IS NULL") == 0);
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            long rate = messages * 1000L / Math.max(1, millis);
            LOG.info("dispatch: {} e-mails from one instance in {} ms = {} per second", messages, millis, rate);
            assertThat(smtp.getReceivedMessages()).hasSize(messages);
            assertThat(rate).isGreaterThanOrEqualTo(200);
        } finally {
            smtp.stop();
        }
    }
}
