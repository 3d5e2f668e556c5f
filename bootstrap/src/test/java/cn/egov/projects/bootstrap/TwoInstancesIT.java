package cn.egov.projects.bootstrap;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two packaged instances on one PostgreSQL behind nginx, as {@code docs/OPERATIONS.md} describes: both start at once
 * on the empty database (one migrates, the other waits for Flyway's lock); a person signs in through one instance and
 * acts through the other with the same session cookie; a sign-out through one ends the session on both; the sign-in
 * limit per client address counts through both instances together, by the address a trusted proxy forwards; then
 * several clients write through nginx with one session while one instance is killed with SIGKILL, and every write
 * answered 2xx is there afterwards, read back through nginx, and no reminder is planned or sent twice.
 */
@DisplayName("两个实例共用一个PostgreSQL，nginx在前：会话共享，kill -9 一个实例后已确认的写入不丢失")
class TwoInstancesIT {

    private static final String ADMIN_PASSWORD = "Chief-Password-two";
    private static final String STAFF_PASSWORD = "Staff-Password-two";
    private static final int CLIENTS = 4;
    private static final int WRITES_BEFORE_KILL = 30;
    private static final int WRITES_AFTER_KILL = 30;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TwoInstancesIT.class);

    @TempDir
    Path workDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Acknowledged drafts: id → name. */
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();

    /** A browser session: its cookie and CSRF token. */
    private record Session(String cookie, String csrf, String userId) {
    }

    @Test
    @DisplayName("A实例登录、B实例操作；写入中kill -9 A，已应答的写入全部可经nginx读回，提醒不重复")
    void sessionsAreSharedAndAcknowledgedWritesSurviveAnInstanceKilled() throws Exception {
        try (Cluster cluster = new Cluster(workDir)) {
            List<Integer> ports = cluster.startInstances(2);
            int a = ports.get(0);
            int b = ports.get(1);
            cluster.createAdmin("admin", ADMIN_PASSWORD);
            int nginx = cluster.startNginx(ports);
            LOG.info("two instances ready on {} and {}, nginx on {}", a, b, nginx);

            HttpResponse<String> account = cluster.app().post(a, "/api/accounts", PackagedApp.basic("admin",
                    ADMIN_PASSWORD), """
                    {"username": "clerk", "displayName": "公安经办", "role": "UNIT_STAFF", "unit": "TC-GAJ",
                     "password": "%s"}
                    """.formatted(AccountsForTests.INITIAL));
            assertThat(account.statusCode()).as(account::body).isEqualTo(201);
            AccountsForTests.changeOverHttp(a, "clerk", STAFF_PASSWORD);

            // signed in through A, the session acts through B
            Session session = signIn(a);
            HttpResponse<String> who = send(request(b, "/api/session", session).GET().build());
            assertThat(who.statusCode()).as(who::body).isEqualTo(200);
            assertThat(new JsonObject(who.body()).getString("userId")).isEqualTo(session.userId());
            assertThat(new JsonObject(who.body()).getString("unit")).isEqualTo("TC-GAJ");
            HttpResponse<String> created = send(json(b, "/api/projects", session, draft("两实例-B上创建")));
            assertThat(created.statusCode()).as(created::body).isEqualTo(201);
            acknowledged.put(new JsonObject(created.body()).getString("id"), "两实例-B上创建");

            // signed out through B, the session is over on A too
            HttpResponse<String> out = send(request(b, "/api/session", session).DELETE().build());
            assertThat(out.statusCode()).as(out::body).isEqualTo(200);
            assertThat(send(request(a, "/api/session", session).GET().build()).statusCode()).isEqualTo(401);
            LOG.info("sessions shared between the instances");

            // the sign-in limit per client address: counted by the address nginx forwards (believed from the trusted
            // proxy 127.0.0.1), in one counter that both instances read
            assertSharedAddressLimit(cluster, nginx, a, b);

            // writes through nginx with the session signed in through nginx; A is killed mid-stream
            Session shared = signIn(nginx);
            AtomicInteger count = new AtomicInteger();
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                String prefix = "c" + c;
                Thread client = new Thread(() -> write(nginx, shared, prefix, count, stop), "writer-" + prefix);
                client.start();
                clients.add(client);
            }
            PackagedApp.Run killed = cluster.instance(0);
            awaitAtLeast(count, WRITES_BEFORE_KILL, cluster);
            killed.process().destroyForcibly();
            assertThat(killed.exited(30)).as("killed with SIGKILL").isTrue();
            int atKill = count.get();
            LOG.info("instance on {} killed after {} acknowledged writes", a, atKill);
            awaitAtLeast(count, atKill + WRITES_AFTER_KILL, cluster);
            stop.set(true);
            for (Thread client : clients) {
                client.join(TimeUnit.SECONDS.toMillis(60));
                assertThat(client.isAlive()).as("writer %s ended", client.getName()).isFalse();
            }

            List<String> lost = new ArrayList<>();
            for (Map.Entry<String, String> e : acknowledged.entrySet()) {
                HttpResponse<String> page = send(request(nginx, "/api/projects/" + e.getKey(), shared).GET()
                        .build());
                if (page.statusCode() != 200) {
                    lost.add(e.getKey() + " answered " + page.statusCode());
                } else if (!e.getValue().equals(new JsonObject(page.body()).getJsonObject("profile")
                        .getString("name"))) {
                    lost.add(e.getKey() + " has another name: " + page.body());
                }
            }
            assertThat(lost).as(() -> "acknowledged writes lost (of " + acknowledged.size() + "):\n"
                    + cluster.instance(1).output()).isEmpty();
            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(WRITES_BEFORE_KILL + WRITES_AFTER_KILL);
            assertThat(cluster.instance(1).process().isAlive()).as("the other instance served on").isTrue();

            try (Connection db = cluster.jdbc(); Statement st = db.createStatement()) {
                assertThat(count(st, "SELECT COUNT(*) FROM (SELECT deadline_id FROM reminder GROUP BY deadline_id, "
                        + "offset_days, recipient_index, channel HAVING COUNT(*) > 1) twice"))
                        .as("reminders planned twice (the recipient by its blind index: its address is encrypted)")
                        .isZero();
                assertThat(count(st, "SELECT COUNT(*) FROM (SELECT task_instance FROM scheduled_tasks "
                        + "GROUP BY task_name, task_instance HAVING COUNT(*) > 1) twice"))
                        .as("reminder digests scheduled twice").isZero();
                assertThat(count(st, "SELECT COUNT(*) FROM flyway_schema_history WHERE NOT success"))
                        .as("failed migrations").isZero();
                assertThat(count(st, "SELECT COUNT(*) FROM flyway_schema_history WHERE version = '15'"))
                        .as("V15 applied once, by one of the two instances").isEqualTo(1);
            }
            LOG.info("{} acknowledged writes all there", acknowledged.size());

            // SIGTERM: the survivor stops gracefully
            PackagedApp.Run survivor = cluster.instance(1);
            survivor.process().destroy();
            assertThat(survivor.exited(30)).as("stopped on SIGTERM").isTrue();
            assertThat(survivor.output()).contains("shutting down").contains("egov-projects stopped");
        }
    }

    /**
     * An unsuccessful sign-in through nginx from a client that says (in {@code X-Forwarded-For}) it is at an address
     * counts under that address in the shared counter; with the counter then at the limit (set in the database for
     * this minute and the next, rather than by nine more deliberately slow password checks), the next attempt from
     * that address is refused 429 by either instance, even with the right password.
     */
    private void assertSharedAddressLimit(Cluster cluster, int nginx, int a, int b) throws Exception {
        String address = "203.0.113.77";
        String key = "a:" + address;
        HttpResponse<String> failed = send(signInRequest(nginx, "nobody", "wrong").header("X-Forwarded-For", address)
                .build());
        assertThat(failed.statusCode()).as(failed::body).isEqualTo(401);
        try (Connection db = cluster.jdbc(); Statement st = db.createStatement()) {
            assertThat(count(st, "SELECT COALESCE(SUM(attempts), 0) FROM sign_in_window WHERE throttle_key = '"
                    + key + "'")).as("counted under the forwarded client address").isEqualTo(1);
            long minute = System.currentTimeMillis() / 60_000 * 60_000;
            st.executeUpdate("DELETE FROM sign_in_window WHERE throttle_key = '" + key + "'");
            try (java.sql.PreparedStatement insert = db.prepareStatement("INSERT INTO sign_in_window (throttle_key, "
                    + "window_start, attempts, refusal_told) VALUES (?, ?, 10, FALSE)")) {
                for (long start : new long[]{minute, minute + 60_000}) {
                    insert.setString(1, key);
                    insert.setObject(2, java.time.Instant.ofEpochMilli(start).atOffset(java.time.ZoneOffset.UTC));
                    insert.executeUpdate();
                }
            }
        }
        for (int port : new int[]{a, b}) {
            HttpResponse<String> refused = send(signInRequest(port, "clerk", STAFF_PASSWORD)
                    .header("X-Forwarded-For", address).build());
            assertThat(refused.statusCode()).as(refused::body).isEqualTo(429);
            assertThat(new JsonObject(refused.body()).getString("code")).isEqualTo("TOO_MANY_ATTEMPTS");
            assertThat(new JsonObject(refused.body()).getString("message")).isNotBlank();
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        }
    }

    private static HttpRequest.Builder signInRequest(int port, String username, String password) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/session"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", username)
                        .put("password", password).encode(), StandardCharsets.UTF_8));
    }

    private static long count(Statement st, String sql) throws java.sql.SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Session signIn(int port) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/session")).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", "clerk")
                        .put("password", STAFF_PASSWORD).encode(), StandardCharsets.UTF_8)).build());
        assertThat(response.statusCode()).as(response::body).isEqualTo(200);
        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("EGOV_SESSION=")).map(c -> c.substring(0, c.indexOf(';')))
                .findFirst().orElseThrow();
        JsonObject body = new JsonObject(response.body());
        return new Session(cookie, body.getString("csrfToken"), body.getString("userId"));
    }

    /** A client's stream of new drafts until told to stop; only those answered 201 count. */
    private void write(int port, Session session, String prefix, AtomicInteger count, AtomicBoolean stop) {
        for (int n = 0; !stop.get(); n++) {
            String name = "两实例" + prefix + "-" + n;
            try {
                HttpResponse<String> created = send(json(port, "/api/projects", session, draft(name)));
                if (created.statusCode() == 201) {
                    acknowledged.put(new JsonObject(created.body()).getString("id"), name);
                    count.incrementAndGet();
                }
            } catch (IOException refusedOrReset) {
                // the request was in flight on the killed instance: not acknowledged, so not counted
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void awaitAtLeast(AtomicInteger count, int target, Cluster cluster) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (count.get() < target) {
            assertThat(System.nanoTime()).as(() -> "only " + count.get() + " writes acknowledged:\n"
                    + cluster.instance(1).output() + cluster.nginxLog()).isLessThan(deadline);
            cluster.instance(1).process().waitFor(20, TimeUnit.MILLISECONDS);
        }
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpRequest.Builder request(int port, String path, Session session) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Cookie", session.cookie()).header("X-CSRF-Token", session.csrf())
                .header("X-Requested-With", "fetch");
    }

    private static HttpRequest json(int port, String path, Session session, String body) {
        return request(port, path, session).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    static String draft(String name) {
        return new JsonObject("""
                {"planYear": 2027, "category": "BUSINESS_SYSTEM", "nature": "NEW",
                 "softwareDevelopment": true, "funding": "MUNICIPAL", "classified": false, "usesCryptography": false,
                 "scopeItems": ["数据汇聚平台"], "performanceGoals": [{"indicator": "警情处置时间缩短比例", "kind": "BENEFIT", "target": "≥20%"}],
                 "budgetLines": [{"item": "软件开发", "amount": "300000.00", "supervision": false}]}
                """).put("name", name).encode();
    }
}
