package cn.egov.projects.web;

import cn.egov.projects.application.port.in.DocumentRules;
import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.web.http.TrustedProxies;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a reverse proxy: forwarded headers are believed only from a trusted proxy, and then the client's address
 * (the right-most untrusted one of {@code X-Forwarded-For}) and scheme are what the audit trail, the rate limits and
 * the session cookie go by. The server redirects nobody anywhere.
 */
@DisplayName("反向代理：只信任受信任代理转发的客户端地址和协议；审计、限流、Cookie随之；服务器不做站外跳转")
class ForwardedHeadersApiTest extends ApiTestSupport {

    /** The tests' client connects from the loopback address, which these settings trust as a proxy. */
    private static final TrustedProxies LOOPBACK_PROXY = TrustedProxies.parse("127.0.0.1, ::1");

    private WebClient serve(Vertx vertx, boolean secureCookies, TrustedProxies proxies) {
        WebApi proxied = webApi(workplace, useCases(world.accountService), () -> true,
                new WebSettings(secureCookies, new DocumentRules(UPLOAD_LIMIT, Set.of("pdf", "txt", "docx")),
                        Path.of("target", "uploads"), proxies));
        int port = await(vertx.createHttpServer().requestHandler(proxied.router(vertx)).listen(0)).actualPort();
        return WebClient.create(vertx, new WebClientOptions().setDefaultHost("localhost").setDefaultPort(port));
    }

    private static HttpResponse<Buffer> signIn(WebClient client, String user, String password, String forwardedFor,
                                                String proto) {
        HttpRequest<Buffer> request = client.post("/api/session").putHeader("X-Requested-With", "fetch");
        if (forwardedFor != null) {
            request.putHeader("X-Forwarded-For", forwardedFor);
        }
        if (proto != null) {
            request.putHeader("X-Forwarded-Proto", proto);
        }
        return await(request.sendJsonObject(new JsonObject().put("username", user).put("password", password)));
    }

    private static String sessionCookie(HttpResponse<Buffer> r) {
        return r.cookies().stream().filter(c -> c.startsWith(WebApi.SESSION_COOKIE + "=")).findFirst().orElseThrow();
    }

    private AuditRecord lastSignIn() {
        List<AuditRecord> all = world.audit.all().stream().filter(r -> "SIGN_IN".equals(r.action())).toList();
        return all.get(all.size() - 1);
    }

    @Test
    @DisplayName("默认不信任任何代理：伪造的X-Forwarded-For和X-Forwarded-Proto被忽略，记录直连地址，Cookie不带Secure")
    void forwardedHeadersOfAnUntrustedPeerAreIgnored() {
        HttpResponse<Buffer> in = signIn(client, "police", PASSWORD, "203.0.113.9", "https");

        assertThat(in.statusCode()).isEqualTo(200);
        assertThat(sessionCookie(in)).doesNotContain("Secure");
        assertThat(in.getHeader("Strict-Transport-Security")).isNull();
        assertThat(lastSignIn().sourceAddress()).isEqualTo("127.0.0.1");
    }

    @Test
    @DisplayName("来自受信任代理：客户端为X-Forwarded-For中最右边的非代理地址；HTTPS时Cookie带Secure并发送HSTS；业务操作的记录也用该地址")
    void forwardedHeadersOfATrustedProxyAreHonoured(Vertx vertx) {
        WebClient proxied = serve(vertx, false, LOOPBACK_PROXY);

        HttpResponse<Buffer> in = signIn(proxied, "police", PASSWORD, "198.51.100.1, 203.0.113.9, 127.0.0.1", "https");

        assertThat(in.statusCode()).isEqualTo(200);
        assertThat(sessionCookie(in)).contains("Secure").containsIgnoringCase("HttpOnly").contains("SameSite=Strict");
        assertThat(in.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000");
        assertThat(lastSignIn().sourceAddress()).isEqualTo("203.0.113.9");

        HttpResponse<Buffer> plain = signIn(proxied, "health", PASSWORD, "[2001:DB8:0::7]:4711", "http");
        assertThat(sessionCookie(plain)).doesNotContain("Secure");
        assertThat(lastSignIn().sourceAddress()).isEqualTo("2001:db8::7");

        HttpResponse<Buffer> draft = await(proxied.post("/api/projects").basicAuthentication("police", PASSWORD)
                .putHeader("X-Forwarded-For", "203.0.113.77").sendJsonObject(profile("经代理的项目", 2025)));
        assertThat(draft.statusCode()).isEqualTo(201);
        assertThat(world.audit.all()).filteredOn(r -> draft.bodyAsJsonObject().getString("id").equals(r.projectId()))
                .isNotEmpty().allSatisfy(r -> assertThat(r.sourceAddress()).isEqualTo("203.0.113.77"));
    }

    @Test
    @DisplayName("受信任代理写入无法识别的地址时，以该代理为客户端；没有X-Forwarded-For时也是代理本身")
    void unreadableForwardedAddressesFallBackToTheProxy(Vertx vertx) {
        WebClient proxied = serve(vertx, false, LOOPBACK_PROXY);

        signIn(proxied, "police", PASSWORD, "203.0.113.9, unknown", null);
        assertThat(lastSignIn().sourceAddress()).isEqualTo("127.0.0.1");
        signIn(proxied, "police", PASSWORD, null, null);
        assertThat(lastSignIn().sourceAddress()).isEqualTo("127.0.0.1");
    }

    @Test
    @DisplayName("限流按代理转发的客户端地址计：一个客户端被限流，同一代理后的其他客户端不受影响")
    void rateLimitsFollowTheForwardedAddress(Vertx vertx) {
        WebClient proxied = serve(vertx, false, LOOPBACK_PROXY);
        for (int i = 0; i < 10; i++) {
            assertThat(signIn(proxied, "guess" + i, "password", "203.0.113.9", "https").statusCode()).isEqualTo(401);
        }

        HttpResponse<Buffer> throttled = signIn(proxied, "police", PASSWORD, "203.0.113.9", "https");
        HttpResponse<Buffer> neighbour = signIn(proxied, "police", PASSWORD, "203.0.113.10", "https");

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.bodyAsJsonObject().getString("code")).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(neighbour.statusCode()).isEqualTo(200);
        assertThat(world.audit.all()).filteredOn(r -> r.summary().contains("登录尝试过于频繁")).singleElement()
                .satisfies(r -> assertThat(r.sourceAddress()).isEqualTo("203.0.113.9"));
    }

    @Test
    @DisplayName("EGOV_SECURE_COOKIES=true 时即使经HTTP直连，会话Cookie也带Secure")
    void secureCookiesCanBeForced(Vertx vertx) {
        WebClient forced = serve(vertx, true, TrustedProxies.NONE);

        HttpResponse<Buffer> in = signIn(forced, "police", PASSWORD, null, null);

        assertThat(in.statusCode()).isEqualTo(200);
        assertThat(sessionCookie(in)).contains("Secure");
    }

    @Test
    @DisplayName("服务器不做站外跳转：各种以斜杠、反斜杠、控制字符构造的地址都不得到3xx或Location")
    void noOffSiteRedirects() {
        for (String path : List.of("//evil.example", "/%5Cevil.example", "/%5C%5Cevil.example/x", "/%09/evil.example",
                "/\\evil.example", "/login.html?next=/%5Cevil.example", "/api/session?next=//evil.example",
                "/.%2F%2Fevil.example", "/webroot")) {
            HttpResponse<Buffer> r = await(client.get(path).followRedirects(false).send());
            assertThat(r.statusCode() / 100).as(path).isNotEqualTo(3);
            assertThat(r.getHeader("Location")).as(path).isNull();
        }
    }
}
