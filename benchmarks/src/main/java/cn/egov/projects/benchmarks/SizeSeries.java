package cn.egov.projects.benchmarks;

import cn.egov.projects.application.port.out.SaveProjectPort;
import cn.egov.projects.application.port.out.TransactionPort;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.persistence.Database;
import cn.egov.projects.persistence.DatabaseSettings;
import cn.egov.projects.persistence.PersistenceAdapters;
import cn.egov.projects.persistence.config.PolicyPackFile;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Cost per transition against the number of projects: the database is filled with contracted projects (built by the
 * domain and stored through the application's own save port, {@code SaveProjectPort.insert}, a thousand per
 * transaction), and at each size ({@code bench.sizes}, cumulative) progress reports — a transition that can be
 * repeated on the same project: load, check, decide, save, audit — go to projects picked at random among all.
 */
final class SizeSeries {

    private SizeSeries() {
    }

    static void main() {
        List<Integer> sizes = Bench.list("bench.sizes", "1000,10000,100000").stream().map(Integer::parseInt).toList();
        List<String> databases = Bench.list("bench.sizes.databases", "h2,postgresql");
        int threads = Bench.integer("bench.sizes.threads", 1);
        double warmup = Bench.seconds("bench.sizes.warmup", 5);
        double seconds = Bench.seconds("bench.sizes.seconds", 5);
        int rounds = Bench.integer("bench.sizes.rounds", 3);
        Path report = Bench.dir().resolve("lifecycles.md");
        Bench.report(report, String.format(Locale.ROOT, "%n## Cost per transition against the number of projects — %s%n%n"
                        + "Progress reports on random contracted projects, %d thread(s), warm-up %.0f s, %d rounds of "
                        + "%.0f s at each size; SHA-256 over 64 MiB in %d ms; load average %s%n",
                LocalDateTime.now().withNano(0), threads, warmup, rounds, seconds, Measure.calibrationMillis(),
                Measure.loadAverage()));
        for (String database : databases) {
            PgServer pg = null;
            DatabaseSettings settings;
            if (database.equals("h2")) {
                settings = new DatabaseSettings(Bench.egovH2Url().replace("egov_bench", "egov_sizes"), "sa", "");
            } else {
                pg = new PgServer(Bench.dir().resolve("pg-sizes"));
                settings = new DatabaseSettings(pg.url("egov_bench"), "postgres", "postgres");
            }
            try (EgovEngine egov = new EgovEngine("egov", settings.url(), settings.user(), settings.password());
                 Database db = Database.open(settings)) {
                series(report, database, threads, warmup, seconds, rounds, sizes, egov, new PersistenceAdapters(db),
                        pg);
            } finally {
                if (pg != null) {
                    pg.close();
                }
            }
        }
    }

    private static void series(Path report, String database, int threads, double warmup, double seconds, int rounds,
                               List<Integer> sizes, EgovEngine egov, PersistenceAdapters persistence, PgServer pg) {
        PolicyPack pack = PolicyPackFile.defaultHistory().inForceOn(Days.DRAFT);
        DomainLifecycle domain = new DomainLifecycle(pack);
        SaveProjectPort save = persistence.projects();
        TransactionPort tx = persistence.transactions();
        List<ProjectId> ids = new ArrayList<>();
        Bench.report(report, String.format(Locale.ROOT, "%n### %s%n%n| projects | preload (cumulative) "
                + "| transitions/s (median) | rounds | CPU per transition: JVM + PostgreSQL | against the first size "
                + "| GC time per transition |%n|---:|---|---:|---|---|---:|---:|%n", database.equals("h2") ? "H2 in memory" : "PostgreSQL (fsync on)"));
        double first = -1;
        double preloadSeconds = 0;
        for (int size : sizes) {
            long t0 = System.nanoTime();
            while (ids.size() < size) {
                int batch = Math.min(1000, size - ids.size());
                int base = ids.size();
                ids.addAll(tx.inTransaction(() -> {
                    List<ProjectId> made = new ArrayList<>(batch);
                    for (int i = 0; i < batch; i++) {
                        var p = domain.contracted(base + i);
                        save.insert(p);
                        made.add(p.id());
                    }
                    return made;
                }));
            }
            if (pg != null) {
                pg.settle("egov_bench");
            }
            preloadSeconds += (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "%s: %,d projects stored (%.0f s so far, %.0f per second)%n", database,
                    ids.size(), preloadSeconds, ids.size() / preloadSeconds);
            Runnable transition = () -> egov.reportProgress(ids.get(ThreadLocalRandom.current().nextInt(ids.size())),
                    ThreadLocalRandom.current().nextInt(1, 100));
            // the first size also warms the JIT: longer
            Measure.run("egov", threads, first < 0 ? Bench.seconds("bench.sizes.warmup.first", 4 * warmup) : warmup,
                    pg, transition);
            List<Measure.Result> results = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                results.add(Measure.run("egov", threads, seconds, pg, transition));
            }
            Measure.Result m = results.stream().sorted((a, b) -> Double.compare(a.perSecond(), b.perSecond()))
                    .toList().get(results.size() / 2);
            if (first < 0) {
                first = m.cpuMsPerUnit();
            }
            Bench.report(report, String.format(Locale.ROOT, "| %,d | %.0f s | **%.0f** | %s | %s | %+.0f%% | %.3f ms |%n", size, preloadSeconds,
                    m.perSecond(), String.join(" / ", results.stream()
                            .map(x -> String.format(Locale.ROOT, "%.0f", x.perSecond())).toList()),
                    m.pgMsPerUnit() < 0 ? String.format(Locale.ROOT, "%.3f ms", m.jvmMsPerUnit())
                            : String.format(Locale.ROOT, "%.3f + %.3f = %.3f ms", m.jvmMsPerUnit(), m.pgMsPerUnit(),
                            m.cpuMsPerUnit()),
                    100 * (m.cpuMsPerUnit() / first - 1), m.gcMs() / m.units()));
        }
    }
}
