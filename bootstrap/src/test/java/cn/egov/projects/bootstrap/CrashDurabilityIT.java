package cn.egov.projects.bootstrap;

import cn.egov.projects.bootstrap.PackagedApp.Run;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a clerk who saw “已保存” relies on: the packaged application on its default database (H2 files in ./data)
 * is killed with SIGKILL while several clients write (new drafts, edits of them, uploaded documents), restarted, and
 * every write that had been answered 2xx is there — at the acknowledged version or a later one, and every
 * acknowledged document whole. Several rounds, each killing the server at a different moment of the stream.
 */
@DisplayName("已确认的写入在 kill -9 后不丢失（内置H2数据库，多客户端，多轮）")
class CrashDurabilityIT {

    private static final String ADMIN_PASSWORD = "Chief-Password-crash";
    private static final String STAFF_PASSWORD = "Staff-Password-crash";
    private static final int CLIENTS = 4;
    private static final int ROUNDS = 3;
    /** Acknowledged writes a round waits for before it kills the server (the kill then lands mid-stream). */
    private static final int WRITES_BEFORE_KILL = 120;

    @TempDir
    Path workDir;

    private PackagedApp app;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The last acknowledged state of each project: its version and name. */
    private record Acked(long version, String name) {
    }

    private final Map<String, Acked> projects = new ConcurrentHashMap<>();
    /** Acknowledged documents: document path → SHA-256 of what was uploaded. */
    private final Map<String, String> documents = new ConcurrentHashMap<>();

    @BeforeEach
    void setUp() {
        app = new PackagedApp(workDir);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        app.close();
    }

    @Test
    @DisplayName("写入进行中 kill -9，重启后每一项已应答2xx的草稿、修改和文档都在")
    void acknowledgedWritesSurviveSigkill() throws Exception {
        app.createAdmin("admin", ADMIN_PASSWORD);
        int port = PackagedApp.freePort();
        Run first = app.startServer(port, Map.of());
        HttpResponse<String> account = app.post(port, "/api/accounts", PackagedApp.basic("admin", ADMIN_PASSWORD), """
                {"username": "clerk", "displayName": "公安经办", "role": "UNIT_STAFF", "unit": "TC-GAJ",
                 "password": "%s"}
                """.formatted(AccountsForTests.INITIAL));
        assertThat(account.statusCode()).as(() -> account.body() + "\n" + first.output()).isEqualTo(201);
        AccountsForTests.changeOverHttp(port, "clerk", STAFF_PASSWORD);
        String auth = PackagedApp.basic("clerk", STAFF_PASSWORD);

        Run server = first;
        int acknowledgedBefore = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            AtomicInteger acknowledged = new AtomicInteger();
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                String prefix = "r" + round + "c" + c;
                Thread client = new Thread(() -> write(port, auth, prefix, acknowledged, stop), "writer-" + prefix);
                client.start();
                clients.add(client);
            }
            awaitAtLeast(acknowledged, WRITES_BEFORE_KILL, server);
            server.process().destroyForcibly();
            assertThat(server.exited(30)).as("killed with SIGKILL").isTrue();
            stop.set(true);
            for (Thread client : clients) {
                client.join(TimeUnit.SECONDS.toMillis(60));
                assertThat(client.isAlive()).as("writer %s ended", client.getName()).isFalse();
            }
            assertThat(acknowledged.get()).isGreaterThanOrEqualTo(WRITES_BEFORE_KILL);
            acknowledgedBefore += acknowledged.get();

            Run restarted = app.startServer(port, Map.of());
            verifyEverythingAcknowledged(port, auth, restarted);
            server = restarted;
        }
        assertThat(projects).hasSizeGreaterThanOrEqualTo(ROUNDS * WRITES_BEFORE_KILL / 3);
        assertThat(documents).isNotEmpty();
        assertThat(acknowledgedBefore).isGreaterThanOrEqualTo(ROUNDS * WRITES_BEFORE_KILL);
    }

    /** A client's stream of writes until told to stop: a draft, an edit of it, a document on it, and so on. */
    private void write(int port, String auth, String prefix, AtomicInteger acknowledged, AtomicBoolean stop) {
        for (int n = 0; !stop.get(); n++) {
            try {
                String name = "崩溃测试" + prefix + "-" + n;
                HttpResponse<String> created = send(json(port, "/api/projects", auth, draft(name).encode()));
                if (created.statusCode() != 201) {
                    continue;
                }
                JsonObject body = new JsonObject(created.body());
                String id = body.getString("id");
                projects.put(id, new Acked(body.getLong("version"), name));
                acknowledged.incrementAndGet();

                String edited = name + "（修改）";
                JsonObject edit = new JsonObject().put("expectedVersion", body.getLong("version"))
                        .put("profile", draft(edited));
                HttpResponse<String> changed = send(json(port, "/api/projects/" + id + "/actions/EDIT_DRAFT", auth,
                        edit.encode()));
                if (changed.statusCode() == 200) {
                    projects.put(id, new Acked(new JsonObject(changed.body()).getLong("version"), edited));
                    acknowledged.incrementAndGet();
                }

                byte[] content = ("%PDF-1.4\n% " + prefix + "-" + n + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
                HttpResponse<String> uploaded = send(upload(port, "/api/projects/" + id + "/documents", auth,
                        content));
                if (uploaded.statusCode() == 201) {
                    String location = uploaded.headers().firstValue("Location").orElseThrow();
                    documents.put(location, sha256(content));
                    acknowledged.incrementAndGet();
                }
            } catch (IOException killedOrRefused) {
                // the server is being killed or restarted: only answered writes count
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void verifyEverythingAcknowledged(int port, String auth, Run server) throws Exception {
        List<String> lost = new ArrayList<>();
        for (Map.Entry<String, Acked> e : projects.entrySet()) {
            HttpResponse<String> page = app.get(port, "/api/projects/" + e.getKey(), auth);
            if (page.statusCode() != 200) {
                lost.add(e.getKey() + " answered " + page.statusCode());
                continue;
            }
            JsonObject project = new JsonObject(page.body());
            long version = project.getLong("version");
            String name = project.getJsonObject("profile").getString("name");
            Acked acked = e.getValue();
            if (version < acked.version() || version == acked.version() && !name.equals(acked.name())) {
                lost.add(e.getKey() + " is at version " + version + " (" + name + "), acknowledged "
                        + acked.version() + " (" + acked.name() + ")");
            }
        }
        for (Map.Entry<String, String> e : documents.entrySet()) {
            HttpResponse<byte[]> download = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + e.getKey())).timeout(Duration.ofSeconds(30)).header("Authorization", auth).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (download.statusCode() != 200 || !sha256(download.body()).equals(e.getValue())) {
                lost.add(e.getKey() + " answered " + download.statusCode());
            }
        }
        assertThat(lost).as(() -> "acknowledged writes lost after SIGKILL (of " + projects.size() + " projects and "
                + documents.size() + " documents):\n" + server.output()).isEmpty();
    }

    private static void awaitAtLeast(AtomicInteger acknowledged, int count, Run server) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (acknowledged.get() < count) {
            assertThat(System.nanoTime()).as(() -> "only " + acknowledged.get() + " writes acknowledged in 120 s:\n"
                    + server.output()).isLessThan(deadline);
            assertThat(server.process().isAlive()).as(server::output).isTrue();
            server.process().waitFor(20, TimeUnit.MILLISECONDS);
        }
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpRequest json(int port, String path, String auth, String body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    private static HttpRequest upload(int port, String path, String auth, byte[] content) throws IOException {
        String boundary = "----crash" + Long.toHexString(System.nanoTime());
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n实施方案\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"plan.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", auth).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }

    private static JsonObject draft(String name) {
        return new JsonObject("""
                {"planYear": 2027, "category": "BUSINESS_SYSTEM", "nature": "NEW",
                 "softwareDevelopment": true, "funding": "MUNICIPAL", "classified": false, "usesCryptography": false,
                 "scopeItems": ["数据汇聚平台"], "performanceGoals": [{"indicator": "警情处置时间缩短比例", "kind": "BENEFIT", "target": "≥20%"}],
                 "budgetLines": [{"item": "软件开发", "amount": "300000.00", "supervision": false}]}
                """).put("name", name);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
