package cn.egov.projects.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whole lifecycles, the application against Flowable, alternately in one JVM: for each database (in-memory H2,
 * embedded PostgreSQL with durable commits) and thread count, a warm-up of each, then rounds egov, Flowable, egov,
 * Flowable… of the same length. Medians of the rounds, their ratio, and what each cost and waited for.
 */
final class Lifecycles {

    private Lifecycles() {
    }

    static void main() {
        double warmup = Bench.seconds("bench.warmup", 10);
        double seconds = Bench.seconds("bench.seconds", 5);
        int rounds = Bench.integer("bench.rounds", 3);
        List<Integer> threads = Bench.list("bench.threads", "1,8").stream().map(Integer::parseInt).toList();
        List<String> databases = Bench.list("bench.databases", "h2,postgresql");
        Path report = Bench.dir().resolve("lifecycles.md");
        int cores = Runtime.getRuntime().availableProcessors();
        Bench.report(report, String.format(Locale.ROOT, "%n## Lifecycles against Flowable — %s%n%n"
                        + "%d cores; SHA-256 over 64 MiB in %d ms; load average %s; Java %s; warm-up %.0f s per engine "
                        + "and cell, %d rounds of %.0f s, alternating%n%n", LocalDateTime.now().withNano(0), cores,
                Measure.calibrationMillis(), Measure.loadAverage(), System.getProperty("java.version"), warmup,
                rounds, seconds));
        List<String> summary = new ArrayList<>();
        for (String database : databases) {
            PgServer pg = null;
            Engine egov;
            Engine flowable;
            double commitMs = -1;
            if (database.equals("h2")) {
                egov = new EgovEngine("egov", Bench.egovH2Url(), "sa", "");
                flowable = new FlowableEngine("flowable", "jdbc:h2:mem:flowable_bench;DB_CLOSE_DELAY=-1", "sa", "");
            } else if (database.equals("postgresql")) {
                pg = new PgServer(Bench.dir().resolve("pg"));
                Bench.report(report, String.format(Locale.ROOT, "PostgreSQL %s embedded: fsync=%s, synchronous_commit=%s, "
                                + "full_page_writes=%s, wal_sync_method=%s, shared_buffers=%s%n%n",
                        pg.setting("server_version"), pg.setting("fsync"), pg.setting("synchronous_commit"),
                        pg.setting("full_page_writes"), pg.setting("wal_sync_method"), pg.setting("shared_buffers")));
                commitMs = commitLatency(pg);
                egov = new EgovEngine("egov", pg.url("egov_bench"), "postgres", "postgres");
                trySettings(pg, report);
                flowable = new FlowableEngine("flowable", pg.url("flowable_bench"), "postgres", "postgres");
            } else {
                throw new IllegalArgumentException("bench.databases: h2 or postgresql, not " + database);
            }
            try {
                boolean first = true;
                for (int t : threads) {
                    // the first cell of a database also warms the JIT for both engines: longer
                    double w = first ? Bench.seconds("bench.warmup.first", 3 * warmup) : warmup;
                    first = false;
                    summary.add(cell(report, database, t, egov, flowable, pg, w, seconds, rounds, cores,
                            commitMs));
                }
                if (pg != null) {
                    storageFacts(pg, report);
                    statementFacts(pg, report);
                }
            } finally {
                egov.close();
                flowable.close();
                if (pg != null) {
                    pg.close();
                }
            }
        }
        Bench.report(report, "\n### Summary (medians)\n\n| database | threads | egov lifecycles/s | Flowable lifecycles/s "
                + "| ratio | egov CPU per lifecycle (JVM + PostgreSQL) | Flowable CPU per lifecycle |\n"
                + "|---|---:|---:|---:|---:|---|---|\n" + String.join("", summary) + "\n");
    }

    /**
     * {@code bench.pg.sql}: statements (separated by ";") run on egov's migrated database before the cells (or before
     * the size series' preload), to try a storage setting (say {@code ALTER TABLE project SET (fillfactor = 70)}) before writing it as a migration.
     */
    static void trySettings(PgServer pg, Path report) {
        String sql = System.getProperty("bench.pg.sql", "").trim();
        if (sql.isEmpty()) {
            return;
        }
        try (Connection c = DriverManager.getConnection(pg.url("egov_bench"), "postgres", "postgres");
             Statement statement = c.createStatement()) {
            for (String one : sql.split(";")) {
                if (!one.isBlank()) {
                    statement.execute(one);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("bench.pg.sql failed: " + e.getMessage(), e);
        }
        Bench.report(report, "egov's database before the cells: `" + sql + "`\n\n");
    }

    /** How egov's projects are stored after the cells: document sizes, HOT updates, TOAST use. */
    private static void storageFacts(PgServer pg, Path report) {
        try (Connection c = DriverManager.getConnection(pg.url("egov_bench"), "postgres", "postgres");
             Statement statement = c.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*), avg(pg_column_size(document))::int, "
                     + "max(pg_column_size(document)), avg(octet_length(document::text))::int, "
                     + "(SELECT n_tup_upd FROM pg_stat_user_tables WHERE relname = 'project'), "
                     + "(SELECT n_tup_hot_upd FROM pg_stat_user_tables WHERE relname = 'project'), "
                     + "pg_relation_size('project'), pg_total_relation_size('project') FROM project")) {
            rs.next();
            Bench.report(report, String.format(Locale.ROOT, "egov's project table after the cells: %d projects; "
                            + "a document stored in %d bytes on average (at most %d), %d as text; %d updates, %d "
                            + "of them HOT; table %d kB, with TOAST and indexes %d kB%n%n", rs.getLong(1),
                    rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getLong(5), rs.getLong(6), rs.getLong(7) / 1024,
                    rs.getLong(8) / 1024));
        } catch (SQLException e) {
            Bench.report(report, "egov's project table: cannot read its storage facts: " + e.getMessage() + "\n\n");
        }
    }

    /**
     * When the server was started with {@code pg_stat_statements} ({@code -Dbench.pg.conf=shared_preload_libraries=
     * pg_stat_statements}, and {@code -Dbench.pg.sql=CREATE EXTENSION pg_stat_statements}): every statement egov's
     * database ran during the cells (warm-ups included), with its calls per project created, the rows and the
     * server's time per call, and how often it was planned — what each lifecycle sends.
     */
    private static void statementFacts(PgServer pg, Path report) {
        try (Connection c = DriverManager.getConnection(pg.url("egov_bench"), "postgres", "postgres");
             Statement statement = c.createStatement()) {
            long projects;
            try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM project")) {
                rs.next();
                projects = Math.max(1, rs.getLong(1));
            }
            StringBuilder out = new StringBuilder("egov's statements (pg_stat_statements, over " + projects
                    + " projects):\n\n| calls per project | rows per call | ms per call | plans per call | statement |\n"
                    + "|---:|---:|---:|---:|---|\n");
            double calls = 0;
            try (ResultSet rs = statement.executeQuery("SELECT s.calls, s.rows, s.total_exec_time, s.plans, "
                    + "regexp_replace(s.query, '\\s+', ' ', 'g') FROM pg_stat_statements s "
                    + "JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = current_database() "
                    + "ORDER BY s.calls DESC LIMIT 40")) {
                while (rs.next()) {
                    long n = rs.getLong(1);
                    calls += n;
                    String query = rs.getString(5);
                    out.append(String.format(Locale.ROOT, "| %.2f | %.2f | %.3f | %.2f | `%s` |%n", (double) n / projects,
                            (double) rs.getLong(2) / n, rs.getDouble(3) / n, (double) rs.getLong(4) / n,
                            query.length() > 160 ? query.substring(0, 160) + "…" : query));
                }
            }
            out.append(String.format(Locale.ROOT, "%nIn all %.1f statements per project (the 40 most called).%n%n",
                    calls / projects));
            Bench.report(report, out.toString());
        } catch (SQLException e) {
            // no pg_stat_statements: nothing to tell
        }
    }

    /** Milliseconds of one lone durable commit (a one-row insert, 1 thread, 2 s): what fsync costs here. */
    private static double commitLatency(PgServer pg) {
        try (Connection c = DriverManager.getConnection(pg.url("postgres"), "postgres", "postgres");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS commit_probe (id bigserial PRIMARY KEY, note text)");
            long n = 0;
            long start = System.nanoTime();
            while (System.nanoTime() - start < 2_000_000_000L) {
                s.execute("INSERT INTO commit_probe (note) VALUES ('x')");
                n++;
            }
            return (System.nanoTime() - start) / 1e6 / n;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cell(Path report, String database, int threads, Engine egov, Engine flowable, PgServer pg,
                               double warmup, double seconds, int rounds, int cores, double commitMs) {
        String label = (database.equals("h2") ? "H2 in memory" : "PostgreSQL (fsync on)") + ", " + threads
                + (threads == 1 ? " thread" : " threads");
        System.out.printf(Locale.ROOT, "%n%s: warm-up%n", label);
        double egovWarm = warmUp(egov, threads, warmup, pg);
        double flowableWarm = warmUp(flowable, threads, warmup, pg);
        System.out.printf(Locale.ROOT, "  warmed up: egov %.0f s, flowable %.0f s%n", egovWarm, flowableWarm);
        List<Measure.Result> e = new ArrayList<>();
        List<Measure.Result> f = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            e.add(Measure.run(egov.name(), threads, seconds, pg, egov::lifecycle));
            f.add(Measure.run(flowable.name(), threads, seconds, pg, flowable::lifecycle));
            System.out.printf(Locale.ROOT, "  round %d: egov %.1f/s, flowable %.1f/s%n", r + 1,
                    e.get(r).perSecond(), f.get(r).perSecond());
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n### %s%n%n", label));
        out.append(String.format(Locale.ROOT, "Warm-up until the JIT had settled: egov %.0f s, Flowable %.0f s.%n%n",
                egovWarm, flowableWarm));
        if (commitMs > 0) {
            out.append(String.format(Locale.ROOT, "A lone durable commit (one-row insert, 1 thread): %.2f ms.%n%n",
                    commitMs));
        }
        out.append("| engine | lifecycles/s (median) | rounds | CPU per lifecycle: JVM + PostgreSQL | per call "
                + "| cores busy | WAL flushes per lifecycle | flush time per lifecycle | worker threads on CPU / "
                + "blocked or waiting in the JVM | PostgreSQL backends running / in WAL flush / on locks / idle in "
                + "transaction | errors |\n|---|---:|---|---|---:|---:|---:|---:|---|---|---:|\n");
        Measure.Result em = row(out, e);
        Measure.Result fm = row(out, f);
        double ratio = em.perSecond() / fm.perSecond();
        out.append(String.format(Locale.ROOT, "%nRatio egov / Flowable: **%.2f×**.%n%n", ratio));
        out.append(bounds(em, threads, cores, commitMs)).append(bounds(fm, threads, cores, commitMs));
        Bench.report(report, out.toString());
        return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.2f× | %s | %s |%n", database, threads,
                em.perSecond(), fm.perSecond(), ratio, cpu(em), cpu(fm));
    }

    /**
     * {@code bench.warmup} seconds of the engine, then on while the JIT still compiles ({@link Measure#warmUp}): more
     * than {@code bench.warmup.jit} (1 %) of each further {@code bench.warmup.slice} (5 s), at most
     * {@code bench.warmup.max} seconds (120) in all.
     */
    private static double warmUp(Engine engine, int threads, double warmup, PgServer pg) {
        return Measure.warmUp(engine.name(), threads, warmup, Bench.seconds("bench.warmup.slice", 5),
                Math.max(warmup, Bench.seconds("bench.warmup.max", 120)), Bench.number("bench.warmup.jit", 0.01), pg,
                engine::lifecycle);
    }

    private static String cpu(Measure.Result r) {
        return r.pgMsPerUnit() < 0 ? String.format(Locale.ROOT, "%.2f ms", r.jvmMsPerUnit())
                : String.format(Locale.ROOT, "%.2f + %.2f = %.2f ms", r.jvmMsPerUnit(), r.pgMsPerUnit(),
                r.cpuMsPerUnit());
    }

    /** Writes the row of the round with the median rate and returns that round. */
    private static Measure.Result row(StringBuilder out, List<Measure.Result> results) {
        List<Measure.Result> sorted = results.stream()
                .sorted((a, b) -> Double.compare(a.perSecond(), b.perSecond())).toList();
        Measure.Result m = sorted.get(sorted.size() / 2);
        String rounds = String.join(" / ", results.stream()
                .map(r -> String.format(Locale.ROOT, "%.1f", r.perSecond())).toList());
        double[] b = m.pgBackends();
        out.append(String.format(Locale.ROOT, "| %s | **%.1f** | %s | %s | %.3f ms | %.2f | %s | %s | %.0f%% / %.0f%% "
                        + "| %s | %d%s |%n",
                m.engine(), m.perSecond(), rounds, cpu(m), m.cpuMsPerUnit() / Days.STEPS, m.coresBusy(),
                m.walSyncs() < 0 ? "–" : String.format(Locale.ROOT, "%.1f", m.walSyncs() / m.units()),
                m.walSyncMs() < 0 ? "–" : String.format(Locale.ROOT, "%.1f ms", m.walSyncMs() / m.units()),
                100 * m.workerCpuShare(), 100 * m.workerBlockedShare(),
                m.pgMsPerUnit() < 0 ? "–" : String.format(Locale.ROOT, "%.2f / %.2f / %.2f / %.2f", b[0], b[1], b[2],
                        b[3]),
                m.errors(), m.firstError() == null ? "" : " (" + m.firstError() + ")"));
        return m;
    }

    /**
     * What bounds a figure: on one thread the lifecycle is a chain (JVM, then database, then the commit's flush) so
     * the CPU bound is one core over the CPU per lifecycle, and the flushes add their time; on N threads the CPU bound
     * is the machine's cores over it, and the WAL device is busy for the flush time per lifecycle.
     */
    private static String bounds(Measure.Result m, int threads, int cores, double commitMs) {
        double cpuMs = m.cpuMsPerUnit();
        double cpuBound = Math.min(threads, cores) * 1000 / cpuMs;
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "- %s: CPU bound %.0f lifecycles/s (%d core%s / %.2f ms): measured at %.0f%% of it, with %.2f of the "
                        + "machine's %d cores busy for it",
                m.engine(), cpuBound, Math.min(threads, cores), Math.min(threads, cores) == 1 ? "" : "s", cpuMs,
                100 * m.perSecond() / cpuBound, m.coresBusy(), cores));
        if (m.walSyncs() >= 0) {
            double flushMs = m.walSyncMs() / m.units();
            double flushes = m.walSyncs() / m.units();
            if (threads == 1) {
                double chain = 1000 / (cpuMs + flushMs);
                s.append(String.format(Locale.ROOT, "; CPU plus the %.1f WAL flushes (%.1f ms) in the chain: %.0f/s, "
                        + "measured at %.0f%% of it", flushes, flushMs, chain, 100 * m.perSecond() / chain));
            } else {
                double device = m.walSyncMs() / 1000 / m.seconds();
                s.append(String.format(Locale.ROOT, "; the WAL device flushing %.0f%% of the time (%.1f flushes, "
                        + "%.1f ms per lifecycle; flush-bound at %.0f/s)", 100 * device, flushes, flushMs,
                        1000 / flushMs));
            }
            if (commitMs > 0) {
                s.append(String.format(Locale.ROOT, "; a lone commit %.2f ms", commitMs));
            }
        }
        // the JVM's CPU per lifecycle is the whole process's over the round: its threads besides the workers (the JIT
        // compiler, the collector, the pg_stat_activity sampler) weigh more per lifecycle the fewer lifecycles a
        // second there are
        s.append(String.format(Locale.ROOT, "; of the JVM's %.2f ms per lifecycle the worker threads' own %.2f ms",
                m.jvmMsPerUnit(), m.workerCpuShare() * threads * m.seconds() * 1000 / m.units()));
        if (m.jvmKernelMs() >= 0) {
            s.append(String.format(Locale.ROOT, "; the JVM's CPU in the kernel %.2f ms per lifecycle, its read and "
                    + "write system calls %.0f and %.0f per lifecycle", m.jvmKernelMs() / m.units(),
                    (double) m.jvmReads() / m.units(), (double) m.jvmWrites() / m.units()));
        }
        s.append(String.format(Locale.ROOT, "; the JIT's compiling %.3f ms and the collectors' %.3f ms per lifecycle",
                m.compileMs() / m.units(), m.gcMs() / m.units()));
        s.append(String.format(Locale.ROOT, "; worker threads blocked or waiting in the JVM %.0f%% of their time",
                100 * m.workerBlockedShare()));
        if (m.walSyncs() >= 0) {
            s.append(String.format(Locale.ROOT, ", PostgreSQL backends on locks %.2f on average",
                    m.pgBackends()[2]));
        }
        return s.append(".\n").toString();
    }
}
