package cn.egov.projects.bootstrap;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One instance against two, each behind nginx on one embedded PostgreSQL: client threads signed in with one browser
 * session each create a draft and read it back, as fast as answered, for a fixed time; the figure is such pairs per
 * second. One and two instances alternate for a few rounds (nginx in front either way: one nginx with one upstream,
 * another with both), so that JIT warm-up and the neighbours' load fall on both alike. Not picked by {@code mvn verify} (no IT suffix); run with
 * {@code mvn -B -o -pl bootstrap -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=TwoInstancesBenchmark} (figures in the log lines of {@code cn.egov.projects.bootstrap.Benchmark}).
 */
class TwoInstancesBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger("cn.egov.projects.bootstrap.Benchmark");
    private static final int CLIENTS = Integer.getInteger("bench.clients", 16);
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmUpSeconds", 5));
    private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.seconds", 15));
    private static final String PASSWORD = "Bench-Password-0";
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

    @TempDir
    Path workDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void oneInstanceAgainstTwo() throws Exception {
        System.setProperty(PackagedApp.FULL_JIT, "true");
        try (Cluster cluster = new Cluster(workDir)) {
            List<Integer> ports = cluster.startInstances(2);
            cluster.createAdmin("admin", PASSWORD);
            HttpResponse<String> account = cluster.app().post(ports.get(0), "/api/accounts",
                    PackagedApp.basic("admin", PASSWORD), """
                    {"username": "clerk", "displayName": "公安经办", "role": "UNIT_STAFF", "unit": "TC-GAJ",
                     "password": "%s"}
                    """.formatted(AccountsForTests.INITIAL));
            assertThat(account.statusCode()).as(account::body).isEqualTo(201);
            AccountsForTests.changeOverHttp(ports.get(0), "clerk", PASSWORD);
            int one = cluster.startNginx(List.of(ports.get(0)));
            int two = cluster.startNginx(ports);
            // alternated, so that warming up and the neighbours' load fall on both alike
            double[] single = new double[ROUNDS];
            double[] pair = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                single[round] = run(one, "one instance, round " + (round + 1));
                pair[round] = run(two, "two instances, round " + (round + 1));
            }
            LOG.info("write+read pairs per second through nginx, {} clients: one instance {}, two instances {}",
                    CLIENTS, java.util.Arrays.stream(single).mapToLong(Math::round).boxed().toList(),
                    java.util.Arrays.stream(pair).mapToLong(Math::round).boxed().toList());
        }
    }

    private double run(int port, String label) throws Exception {
        String[] session = signIn(port);
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong pairs = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            String prefix = label.replace(' ', '-') + "-c" + c;
            Thread client = new Thread(() -> {
                for (int n = 0; !stop.get(); n++) {
                    try {
                        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                        + port + "/api/projects")).timeout(Duration.ofSeconds(30))
                                .header("Cookie", session[0]).header("X-CSRF-Token", session[1])
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(TwoInstancesIT.draft(prefix + "-" + n),
                                        StandardCharsets.UTF_8)).build());
                        if (created.statusCode() != 201) {
                            failures.incrementAndGet();
                            continue;
                        }
                        String id = new JsonObject(created.body()).getString("id");
                        HttpResponse<String> read = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                        + "/api/projects/" + id)).timeout(Duration.ofSeconds(30))
                                .header("Cookie", session[0]).GET().build());
                        if (read.statusCode() == 200) {
                            if (measuring.get()) {
                                pairs.incrementAndGet();
                            }
                        } else {
                            failures.incrementAndGet();
                        }
                    } catch (IOException e) {
                        failures.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, "bench-" + prefix);
            client.start();
            clients.add(client);
        }
        // a measurement over fixed time, not a synchronisation: the clients run on meanwhile
        Thread.sleep(WARM_UP.toMillis());
        measuring.set(true);
        long started = System.nanoTime();
        Thread.sleep(MEASURE.toMillis());
        long counted = pairs.get();
        double seconds = (System.nanoTime() - started) / 1e9;
        stop.set(true);
        for (Thread client : clients) {
            client.join(60_000);
        }
        double rate = counted / seconds;
        LOG.info("{}: {} write+read pairs in {} s = {} per second ({} failures)", label, counted,
                String.format("%.1f", seconds), Math.round(rate), failures.get());
        assertThat(failures.get()).as("failed requests (%s)", label).isZero();
        return rate;
    }

    private String[] signIn(int port) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/session")).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", "clerk")
                        .put("password", PASSWORD).encode(), StandardCharsets.UTF_8)).build());
        assertThat(response.statusCode()).as(response::body).isEqualTo(200);
        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("EGOV_SESSION=")).map(c -> c.substring(0, c.indexOf(';')))
                .findFirst().orElseThrow();
        return new String[]{cookie, new JsonObject(response.body()).getString("csrfToken")};
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
