package cn.egov.projects.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a piece of work flat out on N threads for a while and tells what it cost: completed units per second, CPU
 * of the JVM and of PostgreSQL per unit, WAL flushes per unit, and where the time of the worker threads went.
 */
final class Measure {

    private static final Logger LOG = LoggerFactory.getLogger(Measure.class);

    /** The figures of one run. */
    record Result(String engine, int threads, long units, double seconds, double jvmCpuMs, double pgCpuMs,
                  double walSyncs, double walSyncMs, double workerCpuShare, double workerBlockedShare,
                  double[] pgBackends, long errors, String firstError, double gcMs, double walFpi,
                  double walBytes, double jvmKernelMs, long jvmReads, long jvmWrites, double compileMs) {

        double perSecond() {
            return units / seconds;
        }

        /** CPU per unit in milliseconds: JVM + PostgreSQL (when there is one). */
        double cpuMsPerUnit() {
            return (jvmCpuMs + Math.max(0, pgCpuMs)) / units;
        }

        double jvmMsPerUnit() {
            return jvmCpuMs / units;
        }

        double pgMsPerUnit() {
            return pgCpuMs < 0 ? -1 : pgCpuMs / units;
        }

        /** Share of the machine's cores the run kept busy (JVM + PostgreSQL). */
        double coresBusy() {
            return (jvmCpuMs + Math.max(0, pgCpuMs)) / 1000 / seconds;
        }
    }

    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    static {
        if (THREADS.isThreadContentionMonitoringSupported()) {
            THREADS.setThreadContentionMonitoringEnabled(true);
        }
    }

    /**
     * The worker threads, kept from run to run as a server keeps its workers: a thread new to each round would set up
     * its thread-local state (a keyed HMAC, buffers, caches) again within the round, which weighs on short rounds.
     */
    private static final java.util.concurrent.ExecutorService WORKERS =
            java.util.concurrent.Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r);
                t.setDaemon(true);
                return t;
            });

    private Measure() {
    }

    static Result run(String engine, int threads, double seconds, PgServer pg, Runnable unit) {
        return run(engine, threads, seconds, Long.MAX_VALUE, pg, unit);
    }

    /** {@link #run(String, int, double, PgServer, Runnable)} that also stops after {@code maxUnits} units. */
    static Result run(String engine, int threads, double seconds, long maxUnits, PgServer pg, Runnable unit) {
        AtomicLong claimed = new AtomicLong();
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        AtomicLong workerCpu = new AtomicLong();
        AtomicLong workerBlocked = new AtomicLong();
        long[] pgSamples = new long[5];
        List<Runnable> workers = new ArrayList<>();
        long gc0 = gcMillis();
        long jit0 = compileMillis();
        long jvm0 = OS.getProcessCpuTime();
        long[] proc0 = ownKernelAndCalls();
        long pg0 = pg == null ? 0 : pg.cpuNanos();
        double[] wal0 = pg == null ? null : pg.walSyncs();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        for (int t = 0; t < threads; t++) {
            String name = engine + "-" + t;
            workers.add(() -> {
                Thread.currentThread().setName(name);
                long cpu0 = THREADS.getCurrentThreadCpuTime();
                ThreadInfo i0 = THREADS.getThreadInfo(Thread.currentThread().getId());
                while (System.nanoTime() < end && claimed.getAndIncrement() < maxUnits) {
                    try {
                        unit.run();
                        done.incrementAndGet();
                    } catch (RuntimeException e) {
                        if (errors.incrementAndGet() == 1) {
                            firstError.set(e.toString());
                            LOG.warn("the first failed unit of work", e);
                        }
                        if (errors.get() > 100) {
                            break;
                        }
                    }
                }
                ThreadInfo i1 = THREADS.getThreadInfo(Thread.currentThread().getId());
                workerCpu.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu0);
                if (i0 != null && i1 != null && i1.getBlockedTime() >= 0) {
                    workerBlocked.addAndGet((i1.getBlockedTime() - i0.getBlockedTime()
                            + i1.getWaitedTime() - i0.getWaitedTime()) * 1_000_000L);
                }
            });
        }
        Thread sampler = pg == null ? null : new Thread(() -> sample(pg, end, pgSamples), "pg-sampler");
        List<java.util.concurrent.Future<?>> running = workers.stream().map(WORKERS::submit).toList();
        if (sampler != null) {
            sampler.start();
        }
        for (java.util.concurrent.Future<?> w : running) {
            try {
                w.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        long elapsed = System.nanoTime() - start;
        if (sampler != null) {
            try {
                sampler.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        long jvm1 = OS.getProcessCpuTime();
        long[] proc1 = ownKernelAndCalls();
        long pg1 = pg == null ? 0 : pg.cpuNanos();
        double[] wal1 = pg == null ? null : pg.walSyncs();
        double[] backends = new double[4];
        if (pgSamples[4] > 0) {
            for (int i = 0; i < 4; i++) {
                backends[i] = (double) pgSamples[i] / pgSamples[4];
            }
        }
        double workerWall = (double) elapsed * threads;
        return new Result(engine, threads, done.get(), elapsed / 1e9, (jvm1 - jvm0) / 1e6,
                pg == null ? -1 : (pg1 - pg0) / 1e6,
                pg == null ? -1 : wal1[0] - wal0[0], pg == null ? -1 : wal1[1] - wal0[1],
                workerCpu.get() / workerWall, workerBlocked.get() / workerWall, backends, errors.get(),
                firstError.get(), gcMillis() - gc0, pg == null ? -1 : wal1[2] - wal0[2],
                pg == null ? -1 : wal1[3] - wal0[3], proc0[0] < 0 ? -1 : (proc1[0] - proc0[0]) * 1000.0 / TICKS,
                proc1[1] - proc0[1], proc1[2] - proc0[2], compileMillis() - jit0);
    }

    /**
     * Warms {@code unit} up: {@code seconds} flat out, then on in slices of {@code slice} seconds for as long as the
     * JIT's compiler threads spent more than {@code jitShare} of the slice's time compiling, up to {@code maxSeconds}
     * in all. A method run once per unit (a whole use case, a domain step) reaches the optimising compiler only after
     * some ten thousand units, so a warm-up of fixed length ends before some of them are compiled and the rounds pay
     * for it: the rounds should measure the steady state a server runs in. Returns the seconds the warm-up took.
     */
    static double warmUp(String engine, int threads, double seconds, double slice, double maxSeconds, double jitShare,
                         PgServer pg, Runnable unit) {
        long start = System.nanoTime();
        run(engine, threads, seconds, pg, unit);
        double spent = seconds;
        while (spent + slice <= maxSeconds) {
            Result r = run(engine, threads, slice, pg, unit);
            spent += r.seconds();
            if (r.compileMs() <= jitShare * r.seconds() * 1000) {
                break;
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static final long TICKS = 100; // USER_HZ on Linux

    /**
     * The JVM's CPU time in the kernel so far (clock ticks, {@code /proc/self/stat}) and its read and write system
     * calls ({@code /proc/self/io}: each exchange with PostgreSQL is at least one write and one read, so these count
     * the round trips, whatever else the JVM reads and writes besides); -1 where Linux's files are absent.
     */
    static long[] ownKernelAndCalls() {
        long[] out = {-1, -1, -1};
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
            out[0] = Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[12]);
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/io"))) {
                if (line.startsWith("syscr:")) {
                    out[1] = Long.parseLong(line.substring(6).trim());
                } else if (line.startsWith("syscw:")) {
                    out[2] = Long.parseLong(line.substring(6).trim());
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux: not told
        }
        return out;
    }

    /** Time the JVM's collectors have taken so far (their pauses and cycles, as the JVM counts them), in ms. */
    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
    }

    /** Time the JIT's compiler threads have spent compiling so far, in ms (0 where the JVM does not tell). */
    private static long compileMillis() {
        var jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /** Milliseconds between two looks at PostgreSQL's backends: few enough to cost little CPU per unit. */
    private static final long SAMPLE_MILLIS = Long.getLong("bench.sample.ms", 100);

    /** Looks at PostgreSQL's client backends every 100 ms until the run ends (the sampler's own CPU is counted). */
    private static void sample(PgServer pg, long end, long[] totals) {
        try {
            Statement s = pg.samplerStatement();
            while (System.nanoTime() < end) {
                int[] counts = pg.sample(s);
                for (int i = 0; i < 4; i++) {
                    totals[i] += counts[i];
                }
                totals[4]++;
                Thread.sleep(SAMPLE_MILLIS);
            }
        } catch (SQLException e) {
            LOG.warn("pg_stat_activity sampling stopped: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Milliseconds one thread takes for SHA-256 over 64 MiB, best of three: how fast a core is just now. */
    static long calibrationMillis() {
        byte[] block = new byte[1 << 20];
        long best = Long.MAX_VALUE;
        try {
            for (int round = 0; round < 3; round++) {
                java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
                long t0 = System.nanoTime();
                for (int i = 0; i < 64; i++) {
                    sha.update(block);
                }
                sha.digest();
                best = Math.min(best, (System.nanoTime() - t0) / 1_000_000);
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return best;
    }

    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
