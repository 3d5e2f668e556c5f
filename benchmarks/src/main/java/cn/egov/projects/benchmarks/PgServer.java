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

    Connection newAdminConnection() throws SQLException {
        return DriverManager.getConnection(url("postgres"), "postgres", "postgres");
    }

    @Override
    public void close() {
        try {
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
