package cn.egov.projects.persistence.bench;

import com.sun.management.OperatingSystemMXBean;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time spent so far by this JVM and by the PostgreSQL server (the postmaster named by {@code postmaster.pid}
 * in its data directory, and its children), read from {@code /proc}: what a transition costs in CPU on the
 * machine, where both share two cores. The server's share is unknown (-1) for an external server.
 */
final class CpuClock {

    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private final Path postgresDataDir;

    CpuClock(Path postgresDataDir) {
        this.postgresDataDir = postgresDataDir;
    }

    long jvmNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The server's CPU time in nanoseconds, or -1 when it cannot be read. */
    long postgresNanos() {
        if (postgresDataDir == null) {
            return -1;
        }
        try {
            List<String> pidFile = Files.readAllLines(postgresDataDir.resolve("postmaster.pid"));
            String postmaster = pidFile.get(0).trim();
            long ticks = 0;
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    String[] stat = stat(proc);
                    if (stat == null) {
                        continue;
                    }
                    String pid = proc.getFileName().toString();
                    // fields after "(comm)": state ppid ... utime(14) stime(15) cutime(16) cstime(17)
                    if (pid.equals(postmaster) || stat[1].equals(postmaster)) {
                        ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                    }
                }
            }
            return ticks * 1_000_000_000L / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The fields of /proc/PID/stat after the command name, or null when the process is gone. */
    private static String[] stat(Path proc) {
        try {
            String text = Files.readString(proc.resolve("stat"));
            return text.substring(text.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Milliseconds one thread takes for a fixed piece of work (SHA-256 over 64 MiB, best of three): how fast the
     * machine's cores are just now. On a shared virtual machine this varies between runs, and the figures with it.
     */
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

    /** The load average over the last minute, as the machine reports it. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
