package cn.egov.projects.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * The embedded PostgreSQL 17 both sides run on, with durable commits as shipped ({@code fsync}, {@code
 * synchronous_commit} and {@code full_page_writes} on, stated explicitly since the embedded server's builder turns
 * {@code synchronous_commit} off by default), in a fresh data directory. It tells what it spent: CPU of the postmaster
 * and its children from {@code /proc}, WAL flushes ({@code pg_stat_wal}), and what the client backends are doing
 * (sampled from {@code pg_stat_activity}).
 */
final class PgServer implements AutoCloseable {

    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private final EmbeddedPostgres pg;
    private final Path dataDir;
    private final Connection admin;

    PgServer(Path dataDir) {
        this.dataDir = dataDir;
        try {
            Files.createDirectories(dataDir.getParent());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(true)
                    .setPGStartupWait(Duration.ofSeconds(120))
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("track_wal_io_timing", "on")
                    .setServerConfig("shared_buffers", System.getProperty("bench.pg.shared_buffers", "512MB"))
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("max_connections", "100");
            // bench.pg.conf: more server settings, "name=value;name=value" (e.g. shared_preload_libraries=
            // pg_stat_statements, to see what each use case sends: Lifecycles.statementFacts)
            for (String setting : System.getProperty("bench.pg.conf", "").split(";")) {
                int eq = setting.indexOf('=');
                if (eq > 0) {
                    builder.setServerConfig(setting.substring(0, eq).trim(), setting.substring(eq + 1).trim());
                }
            }
            this.pg = builder.start();
            for (String db : List.of("egov_bench", "flowable_bench")) {
                try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "postgres");
                     Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + db);
                }
            }
            this.admin = DriverManager.getConnection(url("postgres"), "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL did not start", e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    String url(String database) {
        return "jdbc:postgresql://localhost:" + pg.getPort() + "/" + database;
    }

    String setting(String name) {
        try (Statement s = admin.createStatement(); ResultSet rs = s.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            return "?";
        }
    }

    /** CPU time of the server so far, in nanoseconds: the postmaster (and its ended children) and its children. */
    long cpuNanos() {
        try {
            String postmaster = Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim();
            long ticks = 0;
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    String[] stat = stat(proc);
                    if (stat == null) {
                        continue;
                    }
                    // after "(comm)": state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14)
                    if (proc.getFileName().toString().equals(postmaster)) {
                        ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]) + Long.parseLong(stat[13])
                                + Long.parseLong(stat[14]);
                    } else if (stat[1].equals(postmaster)) {
                        ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                    }
                }
            }
            return ticks * 1_000_000_000L / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String[] stat(Path proc) {
        try {
            String text = Files.readString(proc.resolve("stat"));
            return text.substring(text.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** WAL flushes so far and the milliseconds they took: {@code {wal_sync, wal_sync_time}}. */
    double[] walSyncs() {
        try (Statement s = admin.createStatement();
             ResultSet rs = s.executeQuery("SELECT wal_sync, wal_sync_time, wal_fpi, wal_bytes FROM pg_stat_wal")) {
            rs.next();
            return new double[]{rs.getLong(1), rs.getDouble(2), rs.getLong(3), rs.getDouble(4)};
        } catch (SQLException e) {
            return new double[]{-1, -1, -1, -1};
        }
    }

    /**
     * One look at the client backends: how many are running (on CPU or runnable), waiting for a WAL flush, waiting
     * for a lock (heavyweight or lightweight, other than WAL), or idle in a transaction (waiting for the JVM).
     */
    int[] sample(Statement s) throws SQLException {
        int[] counts = new int[4];
        try (ResultSet rs = s.executeQuery("SELECT state, wait_event_type, wait_event FROM pg_stat_activity "
                + "WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() AND datname LIKE '%_bench'")) {
            while (rs.next()) {
                String state = rs.getString(1);
                String type = rs.getString(2);
                String event = rs.getString(3);
                if ("idle in transaction".equals(state)) {
                    counts[3]++;
                } else if (!"active".equals(state)) {
                    continue;
                } else if (type == null) {
                    counts[0]++;
                } else if (event != null && (event.startsWith("WAL") || event.equals("WALWrite"))) {
                    counts[1]++;
                } else if (type.equals("Lock") || type.equals("LWLock")) {
                    counts[2]++;
                }
            }
        }
        return counts;
    }

    /**
     * After a bulk load: {@code VACUUM (ANALYZE)} of the database and a {@code CHECKPOINT}, so that neither the
     * autovacuum of the new rows nor the checkpoint of their pages lands in the measurement that follows.
     */
    void settle(String database) {
        try (Connection c = DriverManager.getConnection(url(database), "postgres", "postgres");
             Statement s = c.createStatement()) {
            s.execute("VACUUM (ANALYZE)");
            s.execute("CHECKPOINT");
        } catch (SQLException e) {
            throw new IllegalStateException("could not settle " + database + ": " + e.getMessage(), e);
        }
    }

    /**
     * What the client backends have done with the buffer pool so far ({@code pg_stat_io}, relations):
     * {@code {reads, writes, evictions}} — a read is a page not in the pool (from the operating system's cache or the
     * disk), an eviction a page put out to make room, a write a dirty page a backend wrote itself (before which the
     * WAL must be flushed up to that page's last change); {-1, -1, -1} where the view is missing.
     */
    double[] io() {
        try (Statement s = admin.createStatement(); ResultSet rs = s.executeQuery("SELECT coalesce(sum(reads), 0), "
                + "coalesce(sum(writes), 0), coalesce(sum(evictions), 0) FROM pg_stat_io "
                + "WHERE backend_type = 'client backend' AND object = 'relation'")) {
            rs.next();
            return new double[]{rs.getDouble(1), rs.getDouble(2), rs.getDouble(3)};
        } catch (SQLException e) {
            return new double[]{-1, -1, -1};
        }
    }

    /** The server's current WAL position, or null. */
    String walLsn() {
        try (Statement s = admin.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_current_wal_lsn()")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            return null;
        }
    }

    /**
     * Where the WAL between two positions went, per relation of {@code database} (a TOAST table under its owner's
     * name): changed blocks, full-page images, distinct pages and bytes per unit of work, dearest first, and the WAL records that
     * changed them (counted over all units) — from {@code
     * pg_walinspect}, when the database has it ({@code -Dbench.pg.sql=CREATE EXTENSION pg_walinspect}); empty
     * otherwise.
     */
    List<String> walByRelation(String database, String from, String to, long units) {
        if (from == null || to == null || units <= 0) {
            return List.of();
        }
        String sql = "WITH b AS (SELECT coalesce(o.relname || ' (TOAST)', o2.relname || ' (TOAST index)', c.relname, "
                + "w.relfilenode::text) AS rel, w.relfilenode, w.relblocknumber, w.record_type, "
                + "coalesce(w.block_fpi_length, 0) + w.block_data_length AS bytes, w.block_fpi_length > 0 AS fpi "
                + "FROM pg_get_wal_block_info(?::pg_lsn, ?::pg_lsn) w "
                + "LEFT JOIN pg_class c ON c.relfilenode = w.relfilenode "
                + "LEFT JOIN pg_class o ON o.reltoastrelid = c.oid "
                + "LEFT JOIN pg_index ti ON ti.indexrelid = c.oid "
                + "LEFT JOIN pg_class o2 ON o2.reltoastrelid = ti.indrelid "
                + "WHERE w.relforknumber = 0 AND w.reldatabase = (SELECT oid FROM pg_database "
                + "WHERE datname = current_database())), "
                + "t AS (SELECT rel, record_type, count(*) AS n FROM b GROUP BY 1, 2) "
                + "SELECT b.rel, count(*), count(*) FILTER (WHERE fpi), count(DISTINCT (relfilenode, relblocknumber)), "
                + "sum(bytes), (SELECT string_agg(t.record_type || ' ' || t.n, ', ' ORDER BY t.n DESC) FROM t "
                + "WHERE t.rel = b.rel) FROM b GROUP BY 1 ORDER BY 3 DESC, 2 DESC";
        List<String> rows = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection(url(database), "postgres", "postgres");
             java.sql.PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, from);
            s.setString(2, to);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(String.format(java.util.Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %,.0f | %s |",
                            rs.getString(1), rs.getDouble(2) / units, rs.getDouble(3) / units,
                            rs.getDouble(4) / units, rs.getDouble(5) / units, rs.getString(6)));
                }
            }
        } catch (SQLException e) {
            return List.of();
        }
        return rows;
    }

    /**
     * Forgets what {@code pg_stat_statements} counted so far (all databases), so that {@link #statements} covers only
     * what runs from now on; false without the extension ({@code -Dbench.pg.conf=shared_preload_libraries=
     * pg_stat_statements} and {@code -Dbench.pg.sql=CREATE EXTENSION pg_stat_statements}).
     */
    boolean statementsReset(String database) {
        try (Connection c = DriverManager.getConnection(url(database), "postgres", "postgres");
             Statement s = c.createStatement()) {
            s.execute("SELECT pg_stat_statements_reset()");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * What {@code database}'s statements did since {@link #statementsReset}, per unit of work, dearest first: calls,
     * the server's time, and the shared buffers each call hit, read and dirtied — the pages a statement touches
     * grow with the tables where its cost does.
     */
    List<String> statements(String database, long units) {
        if (units <= 0) {
            return List.of();
        }
        String sql = "SELECT s.calls, s.total_exec_time, s.rows, s.shared_blks_hit, s.shared_blks_read, "
                + "s.shared_blks_dirtied, regexp_replace(s.query, '\\s+', ' ', 'g') FROM pg_stat_statements s "
                + "JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = current_database() "
                + "AND s.query NOT LIKE '%pg_stat_statements%' ORDER BY s.total_exec_time DESC LIMIT 25";
        List<String> rows = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection(url(database), "postgres", "postgres");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                double calls = rs.getLong(1);
                String query = rs.getString(7);
                rows.add(String.format(java.util.Locale.ROOT, "| %.2f | %.3f | %.3f | %.1f | %.2f | %.1f | %.2f | `%s` |",
                        calls / units, rs.getDouble(2) / units, rs.getDouble(2) / calls, rs.getLong(3) / calls,
                        rs.getLong(4) / calls, rs.getLong(5) / calls, rs.getLong(6) / calls,
                        query.length() > 120 ? query.substring(0, 120) + "…" : query));
            }
        } catch (SQLException e) {
            return List.of();
        }
        return rows;
    }

    private Statement sampler;

    /**
     * The statement the sampler looks at the backends with, on a connection of its own kept for the server's life
     * (one run's sampler at a time): a connection opened for each run would cost both sides a start-up in each round.
     */
    synchronized Statement samplerStatement() throws SQLException {
        if (sampler == null) {
            sampler = DriverManager.getConnection(url("postgres"), "postgres", "postgres").createStatement();
        }
        return sampler;
    }

    @Override
    public void close() {
        try {
            if (sampler != null) {
                sampler.getConnection().close();
            }
            admin.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
        try {
            pg.close();
        } catch (IOException e) {
            System.err.println("could not stop the embedded PostgreSQL: " + e.getMessage());
        }
    }
}
