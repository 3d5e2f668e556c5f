package cn.egov.projects.web;

import cn.egov.projects.application.fake.FakeWorkplace;
import cn.egov.projects.application.fake.FakeWorld;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("WebServer：启动、停止、端口被占用")
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
}
