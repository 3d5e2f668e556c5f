package cn.egov.projects.web;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.egov.projects.application.port.in.AuthenticateUseCase;
import cn.egov.projects.web.http.ApiErrors;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("每个应答的共同约定：请求编号、安全响应头、JSON错误")
class HttpConventionsTest extends ApiTestSupport {

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        log.start();
        ((Logger) LoggerFactory.getLogger(ApiErrors.class)).addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        ((Logger) LoggerFactory.getLogger(ApiErrors.class)).detachAppender(log);
    }

    /** The calculator fails unexpectedly, to see the 500 answer. */
    @Override
    protected UseCases useCases(AuthenticateUseCase authenticate) {
        UseCases real = super.useCases(authenticate);
        return new UseCases(query -> {
            throw new IllegalStateException("secret internal detail");
        }, real.authenticate(), real.createAccount(), real.createDraft(), real.listProjects(), real.getProject(),
                real.declareProject(), real.openDeclarationWindow());
    }

    @Test
    @DisplayName("成功、401、404、400和500的应答都带安全响应头和X-Request-Id")
    void headersOnEveryAnswer() {
        HttpResponse<Buffer> ok = get("/health", null);
        HttpResponse<Buffer> unauthorized = get("/api/projects", null);
        HttpResponse<Buffer> notFound = get("/nothing/here", null);
        HttpResponse<Buffer> badRequest = post("/api/projects", "police", "{not json");
        HttpResponse<Buffer> internal = get("/api/deadlines/compute?kind=IMPL_PLAN&start=2024-01-31", null);

        for (HttpResponse<Buffer> r : List.of(ok, unauthorized, notFound, badRequest, internal)) {
            assertThat(r.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(r.getHeader("Content-Security-Policy")).contains("default-src 'self'", "script-src 'self'",
                    "frame-ancestors 'none'").doesNotContain("unsafe-inline");
            assertThat(r.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(r.getHeader("X-Frame-Options")).isEqualTo("DENY");
            assertThat(r.getHeader("Content-Type")).isEqualTo("application/json; charset=utf-8");
            assertThat(r.getHeader("X-Request-Id")).matches("[0-9a-f-]{36}");
        }
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.bodyAsJsonObject().getString("code")).isEqualTo("NOT_FOUND");
    }

    @Test
    @DisplayName("提醒中的项目链接 /projects/{编号} 转到项目页（登录后按权限显示）；不是项目编号的是404")
    void reminderLinkLeadsToTheProjectPage() {
        String id = "3F6C0A52-8a7e-4b9e-9d0e-1c2b3a4d5e6f";
        HttpResponse<Buffer> link = await(client.get("/projects/" + id).followRedirects(false).send());
        assertThat(link.statusCode()).isEqualTo(302);
        assertThat(link.getHeader("Location")).isEqualTo("/project.html?id=3f6c0a52-8a7e-4b9e-9d0e-1c2b3a4d5e6f");
        HttpResponse<Buffer> page = await(client.get(link.getHeader("Location")).send());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.bodyAsString()).contains("project.js");
        for (String bad : List.of("/projects/x", "/projects/3f6c0a52-8a7e-4b9e-9d0e-1c2b3a4d5e6f0",
                "/projects/%3Cscript%3E", "/projects/3f6c0a52-8a7e-4b9e-9d0e-1c2b3a4d5e6f/../admin.html")) {
            assertThat(await(client.get(bad).followRedirects(false).send()).statusCode()).as(bad).isEqualTo(404);
        }
    }

    @Test
    @DisplayName("合理的请求编号原样沿用，不合理的换成新的UUID")
    void requestIdFromTheClient() {
        HttpResponse<Buffer> kept = await(client.get("/health").putHeader("X-Request-Id", "abc-123_X.y").send());
        HttpResponse<Buffer> replaced = await(client.get("/health")
                .putHeader("X-Request-Id", "bad id with spaces and more than enough characters <script>").send());

        assertThat(kept.getHeader("X-Request-Id")).isEqualTo("abc-123_X.y");
        assertThat(replaced.getHeader("X-Request-Id")).matches("[0-9a-f-]{36}");
    }

    @Test
    @DisplayName("意外错误得到500，只给中文提示和请求编号；堆栈只写进日志，日志行带请求编号")
    void unexpectedFailure() {
        HttpResponse<Buffer> r = await(client.get("/api/deadlines/compute?kind=IMPL_PLAN&start=2024-01-31")
                .putHeader("X-Request-Id", "trace-500").send());

        assertThat(r.statusCode()).isEqualTo(500);
        JsonObject body = r.bodyAsJsonObject();
        assertThat(body.getString("code")).isEqualTo("INTERNAL");
        assertThat(body.getString("message")).isEqualTo("系统内部错误，请联系管理员并提供请求编号 trace-500");
        assertThat(body.getString("requestId")).isEqualTo("trace-500");
        assertThat(r.bodyAsString()).doesNotContain("secret internal detail").doesNotContain("IllegalStateException");
        assertThat(log.list).anySatisfy(event -> {
            assertThat(event.getThrowableProxy()).isNotNull();
            assertThat(event.getThrowableProxy().getMessage()).isEqualTo("secret internal detail");
            assertThat(event.getMDCPropertyMap()).containsEntry("requestId", "trace-500");
        });
    }

    @Test
    @DisplayName("不是有效JSON的请求内容得到400")
    void malformedJson() {
        HttpResponse<Buffer> broken = post("/api/projects", "police", "{\"name\": ");
        HttpResponse<Buffer> array = post("/api/projects", "police", "[1, 2]");
        HttpResponse<Buffer> duplicate = post("/api/projects", "police", "{\"name\": \"a\", \"name\": \"b\"}");
        HttpResponse<Buffer> trailing = post("/api/projects", "police", "{\"name\": \"a\"} x");
        HttpResponse<Buffer> wrongType = post("/api/projects", "police", profile("类型错误", 2025)
                .put("planYear", "2025").encode());

        for (HttpResponse<Buffer> r : List.of(broken, array, duplicate, trailing, wrongType)) {
            assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(400);
            assertThat(r.bodyAsJsonObject().getString("code")).isEqualTo("BAD_REQUEST");
        }
        assertThat(broken.bodyAsJsonObject().getString("message")).isEqualTo("请求内容不是有效的JSON");
        assertThat(wrongType.bodyAsJsonObject().getString("field")).isEqualTo("planYear");
    }

    @Test
    @DisplayName("超过1 MiB的请求内容得到413")
    void bodyTooLarge() {
        String big = "{\"name\": \"" + "x".repeat(1024 * 1024 + 10) + "\"}";

        HttpResponse<Buffer> r = post("/api/projects", "police", big);

        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.bodyAsJsonObject().getString("code")).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(r.getHeader("X-Request-Id")).isNotBlank();
    }

    @Test
    @DisplayName("不是JSON的请求内容类型得到415（也挡住跨站表单提交）")
    void onlyJsonBodies() {
        HttpResponse<Buffer> form = await(client.post("/api/projects").basicAuthentication("police", PASSWORD)
                .putHeader("Content-Type", "application/x-www-form-urlencoded").sendBuffer(Buffer.buffer("a=b")));
        HttpResponse<Buffer> text = await(client.post("/api/projects").basicAuthentication("police", PASSWORD)
                .putHeader("Content-Type", "text/plain").sendBuffer(Buffer.buffer("{}")));

        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(text.bodyAsJsonObject().getString("code")).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    @DisplayName("健康检查：就绪时200 UP，否则503 DOWN；未设模拟时钟时clockSet为false")
    void health() {
        HttpResponse<Buffer> up = get("/health", null);
        ready.set(false);
        HttpResponse<Buffer> down = get("/health", null);

        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(up.bodyAsJsonObject()).isEqualTo(new JsonObject().put("status", "UP").put("clockSet", false));
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.bodyAsJsonObject()).isEqualTo(new JsonObject().put("status", "DOWN").put("clockSet", false));
    }

    @Test
    @DisplayName("不支持的请求方法得到405")
    void methodNotAllowed() {
        HttpResponse<Buffer> r = await(client.delete("/health").send());

        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.bodyAsJsonObject().getString("code")).isEqualTo("METHOD_NOT_ALLOWED");
    }
}
