package cn.egov.projects.benchmarks;

import cn.egov.projects.application.port.out.SaveProjectPort;
import cn.egov.projects.application.port.out.TransactionPort;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.persistence.Database;
import cn.egov.projects.persistence.DatabaseSettings;
import cn.egov.projects.persistence.PersistenceAdapters;
import cn.egov.projects.bootstrap.config.PolicyPackFile;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Collections;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Cost per transition against the number of projects: the database is filled with contracted projects (built by the
 * domain and stored through the application's own save port, {@code SaveProjectPort.insert}, a thousand per
 * transaction), and at each size ({@code bench.sizes}, cumulative) progress reports — a transition that can be
 * repeated on the same project: load, check, decide, save, audit — go to projects picked at random among all.
 *
 * <p>A progress report adds to its project's document, so the transitions at one size are spread evenly: each
 * project gets at most {@code bench.sizes.touches} (2) of them, in a random order, and a size's warm-up and rounds
 * each take an equal share of that budget ({@code bench.sizes.seconds} bounds a round as well). Otherwise a
 * thousand projects would each take dozens of reports in a few seconds, and the smaller sizes would measure larger
 * documents. Before the first size the same application is warmed for {@code bench.sizes.warmup.first} seconds on
 * {@value #WARM_UP_PROJECTS} projects of its own, which stay in the table (so a size of N projects is a table of N +
 * {@value #WARM_UP_PROJECTS}) but take no measured transition: a fresh application takes some ten seconds of work to
 * reach its steady cost (the JIT, its pooled connections' prepared statements), more than a thousand projects' budget.
 * The preload's garbage is collected before each size is measured (a server does not bulk-load while it serves), and
 * the application then serves the warm-up projects for {@code bench.sizes.warmup} seconds, so that the JIT's
 * compiling of what the preload ran does not fall into the size's rounds (at a thousand projects, rounds of under a
 * second, it had doubled the JVM's CPU per transition).
 */
final class SizeSeries {

    private static final int WARM_UP_PROJECTS = 500;
    /** The warm-up projects' numbers (their names and contract numbers) start here, away from the measured ones. */
    private static final long WARM_UP_NUMBERS = 900_000_000L;

    private SizeSeries() {
    }

    static void main() {
        List<Integer> sizes = Bench.list("bench.sizes", "1000,10000,100000").stream().map(Integer::parseInt).toList();
        List<String> databases = Bench.list("bench.sizes.databases", "h2,postgresql");
        int threads = Bench.integer("bench.sizes.threads", 1);
        double warmup = Bench.seconds("bench.sizes.warmup", 5);
        double seconds = Bench.seconds("bench.sizes.seconds", 5);
        int rounds = Bench.integer("bench.sizes.rounds", 3);
        int touches = Bench.integer("bench.sizes.touches", 2);
        Path report = Bench.dir().resolve("lifecycles.md");
        Bench.report(report, String.format(Locale.ROOT, "%n## Cost per transition against the number of projects — %s%n%n"
                        + "Progress reports on random contracted projects, %d thread(s); the application warmed for %.0f "
                        + "s on %,d projects of its own beside them; at each size a warm-up and %d rounds of at most %.0f "
                        + "s, each project taking at most %d reports per size; SHA-256 over 64 MiB in %d ms; load average "
                        + "%s%n", LocalDateTime.now().withNano(0), threads,
                Bench.seconds("bench.sizes.warmup.first", 4 * warmup), WARM_UP_PROJECTS, rounds, seconds, touches,
                Measure.calibrationMillis(), Measure.loadAverage()));
        for (String database : databases) {
            PgServer pg = null;
            DatabaseSettings settings;
            if (database.equals("h2")) {
                settings = new DatabaseSettings(Bench.egovH2Url().replace("egov_bench", "egov_sizes"), "sa", "");
            } else {
                pg = new PgServer(Bench.dir().resolve("pg-sizes"));
                settings = new DatabaseSettings(pg.url("egov_bench"), "postgres", "postgres");
                Bench.report(report, String.format(Locale.ROOT, "%nPostgreSQL shared_buffers=%s%n",
                        pg.setting("shared_buffers")));
            }
            try (EgovEngine egov = new EgovEngine("egov", settings.url(), settings.user(), settings.password());
                 Database db = Database.open(settings)) {
                if (pg != null) {
                    Lifecycles.trySettings(pg, report);
                }
                // the application's own keys: the projects stored here are read by the application's use cases
                PersistenceAdapters persistence = egov.persistence(db);
                List<ProjectId> warmUp = preload(persistence, new ArrayList<>(), WARM_UP_PROJECTS, WARM_UP_NUMBERS);
                Reports reports = new Reports(egov, warmUp);
                reports.onWarmUpProjects();
                Measure.run("egov-warm-up", threads, Bench.seconds("bench.sizes.warmup.first", 4 * warmup), pg,
                        reports);
                series(report, database, threads, warmup, seconds, rounds, touches, sizes, persistence, pg, reports);
            } finally {
                if (pg != null) {
                    pg.close();
                }
            }
        }
    }

    /**
     * Stores contracted projects, numbered from {@code firstNumber}, until {@code ids} holds {@code size}, a thousand
     * per transaction; returns {@code ids}.
     */
    private static List<ProjectId> preload(PersistenceAdapters persistence, List<ProjectId> ids, int size,
                                           long firstNumber) {
        PolicyPack pack = PolicyPackFile.defaultHistory().inForceOn(Days.DRAFT);
        DomainLifecycle domain = new DomainLifecycle(pack);
        SaveProjectPort save = persistence.projects();
        TransactionPort tx = persistence.transactions();
        while (ids.size() < size) {
            int batch = Math.min(1000, size - ids.size());
            int base = ids.size();
            ids.addAll(tx.inTransaction(() -> {
                List<ProjectId> made = new ArrayList<>(batch);
                for (int i = 0; i < batch; i++) {
                    var p = domain.contracted(firstNumber + base + i);
                    save.insert(p);
                    made.add(p.id());
                }
                return made;
            }));
        }
        return ids;
    }

    private static void series(Path report, String database, int threads, double warmup, double seconds, int rounds,
                               int touches, List<Integer> sizes, PersistenceAdapters persistence, PgServer pg,
                               Reports reports) {
        List<ProjectId> ids = new ArrayList<>();
        Bench.report(report, String.format(Locale.ROOT, "%n### %s%n%n| projects (and the %d warm-up ones) | preload (cumulative) "
                + "| transitions/s (median) | rounds | CPU per transition: JVM + PostgreSQL | against the first size "
                + "| of the JVM's, the worker threads' | GC time per transition | JIT compiling per transition "
                + "| WAL per transition: full-page images, bytes | WAL flushes per transition "
                + "| pages read / written / evicted by the backends per transition (pg_stat_io, all rounds) "
                + "|%n|---:|---|---:|---|---|---:|---:|---:|---:|---|---:|---|%n", database.equals("h2") ? "H2 in memory" : "PostgreSQL (fsync on)", WARM_UP_PROJECTS));
        double first = -1;
        double preloadSeconds = 0;
        List<String> walTables = new ArrayList<>();
        List<String> statementTables = new ArrayList<>();
        for (int size : sizes) {
            long t0 = System.nanoTime();
            preload(persistence, ids, size, 0);
            if (pg != null) {
                pg.settle("egov_bench");
            }
            preloadSeconds += (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "%s: %,d projects stored (%.0f s so far, %.0f per second)%n", database,
                    ids.size(), preloadSeconds, ids.size() / preloadSeconds);
            // the preload's garbage is not the transitions' cost
            System.gc();
            // nor is the JIT's compiling of what the preload ran: the application serves again for a while (on the
            // warm-up projects) before this size's own warm-up and rounds
            reports.onWarmUpProjects();
            Measure.run("egov-warm-up", threads, warmup, pg, reports);
            // each project at most `touches` times at this size, in a random order, shared by warm-up and rounds
            List<ProjectId> order = new ArrayList<>(ids.size() * touches);
            for (int t = 0; t < touches; t++) {
                List<ProjectId> once = new ArrayList<>(ids);
                Collections.shuffle(once);
                order.addAll(once);
            }
            long share = order.size() / (rounds + 1L);
            reports.on(order, 0);
            Measure.run("egov", threads, warmup, share, pg, reports);
            List<Measure.Result> results = new ArrayList<>();
            String walFrom = pg == null ? null : pg.walLsn();
            double[] io0 = pg == null ? null : pg.io();
            boolean statements = pg != null && pg.statementsReset("egov_bench");
            for (int r = 0; r < rounds; r++) {
                reports.on(order, (int) ((r + 1) * share));
                results.add(Measure.run("egov", threads, seconds, share, pg, reports));
            }
            Measure.Result m = results.stream().sorted((a, b) -> Double.compare(a.perSecond(), b.perSecond()))
                    .toList().get(results.size() / 2);
            if (first < 0) {
                first = m.cpuMsPerUnit();
            }
            String io = "–";
            if (pg != null) {
                double[] io1 = pg.io();
                long units = results.stream().mapToLong(Measure.Result::units).sum();
                if (io0[0] >= 0 && io1[0] >= 0 && units > 0) {
                    io = String.format(Locale.ROOT, "%.1f / %.1f / %.1f", (io1[0] - io0[0]) / units,
                            (io1[1] - io0[1]) / units, (io1[2] - io0[2]) / units);
                }
                List<String> wal = pg.walByRelation("egov_bench", walFrom, pg.walLsn(),
                        results.stream().mapToLong(Measure.Result::units).sum());
                if (!wal.isEmpty()) {
                    walTables.add(String.format(Locale.ROOT, "%nWAL per transition at %,d projects, by relation "
                            + "(pg_walinspect, the %d rounds):%n%n| relation | blocks changed | full-page images "
                            + "| distinct pages | bytes | records (all rounds) |%n|---|---:|---:|---:|---:|---|%n%s%n", size, rounds,
                            String.join("\n", wal)));
                }
                List<String> dearest = statements ? pg.statements("egov_bench",
                        results.stream().mapToLong(Measure.Result::units).sum()) : List.of();
                if (!dearest.isEmpty()) {
                    statementTables.add(String.format(Locale.ROOT, "%negov's statements at %,d projects, per "
                            + "transition (pg_stat_statements, the %d rounds, the sealer's included), dearest first:%n%n"
                            + "| calls | server ms | ms per call | rows per call | buffers hit per call | read | dirtied "
                            + "| statement |%n|---:|---:|---:|---:|---:|---:|---:|---|%n%s%n", size, rounds,
                            String.join("\n", dearest)));
                }
            }
            Bench.report(report, String.format(Locale.ROOT, "| %,d | %.0f s | **%.0f** | %s | %s | %+.0f%% | %.3f ms | %.3f ms | %.3f ms | %s | %s | %s |%n", size, preloadSeconds,
                    m.perSecond(), String.join(" / ", results.stream()
                            .map(x -> String.format(Locale.ROOT, "%.0f (%,d)", x.perSecond(), x.units())).toList()),
                    m.pgMsPerUnit() < 0 ? String.format(Locale.ROOT, "%.3f ms", m.jvmMsPerUnit())
                            : String.format(Locale.ROOT, "%.3f + %.3f = %.3f ms", m.jvmMsPerUnit(), m.pgMsPerUnit(),
                            m.cpuMsPerUnit()),
                    100 * (m.cpuMsPerUnit() / first - 1),
                    m.workerCpuShare() * m.seconds() * m.threads() * 1000 / m.units(), m.gcMs() / m.units(), m.compileMs() / m.units(),
                    m.walFpi() < 0 ? "–" : String.format(Locale.ROOT, "%.1f, %,.0f", m.walFpi() / m.units(),
                            m.walBytes() / m.units()),
                    m.walSyncs() < 0 ? "–" : String.format(Locale.ROOT, "%.2f", m.walSyncs() / m.units()), io));
        }
        walTables.forEach(t -> Bench.report(report, t));
        statementTables.forEach(t -> Bench.report(report, t));
    }

    /**
     * The progress reports of the warm-ups and of the rounds, as one class: each project in turn from a list, the
     * warm-up projects' (shuffled, round and round) or a size's order. A second class of transition at
     * {@link Measure}'s call site made the JIT compile the whole use case again, inlined anew, inside the first size's
     * rounds — 0.30–0.44 ms of compiling per transition at 1,000 projects, a sixth of the row.
     */
    static final class Reports implements Runnable {
        private final EgovEngine egov;
        private final List<ProjectId> warmUp;
        private final AtomicInteger next = new AtomicInteger();
        private volatile List<ProjectId> order;

        Reports(EgovEngine egov, List<ProjectId> warmUp) {
            this.egov = egov;
            this.warmUp = new ArrayList<>(warmUp);
        }

        /** From now on the warm-up projects, in a new random order, as many times round as it takes. */
        void onWarmUpProjects() {
            Collections.shuffle(warmUp);
            on(warmUp, 0);
        }

        /** From now on the projects of {@code order}, from {@code from} on. */
        void on(List<ProjectId> order, int from) {
            this.order = order;
            next.set(from);
        }

        @Override
        public void run() {
            List<ProjectId> projects = order;
            egov.reportProgress(projects.get(next.getAndIncrement() % projects.size()),
                    ThreadLocalRandom.current().nextInt(1, 100));
        }
    }
}
