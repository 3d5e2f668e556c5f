package cn.egov.projects.bootstrap;

import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.CreateAccountCommand;
import cn.egov.projects.bootstrap.config.PolicyPackFile;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.web.WebServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pack that takes effect later is followed from its first day without a restart, through the real application
 * (bootstrap wiring, H2) over HTTP: the server is started once with a city's packs over time (EGOV_POLICY: Taicang's,
 * then from 2025-01-01 the two-stage example pack, which numbers the authorities' duties 5 and contracts 15 and gives
 * 15 working days to file a contract); the same requests on 2024-12-31 and on 2025-01-02 (the application's clock
 * moved, nothing restarted) cite each pack's article and period.
 */
@DisplayName("新政策包生效无需重启：同一服务器在2024-12-31引用太仓政策包（第四条、第十四条、7个工作日），2025-01-02起引用两阶段政策包（第五条、第十五条、15个工作日）")
class PackTakesEffectApiTest {

    private static final String PASSWORD = "Unit-Staff-Pass-2026";

    @TempDir
    Path home;

    private final StaffBrowserIT.TestClock clock = new StaffBrowserIT.TestClock(LocalDate.of(2024, 12, 31));
    private Application application;
    private WebServer server;
    private String base;

    @BeforeEach
    void start() throws Exception {
        Path packs = home.resolve("packs.json");
        Files.writeString(packs, "{\"packs\": [" + PolicyPackFile.toJson(PolicyPacks.taicang()) + ", "
                + PolicyPackFile.toJson(PolicyPacks.twoStage()) + "]}", StandardCharsets.UTF_8);
        Settings settings = Settings.parse(List.of("--db-url", "jdbc:h2:file:" + home.toAbsolutePath().resolve("egov")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "--uploads-dir", home.resolve("uploads").toString()),
                Map.of("EGOV_POLICY", packs.toString(), "EGOV_PASSWORD_MAX_AGE_DAYS", "3650",
                        "EGOV_DORMANT_DAYS", "3650"));
        application = Application.open(settings, clock);
        server = WebServer.start(application.webApi(), 0);
        base = "http://localhost:" + server.port();
        application.accounts().createAccount(null, new CreateAccountCommand("secadmin", "安全保密管理员",
                Role.SECURITY_ADMIN, new UnitId("TC-DSJ"), null, null, "Security-Admin-2024".toCharArray()));
        Caller secadmin = new Caller(application.accounts().authenticate("secadmin",
                "Security-Admin-2024".toCharArray()).orElseThrow(), "test", "-");
        AccountsForTests.ready(application.accounts(), secadmin, new CreateAccountCommand("police", "王经办",
                Role.UNIT_STAFF, new UnitId("TC-GAJ"), null, null, PASSWORD.toCharArray()));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (application != null) {
            application.close();
        }
    }

    private HttpResponse<String> call(String method, String path, JsonObject json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", AccountsForTests.basic("police", PASSWORD))
                .header("X-Requested-With", "test").timeout(Duration.ofSeconds(180));
        request = json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json.encode(), StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** What the server cites today: the role refusal, the actions' catalogue, the statistics, the calculator, the pack. */
    private List<String> citations() throws Exception {
        HttpResponse<String> refused = call("POST", "/api/declaration-windows", new JsonObject().put("planYear", 2026)
                .put("opensOn", "2025-07-01").put("closesOn", "2025-09-30"));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        JsonObject refusal = new JsonObject(refused.body());
        assertThat(refusal.getString("code")).isEqualTo("ART4_ROLE");

        String contract = new JsonObject(call("GET", "/api/actions", null).body()).getJsonArray("actions").stream()
                .map(JsonObject.class::cast).filter(a -> a.getString("action").equals("SIGN_CONTRACT")).findFirst()
                .orElseThrow().getString("article");
        String categories = new JsonObject(call("GET", "/api/statistics", null).body()).getJsonArray("charts")
                .stream().map(JsonObject.class::cast).filter(c -> c.getString("id").equals("projectsByCategory"))
                .findFirst().orElseThrow().getString("title");
        JsonObject due = new JsonObject(call("GET", "/api/deadlines/compute?kind=CONTRACT_FILING&start=2025-04-25",
                null).body());
        JsonObject policy = new JsonObject(call("GET", "/api/policy", null).body());
        return List.of(refusal.getString("article"), contract, categories, due.getString("article"),
                due.getString("term"), policy.getString("id"), policy.getJsonObject("articles").getString("DECLARATION"));
    }

    @Test
    @DisplayName("2024-12-31：第四条、第十四条、项目类别第五条、7个工作日；时钟拨到2025-01-02：第五条、第十五条、第六条、15个工作日")
    void theSameServerCitesThePackInForceOnTheDay() throws Exception {
        assertThat(citations()).containsExactly("第四条", "第十四条", "项目类别分布（第五条）", "第十四条", "7个工作日",
                "taicang-2021", "第七条");

        clock.set(LocalDate.of(2025, 1, 2));

        assertThat(citations()).containsExactly("第五条", "第十五条", "项目类别分布（第六条）", "第十五条", "15个工作日",
                "example-two-stage", "第八条");
    }
}
