package cn.egov.projects.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("API的登录（HTTP Basic）与账号创建")
class AuthenticationApiTest extends ApiTestSupport {

    private static final String CHALLENGE = "Basic realm=\"egov-projects\", charset=\"UTF-8\"";

    @Test
    @DisplayName("没有登录信息得到401和质询")
    void noCredentials() {
        HttpResponse<Buffer> r = get("/api/projects", null);

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.getHeader("WWW-Authenticate")).isEqualTo(CHALLENGE);
        assertThat(r.bodyAsJsonObject().getString("code")).isEqualTo("UNAUTHORIZED");
        assertThat(r.bodyAsJsonObject().getString("message")).contains("登录");
    }

    @Test
    @DisplayName("密码错误或用户不存在得到401，且失败不被缓存")
    void wrongCredentials() {
        HttpResponse<Buffer> wrong = await(client.get("/api/projects").basicAuthentication("police", "wrong-password-1").send());
        HttpResponse<Buffer> again = await(client.get("/api/projects").basicAuthentication("police", "wrong-password-1").send());
        HttpResponse<Buffer> unknown = await(client.get("/api/projects").basicAuthentication("nobody", PASSWORD).send());

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.getHeader("WWW-Authenticate")).isEqualTo(CHALLENGE);
        assertThat(wrong.bodyAsJsonObject().getString("message")).contains("用户名或密码不正确");
        assertThat(again.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(passwordChecks).hasValue(3);
    }

    @Test
    @DisplayName("格式错误的登录信息得到401")
    void malformedCredentials() {
        HttpResponse<Buffer> notBase64 = await(client.get("/api/projects")
                .putHeader("Authorization", "Basic %%%").send());
        HttpResponse<Buffer> noColon = await(client.get("/api/projects").putHeader("Authorization",
                "Basic " + Base64.getEncoder().encodeToString("police".getBytes(StandardCharsets.UTF_8))).send());
        HttpResponse<Buffer> bearer = await(client.get("/api/projects").putHeader("Authorization", "Bearer x").send());

        assertThat(notBase64.statusCode()).isEqualTo(401);
        assertThat(noColon.statusCode()).isEqualTo(401);
        assertThat(bearer.statusCode()).isEqualTo(401);
        assertThat(passwordChecks).hasValue(0);
    }

    @Test
    @DisplayName("验证成功的登录信息被缓存，慢速口令校验每个客户端只做一次")
    void successfulVerificationIsCached() {
        assertThat(get("/api/projects", "police").statusCode()).isEqualTo(200);
        assertThat(get("/api/projects", "police").statusCode()).isEqualTo(200);
        assertThat(get("/api/projects", "police").statusCode()).isEqualTo(200);

        assertThat(passwordChecks).hasValue(1);
    }

    @Test
    @DisplayName("以HTTP Basic调用API不建立服务器端会话，也不发会话Cookie")
    void basicCallsGetNoSession() {
        for (int i = 0; i < 3; i++) {
            HttpResponse<Buffer> r = get("/api/projects", "police");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.cookies()).noneMatch(c -> c.startsWith(WebApi.SESSION_COOKIE + "="));
        }
    }

    @Test
    @DisplayName("系统管理员创建账号得到201和用户编号，新账号可以登录")
    void adminCreatesAccount() {
        JsonObject account = new JsonObject().put("username", "police2").put("displayName", "张经办")
                .put("role", "UNIT_STAFF").put("unit", "TC-GAJ").put("mobile", "13900000003")
                .put("email", "zhang@tc.gov.cn").put("password", "Another-Long-Password");

        HttpResponse<Buffer> r = post("/api/accounts", "admin", account);

        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
        assertThat(r.bodyAsJsonObject().getString("userId")).isNotBlank();
        HttpResponse<Buffer> list = await(client.get("/api/projects")
                .basicAuthentication("police2", "Another-Long-Password").send());
        assertThat(list.statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("非系统管理员创建账号得到403并引用第四条")
    void onlyAdminCreatesAccounts() {
        JsonObject account = new JsonObject().put("username", "intruder").put("displayName", "某人")
                .put("role", "ADMIN").put("unit", "TC-GAJ").put("password", "Another-Long-Password");

        HttpResponse<Buffer> r = post("/api/accounts", "police", account);

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.bodyAsJsonObject().getString("code")).isEqualTo("ART4_ROLE");
        assertThat(r.bodyAsJsonObject().getString("article")).isEqualTo("第四条");
    }

    @Test
    @DisplayName("账号内容不合格得到400并指明字段")
    void invalidAccount() {
        JsonObject shortPassword = new JsonObject().put("username", "police3").put("displayName", "张经办")
                .put("role", "UNIT_STAFF").put("unit", "TC-GAJ").put("password", "short");
        JsonObject unknownRole = shortPassword.copy().put("role", "KING").put("password", "Another-Long-Password");

        HttpResponse<Buffer> r1 = post("/api/accounts", "admin", shortPassword);
        HttpResponse<Buffer> r2 = post("/api/accounts", "admin", unknownRole);

        assertThat(r1.statusCode()).isEqualTo(400);
        assertThat(r1.bodyAsJsonObject().getString("field")).isEqualTo("password");
        assertThat(r1.bodyAsJsonObject().getString("message")).isEqualTo("密码至少12位");
        assertThat(r2.statusCode()).isEqualTo(400);
        assertThat(r2.bodyAsJsonObject().getString("field")).isEqualTo("role");
        assertThat(r2.bodyAsJsonObject().getString("messageEn")).contains("UNIT_STAFF");
    }
}
