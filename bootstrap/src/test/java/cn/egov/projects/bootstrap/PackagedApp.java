package cn.egov.projects.bootstrap;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The packaged application ({@code java -jar egov-projects.jar}) run as a child process in a working directory of
 * its own, as an operator runs it; for the tests that start, stop and kill it.
 */
final class PackagedApp implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    /** Set (true) by a benchmark: the application runs with the JVM's default compilers and collector. */
    static final String FULL_JIT = "egov.packaged.fullJit";

    /**
     * The classes of the application as a class-data archive, written by the first run of this test JVM that ends
     * normally (SIGTERM included) and mapped by every later run, which then starts about a third sooner: the tests
     * start the jar a dozen times. The JVM checks the archive against the jar and runs without it when it does not
     * match; a run killed before it wrote the archive leaves the next run to write it.
     */
    private static final Path CLASS_ARCHIVE = jar().resolveSibling("cds")
            .resolve("egov-" + ProcessHandle.current().pid() + ".jsa");
    private static final Path CLASS_ARCHIVE_PART = CLASS_ARCHIVE.resolveSibling(CLASS_ARCHIVE.getFileName() + ".part");
    /** The run writing {@link #CLASS_ARCHIVE_PART} at its exit, if any. */
    private static Process archiving;

    private final Path workDir;
    private final List<Process> started = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private int runs;

    PackagedApp(Path workDir) {
        this.workDir = workDir;
        assertThat(jar()).as("the packaged jar (system property egov.jar)").isRegularFile();
    }

    /** A run of the jar: its process and the file its output goes to. */
    record Run(Process process, Path log) {

        String output() {
            try {
                return Files.readString(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(cannot read " + log + ": " + e + ")";
            }
        }

        /** Waits for the process to end; false when it did not within the time. */
        boolean exited(long seconds) throws InterruptedException {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        }
    }

    static Path jar() {
        String jar = System.getProperty("egov.jar");
        assertThat(jar).as("system property egov.jar").isNotBlank();
        return Path.of(jar);
    }

    /** Runs the jar with these arguments and settings (and no EGOV_ setting of the test's own environment). */
    Run run(Map<String, String> env, String... args) throws IOException {
        Path log = workDir.resolve("run-" + (++runs) + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-Duser.timezone=Asia/Shanghai"));
        boolean writesArchive = false;
        if (!Boolean.getBoolean(FULL_JIT)) {
            // the tests start the application a dozen times: the quick compiler alone starts it sooner
            command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
            writesArchive = classArchiveOption(command);
        }
        command.addAll(List.of("-jar", jar().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = new HashMap<>(builder.environment());
        environment.keySet().removeIf(k -> k.startsWith("EGOV_"));
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.environment().putAll(env);
        Process process = builder.start();
        started.add(process);
        if (writesArchive) {
            archiving = process;
        }
        return new Run(process, log);
    }

    /**
     * Adds the class-archive option for the next run: use the archive once it is written, else have this run write
     * it unless another still may. True when this run is to write it.
     */
    private static synchronized boolean classArchiveOption(List<String> command) throws IOException {
        if (archiving != null && !archiving.isAlive()) {
            archiving = null;
            if (Files.isRegularFile(CLASS_ARCHIVE_PART)) {
                Files.move(CLASS_ARCHIVE_PART, CLASS_ARCHIVE, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        if (Files.isRegularFile(CLASS_ARCHIVE)) {
            command.add("-XX:SharedArchiveFile=" + CLASS_ARCHIVE);
            return false;
        }
        if (archiving != null) {
            return false;
        }
        Files.createDirectories(CLASS_ARCHIVE.getParent());
        Files.deleteIfExists(CLASS_ARCHIVE_PART);
        command.add("-XX:ArchiveClassesAtExit=" + CLASS_ARCHIVE_PART);
        return true;
    }

    /** {@code create-admin}, expected to succeed; the one-time-code secret it printed is kept for the requests. */
    void createAdmin(String username, String password) throws Exception {
        Run admin = run(Map.of("EGOV_ADMIN_PASSWORD", password),
                "create-admin", "--username", username, "--name", "管理员", "--unit", "TC-DSJ");
        assertThat(admin.exited(90)).as("create-admin finished").isTrue();
        assertThat(admin.process().exitValue()).as(admin::output).isZero();
        codes.put(username, OneTimeCodes.printed(admin.output()));
    }

    /** The one-time-code secrets of the administrators made, for {@link #get} and {@link #post}. */
    final OneTimeCodes codes = new OneTimeCodes();

    /** Adds a fresh one-time code for an HTTP Basic user that has a second factor. */
    private void withCode(HttpRequest.Builder request, String auth) {
        if (auth == null || !auth.startsWith("Basic ")) {
            return;
        }
        String decoded = new String(Base64.getDecoder().decode(auth.substring(6)), StandardCharsets.UTF_8);
        String code = codes.fresh(decoded.substring(0, decoded.indexOf(':')));
        if (code != null) {
            request.header("X-Egov-OTP", code);
        }
    }

    /**
     * Starts the server on this port and returns once {@code /health} answers 200. Until then any way the server
     * can fail to answer (refused, reset, closed, timed out) means "not yet"; the process ending means it failed.
     */
    Run startServer(int port, Map<String, String> env) throws Exception {
        Map<String, String> all = new HashMap<>(env);
        all.put("EGOV_HTTP_PORT", String.valueOf(port));
        Run run = run(all);
        awaitHealthy(run.process(), port, run::output);
        return run;
    }

    /**
     * Returns once the server process answers {@code /health} on this port with 200. Until then any way the server
     * can fail to answer (refused, reset, closed, timed out) means "not yet"; the process ending means it failed.
     */
    static void awaitHealthy(Process process, int port, Supplier<String> output) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                fail("the application exited with " + process.exitValue() + " before it was healthy:\n"
                        + output.get());
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // refused, reset or closed while the server starts, or no answer in time
            }
            // polls the condition above; the process gets on with starting meanwhile
            process.waitFor(100, TimeUnit.MILLISECONDS);
        }
        fail("the application was not healthy within " + START_TIMEOUT + ":\n" + output.get());
    }

    HttpResponse<String> get(int port, String path, String auth) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET();
        if (auth != null) {
            request.header("Authorization", auth);
            withCode(request, auth);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(int port, String path, String auth, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", auth)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        withCode(request, auth);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Kills every process still running (SIGKILL) and waits for it. */
    @Override
    public void close() throws InterruptedException {
        for (Process p : started) {
            if (p.isAlive()) {
                p.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
            }
        }
    }
}
