package cn.egov.projects.web;

import cn.egov.projects.application.fake.FakeWorkplace;
import cn.egov.projects.application.fake.FakeWorld;
import cn.egov.projects.application.fake.People;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.CreateDraftCommand;
import cn.egov.projects.domain.access.Role;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("WebServer：启动、停止、端口被占用、空闲连接超时")
class WebServerTest {

    private final FakeWorkplace workplace = new FakeWorkplace(LocalDate.of(2024, 8, 15));
    private final FakeWorld world = workplace.world;
    private final UseCases useCases = new UseCases(world.calculator, world.accountService, world.accountService,
            world.declarations, world.queries, world.queries, world.declarations, world.declarations);

    private WebApi api() {
        return ApiTestSupport.webApi(workplace, useCases, () -> true);
    }

    @Test
    @DisplayName("在空闲端口上启动后应答，停止后不再监听")
    void startsAndStops() throws Exception {
        int port;
        try (WebServer server = WebServer.start(api(), 0)) {
            port = server.port();
            HttpResponse<String> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
        }
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health")).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(java.io.IOException.class);
    }

    @Test
    @DisplayName("端口已被占用时启动失败并说明")
    void portInUse() {
        try (WebServer first = WebServer.start(api(), 0)) {
            assertThatThrownBy(() -> WebServer.start(api(), first.port()))
                    .isInstanceOfSatisfying(WebServerException.class, e -> {
                        assertThat(e.portInUse()).isTrue();
                        assertThat(e.getMessage()).contains("in use");
                    });
        }
    }

    /** A staff member of the police bureau with a draft, on a server closing silent connections after the timeout. */
    private WebServer serverWithDraft(String[] projectId, Duration idleTimeout) {
        world.accountService.createAccount(null, ApiTestSupport.account("admin", Role.ADMIN, "TC-DSJ"));
        Caller admin = new Caller(world.accountService.authenticate("admin",
                ApiTestSupport.PASSWORD.toCharArray()).orElseThrow(), "setup", "-");
        world.accountService.createAccount(admin, ApiTestSupport.account("police", Role.UNIT_STAFF, "TC-GAJ"));
        Caller police = new Caller(world.accountService.authenticate("police",
                ApiTestSupport.PASSWORD.toCharArray()).orElseThrow(), "setup", "-");
        projectId[0] = world.declarations.createDraft(police, new CreateDraftCommand(People.smartPolicePlatform(2025)))
                .toString();
        return WebServer.start(api(), 0, idleTimeout);
    }

    private static String uploadHead(String id, int contentLength) {
        return "POST /api/projects/" + id + "/documents HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                + RawHttp.basic("police", ApiTestSupport.PASSWORD) + "\r\nContent-Type: multipart/form-data; "
                + "boundary=XyZ\r\nContent-Length: " + contentLength + "\r\n\r\n";
    }

    private static final String PARTS = "--XyZ\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n合同\r\n--XyZ\r\n"
            + "Content-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf"
            + "\r\n\r\n%PDF-1.7 正文";

    @Test
    @DisplayName("缺少结束分隔符的multipart上传（内容已全部送达）：几秒内得到400，不保存")
    void multipartWithoutClosingBoundaryIsRefused() throws Exception {
        String[] id = new String[1];
        try (WebServer server = serverWithDraft(id, WebServer.IDLE_TIMEOUT); RawHttp http = new RawHttp(server.port())) {
            byte[] body = PARTS.getBytes(StandardCharsets.UTF_8);
            RawHttp.Answer answer = http.send(uploadHead(id[0], body.length)).send(body).read();
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body()).contains("缺少结束分隔符").contains("\"field\":\"file\"");
        }
        assertThat(world.documents.listFor(cn.egov.projects.domain.project.ProjectId.parse(id[0]))).isEmpty();
    }

    @Test
    @DisplayName("停止发送的连接（请求头未完、请求内容少于Content-Length、上传中途停止）在空闲超时后被关闭")
    void silentConnectionsAreClosed() throws Exception {
        String[] id = new String[1];
        try (WebServer server = serverWithDraft(id, Duration.ofSeconds(1))) {
            byte[] body = PARTS.getBytes(StandardCharsets.UTF_8);
            String[] stalls = {
                    "GET /health HTTP/1.1\r\nHost: loc",
                    "POST /api/session HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 100\r\n\r\n{\"username\":",
                    uploadHead(id[0], body.length + 1000) + PARTS,
            };
            for (String stall : stalls) {
                try (RawHttp http = new RawHttp(server.port())) {
                    http.send(stall);
                    assertThat(http.awaitClose(10_000)).as(stall).isLessThan(5_000);
                }
            }
        }
        assertThat(world.documents.listFor(cn.egov.projects.domain.project.ProjectId.parse(id[0]))).isEmpty();
    }

    @Test
    @DisplayName("不是HTTP/1.x的请求（未知版本、过长的请求行或请求头、乱码）得到400、414或431和中文说明，不是5xx")
    void invalidRequests() throws Exception {
        try (WebServer server = WebServer.start(api(), 0)) {
            String[][] cases = {{"GET /health HTTP/9.9\r\nHost: x\r\n\r\n", "400"},
                    {"GET /" + "a".repeat(9_000) + " HTTP/1.1\r\nHost: x\r\n\r\n", "414"},
                    {"GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(10_000) + "\r\n\r\n", "431"},
                    {"GARBAGE\r\n\r\n", "400"}};
            for (String[] c : cases) {
                try (RawHttp http = new RawHttp(server.port())) {
                    RawHttp.Answer answer = http.send(c[0]).read();
                    assertThat(answer.status()).as(c[0].substring(0, Math.min(20, c[0].length()))).isEqualTo(Integer.parseInt(c[1]));
                    assertThat(answer.body()).contains("\"message\"").contains("\"messageEn\"");
                }
            }
        }
    }
}
