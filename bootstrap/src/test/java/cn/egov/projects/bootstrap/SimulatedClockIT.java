package cn.egov.projects.bootstrap;

import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.CreateAccountCommand;
import cn.egov.projects.bootstrap.PackagedApp.Run;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.web.WebServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application started with {@code EGOV_CLOCK}: its clock, the use cases' business dates and {@code /health}
 * follow the simulated time; the packaged jar warns of it in its log and refuses a bad value with exit code 2.
 */
@DisplayName("模拟时钟：启动后业务日期、/health和日志都随模拟时间")
class SimulatedClockIT {

    private static final String PASSWORD = "Simulated-Clock-Password";
    private static final String DRAFT = """
            {"name": "智慧公安数据平台", "planYear": 2026, "category": "BUSINESS_SYSTEM", "nature": "NEW",
             "softwareDevelopment": true, "funding": "MUNICIPAL", "classified": false, "usesCryptography": false,
             "scopeItems": ["数据汇聚平台"], "performanceGoals": [{"indicator": "警情处置时间缩短比例", "kind": "BENEFIT", "target": "≥20%"}],
             "budgetLines": [{"item": "软件开发", "amount": "600000.00", "supervision": false}]}
            """;

    @TempDir
    Path home;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    @DisplayName("EGOV_CLOCK=2025-03-04T09:00：今天是2025-03-04，/health报clockSet，新建草稿的建立日期和操作记录是模拟的日子")
    void businessDatesFollowTheSimulatedClock() throws Exception {
        Settings settings = Settings.parse(List.of("--db-url", "jdbc:h2:file:" + home.toAbsolutePath().resolve("egov")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "--uploads-dir", home.resolve("uploads").toString()), Map.of("EGOV_CLOCK", "2025-03-04T09:00"));
        try (Application application = Application.open(settings)) {
            assertThat(application.clock().simulated()).isTrue();
            assertThat(application.clock().today()).isEqualTo(LocalDate.of(2025, 3, 4));

            WebServer server = WebServer.start(application.webApi(), 0);
            try {
                String base = "http://localhost:" + server.port();
                HttpResponse<String> health = send(HttpRequest.newBuilder(URI.create(base + "/health")).GET(), null);
                assertThat(health.statusCode()).isEqualTo(200);
                JsonObject body = new JsonObject(health.body());
                assertThat(body.getString("status")).isEqualTo("UP");
                assertThat(body.getBoolean("clockSet")).isTrue();
                OffsetDateTime clock = OffsetDateTime.parse(body.getString("clock"));
                assertThat(clock.getOffset().getTotalSeconds()).isEqualTo(8 * 3600);
                assertThat(clock.toLocalDate()).isEqualTo(LocalDate.of(2025, 3, 4));
                assertThat(clock.getHour()).isEqualTo(9);

                var accounts = application.accounts();
                accounts.createAccount(null, account("admin", Role.ADMIN, "TC-DSJ"));
                Caller admin = new Caller(accounts.authenticate("admin", PASSWORD.toCharArray()).orElseThrow(),
                        "it", "-");
                AccountsForTests.ready(accounts, admin, account("police", Role.UNIT_STAFF, "TC-GAJ"));
                String staff = PackagedApp.basic("police", PASSWORD);

                HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(base + "/api/projects"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(DRAFT, StandardCharsets.UTF_8)), staff);
                assertThat(created.statusCode()).as(created::body).isEqualTo(201);
                String id = new JsonObject(created.body()).getString("id");

                HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + "/api/projects/" + id))
                        .GET(), staff);
                assertThat(page.statusCode()).as(page::body).isEqualTo(200);
                JsonObject project = new JsonObject(page.body());
                assertThat(project.getString("createdOn")).isEqualTo("2025-03-04");
                assertThat(project.getString("today")).isEqualTo("2025-03-04");
                assertThat(project.getJsonArray("timeline")).as("the audit records of the draft").isNotEmpty()
                        .allSatisfy(entry -> assertThat(((JsonObject) entry).getString("at"))
                                .startsWith("2025-03-04T01:0"));
            } finally {
                server.close();
            }
        }
    }

    @Test
    @DisplayName("打包后的应用：启动日志警告模拟时钟；值不可用时退出码2，一行中英文说明")
    void packagedApplicationWarnsAndRefusesBadValues() throws Exception {
        try (PackagedApp app = new PackagedApp(home)) {
            Run bad = app.run(Map.of("EGOV_CLOCK", "2025-03-04T9:00"));
            assertThat(bad.exited(60)).as("exited").isTrue();
            assertThat(bad.process().exitValue()).as(bad::output).isEqualTo(ExitCode.BAD_SETTING);
            assertThat(bad.output().lines().filter(l -> l.contains(" ERROR ")).toList()).singleElement().asString()
                    .contains("start-up failed: EGOV_CLOCK：“2025-03-04T9:00”不是可用的时间")
                    .contains("EGOV_CLOCK: '2025-03-04T9:00' is not a usable time; accepted forms: ");

            int port = PackagedApp.freePort();
            Run server = app.startServer(port, Map.of("EGOV_CLOCK", "2025-03-04T09:00+08:00"));
            assertThat(server.output().lines().filter(l -> l.contains(" WARN ") && l.contains("SIMULATED CLOCK"))
                    .toList()).as(server::output).singleElement().asString()
                    .contains("starts at 2025-03-04T09:00+08:00").contains("every deadline");
            HttpResponse<String> health = app.get(port, "/health", null);
            assertThat(health.body()).contains("\"clockSet\":true").contains("\"clock\":\"2025-03-04T09:0");
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String auth) throws Exception {
        request.timeout(Duration.ofSeconds(30));
        if (auth != null) {
            request.header("Authorization", auth);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static CreateAccountCommand account(String username, Role role, String unit) {
        return new CreateAccountCommand(username, username + "的姓名", role, new UnitId(unit), null, null,
                PASSWORD.toCharArray());
    }
}
