package cn.egov.projects.web;

import cn.egov.projects.application.port.out.WebSessionPort;
import cn.egov.projects.application.port.in.DocumentRules;
import cn.egov.projects.web.auth.AccessRevisions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the API (two routers, two servers) over one store of sessions and one log of access revisions,
 * as two application instances over one database: a session started through one is used through the other, a
 * sign-out through either ends it on both, a disabled account's session stops on the other instance promptly, and
 * {@code /ready} turns 503 when an instance starts draining while {@code /health} stays up.
 */
@DisplayName("多实例：会话与权限变更经共享存储在实例间生效；停止时就绪检查返回503")
class SharedInstancesApiTest extends ApiTestSupport {

    /** The sessions table, in memory. */
    static final class Sessions implements WebSessionPort {
        final Map<String, StoredSession> rows = new ConcurrentHashMap<>();

        @Override
        public Optional<StoredSession> load(String id, Instant now) {
            return Optional.ofNullable(rows.get(id)).filter(s -> s.expiresAt().isAfter(now));
        }

        @Override
        public void save(StoredSession session) {
            rows.put(session.id(), session);
        }

        @Override
        public void delete(String id) {
            rows.remove(id);
        }

        @Override
        public int purgeExpired(Instant now) {
            int before = rows.size();
            rows.values().removeIf(s -> !s.expiresAt().isAfter(now));
            return before - rows.size();
        }

        @Override
        public void deleteAll() {
            rows.clear();
        }

        @Override
        public int count(Instant now) {
            return (int) rows.values().stream().filter(s -> s.expiresAt().isAfter(now)).count();
        }
    }

    private final Sessions sessions = new Sessions();
    private final InMemoryAccessRevisionLog log = new InMemoryAccessRevisionLog();
    private WebApi apiA;
    private WebApi apiB;
    private int portA;
    private int portB;

    @BeforeEach
    void startTwoInstances(Vertx vertx) {
        WebSettings settings = new WebSettings(false, new DocumentRules(UPLOAD_LIMIT, Set.of("pdf", "txt")),
                Path.of("target", "uploads"));
        apiB = webApi(workplace, useCases(world.accountService), ready::get, settings, AccessRevisions.shared(log),
                sessions);
        // the services tell A's revisions (the last made) of access changes; B reads them from the log
        apiA = webApi(workplace, useCases(world.accountService), ready::get, settings, AccessRevisions.shared(log),
                sessions);
        portA = listen(vertx, apiA);
        portB = listen(vertx, apiB);
    }

    private static int listen(Vertx vertx, WebApi api) {
        HttpServer server = await(vertx.createHttpServer(WebServer.options(WebServer.IDLE_TIMEOUT))
                .requestHandler(api.router(vertx)).listen(0));
        return server.actualPort();
    }

    private HttpRequest<Buffer> to(int port, HttpMethod method, String path, String cookie, String csrf) {
        HttpRequest<Buffer> request = client.request(method, port, "localhost", path)
                .putHeader("X-Requested-With", "fetch");
        if (cookie != null) {
            request.putHeader("Cookie", cookie);
        }
        if (csrf != null) {
            request.putHeader("X-CSRF-Token", csrf);
        }
        return request;
    }

    /** Signs in through the instance on the port: the session cookie, the CSRF token and the user id. */
    private String[] signIn(int port, String username) {
        HttpResponse<Buffer> response = await(to(port, HttpMethod.POST, "/api/session", null, null)
                .sendJsonObject(signInBody(username)));
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        String cookie = response.cookies().stream().filter(c -> c.startsWith(WebApi.SESSION_COOKIE + "="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        return new String[]{cookie, response.bodyAsJsonObject().getString("csrfToken"),
                response.bodyAsJsonObject().getString("userId")};
    }

    @Test
    @DisplayName("经A登录，经B查看和提交；经B退出后A上的会话也结束；会话存在共享存储中")
    void aSessionStartedThroughOneInstanceServesThroughTheOther() {
        HttpResponse<Buffer> unknown = await(to(portA, HttpMethod.GET, "/api/session",
                WebApi.SESSION_COOKIE + "=no-such-session", null).send());
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(sessions.rows).as("an unknown cookie stores nothing").isEmpty();
        String[] session = signIn(portA, "police");
        assertThat(sessions.rows).hasSize(1);
        HttpResponse<Buffer> who = await(to(portB, HttpMethod.GET, "/api/session", session[0], null).send());
        assertThat(who.statusCode()).isEqualTo(200);
        assertThat(who.bodyAsJsonObject().getString("userId")).isEqualTo(session[2]);
        assertThat(who.bodyAsJsonObject().getString("unit")).isEqualTo("TC-GAJ");
        assertThat(who.bodyAsJsonObject().getString("csrfToken")).isEqualTo(session[1]);
        HttpResponse<Buffer> created = await(to(portB, HttpMethod.POST, "/api/projects", session[0], session[1])
                .sendJsonObject(profile("共享会话项目", TODAY.getYear() + 1)));
        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        HttpResponse<Buffer> withoutToken = await(to(portA, HttpMethod.POST, "/api/projects", session[0], null)
                .sendJsonObject(profile("无令牌", TODAY.getYear() + 1)));
        assertThat(withoutToken.statusCode()).as("the CSRF token is still required").isEqualTo(403);

        HttpResponse<Buffer> out = await(to(portB, HttpMethod.DELETE, "/api/session", session[0], session[1]).send());
        assertThat(out.statusCode()).isEqualTo(200);
        assertThat(sessions.rows).isEmpty();
        HttpResponse<Buffer> after = await(to(portA, HttpMethod.GET, "/api/session", session[0], null).send());
        assertThat(after.statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("经A停用账号后，该账号经B登录的会话很快失效")
    void disablingAnAccountThroughOneInstanceEndsItsSessionOnTheOther() throws InterruptedException {
        String[] session = signIn(portB, "health");
        assertThat(await(to(portB, HttpMethod.GET, "/api/session", session[0], null).send()).statusCode())
                .isEqualTo(200);
        String[] admin = signIn(portA, "admin");
        HttpResponse<Buffer> disabled = await(to(portA, HttpMethod.PUT, "/api/accounts/" + session[2] + "/enabled", admin[0],
                admin[1]).sendJsonObject(new JsonObject().put("enabled", false)));
        assertThat(disabled.statusCode()).as(disabled.bodyAsString()).isEqualTo(200);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int status;
        do {
            status = await(to(portB, HttpMethod.GET, "/api/session", session[0], null).send()).statusCode();
            // polls the condition: B reads the change within AccessRevisions.SYNC_EVERY
        } while (status == 200 && System.nanoTime() < deadline && !Thread.interrupted());
        assertThat(status).as("the disabled account's session on the other instance").isEqualTo(401);
    }

    @Test
    @DisplayName("开始停止（drain）后 /ready 返回503，/health 仍为200；数据库不可用时 /ready 为503")
    void readinessTurnsUnavailableWhenDraining() {
        HttpResponse<Buffer> ready = await(to(portA, HttpMethod.GET, "/ready", null, null).send());
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.bodyAsJsonObject().getString("status")).isEqualTo("READY");
        apiA.drain();
        HttpResponse<Buffer> draining = await(to(portA, HttpMethod.GET, "/ready", null, null).send());
        assertThat(draining.statusCode()).isEqualTo(503);
        assertThat(draining.bodyAsJsonObject().getString("status")).isEqualTo("DRAINING");
        assertThat(draining.bodyAsJsonObject().getString("message")).contains("正在停止");
        assertThat(await(to(portA, HttpMethod.GET, "/health", null, null).send()).statusCode()).isEqualTo(200);
        assertThat(await(to(portB, HttpMethod.GET, "/ready", null, null).send()).statusCode()).isEqualTo(200);
        this.ready.set(false);
        HttpResponse<Buffer> down = await(to(portB, HttpMethod.GET, "/ready", null, null).send());
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.bodyAsJsonObject().getString("status")).isEqualTo("DOWN");
    }
}
