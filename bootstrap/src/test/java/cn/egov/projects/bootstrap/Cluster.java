package cn.egov.projects.bootstrap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Several packaged instances on one real PostgreSQL (embedded, its own files in the work directory) behind Debian's
 * nginx, each a child process, as an operator runs them: for the tests and the benchmark of several instances.
 * nginx runs with a configuration of its own ({@code nginx -c … -p … -g 'daemon off;'}; pid, logs and temporary
 * files in the work directory). Everything started is stopped by {@link #close()}.
 */
final class Cluster implements AutoCloseable {

    static final String NGINX = "/usr/sbin/nginx";

    private final Path workDir;
    private final PackagedApp app;
    private final EmbeddedPostgres postgres;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<PackagedApp.Run> instances = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();
    private final List<Process> nginxes = new ArrayList<>();

    Cluster(Path workDir) throws IOException {
        this.workDir = workDir;
        this.app = new PackagedApp(workDir);
        assertThat(Path.of(NGINX)).as("nginx (apt-get install nginx-light; .ci/run installs it)").isExecutable();
        Path data = Files.createDirectories(workDir.resolve("pg"));
        // the instances are killed, never PostgreSQL: its own crash safety is not what is tested, so no fsync
        postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(true)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("fsync", "off")
                .setServerConfig("max_connections", "100")
                .start();
    }

    /** The settings every instance gets: the shared database, and the local nginx as a trusted proxy. */
    Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("EGOV_DB_URL", "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres");
        env.put("EGOV_DB_USER", "postgres");
        env.put("EGOV_DB_PASSWORD", "postgres");
        env.put("EGOV_TRUSTED_PROXIES", "127.0.0.1");
        env.put("EGOV_AUDIT_KEY_FILE", workDir.resolve("audit.key").toString());
        env.put("EGOV_DATA_KEY_FILE", workDir.resolve("data.key").toString());
        return env;
    }

    PackagedApp app() {
        return app;
    }

    /**
     * Starts {@code count} instances at once (on an empty database they migrate it concurrently) and returns when
     * every one answers {@code /ready} 200.
     */
    List<Integer> startInstances(int count) throws Exception {
        List<Integer> started = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int port = PackagedApp.freePort();
            Map<String, String> env = env();
            env.put("EGOV_HTTP_PORT", String.valueOf(port));
            env.put("EGOV_UPLOADS_DIR", Files.createDirectories(workDir.resolve("uploads-" + port)).toString());
            instances.add(app.run(env));
            ports.add(port);
            started.add(port);
        }
        Instant deadline = Instant.now().plus(PackagedApp.START_TIMEOUT);
        for (int i = instances.size() - count; i < instances.size(); i++) {
            PackagedApp.Run run = instances.get(i);
            int port = ports.get(i);
            while (!ready(port)) {
                if (!run.process().isAlive()) {
                    fail("instance on port " + port + " exited with " + run.process().exitValue() + ":\n"
                            + run.output());
                }
                assertThat(Instant.now()).as(() -> "instance on port " + port + " not ready in time:\n"
                        + run.output()).isBefore(deadline);
                // polls the condition above; the process gets on with starting meanwhile
                run.process().waitFor(100, TimeUnit.MILLISECONDS);
            }
        }
        return started;
    }

    PackagedApp.Run instance(int index) {
        return instances.get(index);
    }

    int port(int index) {
        return ports.get(index);
    }

    /** {@code GET /ready} answered 200; any failure to answer (refused, reset, timed out) means not yet. */
    boolean ready(int port) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready"))
                    .timeout(Duration.ofSeconds(5)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Creates the first administrator (against the shared database), expected to succeed. */
    void createAdmin(String username, String password) throws Exception {
        Map<String, String> env = env();
        env.put("EGOV_ADMIN_PASSWORD", password);
        PackagedApp.Run admin = app.run(env, "create-admin", "--username", username, "--name", "管理员",
                "--unit", "TC-DSJ");
        assertThat(admin.exited(90)).as("create-admin finished").isTrue();
        assertThat(admin.process().exitValue()).as(admin::output).isZero();
        app.codes.put(username, OneTimeCodes.printed(admin.output()));
    }

    /**
     * Starts nginx in front of the instances on these ports (round robin; a refused connection or a 502/503 is
     * tried on the next instance, a request already sent is not) and returns its port once it answers.
     */
    int startNginx(List<Integer> upstreams) throws Exception {
        int nginxPort = PackagedApp.freePort();
        Path prefix = Files.createDirectories(workDir.resolve(nginxes.isEmpty() ? "nginx" : "nginx-" + nginxPort));
        Files.createDirectories(prefix.resolve("logs"));
        StringBuilder servers = new StringBuilder();
        for (int port : upstreams) {
            servers.append("        server 127.0.0.1:").append(port).append(" max_fails=1 fail_timeout=5s;\n");
        }
        String conf = """
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log warn;
                events { worker_connections 1024; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/client_body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    upstream egov {
                %2$s        keepalive 32;
                    }
                    server {
                        listen 127.0.0.1:%3$d;
                        client_max_body_size 60m;
                        location / {
                            proxy_pass http://egov;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_set_header Host $host;
                            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                            proxy_set_header X-Forwarded-Proto $scheme;
                            proxy_next_upstream error timeout http_502 http_503;
                            proxy_connect_timeout 2s;
                            proxy_read_timeout 60s;
                        }
                    }
                }
                """.formatted(prefix, servers, nginxPort);
        Path file = prefix.resolve("nginx.conf");
        Files.writeString(file, conf, StandardCharsets.UTF_8);
        // -e: the error log from the very start (before the configuration is read) in the prefix, not /var/log
        Process nginx = new ProcessBuilder(NGINX, "-e", prefix.resolve("logs/error.log").toString(), "-c",
                file.toString(), "-p", prefix.toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(prefix.resolve("logs/stdout.log").toFile()).start();
        nginxes.add(nginx);
        Instant deadline = Instant.now().plusSeconds(30);
        while (!ready(nginxPort)) {
            if (!nginx.isAlive()) {
                fail("nginx exited with " + nginx.exitValue() + ":\n" + nginxLog());
            }
            assertThat(Instant.now()).as(this::nginxLog).isBefore(deadline);
            nginx.waitFor(50, TimeUnit.MILLISECONDS);
        }
        return nginxPort;
    }

    String nginxLog() {
        try {
            Path prefix = workDir.resolve("nginx");
            return Files.readString(prefix.resolve("logs/stdout.log")) + Files.readString(prefix.resolve(
                    "logs/error.log"));
        } catch (IOException e) {
            return "(no nginx log: " + e + ")";
        }
    }

    /** A plain JDBC connection to the shared database, for checks. */
    java.sql.Connection jdbc() throws java.sql.SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }

    @Override
    public void close() throws Exception {
        try {
            for (Process nginx : nginxes) {
                if (nginx.isAlive()) {
                    nginx.destroy();
                    if (!nginx.waitFor(10, TimeUnit.SECONDS)) {
                        nginx.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    }
                }
            }
            app.close();
        } finally {
            postgres.close();
        }
    }
}
