package cn.egov.projects.persistence.bench;

import cn.egov.projects.persistence.Database;
import cn.egov.projects.persistence.DatabaseSettings;
import cn.egov.projects.persistence.TestDirs;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What durable commits cost on the embedded H2 database: small write transactions (one row of about 1 KB, as an
 * audit record is) committed by 1, 4 and 16 threads, on a file database opened as the application opens it (every
 * commit on disk before it returns, the store header kept on the newest chunk), on one with synchronous writes but
 * H2's own store header (as the application opened it before: a commit could be lost to a crash) and on one opened
 * with H2's own default (commits written within 500 ms), in alternating rounds of the same length. A program in the test sources that no build phase runs:
 * {@code mvn -o -pl adapter-persistence test-compile exec:java
 * -Dexec.mainClass=cn.egov.projects.persistence.bench.CommitBenchmark} (options {@code -Dbench.seconds=5},
 * {@code -Dbench.rounds=3}, {@code -Dbench.threads=1,4,16}, {@code -Dbench.dir=target}: a directory on the disk to
 * measure, not a memory file system).
 */
public final class CommitBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(CommitBenchmark.class);
    private static final String OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    private static final String SHIPPED = "durable (as shipped)";
    private static final String BEFORE = "synchronous writes, H2's header";
    private static final String DEFAULT = "H2 default (WRITE_DELAY=500)";

    /** Synchronous writes to the store file and nothing else: what the application opened before its header channel. */
    public static final class SynchronousWritesOnly extends FilePathWrapper {
        /** H2 makes one per path it opens, by reflection. */
        public SynchronousWritesOnly() {
        }

        @Override
        public String getScheme() {
            return "syncwrites";
        }

        @Override
        public FileChannel open(String mode) throws IOException {
            return getBase().open(name.endsWith(".mv.db") && "rw".equals(mode) ? "rwd" : mode);
        }
    }

    private CommitBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 5);
        int rounds = Integer.getInteger("bench.rounds", 3);
        List<Integer> threads = new ArrayList<>();
        for (String t : System.getProperty("bench.threads", "1,4,16").split(",")) {
            threads.add(Integer.parseInt(t.trim()));
        }
        Path parent = Files.createDirectories(Path.of(System.getProperty("bench.dir", "target")));
        Path dir = Files.createTempDirectory(parent, "commit-bench-");
        Map<String, DatabaseSettings> kinds = new LinkedHashMap<>();
        kinds.put(SHIPPED, DatabaseSettings.embeddedH2(dir.resolve("durable")));
        FilePath.register(new SynchronousWritesOnly());
        kinds.put(BEFORE, new DatabaseSettings("jdbc:h2:syncwrites:" + dir.resolve("before").resolve("egov")
                .toAbsolutePath() + OPTIONS + ";WRITE_DELAY=0", "sa", ""));
        // H2's own default: the nio file system is left as it is, commits reach the file within WRITE_DELAY
        kinds.put(DEFAULT, new DatabaseSettings("jdbc:h2:nio:"
                + dir.resolve("plain").resolve("egov").toAbsolutePath() + OPTIONS, "sa", ""));
        Map<String, Database> open = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, DatabaseSettings> e : kinds.entrySet()) {
                Database db = Database.open(e.getValue());
                open.put(e.getKey(), db);
                try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE bench_commit (id UUID PRIMARY KEY, body VARCHAR(2000) NOT NULL)");
                }
            }
            Map<String, List<Double>> perSecond = new LinkedHashMap<>();
            for (int round = 1; round <= rounds; round++) {
                for (int n : threads) {
                    for (Map.Entry<String, Database> e : open.entrySet()) {
                        double rate = run(e.getValue(), n, seconds);
                        perSecond.computeIfAbsent(e.getKey() + " @" + n, k -> new ArrayList<>()).add(rate);
                        LOG.info("round {} {} threads {}: {} commits/s", round, n, e.getKey(),
                                String.format(Locale.ROOT, "%.0f", rate));
                    }
                }
            }
            StringBuilder report = new StringBuilder("\n| threads | " + SHIPPED + " | " + BEFORE + " | " + DEFAULT
                    + " | shipped / before | shipped / default |\n|---:|---:|---:|---:|---:|---:|\n");
            for (int n : threads) {
                double shipped = median(perSecond.get(SHIPPED + " @" + n));
                double before = median(perSecond.get(BEFORE + " @" + n));
                double plain = median(perSecond.get(DEFAULT + " @" + n));
                report.append(String.format(Locale.ROOT, "| %d | %.0f | %.0f | %.0f | %.2f | %.2f |%n", n, shipped,
                        before, plain, shipped / before, shipped / plain));
            }
            LOG.info("median commits per second over {} rounds of {} s:{}", rounds, seconds, report);
        } finally {
            open.values().forEach(Database::close);
            TestDirs.deleteRecursively(dir);
        }
    }

    private static double run(Database db, int threads, int seconds) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong commits = new AtomicLong();
        CountDownLatch done = new CountDownLatch(threads);
        String body = "审计记录".repeat(80);
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try (Connection c = db.dataSource().getConnection();
                     PreparedStatement insert = c.prepareStatement("INSERT INTO bench_commit VALUES (?, ?)")) {
                    c.setAutoCommit(false);
                    while (!stop.get()) {
                        insert.setObject(1, UUID.randomUUID());
                        insert.setString(2, body);
                        insert.executeUpdate();
                        c.commit();
                        commits.incrementAndGet();
                    }
                } catch (SQLException e) {
                    LOG.error("benchmark worker failed", e);
                } finally {
                    done.countDown();
                }
            });
            worker.start();
        }
        long started = System.nanoTime();
        // the workers run until told to stop: this bounded wait is the length of the round
        done.await(seconds, TimeUnit.SECONDS);
        stop.set(true);
        long counted = commits.get();
        double elapsed = (System.nanoTime() - started) / 1e9;
        done.await();
        return counted / elapsed;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
