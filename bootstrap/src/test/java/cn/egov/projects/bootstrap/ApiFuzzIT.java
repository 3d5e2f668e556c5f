package cn.egov.projects.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import cn.egov.projects.bootstrap.FuzzRequests.Field;
import cn.egov.projects.bootstrap.FuzzRequests.Identity;
import cn.egov.projects.bootstrap.FuzzRequests.Request;
import cn.egov.projects.bootstrap.FuzzRequests.Route;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.web.WebApi;
import cn.egov.projects.web.WebServer;
import cn.egov.projects.web.access.RouteTable;
import cn.egov.projects.web.routes.OpenApiRoutes;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A property-based fuzz test of the whole API against the real application as it runs in production —
 * {@link Application#open} on an H2 database under {@code target/} with the demonstration data (a project in every
 * state), the real {@link WebServer} — so that the database's limits are met for real. Every route of the route
 * table is called by every role (administrator, Bureau, Finance, Audit, Cyberspace and Secrecy offices, expert,
 * unit staff and leader over HTTP Basic, unit staff in a browser session with its CSRF token, anonymous, garbage
 * credentials) with valid-ish, mutated and hostile bodies, parameters and headers, multipart uploads of every
 * shape, and framings that lie; concurrently over {@code fuzz.connections} (8) kept-alive connections.
 *
 * <p>The property: no answer is 5xx, no request hangs (no answer within {@value FuzzHttp#TIMEOUT_MILLIS} ms), a
 * well-framed request that is not an upload is always answered, {@code /health} stays 200 throughout, and
 * connections that stop sending are closed by the server within its idle timeout. Request {@code i} is the same bytes
 * for the same seed: the seed is fixed and logged ({@code -Dfuzz.seed=} overrides it), a failure is printed with its
 * index, and {@code -Dfuzz.replay=i,j} sends just those requests again. {@code -Dfuzz.requests=} sets how many
 * (default {@value #DEFAULT_REQUESTS}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("整个API的模糊测试：所有路由、所有角色、恶意输入；没有5xx，没有挂起，健康检查始终200")
class ApiFuzzIT {

    static final long DEFAULT_SEED = 20_260_611L;
    static final int DEFAULT_REQUESTS = 10_000;
    private static final String PASSWORD = "Fuzz-Demo-Password";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final List<String> BASIC = List.of("bdb", "finance", "audit", "cybersec", "secrecy",
            "expert", "gaj", "gaj-leader", "wjw");
    private static final String SESSION_USER = "jyj";
    /** The system administrator signs in with a one-time code too: a browser session of theirs is fuzzed. */
    private static final String ADMIN = "admin";
    private final OneTimeCodes codes = new OneTimeCodes();

    private final long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
    private final int requests = Integer.getInteger("fuzz.requests", DEFAULT_REQUESTS);
    private final int connections = Integer.getInteger("fuzz.connections", 8);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Path home;
    private Application application;
    private WebServer server;
    private WebApi api;
    private String base;
    private final List<Identity> identities = new ArrayList<>();
    private FuzzRequests generator;
    private final Map<String, Level> quieted = new LinkedHashMap<>();
    private final ErrorCounter errors = new ErrorCounter();

    /** Counts the ERROR events logged while the fuzz runs, keeping the first few. */
    private static final class ErrorCounter extends AppenderBase<ILoggingEvent> {
        final AtomicInteger count = new AtomicInteger();
        final List<String> first = Collections.synchronizedList(new ArrayList<>());

        @Override
        protected void append(ILoggingEvent e) {
            if (e.getLevel().isGreaterOrEqual(Level.ERROR)) {
                count.incrementAndGet();
                if (first.size() < 10) {
                    first.add(e.getLoggerName() + ": " + e.getFormattedMessage()
                            + (e.getThrowableProxy() == null ? "" : " — " + e.getThrowableProxy().getClassName()
                            + ": " + e.getThrowableProxy().getMessage()));
                }
            }
        }
    }

    @BeforeAll
    void start() throws Exception {
        long started = System.nanoTime();
        home = Files.createTempDirectory(Path.of("target"), "fuzz-");
        Settings settings = Settings.parse(List.of("--db-url", "jdbc:h2:file:" + home.toAbsolutePath().resolve("egov")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "--uploads-dir",
                home.resolve("uploads").toString(), "--backup-dir", home.resolve("backups").toString(), "--demo"),
                Map.of());
        application = Application.open(settings);
        application.demoData().orElseThrow().fillIfEmpty(application::hasNoAccounts, LocalDate.now(ZONE), PASSWORD);
        knowAdminsSecondFactor();
        api = application.webApi();
        server = WebServer.start(api, 0);
        base = "http://localhost:" + server.port();
        generator = new FuzzRequests(seed, routes(), signIn(), targets());
        System.out.printf("API fuzz: set up in %.1f s (seed %d, %d requests over %d connections)%n",
                (System.nanoTime() - started) / 1e9, seed, requests, connections);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (application != null) {
            application.close();
        }
    }

    // ------------------------------------------------------------------------------------------------- the run

    @Test
    @DisplayName("至少一万个请求：没有5xx，没有挂起，格式正确的请求都有答复，/health始终200，停止发送的连接被关闭")
    void noRequestHurtsTheServer() throws Exception {
        String replay = System.getProperty("fuzz.replay");
        if (replay != null && !replay.isBlank()) {
            replay(replay);
            return;
        }
        quiet();
        Stalls stalls = new Stalls();
        stalls.open();
        Health health = new Health();
        health.start();

        Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
        LongAdder sent = new LongAdder();
        Map<String, LongAdder> framings = new ConcurrentHashMap<>();
        Map<String, LongAdder> routesHit = new ConcurrentHashMap<>();
        Map<String, LongAdder> identitiesUsed = new ConcurrentHashMap<>();
        Map<String, Set<String>> answersByRoute = new ConcurrentHashMap<>();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        List<String> unanswered = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        AtomicLong slowest = new AtomicLong();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        List<java.util.concurrent.Future<Object>> workers = new ArrayList<>();
        for (int w = 0; w < connections; w++) {
            workers.add(pool.submit(() -> {
                try (FuzzHttp client = new FuzzHttp(server.port())) {
                    String previous = "(none: a new connection)";
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        Request q;
                        try {
                            q = generator.generate(i);
                        } catch (RuntimeException e) {
                            throw new IllegalStateException("generating request #" + i + " (seed " + seed + ")", e);
                        }
                        java.util.Random wire = generator.random(~i);
                        FuzzHttp.Outcome o = client.exchange(q.method(), q.head(wire), q.body(), q.framing(), wire);
                        sent.increment();
                        statuses.computeIfAbsent(o.describe(), k -> new LongAdder()).increment();
                        framings.computeIfAbsent(q.framing().name(), k -> new LongAdder()).increment();
                        routesHit.computeIfAbsent(q.route(), k -> new LongAdder()).increment();
                        identitiesUsed.computeIfAbsent(q.identity(), k -> new LongAdder()).increment();
                        answersByRoute.computeIfAbsent(q.route(), k -> ConcurrentHashMap.newKeySet())
                                .add(o.describe());
                        slowest.accumulateAndGet(o.millis(), Math::max);
                        if (o.kind() == FuzzHttp.Kind.HANG || o.status() >= 500) {
                            failures.add(o.describe() + " after " + o.millis() + " ms ← " + q.describe(seed)
                                    + "\n      answer: " + FuzzRequests.clip(o.body(), 400)
                                    + "\n      after, on the same connection: " + previous);
                        } else if (o.kind() == FuzzHttp.Kind.CLOSED && wellFramed(q)) {
                            unanswered.add(q.describe(seed) + " → " + o.body() + "; after " + previous);
                        }
                        previous = client.isOpen() ? "#" + i : "(none: a new connection)";
                    }
                }
                return null;
            }));
        }
        pool.shutdown();
        boolean finished = pool.awaitTermination(30, TimeUnit.MINUTES);
        for (java.util.concurrent.Future<Object> worker : workers) {
            // a failure of the test's own machinery (generating or sending a request) fails the test with its cause
            worker.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        health.stop();
        FuzzHttp.Outcome last = new FuzzHttp(server.port()).exchange("GET",
                "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII), new byte[0],
                FuzzHttp.Framing.LENGTH, new java.util.Random());
        Map<String, Long> stallClosed = stalls.awaitClosed();
        loud();

        Set<String> allRoutes = new LinkedHashSet<>();
        api.routeTable().entries().forEach(e -> allRoutes.add(e.method().name() + " " + e.path()));
        Set<String> missed = new LinkedHashSet<>(allRoutes);
        missed.removeAll(routesHit.keySet());
        missed.remove("GET /*");
        String report = report(seconds, statuses, framings, routesHit, identitiesUsed, answersByRoute, health,
                stallClosed, slowest.get(), failures, unanswered, allRoutes.size() - missed.size() - 1);
        System.out.println(report);
        Files.writeString(home.resolve("fuzz-report.txt"), report);

        assertThat(finished).as("the run finished").isTrue();
        assertThat(sent.sum()).as("requests sent and answered (or not)").isEqualTo(requests);
        assertThat(failures).as("answers ≥ 500 and hangs").isEmpty();
        assertThat(unanswered).as("well-framed requests closed without an answer").isEmpty();
        assertThat(errors.count.get()).as("errors logged: " + errors.first).isZero();
        assertThat(health.failures).as("/health while fuzzing").isEmpty();
        assertThat(health.checks.get()).as("/health was checked").isPositive();
        assertThat(last.status()).as("/health at the end").isEqualTo(200);
        assertThat(missed).as("routes never requested").isEmpty();
        assertThat(identitiesUsed.keySet()).containsAll(identities.stream().map(Identity::name).toList());
        assertThat(stallClosed).as("stalled connections closed by the server within its idle timeout (ms)")
                .allSatisfy((what, millis) -> assertThat(millis).as(what)
                        .isBetween(0L, WebServer.IDLE_TIMEOUT.toMillis() + 10_000));
    }

    // ------------------------------------------------------------------------------------ the reported attacks

    @Test
    @DisplayName("问题报告中的每一种攻击在真实数据库上得到400或422并说明原因，不是500，也不挂起")
    void theReportedAttacksAreRefused() throws Exception {
        String gaj = basic("gaj");
        String profile = new JsonObject().put("name", "上限项目").put("planYear", 2026).put("category", "BUSINESS_SYSTEM")
                .put("nature", "NEW").put("softwareDevelopment", true).put("funding", "MUNICIPAL")
                .put("classified", false).put("usesCryptography", false)
                .put("budgetLines", new JsonArray().add(new JsonObject().put("item", "软件开发").put("amount", "A1"))
                        .add(new JsonObject().put("item", "项目监理").put("amount", "A2").put("supervision", true)))
                .encode();
        long started = System.nanoTime();
        JsonObject huge = json(send("POST", "/api/projects", gaj, "application/json",
                profile.replace("\"A1\"", "1e999999999").replace("\"A2\"", "1")), 400);
        assertThat(System.nanoTime() - started).as("refused at once").isLessThan(5_000_000_000L);
        assertThat(huge.getString("field")).isEqualTo("budgetLines[0].amount");
        assertThat(huge.encode().length()).isLessThan(1_000);

        JsonObject total = json(send("POST", "/api/projects", gaj, "application/json",
                profile.replace("A1", "99999999999999.99").replace("A2", "99999999999999.99")), 400);
        assertThat(total.getString("field")).isEqualTo("budgetLines");
        assertThat(total.getString("message")).isEqualTo("预算明细合计199,999,999,999,999.98元，超过系统可记录的最大金额"
                + "99,999,999,999,999.99元");
        // the largest total there is fits the column: kept and read back exactly from H2's NUMERIC(16,2)
        String id = json(send("POST", "/api/projects", gaj, "application/json",
                profile.replace("A1", "99999999999999.98").replace("A2", "0.01")), 201).getString("id");
        assertThat(json(send("GET", "/api/projects/" + id, gaj, null, null), 200).getJsonObject("profile")
                .getString("totalInvestment")).isEqualTo("99999999999999.99");

        // the sign-in policy answers an impossible username as a failed sign-in (or, after many from one address, as
        // too many attempts): a small answer, never 500
        HttpResponse<String> signIn = send("POST", "/api/session", null, "application/json", new JsonObject()
                .put("username", "u".repeat(300)).put("password", "whatever-password").encode());
        assertThat(signIn.statusCode()).as(signIn.body()).isIn(401, 429);
        assertThat(signIn.body().length()).isLessThan(1_000);

        for (String query : new String[]{"from=-999999999-01-01", "to=%2B999999999-12-31"}) {
            JsonObject audit = json(send("GET", "/api/audit-records?" + query, basic("audit"), null, null), 400);
            assertThat(audit.getString("field")).isEqualTo(query.substring(0, query.indexOf('=')));
        }

        String boundary = "attack";
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n合同\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"";
        String type = "multipart/form-data; boundary=" + boundary;
        JsonObject longName = json(send("POST", "/api/projects/" + id + "/documents", gaj, type, head
                + "长".repeat(3_000) + ".pdf\"\r\n\r\n%PDF-1.7\r\n--" + boundary + "--\r\n"), 400);
        assertThat(longName.getString("field")).isEqualTo("fileName");
        started = System.nanoTime();
        JsonObject unclosed = json(send("POST", "/api/projects/" + id + "/documents", gaj, type, head
                + "a.pdf\"\r\n\r\n%PDF-1.7 no closing boundary"), 400);
        assertThat(unclosed.getString("message")).contains("缺少结束分隔符");
        assertThat(System.nanoTime() - started).isLessThan(10_000_000_000L);

        String first = head + "a.pdf\"\r\n\r\n%PDF-1.7 AAAA\r\n--" + boundary + "--\r\n";
        String second = first.replace("AAAA", "BBBB");
        HttpRequest.Builder upload = HttpRequest.newBuilder(URI.create(base + "/api/projects/" + id + "/documents"))
                .header("Authorization", gaj).header("Content-Type", type).header("Idempotency-Key", "attack-key-0001");
        HttpResponse<String> created = http.send(upload.copy().POST(HttpRequest.BodyPublishers.ofString(first))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        HttpResponse<String> other = http.send(upload.copy().POST(HttpRequest.BodyPublishers.ofString(second))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(other.statusCode()).as(other.body()).isEqualTo(422);
        assertThat(new JsonObject(other.body()).getString("code")).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        HttpResponse<String> again = http.send(upload.copy().POST(HttpRequest.BodyPublishers.ofString(first))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(json(send("GET", "/api/projects/" + id + "/documents", gaj, null, null), 200)
                .getJsonArray("items")).hasSize(1);
        assertThat(send("GET", "/health", null, null, null).statusCode()).isEqualTo(200);
    }

    /** A request every server must answer: sound framing, not an upload (an upload refused early may be cut off). */
    private static boolean wellFramed(Request q) {
        return (q.framing() == FuzzHttp.Framing.LENGTH || q.framing() == FuzzHttp.Framing.CHUNKED)
                && !q.route().equals("POST /api/projects/:id/documents") && q.target().length() < 4_000
                && q.headers().stream().mapToInt(h -> h[0].length() + h[1].length()).sum() < 7_000;
    }

    private void replay(String indices) {
        try (FuzzHttp client = new FuzzHttp(server.port())) {
            for (String part : indices.split(",")) {
                int i = Integer.parseInt(part.trim());
                Request q = generator.generate(i);
                java.util.Random wire = generator.random(~i);
                FuzzHttp.Outcome o = client.exchange(q.method(), q.head(wire), q.body(), q.framing(), wire);
                System.out.println(q.describe(seed) + "\n  → " + o.describe() + " in " + o.millis() + " ms: "
                        + FuzzRequests.clip(o.body(), 600));
            }
        }
    }

    private String report(double seconds, Map<String, LongAdder> statuses, Map<String, LongAdder> framings,
                          Map<String, LongAdder> routesHit, Map<String, LongAdder> identitiesUsed,
                          Map<String, Set<String>> answersByRoute, Health health, Map<String, Long> stallClosed,
                          long slowest, List<String> failures, List<String> unanswered, int routesCovered) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("%n==== API fuzz: seed %d, %d requests over %d connections in %.1f s (%.0f per second)%n",
                seed, requests, connections, seconds, requests / seconds));
        b.append("answers: ").append(sorted(statuses)).append('\n');
        b.append("framings: ").append(sorted(framings)).append('\n');
        b.append("identities: ").append(sorted(identitiesUsed)).append('\n');
        b.append(String.format("routes requested: %d of %d (each %d to %d times)%n", routesCovered,
                api.routeTable().entries().size() - 1,
                routesHit.values().stream().mapToLong(LongAdder::sum).min().orElse(0),
                routesHit.values().stream().mapToLong(LongAdder::sum).max().orElse(0)));
        b.append(String.format("slowest answer: %d ms; /health: %d checks, slowest %d ms, %d not 200%n", slowest,
                health.checks.get(), health.slowest.get(), health.failures.size()));
        b.append("stalled connections closed by the server after (ms since their last byte): ").append(stallClosed)
                .append('\n');
        b.append("errors logged: ").append(errors.count.get()).append(errors.first.isEmpty() ? "" : " " + errors.first)
                .append('\n');
        b.append("answers by route:\n");
        new TreeMap<>(answersByRoute).forEach((route, answers) -> b.append("  ").append(route).append(' ')
                .append(new java.util.TreeSet<>(answers)).append('\n'));
        b.append("5xx and hangs: ").append(failures.size()).append('\n');
        failures.stream().limit(25).forEach(f -> b.append("  ").append(f).append('\n'));
        b.append("well-framed requests closed without an answer: ").append(unanswered.size()).append('\n');
        unanswered.stream().limit(10).forEach(f -> b.append("  ").append(f).append('\n'));
        return b.toString();
    }

    private static Map<String, Long> sorted(Map<String, LongAdder> counts) {
        Map<String, Long> m = new TreeMap<>();
        counts.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    // -------------------------------------------------------------------------------------------- /health, stalls

    /** Asks {@code /health} every second over its own connection while the fuzz runs. */
    private final class Health implements Runnable {
        final AtomicInteger checks = new AtomicInteger();
        final AtomicLong slowest = new AtomicLong();
        final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        private final FuzzHttp client = new FuzzHttp(server.port());
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fuzz-health");
            t.setDaemon(true);
            return t;
        });

        void start() {
            timer.scheduleWithFixedDelay(this, 0, 1, TimeUnit.SECONDS);
        }

        void stop() throws InterruptedException {
            timer.shutdown();
            timer.awaitTermination(20, TimeUnit.SECONDS);
            client.close();
        }

        @Override
        public void run() {
            FuzzHttp.Outcome o = client.exchange("GET", "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII), new byte[0], FuzzHttp.Framing.LENGTH, new java.util.Random());
            checks.incrementAndGet();
            slowest.accumulateAndGet(o.millis(), Math::max);
            if (o.status() != 200) {
                failures.add(o.describe() + " after " + o.millis() + " ms: " + o.body());
            }
        }
    }

    /**
     * Connections that stop sending in the middle of a request — its head, a JSON body shorter than announced, an
     * admitted upload cut off — each watched by a thread that notes when the server closes it.
     */
    private final class Stalls {
        private final Map<String, Long> lastByte = new ConcurrentHashMap<>();
        private final Map<String, Long> closedAfter = new ConcurrentHashMap<>();
        private final List<Thread> watchers = new ArrayList<>();

        void open() throws IOException {
            String project = found.projectOf("gaj");
            String gaj = "Basic " + Base64.getEncoder().encodeToString(("gaj:" + PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
            stall("partial head", "GET /health HTTP/1.1\r\nHost: loc");
            stall("JSON body shorter than its Content-Length", "POST /api/session HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"username\":");
            stall("admitted upload cut off", "POST /api/projects/" + project + "/documents HTTP/1.1\r\n"
                    + "Host: localhost\r\nAuthorization: " + gaj + "\r\nContent-Type: multipart/form-data; boundary=S"
                    + "\r\nContent-Length: 100000\r\n\r\n--S\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n合同"
                    + "\r\n--S\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.7 ");
        }

        private void stall(String what, String bytes) throws IOException {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress("localhost", server.port()), 5_000);
            socket.setSoTimeout(120_000);
            OutputStream out = socket.getOutputStream();
            out.write(bytes.getBytes(StandardCharsets.UTF_8));
            out.flush();
            lastByte.put(what, System.nanoTime());
            Thread watcher = new Thread(() -> {
                try (socket; InputStream in = socket.getInputStream()) {
                    byte[] buffer = new byte[4096];
                    while (in.read(buffer) >= 0) {
                        // an answer (e.g. 401 to the upload, 408) is fine: what matters is that it is closed
                    }
                } catch (IOException e) {
                    // a reset or the timeout: the time tells which
                }
                closedAfter.put(what, (System.nanoTime() - lastByte.get(what)) / 1_000_000);
            }, "fuzz-stall");
            watcher.setDaemon(true);
            watcher.start();
            watchers.add(watcher);
        }

        /** Waits (a deadline: the idle timeout and some) for the server to close each; their times since the stall. */
        Map<String, Long> awaitClosed() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WebServer.IDLE_TIMEOUT.toMillis()
                    + 15_000);
            for (Thread watcher : watchers) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                watcher.join(Math.max(1, left));
            }
            Map<String, Long> result = new TreeMap<>();
            lastByte.keySet().forEach(k -> result.put(k, closedAfter.getOrDefault(k, -1L)));
            return result;
        }
    }

    // ------------------------------------------------------------------------------------------------- logging

    /** The access log and the info lines of every refusal would be ten thousand lines: only warnings are shown. */
    private void quiet() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        for (String name : List.of("cn.egov.projects", "cn.egov.projects.web.access")) {
            Logger logger = context.getLogger(name);
            quieted.put(name, logger.getLevel());
            logger.setLevel(Level.WARN);
        }
        errors.setContext(context);
        errors.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(errors);
    }

    private void loud() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        quieted.forEach((name, level) -> context.getLogger(name).setLevel(level));
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(errors);
    }

    // --------------------------------------------------------------------------------------------------- setup

    private List<Route> routes() {
        JsonObject paths = new JsonObject(Buffer.buffer(OpenApiRoutes.load())).getJsonObject("paths");
        List<Route> routes = new ArrayList<>();
        for (RouteTable.Entry e : api.routeTable().entries()) {
            String template = e.path().replaceAll(":([A-Za-z]+)", "{$1}")
                    .replaceFirst("/actions/[A-Z_]+$", "/actions/{action}");
            List<String> query = new ArrayList<>();
            JsonObject op = paths.getJsonObject(template) == null ? null
                    : paths.getJsonObject(template).getJsonObject(e.method().name().toLowerCase(java.util.Locale.ROOT));
            if (op != null) {
                for (Object p : op.getJsonArray("parameters", new JsonArray())) {
                    JsonObject param = (JsonObject) p;
                    if ("query".equals(param.getString("in"))) {
                        query.add(param.getString("name"));
                    }
                }
            }
            routes.add(new Route(e.method().name(), e.path(), e.rule(), query));
        }
        return routes;
    }

    /** The identities: each role's demonstration account over HTTP Basic, and one browser session. */
    private List<Identity> signIn() throws Exception {
        identities.add(new Identity("anonymous", null, null, null, null));
        for (String user : BASIC) {
            String header = "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
            JsonObject me = json(send("GET", "/api/session", header, null, null), 200);
            identities.add(new Identity(user, Role.valueOf(me.getString("role")), header, null, null));
        }
        HttpResponse<String> session = http.send(HttpRequest.newBuilder(URI.create(base + "/api/session"))
                .header("Content-Type", "application/json").header("X-Requested-With", "fetch")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", SESSION_USER)
                        .put("password", PASSWORD).encode())).build(), HttpResponse.BodyHandlers.ofString());
        JsonObject me = json(session, 200);
        String cookie = session.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(WebApi.SESSION_COOKIE + "=")).map(c -> c.split(";", 2)[0]).findFirst()
                .orElseThrow();
        identities.add(new Identity(SESSION_USER + "(session)", Role.valueOf(me.getString("role")), null, cookie,
                me.getString("csrfToken")));
        HttpResponse<String> adminSession = http.send(HttpRequest.newBuilder(URI.create(base + "/api/session"))
                .header("Content-Type", "application/json").header("X-Requested-With", "fetch")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", ADMIN)
                        .put("password", PASSWORD).put("code", codes.fresh(ADMIN)).encode())).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonObject admin = json(adminSession, 200);
        String adminCookie = adminSession.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(WebApi.SESSION_COOKIE + "=")).map(c -> c.split(";", 2)[0]).findFirst()
                .orElseThrow();
        identities.add(new Identity(ADMIN + "(session)", Role.valueOf(admin.getString("role")), null, adminCookie,
                admin.getString("csrfToken")));
        return identities;
    }

    private final Found found = new Found();

    /** What the setup found that the stalls need too: a project each user may see. */
    private static final class Found {
        final Map<String, String> projectOfUser = new LinkedHashMap<>();

        String projectOf(String user) {
            return projectOfUser.get(user);
        }
    }

    private FuzzRequests.Targets targets() throws Exception {
        Set<String> projects = new LinkedHashSet<>();
        for (String user : List.of("bdb", "gaj", "wjw", "secrecy")) {
            JsonArray items = json(send("GET", "/api/projects?size=200", basic(user), null, null), 200)
                    .getJsonArray("items");
            for (int i = 0; i < items.size(); i++) {
                projects.add(items.getJsonObject(i).getString("id"));
                found.projectOfUser.putIfAbsent(user, items.getJsonObject(i).getString("id"));
            }
        }
        assertThat(projects).as("the demonstration projects").hasSizeGreaterThan(10);
        List<String> deadlines = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        List<String> contracts = new ArrayList<>();
        for (String id : projects) {
            HttpResponse<String> page = send("GET", "/api/projects/" + id, basic("bdb"), null, null);
            if (page.statusCode() != 200) {
                continue;
            }
            JsonObject p = new JsonObject(page.body());
            p.getJsonArray("deadlines").forEach(d -> deadlines.add(((JsonObject) d).getString("id")));
            p.getJsonArray("changes").forEach(c -> changes.add(((JsonObject) c).getString("id")));
            p.getJsonArray("contracts").forEach(c -> contracts.add(((JsonObject) c).getString("number")));
        }
        Map<String, String> others = new LinkedHashMap<>();
        JsonArray accounts = json(asAdmin("/api/accounts"), 200).getJsonArray("items");
        Set<String> used = new LinkedHashSet<>(BASIC);
        used.add(SESSION_USER);
        used.add(ADMIN);
        for (int i = 0; i < accounts.size(); i++) {
            JsonObject a = accounts.getJsonObject(i);
            // the fuzz's own identities are never disabled or renamed by it: only the others are aimed at
            if (!used.contains(a.getString("username"))) {
                others.put(a.getString("username"), a.getString("userId"));
            }
        }
        List<String> units = new ArrayList<>();
        json(asAdmin("/api/units"), 200).getJsonArray("items")
                .forEach(u -> units.add(((JsonObject) u).getString("code")));
        Map<String, List<Field>> actions = new LinkedHashMap<>();
        JsonArray catalog = json(send("GET", "/api/actions", basic("bdb"), null, null), 200).getJsonArray("actions");
        for (int i = 0; i < catalog.size(); i++) {
            JsonObject a = catalog.getJsonObject(i);
            List<Field> fields = new ArrayList<>();
            for (Object f : a.getJsonArray("fields")) {
                JsonObject field = (JsonObject) f;
                List<String> options = new ArrayList<>();
                field.getJsonArray("options").forEach(o -> options.add((String) o));
                fields.add(new Field(field.getString("name"), field.getString("type"), options));
            }
            actions.put(a.getString("action"), fields);
        }
        String gajProject = found.projectOf("gaj");
        String boundary = "fuzzsetup";
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n合同\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"合同.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.7 fuzz\r\n--" + boundary + "--\r\n";
        String document = json(send("POST", "/api/projects/" + gajProject + "/documents", basic("gaj"),
                "multipart/form-data; boundary=" + boundary, multipart), 201).getString("id");
        String token = json(send("POST", "/api/me/calendar-token", basic("gaj"), null, ""), 201).getString("token");
        return new FuzzRequests.Targets(new ArrayList<>(projects), List.of(document), deadlines, changes, contracts,
                others, units, token, actions);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The demonstration printed the administrator's one-time-code secret to the log; the fuzz gives the administrator
     * one it knows instead: reset by the security administrator, enrolled again as create-admin does.
     */
    private void knowAdminsSecondFactor() {
        var secondFactor = application.web().workplace().secondFactor();
        var security = new cn.egov.projects.application.port.in.Caller(application.accounts()
                .authenticate("secadmin", PASSWORD.toCharArray()).orElseThrow(), "fuzz", "-");
        String adminId = application.accounts().authenticate(ADMIN, PASSWORD.toCharArray()).orElseThrow().userId();
        secondFactor.reset(security, adminId);
        var enrolment = secondFactor.enrolByOperator(adminId, cn.egov.projects.application.view.OtpAlgorithm.SM3,
                "fuzz");
        codes.put(ADMIN, new OneTimeCodes.Secret(enrolment.secretBase32(), "SM3"));
    }

    /** The administrator's HTTP Basic request with a fresh one-time code. */
    private HttpResponse<String> asAdmin(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", basic(ADMIN)).header("X-Egov-OTP", codes.fresh(ADMIN)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String authorization, String contentType,
                                      String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.request().method() + " " + r.request().uri() + ": " + r.body())
                .isEqualTo(status);
        return new JsonObject(r.body());
    }
}
