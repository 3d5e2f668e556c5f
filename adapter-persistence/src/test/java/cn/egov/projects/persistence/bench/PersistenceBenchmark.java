package cn.egov.projects.persistence.bench;

import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.persistence.BenchmarkSupport;
import cn.egov.projects.persistence.Database;
import cn.egov.projects.persistence.DatabaseStartupException;
import cn.egov.projects.persistence.PersistenceAdapters;
import cn.egov.projects.persistence.StatementCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.UUID;

/**
 * The persistence benchmark of issue 3 (see {@code BENCHMARKS.md} for the command and the figures). For each
 * database — the embedded PostgreSQL, then H2 — it seeds a million projects once (kept under
 * {@code target/bench/} for the next run), times the due-deadline query with its plans, and the throughput and
 * latency of a lifecycle transition before and after the incremental adapter. The findings go to the log and to
 * {@code target/bench/report.md}.
 *
 * <p>System properties: {@code bench.projects} (1000000), {@code bench.databases} ({@code postgresql,h2}),
 * {@code bench.threads} (PostgreSQL: {@code 1,2,4,8,16}), {@code bench.h2.threads} ({@code 1,4}),
 * {@code bench.seconds} per run (10), {@code bench.warmup} seconds (5), {@code bench.rounds} (3),
 * {@code bench.parts} ({@code due,transitions}), {@code bench.pg.config} (more server settings, {@code a=b;c=d}),
 * {@code bench.dir} ({@code target/bench}). {@code EGOV_BENCH_PG_URL} (with {@code EGOV_BENCH_PG_USER},
 * {@code EGOV_BENCH_PG_PASSWORD}) benchmarks an external PostgreSQL database instead of the embedded one.
 */
public final class PersistenceBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(PersistenceBenchmark.class);

    /** What to measure: {@code due} (the due-deadline query), {@code transitions}, or both (the default). */
    private static final String PARTS = System.getProperty("bench.parts", "due,transitions");

    private PersistenceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
        Path dir = Path.of(System.getProperty("bench.dir", "target/bench")).toAbsolutePath();
        int projects = Integer.getInteger("bench.projects", 1_000_000);
        List<String> databases = List.of(System.getProperty("bench.databases", "postgresql,h2").split(","));
        int[] pgThreads = ints(System.getProperty("bench.threads", "1,2,4,8,16"));
        int[] h2Threads = ints(System.getProperty("bench.h2.threads", "1,4"));
        int seconds = Integer.getInteger("bench.seconds", 10);
        int warmup = Integer.getInteger("bench.warmup", 5);
        int rounds = Integer.getInteger("bench.rounds", 3);
        if (System.getProperty("ot.epg.working-dir") == null) {
            System.setProperty("ot.epg.working-dir", dir.resolve("epg").toString());
        }

        Report report = new Report(dir.resolve("report.md"));
        report.line("# Persistence benchmark, %d projects", projects);
        report.line("");
        report.line("Machine: %d processors (nproc), %s memory; %s %s (%s); %s %s.",
                Runtime.getRuntime().availableProcessors(), memory(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), System.getProperty("java.vm.vendor"),
                System.getProperty("os.name"), System.getProperty("os.version"));

        for (String name : databases) {
            boolean postgreSql = name.trim().equalsIgnoreCase("postgresql");
            try (BenchDatabase db = postgreSql ? BenchDatabase.postgreSql(dir.resolve("pg-data"))
                    : BenchDatabase.h2(dir.resolve("h2"))) {
                CpuClock cpu = new CpuClock(postgreSql && db.isEmbedded() ? dir.resolve("pg-data") : null);
                run(db, projects, postgreSql ? pgThreads : h2Threads, warmup, seconds, rounds, report, cpu);
            }
        }
        LOG.info("report written to {}", report.file());
    }

    private static void run(BenchDatabase db, int projects, int[] threads, int warmup, int seconds, int rounds,
                            Report report, CpuClock cpu) throws Exception {
        report.line("");
        report.line("## %s", db.label());
        StatementCounter counter = BenchmarkSupport.statementCounter();
        Database database;
        try {
            database = Database.open(db.settings());
        } catch (DatabaseStartupException e) {
            // a database kept from a run of another schema (a migration changed since): start afresh
            LOG.info("{}: {}; seeding anew", db.label(), e.getMessage());
            db.recreate();
            database = Database.open(db.settings());
        }
        Database counted = null;
        try {
            int seeded = Seeder.seededProjects(database.dataSource());
            if (seeded != projects) {
                database.close();
                LOG.info("{}: seeding {} projects anew (found {})", db.label(), projects, seeded);
                db.recreate();
                // the seeder writes the child tables of schema version 13; opening the database then carries the
                // projects over into documents (V14), as an upgrade of a database in use does
                long t0 = System.nanoTime();
                new Seeder(db.isPostgreSql(), PolicyPacks.taicang().id())
                        .seed(BenchmarkSupport.migratedTo(db.settings(), "13"), projects);
                long seeded13 = System.nanoTime();
                database = Database.open(db.settings());
                report.line("");
                report.line("Seeded %,d projects set-based in %d s (schema version 13); carried over into documents by "
                        + "the V14 migration in %d s.", projects, (seeded13 - t0) / 1_000_000_000L,
                        (System.nanoTime() - seeded13) / 1_000_000_000L);
            } else {
                report.line("");
                report.line("Seeded data of an earlier run reused (%,d projects, seed version %d).", projects,
                        Seeder.SEED_VERSION);
            }
            describe(database, db.isPostgreSql(), report);
            report.line("Core speed now: SHA-256 over 64 MiB in %d ms on one thread (lower is faster; see BENCHMARKS.md).",
                    CpuClock.calibrationMillis());
            checkSeededProjectsLoad(database);
            if (PARTS.contains("due")) {
                new DueQueryBenchmark(database, new PersistenceAdapters(database).dueDeadlines(),
                        db.isPostgreSql(), report).run(300, 15);
            }
            if (PARTS.contains("transitions")) {
                counted = BenchmarkSupport.open(db.settings(), List.of(counter));
                new TransitionBenchmark(database, counted, counter, db.isPostgreSql(), report, cpu)
                        .run(threads, warmup, seconds, rounds);
            }
        } finally {
            if (counted != null) {
                counted.close();
            }
            database.close();
        }
    }

    /** Seeded rows are written by SQL and carried over by the migration: a sample of every state must load. */
    private static void checkSeededProjectsLoad(Database database) throws SQLException {
        PersistenceAdapters adapters = new PersistenceAdapters(database);
        int checked = 0;
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM project ORDER BY id LIMIT 400")) {
            while (rs.next()) {
                adapters.projects().load(new ProjectId(rs.getObject(1, UUID.class))).orElseThrow();
                checked++;
            }
        }
        LOG.info("{} seeded projects load", checked);
    }

    /** The server, its settings and the size of the data. */
    private static void describe(Database database, boolean postgreSql, Report report) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            if (postgreSql) {
                report.line("");
                report.line("Server: %s", one(s, "SELECT version()"));
                StringBuilder settings = new StringBuilder();
                for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes", "wal_level",
                        "wal_compression", "shared_buffers", "max_wal_size", "checkpoint_timeout", "work_mem",
                        "effective_cache_size", "max_connections")) {
                    settings.append(settings.length() == 0 ? "" : ", ").append(setting).append('=')
                            .append(one(s, "SHOW " + setting));
                }
                report.line("Settings: %s.", settings);
                report.line("Database size: %s.", one(s, "SELECT pg_size_pretty(pg_database_size(current_database()))"));
            } else {
                report.line("");
                report.line("Server: H2 %s (embedded, file database, MODE=PostgreSQL, CACHE_SIZE=%d KB).",
                        one(s, "SELECT H2VERSION()"), BenchDatabase.H2_CACHE_KB);
            }
            report.line("Rows: %s projects, %s deadlines, %s people, %s audit records.",
                    String.format(Locale.ROOT, "%,d", Long.parseLong(one(s, "SELECT COUNT(*) FROM project"))),
                    String.format(Locale.ROOT, "%,d", Long.parseLong(one(s, "SELECT COUNT(*) FROM deadline"))),
                    String.format(Locale.ROOT, "%,d", Long.parseLong(one(s, "SELECT COUNT(*) FROM project_person"))),
                    String.format(Locale.ROOT, "%,d", Long.parseLong(one(s, "SELECT COUNT(*) FROM audit_record"))));
        }
    }

    private static String one(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static int[] ints(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(t -> !t.isEmpty())
                .mapToInt(Integer::parseInt).toArray();
    }

    private static String memory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(l -> l.startsWith("MemTotal:"))
                    .map(l -> String.format(Locale.ROOT, "%.1f GiB",
                            Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                    .findFirst().orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
