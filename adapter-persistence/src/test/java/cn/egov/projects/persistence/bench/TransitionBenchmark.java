package cn.egov.projects.persistence.bench;

import cn.egov.projects.application.error.ConcurrentChangeException;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.ReportProgressCommand;
import cn.egov.projects.application.port.out.ClockPort;
import cn.egov.projects.application.port.out.ReminderPort;
import cn.egov.projects.application.service.ImplementationService;
import cn.egov.projects.application.service.Ports;
import cn.egov.projects.domain.access.Actor;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.calendar.WorkingDayCalendar;
import cn.egov.projects.domain.policy.PolicyHistory;
import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.persistence.BenchmarkSupport;
import cn.egov.projects.persistence.Database;
import cn.egov.projects.persistence.PersistenceAdapters;
import cn.egov.projects.persistence.StatementCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * A lifecycle transition through the real application service — {@code ReportProgressUseCase}: load the project,
 * check access and version, let the domain decide (meet the open progress-report deadline, open the next one),
 * save it, append the audit record, announce the deadlines — on randomly chosen seeded contracted projects, by
 * several client threads at once. The per-table baseline and the incremental adapter are measured in alternating
 * rounds of the same length on the same data, so that their figures compare side by side.
 */
final class TransitionBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(TransitionBenchmark.class);

    /** 2025-06-02 10:00 in Asia/Shanghai: after every seeded contract, before the open deadlines fall due. */
    private static final Instant NOW = Instant.parse("2025-06-02T02:00:00Z");

    /** The two ways of reading and writing projects, by label, over the database the timed runs use. */
    private final Map<String, ImplementationService> services;
    /** The same over a database opened with the statement counter (a plugin costs time: kept out of the runs). */
    private final Map<String, ImplementationService> countedServices;
    private final Database database;
    private final StatementCounter counter;
    private final boolean postgreSql;
    private final Report report;
    private final CpuClock cpu;
    private final AtomicLong announced = new AtomicLong();
    private UUID[] ids;
    private UnitId[] units;

    TransitionBenchmark(Database database, Database counted, StatementCounter counter, boolean postgreSql,
                        Report report, CpuClock cpu) {
        this.database = database;
        this.counter = counter;
        this.postgreSql = postgreSql;
        this.report = report;
        this.cpu = cpu;
        this.services = servicesOver(database);
        this.countedServices = servicesOver(counted);
    }

    private Map<String, ImplementationService> servicesOver(Database db) {
        ReminderPort reminders = (project, opened, closed) -> announced.addAndGet(opened.size() + closed.size());
        ClockPort clock = () -> NOW;
        WorkingDayCalendar calendar = WorkingDayCalendar.official();
        PolicyHistory policies = PolicyHistory.of(PolicyPacks.taicang());
        Map<String, ImplementationService> byLabel = new LinkedHashMap<>();
        // one adapter since issue "Persistence that is simple to change": each project one document
        PersistenceAdapters adapters = new PersistenceAdapters(db);
        Ports ports = new Ports(adapters.projects(), adapters.projects(), adapters.projects(), adapters.windows(),
                adapters.auditTrail(), reminders, clock, () -> calendar, () -> policies, adapters.transactions());
        byLabel.put("document", new ImplementationService(ports));
        return byLabel;
    }

    /** One timed run: operations, conflicts and each operation's latency. */
    private record Run(long ok, long conflicts, long nanos, long[] latencies, int count, long jvmCpu, long pgCpu,
                       String load) {
        double perSecond() {
            return ok * 1_000_000_000.0 / nanos;
        }
    }

    void run(int[] threadCounts, int warmupSeconds, int seconds, int rounds) throws Exception {
        loadProjects();
        report.line("");
        report.line("Transition: `ReportProgressUseCase` on %,d seeded contracted projects chosen at random; each run"
                + " %d s after a %d s warm-up per thread count and adapter; %d alternating rounds.", ids.length,
                seconds, warmupSeconds, rounds);
        costPerTransition();
        report.line("");
        report.line("| threads | adapter | transitions/s (median of rounds) | rounds | p50 ms | p95 ms | p99 ms | max ms"
                + " | conflicts | CPU ms per transition: JVM + PostgreSQL | load average (1 min) after each round |");
        report.line("|---:|---|---:|---|---:|---:|---:|---:|---:|---|---|");
        for (int threads : threadCounts) {
            for (String label : services.keySet()) {
                measure(services.get(label), threads, warmupSeconds);
            }
            Map<String, List<Run>> runs = new LinkedHashMap<>();
            services.keySet().forEach(label -> runs.put(label, new ArrayList<>()));
            List<String> labels = new ArrayList<>(services.keySet());
            for (int round = 0; round < rounds; round++) {
                List<String> order = new ArrayList<>(labels);
                if (round % 2 == 1) {
                    Collections.reverse(order);
                }
                for (String label : order) {
                    Run run = measure(services.get(label), threads, seconds);
                    runs.get(label).add(run);
                    LOG.info("{} threads, {}: {} transitions/s", threads, label,
                            String.format(Locale.ROOT, "%.0f", run.perSecond()));
                }
            }
            double[] medians = new double[labels.size()];
            for (int i = 0; i < labels.size(); i++) {
                List<Run> all = runs.get(labels.get(i));
                Stats rate = Stats.of(all.stream().mapToDouble(Run::perSecond).toArray());
                medians[i] = rate.median();
                int total = all.stream().mapToInt(Run::count).sum();
                long[] latencies = new long[total];
                int at = 0;
                for (Run r : all) {
                    System.arraycopy(r.latencies(), 0, latencies, at, r.count());
                    at += r.count();
                }
                Stats latency = Stats.ofNanos(latencies, total);
                long ops = all.stream().mapToLong(Run::ok).sum();
                long jvm = all.stream().mapToLong(Run::jvmCpu).sum();
                long pg = all.stream().mapToLong(Run::pgCpu).sum();
                String cpuPerOp = pg < 0 ? String.format(Locale.ROOT, "%.2f + ?", jvm / 1e6 / ops)
                        : String.format(Locale.ROOT, "%.2f + %.2f", jvm / 1e6 / ops, pg / 1e6 / ops);
                report.line("| %d | %s | **%,.0f** | %s | %s | %s | %s | %s | %d | %s | %s |", threads, labels.get(i),
                        rate.median(), all.stream().map(r -> String.format(Locale.ROOT, "%.0f", r.perSecond()))
                                .collect(Collectors.joining(" / ")),
                        Stats.ms(latency.median()), Stats.ms(latency.percentile(95)),
                        Stats.ms(latency.percentile(99)), Stats.ms(latency.max()),
                        all.stream().mapToLong(Run::conflicts).sum(), cpuPerOp,
                        all.stream().map(Run::load).collect(Collectors.joining(" / ")));
            }
            if (medians.length == 2) {
                report.line("| %d | ratio after/before | **%.2f×** | | | | | | | | |", threads,
                        medians[1] / medians[0]);
            }
        }
    }

    /** The seeded contracted projects, with their units. */
    private void loadProjects() throws SQLException {
        List<UUID> idList = new ArrayList<>();
        List<UnitId> unitList = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, unit FROM project WHERE state = 'CONTRACTED'")) {
            while (rs.next()) {
                idList.add(rs.getObject(1, UUID.class));
                unitList.add(new UnitId(rs.getString(2)));
            }
        }
        ids = idList.toArray(new UUID[0]);
        units = unitList.toArray(new UnitId[0]);
    }

    /** Statements (round trips) and, on PostgreSQL, WAL bytes per transition, single-threaded. */
    private void costPerTransition() throws SQLException {
        report.line("");
        report.line("| adapter | statements per transition (all of the use case) | of them reads | WAL bytes per"
                + " transition |");
        report.line("|---|---:|---:|---:|");
        int samples = 500;
        for (Map.Entry<String, ImplementationService> e : countedServices.entrySet()) {
            for (int i = 0; i < 50; i++) {
                transition(e.getValue());
            }
            long walBefore = postgreSql ? walPosition() : 0;
            int statements = 0;
            int reads = 0;
            for (int i = 0; i < samples; i++) {
                counter.start();
                transition(e.getValue());
                List<String> ran = counter.statements();
                statements += ran.size();
                reads += (int) ran.stream().filter(n -> n.startsWith("find")).count();
            }
            long wal = postgreSql ? walPosition() - walBefore : -1;
            report.line("| %s | %.1f | %.1f | %s |", e.getKey(), statements / (double) samples,
                    reads / (double) samples, postgreSql ? String.format(Locale.ROOT, "%,d", wal / samples) : "n/a");
        }
    }

    private long walPosition() throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** One report of progress on a random seeded project; false when another thread changed it meanwhile. */
    private boolean transition(ImplementationService service) {
        int i = ThreadLocalRandom.current().nextInt(ids.length);
        Caller caller = new Caller(Actor.of("bench-staff", Role.UNIT_STAFF, units[i]), "bench", "127.0.0.1");
        try {
            service.reportProgress(caller, new ReportProgressCommand(new ProjectId(ids[i]), null,
                    ThreadLocalRandom.current().nextInt(101), "本季度完成接口联调与测试"));
            return true;
        } catch (ConcurrentChangeException e) {
            return false;
        }
    }

    private Run measure(ImplementationService service, int threads, int seconds) throws InterruptedException {
        long[][] latencies = new long[threads][];
        int[] counts = new int[threads];
        long[] ok = new long[threads];
        long[] conflicts = new long[threads];
        RuntimeException[] failures = new RuntimeException[threads];
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        long[] window = new long[2];
        for (int t = 0; t < threads; t++) {
            int me = t;
            Thread worker = new Thread(() -> {
                long[] mine = new long[4096];
                int n = 0;
                try {
                    start.await();
                    long end = window[1];
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        boolean done = transition(service);
                        long took = System.nanoTime() - t0;
                        if (done) {
                            if (n == mine.length) {
                                mine = Arrays.copyOf(mine, n * 2);
                            }
                            mine[n++] = took;
                            ok[me]++;
                        } else {
                            conflicts[me]++;
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    failures[me] = e;
                }
                latencies[me] = mine;
                counts[me] = n;
            }, "bench-client-" + t);
            workers.add(worker);
            worker.start();
        }
        long jvmBefore = cpu.jvmNanos();
        long pgBefore = cpu.postgresNanos();
        window[0] = System.nanoTime();
        window[1] = window[0] + seconds * 1_000_000_000L;
        start.countDown();
        for (Thread w : workers) {
            w.join();
        }
        long elapsed = System.nanoTime() - window[0];
        long jvmCpu = cpu.jvmNanos() - jvmBefore;
        long pgAfter = cpu.postgresNanos();
        long pgCpu = pgBefore < 0 || pgAfter < 0 ? -1 : pgAfter - pgBefore;

        for (RuntimeException failure : failures) {
            if (failure != null) {
                throw failure;
            }
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        return new Run(Arrays.stream(ok).sum(), Arrays.stream(conflicts).sum(), elapsed, all, total, jvmCpu, pgCpu,
                CpuClock.loadAverage());
    }
}
