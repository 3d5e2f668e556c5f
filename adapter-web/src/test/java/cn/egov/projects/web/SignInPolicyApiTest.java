package cn.egov.projects.web;

import cn.egov.projects.application.port.out.AuditRecord;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One sign-in policy for the sign-in form and HTTP Basic: the same lockout, the same rate limits, the same audit
 * trail, and a remembered Basic credential that stops working once its username is locked.
 */
@DisplayName("统一的登录策略：HTTP Basic与会话登录同样锁定、限流并记入操作记录")
class SignInPolicyApiTest extends ApiTestSupport {

    private HttpResponse<Buffer> basic(String user, String password, String requestId) {
        return await(client.get("/api/projects").basicAuthentication(user, password)
                .putHeader("X-Request-Id", requestId).send());
    }

    private HttpResponse<Buffer> form(String user, String password, String requestId) {
        return OpenApi.conforms("POST", "/api/session", await(client.post("/api/session")
                .putHeader("X-Requested-With", "fetch").putHeader("X-Request-Id", requestId)
                .sendJsonObject(new JsonObject().put("username", user).put("password", password))));
    }

    private List<AuditRecord> signIns() {
        return world.audit.all().stream().filter(r -> "SIGN_IN".equals(r.action())).toList();
    }

    private static void assertLocked(HttpResponse<Buffer> r) {
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(429);
        assertThat(r.bodyAsJsonObject().getString("code")).isEqualTo("ACCOUNT_LOCKED");
        assertThat(r.bodyAsJsonObject().getString("message")).contains("锁定").contains("10:15");
        assertThat(r.bodyAsJsonObject().getString("messageEn")).isNotBlank();
        assertThat(r.getHeader("Retry-After")).matches("[1-9][0-9]*");
        assertThat(r.getHeader("WWW-Authenticate")).isNull();
    }

    @Test
    @DisplayName("HTTP Basic连续5次密码错误即锁定，此后正确密码也被拒绝（429）；每次失败和拒绝都有来源地址和请求编号")
    void basicIsLockedOutAndAudited() {
        for (int i = 1; i <= 4; i++) {
            HttpResponse<Buffer> wrong = basic("police", "wrong-password-" + i, "basic-" + i);
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.bodyAsJsonObject().getString("message")).isEqualTo("用户名或密码不正确，或账号已停用");
        }
        assertLocked(basic("police", "wrong-password-5", "basic-5"));

        HttpResponse<Buffer> right = basic("police", PASSWORD, "basic-6");
        assertLocked(right);

        List<AuditRecord> records = signIns();
        assertThat(records).hasSize(6).allSatisfy(r -> {
            assertThat(r.summary()).contains("HTTP Basic", "用户名 police");
            assertThat(r.sourceAddress()).isEqualTo("127.0.0.1");
        });
        assertThat(records).extracting(AuditRecord::requestId)
                .containsExactly("basic-1", "basic-2", "basic-3", "basic-4", "basic-5", "basic-6");
        assertThat(records.get(4).summary()).contains("连续5次登录失败");
        assertThat(records.get(5).summary()).contains("登录被拒绝：账号锁定至");
        // the lock is checked before the password: the right one is not even tried
        assertThat(passwordChecks).hasValue(5);
    }

    @Test
    @DisplayName("HTTP Basic与会话登录的失败合并计数；锁定对两种方式都有效")
    void failuresOfBothWaysCountTogether() {
        for (int i = 1; i <= 3; i++) {
            assertThat(basic("health", "wrong-password-" + i, "b" + i).statusCode()).isEqualTo(401);
        }
        assertThat(form("health", "wrong-password-4", "f4").statusCode()).isEqualTo(401);
        assertLocked(form("health", "wrong-password-5", "f5"));

        assertLocked(form("health", PASSWORD, "f6"));
        assertLocked(basic("health", PASSWORD, "b7"));
        assertThat(signIns()).extracting(AuditRecord::summary).filteredOn(s -> s.contains("会话登录")).hasSize(3);
        assertThat(signIns()).extracting(AuditRecord::summary).filteredOn(s -> s.contains("HTTP Basic")).hasSize(4);
    }

    @Test
    @DisplayName("已缓存的HTTP Basic凭据在账号被锁定后立即失效；首次验证成功记入操作记录，缓存命中不再记录")
    void aLockStopsARememberedCredential() {
        assertThat(basic("police", PASSWORD, "ok-1").statusCode()).isEqualTo(200);
        assertThat(basic("police", PASSWORD, "ok-2").statusCode()).isEqualTo(200);
        assertThat(passwordChecks).hasValue(1);
        assertThat(signIns()).singleElement().satisfies(r -> {
            assertThat(r.summary()).contains("登录成功", "HTTP Basic");
            assertThat(r.requestId()).isEqualTo("ok-1");
        });

        for (int i = 1; i <= 5; i++) {
            form("police", "wrong-password-" + i, "f" + i);
        }

        assertLocked(basic("police", PASSWORD, "after-lock"));
        assertThat(signIns()).last().satisfies(r -> assertThat(r.requestId()).isEqualTo("after-lock"));
        // another account's remembered credential is not touched
        assertThat(basic("health", PASSWORD, "other").statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("同一地址1分钟内10次不成功的登录（不论用户名、不论方式）后再登录得到429、Retry-After和中文说明，限流只记一次，密码不再校验")
    void oneAddressIsThrottledAcrossUsernames() {
        assertThat(basic("bureau", PASSWORD, "remembered").statusCode()).isEqualTo(200);
        for (int i = 0; i < 10; i++) {
            HttpResponse<Buffer> r = i % 2 == 0 ? basic("guess" + i, "password-" + i, "g" + i)
                    : form("guess" + i, "password-" + i, "g" + i);
            assertThat(r.statusCode()).isEqualTo(401);
        }
        int checks = passwordChecks.get();

        HttpResponse<Buffer> throttled = basic("police", PASSWORD, "t1");
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.bodyAsJsonObject().getString("code")).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(throttled.bodyAsJsonObject().getString("message")).isEqualTo("登录尝试过于频繁，请60秒后再试");
        assertThat(throttled.bodyAsJsonObject().getString("messageEn")).contains("from this address");
        assertThat(throttled.getHeader("Retry-After")).isEqualTo("60");
        assertThat(throttled.getHeader("WWW-Authenticate")).isNull();
        HttpResponse<Buffer> viaForm = form("police", PASSWORD, "t2");
        assertThat(viaForm.statusCode()).isEqualTo(429);
        assertThat(viaForm.bodyAsJsonObject().getString("code")).isEqualTo("TOO_MANY_ATTEMPTS");

        assertThat(passwordChecks).hasValue(checks);
        assertThat(signIns()).filteredOn(r -> r.summary().contains("登录尝试过于频繁")).singleElement()
                .satisfies(r -> {
                    assertThat(r.requestId()).isEqualTo("t1");
                    assertThat(r.sourceAddress()).isEqualTo("127.0.0.1");
                    assertThat(r.summary()).contains("按来源地址限制");
                });
        // a credential verified before goes on working: it is not a sign-in attempt
        assertThat(basic("bureau", PASSWORD, "remembered-again").statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("错误应答不透露用户名是否存在：存在与不存在的用户名得到相同的应答和锁定")
    void answersDoNotTellWhichUsernamesExist() {
        HttpResponse<Buffer> known = form("police", "wrong-password", "k");
        HttpResponse<Buffer> unknown = form("nobody", "wrong-password", "u");
        assertThat(known.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(401);
        assertThat(known.bodyAsJsonObject().copy().put("requestId", "-"))
                .isEqualTo(unknown.bodyAsJsonObject().copy().put("requestId", "-"));

        for (int i = 0; i < 4; i++) {
            basic("nobody", "wrong-password-" + i, "n" + i);
        }
        HttpResponse<Buffer> locked = basic("nobody", "wrong-password", "n5");
        assertLocked(locked);
    }
}
