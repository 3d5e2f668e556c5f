package cn.egov.projects.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar benchmarks/target/benchmarks.jar [lifecycles|sizes|jmh …]} (default: lifecycles, then sizes).
 * Settings as system properties (BENCHMARKS.md, "Lifecycles against Flowable").
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        // before any logger exists: this module's quiet configuration, not the bootstrap's (both are on the path)
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "bench-logback.xml");
        }
        String what = args.length == 0 ? "all" : args[0];
        switch (what) {
            case "jmh" -> org.openjdk.jmh.Main.main(Arrays.copyOfRange(args, 1, args.length));
            case "lifecycles" -> Lifecycles.main();
            case "sizes" -> SizeSeries.main();
            case "all" -> {
                Lifecycles.main();
                SizeSeries.main();
            }
            default -> {
                System.err.println("usage: java -jar benchmarks.jar [all|lifecycles|sizes|jmh [JMH options]]");
                System.exit(2);
            }
        }
        System.exit(0);
    }

    static double seconds(String name, double fallback) {
        return number(name, fallback);
    }

    static double number(String name, double fallback) {
        return Double.parseDouble(System.getProperty(name, Double.toString(fallback)));
    }

    static int integer(String name, int fallback) {
        return Integer.parseInt(System.getProperty(name, Integer.toString(fallback)));
    }

    static List<String> list(String name, String fallback) {
        return Arrays.stream(System.getProperty(name, fallback).split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
    }

    static Path dir() {
        Path dir = Path.of(System.getProperty("bench.dir", "benchmarks/target/bench")).toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** The H2 URL as the application builds it ({@code DatabaseSettings.embeddedH2}), in memory. */
    static String egovH2Url() {
        return "jdbc:h2:mem:egov_bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }

    static void report(Path file, String text) {
        System.out.print(text);
        try {
            Files.writeString(file, text, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
