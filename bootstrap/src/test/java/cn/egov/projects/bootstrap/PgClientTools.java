package cn.egov.projects.bootstrap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import org.junit.jupiter.api.Assumptions;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The machine's PostgreSQL client tools ({@code pg_dump}, {@code pg_restore}: on the PATH, else the newest under
 * {@code /usr/lib/postgresql/*}/bin), and a real server they can work with. pg_dump refuses a server newer than
 * itself, so the server is the newest of the embedded builds the tests have — 17 on the test classpath, 14 copied
 * beside it by the build ({@code target/postgres-servers}) — whose major version is not above the client's. A newer
 * client (say 17) then uses the newer server without any change here.
 *
 * <p>Missing tools fail a CI run ({@code CI} set; {@code .ci/run} installs Debian's {@code postgresql-client}) and
 * are reported as an aborted test elsewhere.
 */
record PgClientTools(Path pgDump, Path pgRestore, int major, boolean onPath) {

    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\)\\s+(\\d+)");
    /** The embedded servers there are: major version, and where its binaries come from (null: the classpath). */
    private static final List<Object[]> SERVERS = List.of(new Object[]{17, null},
            new Object[]{14, Path.of("target", "postgres-servers", "postgres-14.jar")});

    /** The tools, or the test aborted (failed under CI) when there are none. */
    static PgClientTools find() {
        Optional<PgClientTools> found = locate();
        if (found.isEmpty()) {
            String message = "no pg_dump/pg_restore on the PATH or under /usr/lib/postgresql/*/bin "
                    + "(apt-get install postgresql-client; .ci/run installs it)";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("CI needs the PostgreSQL client tools: " + message);
            }
            Assumptions.abort(message);
        }
        return found.get();
    }

    private static Optional<PgClientTools> locate() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isBlank() && usable(Path.of(dir))) {
                    return Optional.of(of(Path.of(dir), true));
                }
            }
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(PgClientTools::usable)
                    .max(Comparator.comparingInt(PgClientTools::versionOf))
                    .map(bin -> of(bin, false));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean usable(Path bin) {
        return Files.isExecutable(bin.resolve("pg_dump")) && Files.isExecutable(bin.resolve("pg_restore"));
    }

    private static int versionOf(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static PgClientTools of(Path bin, boolean onPath) {
        Path pgDump = bin.resolve("pg_dump");
        return new PgClientTools(pgDump, bin.resolve("pg_restore"), major(pgDump), onPath);
    }

    /** The major version pg_dump says it is ({@code pg_dump (PostgreSQL) 15.18 (Debian …)}). */
    static int major(Path pgDump) {
        try {
            Process p = new ProcessBuilder(pgDump.toString(), "--version").redirectErrorStream(true).start();
            p.getOutputStream().close();
            String printed;
            try (InputStream in = p.getInputStream()) {
                printed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(pgDump + " --version failed: " + printed);
            }
            Matcher m = VERSION.matcher(printed);
            if (!m.find()) {
                throw new IllegalStateException("cannot read the version of " + pgDump + ": " + printed);
            }
            return Integer.parseInt(m.group(1));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + pgDump + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The directory of the tools. */
    Path bin() {
        return pgDump.getParent();
    }

    /** The major version of the server {@link #startServer} starts: the newest not above the client's. */
    int serverMajor() {
        List<Integer> fit = new ArrayList<>();
        for (Object[] server : SERVERS) {
            if ((Integer) server[0] <= major) {
                fit.add((Integer) server[0]);
            }
        }
        if (fit.isEmpty()) {
            throw new IllegalStateException("the PostgreSQL client " + major + " is older than every embedded server "
                    + "the tests have (14, 17): install a newer postgresql-client");
        }
        return fit.stream().max(Integer::compare).orElseThrow();
    }

    /** A running server the tools can dump, with its files in {@code dataDir}; the caller closes it. */
    EmbeddedPostgres startServer(Path dataDir) throws IOException {
        int wanted = serverMajor();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(dataDir)
                .setCleanDataDirectory(true).setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("fsync", "off");
        for (Object[] server : SERVERS) {
            if ((Integer) server[0] == wanted && server[1] != null) {
                Path jar = (Path) server[1];
                if (!Files.isRegularFile(jar)) {
                    throw new IllegalStateException("the PostgreSQL " + wanted + " binaries are not at " + jar
                            + " (the build copies them: mvn generate-test-resources in bootstrap)");
                }
                builder.setPgBinaryResolver(fromJar(jar));
            }
        }
        return builder.start();
    }

    /** The server build inside a zonky binaries jar ({@code postgres-linux-x86_64.txz}). */
    private static PgBinaryResolver fromJar(Path jar) {
        return (system, hardware) -> {
            String name = "postgres-" + system + "-" + hardware + ".txz";
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                ZipEntry entry = zip.getEntry(name);
                if (entry == null) {
                    // the jar is of one platform: its one archive
                    entry = zip.stream().filter(e -> e.getName().endsWith(".txz")).findFirst().orElse(null);
                }
                if (entry == null) {
                    throw new IOException(jar + " has no " + name);
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    return new ByteArrayInputStream(in.readAllBytes());
                }
            }
        };
    }
}
