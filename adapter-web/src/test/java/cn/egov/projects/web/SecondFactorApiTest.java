package cn.egov.projects.web;

import cn.egov.projects.application.fake.TotpCodes;
import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.application.view.OtpAlgorithm;
import cn.egov.projects.domain.access.Action;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.web.access.RouteTable;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The second factor at the API: the three administrators are refused with the password alone on every route, by a
 * session and by HTTP Basic; codes complete a sign-in, are refused when wrong or used again and count toward the
 * lockout; enrolment with a QR code; opt-in and disabling for an ordinary account; the security administrator's reset
 * and security policy; step-up before the Bureau's approvals.
 */
@DisplayName("动态口令（第二因子）：管理员只凭口令一律401；登录、绑定、重放、锁定、自愿绑定、重置、审批前再次验证")
class SecondFactorApiTest extends ConformingApiTest {

    /** A session of the test: its cookie and CSRF token. */
    private record Session(String cookie, String csrf) {
    }

    private HttpRequest<Buffer> in(Session s, HttpMethod method, String path) {
        HttpRequest<Buffer> r = client.request(method, path).putHeader("X-Requested-With", "fetch");
        if (s != null) {
            r.putHeader("Cookie", s.cookie());
            if (s.csrf() != null) {
                r.putHeader("X-CSRF-Token", s.csrf());
            }
        }
        return r;
    }

    private HttpResponse<Buffer> send(HttpRequest<Buffer> r, JsonObject body, String method, String path) {
        HttpResponse<Buffer> answer = await(body == null ? r.send() : r.sendJsonObject(body));
        return OpenApi.conforms(method, path, answer);
    }

    private HttpResponse<Buffer> signIn(JsonObject body) {
        return send(in(null, HttpMethod.POST, "/api/session"), body, "POST", "/api/session");
    }

    private static Session session(HttpResponse<Buffer> r) {
        String cookie = r.cookies().stream().filter(c -> c.startsWith(WebApi.SESSION_COOKIE + "="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        return new Session(cookie, r.bodyAsJsonObject().getString("csrfToken"));
    }

    private static JsonObject password(String user) {
        return new JsonObject().put("username", user).put("password", PASSWORD);
    }

    /** Every route of the API with a concrete path (ids made up), except signing in. */
    private List<String[]> everyApiRoute() {
        List<String[]> routes = new ArrayList<>();
        for (RouteTable.Entry e : api.routeTable().entries()) {
            if (!e.path().startsWith("/api/") || e.path().endsWith("/*")) {
                continue;
            }
            String path = e.path().replaceAll(":id", UUID.randomUUID().toString()).replaceAll(":[A-Za-z]+", "x1");
            routes.add(new String[]{e.method().name(), path, e.path()});
        }
        return routes;
    }

    @Test
    @DisplayName("三类管理员只凭口令：HTTP Basic 和会话对每条接口都401 AUTH_SECOND_FACTOR_REQUIRED")
    void passwordAloneIsRefusedEverywhereForTheThreeAdministrators() {
        List<String[]> routes = everyApiRoute();
        assertThat(routes).hasSizeGreaterThan(60);
        for (String user : List.of("admin", "secadmin", "auditadmin")) {
            HttpResponse<Buffer> first = signIn(password(user));
            assertThat(first.statusCode()).as(user).isEqualTo(401);
            assertThat(first.bodyAsJsonObject().getString("code")).isEqualTo("AUTH_SECOND_FACTOR_REQUIRED");
            assertThat(first.bodyAsJsonObject().getString("next")).isEqualTo("CODE");
            assertThat(first.bodyAsJsonObject().getString("message")).contains("动态口令");
            Session pending = session(first);
            for (String[] route : routes) {
                HttpMethod method = HttpMethod.valueOf(route[0]);
                boolean allowed = route[2].equals("/api/session") && method != HttpMethod.GET
                        || route[2].equals("/api/session/code");
                if (allowed) {
                    continue;
                }
                HttpRequest<Buffer> basic = client.request(method, route[1]).basicAuthentication(user, PASSWORD)
                        .putHeader("X-Requested-With", "fetch");
                HttpResponse<Buffer> byBasic = await(method == HttpMethod.GET ? basic.send()
                        : basic.sendJsonObject(new JsonObject()));
                assertThat(byBasic.statusCode()).as("Basic %s %s %s", user, route[0], route[1]).isEqualTo(401);
                assertThat(byBasic.bodyAsJsonObject().getString("code")).as("Basic %s %s", route[0], route[1])
                        .isEqualTo("AUTH_SECOND_FACTOR_REQUIRED");
                HttpRequest<Buffer> viaSession = in(pending, method, route[1]);
                HttpResponse<Buffer> bySession = await(method == HttpMethod.GET ? viaSession.send()
                        : viaSession.sendJsonObject(new JsonObject()));
                assertThat(bySession.statusCode()).as("session %s %s %s", user, route[0], route[1]).isEqualTo(401);
                assertThat(bySession.bodyAsJsonObject().getString("code"))
                        .isEqualTo("AUTH_SECOND_FACTOR_REQUIRED");
            }
            // the code completes the sign-in of the same session, under a new session id
            HttpResponse<Buffer> done = send(in(pending, HttpMethod.POST, "/api/session/code"),
                    new JsonObject().put("code", nextCode(user)), "POST", "/api/session/code");
            assertThat(done.statusCode()).as(done.bodyAsString()).isEqualTo(200);
            Session full = new Session(session(done).cookie(), pending.csrf());
            assertThat(full.cookie()).isNotEqualTo(pending.cookie());
            assertThat(send(in(full, HttpMethod.GET, "/api/session"), null, "GET", "/api/session").statusCode())
                    .isEqualTo(200);
            assertThat(await(in(pending, HttpMethod.GET, "/api/session").send()).statusCode()).isEqualTo(401);
        }
        // with the code at once: signed in, and a Basic request with the code in its header goes through
        HttpResponse<Buffer> direct = signIn(signInBody("secadmin"));
        assertThat(direct.statusCode()).as(direct.bodyAsString()).isEqualTo(200);
        assertThat(call("GET", "/api/accounts", "secadmin", null).statusCode()).isEqualTo(200);
        assertThat(world.audit.all()).filteredOn(r -> "SECOND_FACTOR".equals(r.action()))
                .extracting(AuditRecord::summary).anyMatch(s -> s.contains("动态口令验证通过（登录，会话登录）"))
                .anyMatch(s -> s.contains("动态口令验证通过（登录，HTTP Basic）"));
    }

    @Test
    @DisplayName("动态口令错误401 AUTH_SECOND_FACTOR_INVALID，重放401 AUTH_SECOND_FACTOR_REPLAYED，与口令错误一同计入锁定")
    void wrongAndReplayedCodesAreRefusedAndLockTheAccount() {
        String code = nextCode("auditadmin");
        HttpResponse<Buffer> ok = signIn(password("auditadmin").put("code", code));
        assertThat(ok.statusCode()).isEqualTo(200);
        HttpResponse<Buffer> replay = signIn(password("auditadmin").put("code", code));
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(replay.bodyAsJsonObject().getString("code")).isEqualTo("AUTH_SECOND_FACTOR_REPLAYED");
        HttpResponse<Buffer> replayBasic = await(client.get("/api/security-audit-records")
                .basicAuthentication("auditadmin", PASSWORD).putHeader("X-Egov-OTP", code).send());
        assertThat(replayBasic.bodyAsJsonObject().getString("code")).isEqualTo("AUTH_SECOND_FACTOR_REPLAYED");
        for (int i = 0; i < 2; i++) {
            HttpResponse<Buffer> wrong = signIn(password("auditadmin").put("code", "00000" + i));
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.bodyAsJsonObject().getString("code")).isEqualTo("AUTH_SECOND_FACTOR_INVALID");
        }
        // two replays and two wrong codes so far; the fifth failure locks the username
        HttpResponse<Buffer> fifth = signIn(password("auditadmin").put("code", "999999"));
        assertThat(fifth.statusCode()).isEqualTo(429);
        assertThat(fifth.bodyAsJsonObject().getString("code")).isEqualTo("ACCOUNT_LOCKED");
        HttpResponse<Buffer> right = signIn(signInBody("auditadmin"));
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(world.audit.all()).filteredOn(r -> "SECOND_FACTOR".equals(r.action()))
                .extracting(AuditRecord::summary).anyMatch(s -> s.startsWith("动态口令重放"))
                .anyMatch(s -> s.startsWith("动态口令错误")).anyMatch(s -> s.contains("账号锁定至"));
    }

    @Test
    @DisplayName("新的管理员：登录后只能绑定；扫描二维码绑定并确认后即完成登录")
    void aNewAdministratorEnrolsWithAQrCodeAndIsThenSignedIn() {
        HttpResponse<Buffer> created = call("POST", "/api/accounts", "secadmin", new JsonObject()
                .put("username", "admin2").put("displayName", "第二管理员").put("role", "AUDIT_ADMIN")
                .put("unit", "TC-DSJ").put("password", PASSWORD));
        assertThat(created.statusCode()).as(created.bodyAsString()).isIn(200, 201);
        HttpResponse<Buffer> first = signIn(password("admin2"));
        assertThat(first.statusCode()).isEqualTo(401);
        assertThat(first.bodyAsJsonObject().getString("next")).isEqualTo("ENROLMENT");
        Session pending = session(first);
        assertThat(await(in(pending, HttpMethod.GET, "/api/security-audit-records").send()).statusCode())
                .isEqualTo(401);
        // no code is accepted instead of the enrolment
        assertThat(await(in(pending, HttpMethod.POST, "/api/session/code")
                .sendJsonObject(new JsonObject().put("code", "123456"))).statusCode()).isEqualTo(401);

        HttpResponse<Buffer> status = send(in(pending, HttpMethod.GET, "/api/second-factor"), null, "GET",
                "/api/second-factor");
        assertThat(status.bodyAsJsonObject().getBoolean("mandatory")).isTrue();
        assertThat(status.bodyAsJsonObject().getString("owed")).isEqualTo("ENROLMENT");
        HttpResponse<Buffer> enrolment = send(in(pending, HttpMethod.POST, "/api/second-factor/enrolment"),
                new JsonObject(), "POST", "/api/second-factor/enrolment");
        assertThat(enrolment.statusCode()).as(enrolment.bodyAsString()).isEqualTo(200);
        JsonObject e = enrolment.bodyAsJsonObject();
        assertThat(e.getString("algorithm")).isEqualTo("SM3");
        assertThat(e.getString("uri")).startsWith("otpauth://totp/egov-projects:admin2?secret=" + e.getString("secret"))
                .contains("algorithm=SM3&digits=6&period=30");
        assertThat(e.getString("qrCode")).startsWith("data:image/svg+xml;base64,");
        String svg = new String(Base64.getDecoder().decode(e.getString("qrCode").substring(26)),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(svg).startsWith("<svg").contains("<path");

        HttpResponse<Buffer> wrong = send(in(pending, HttpMethod.POST, "/api/second-factor/enrolment/confirm"),
                new JsonObject().put("code", "000000"), "POST", "/api/second-factor/enrolment/confirm");
        assertThat(wrong.bodyAsJsonObject().getString("code")).isEqualTo("AUTH_SECOND_FACTOR_INVALID");
        String code = TotpCodes.at(e.getString("secret"), OtpAlgorithm.SM3, workplace.otpClock.nextStep());
        HttpResponse<Buffer> confirmed = send(in(pending, HttpMethod.POST, "/api/second-factor/enrolment/confirm"),
                new JsonObject().put("code", code), "POST", "/api/second-factor/enrolment/confirm");
        assertThat(confirmed.statusCode()).as(confirmed.bodyAsString()).isEqualTo(200);
        Session full = new Session(session(confirmed).cookie(), pending.csrf());
        assertThat(await(in(full, HttpMethod.GET, "/api/security-audit-records").send()).statusCode())
                .isEqualTo(200);
        // from now on the password alone is refused, with the code it signs in
        assertThat(signIn(password("admin2")).bodyAsJsonObject().getString("next")).isEqualTo("CODE");
        secrets.put("admin2", e.getString("secret"));
        assertThat(signIn(signInBody("admin2")).statusCode()).isEqualTo(200);
        // an administrator cannot disable it; the security administrator resets it (a lost phone)
        HttpResponse<Buffer> disable = call("POST", "/api/second-factor/disable", "admin2",
                new JsonObject().put("code", nextCode("admin2")));
        assertThat(disable.statusCode()).isEqualTo(403);
        String admin2 = world.accountService.authenticate("admin2", PASSWORD.toCharArray()).orElseThrow().userId();
        assertThat(call("POST", "/api/accounts/" + admin2 + "/second-factor/reset", "admin", null).statusCode())
                .isEqualTo(403);
        HttpResponse<Buffer> reset = call("POST", "/api/accounts/" + admin2 + "/second-factor/reset", "secadmin",
                null);
        assertThat(reset.statusCode()).as(reset.bodyAsString()).isEqualTo(200);
        assertThat(signIn(password("admin2")).bodyAsJsonObject().getString("next")).isEqualTo("ENROLMENT");
        assertThat(world.audit.all()).filteredOn(r -> "SECOND_FACTOR".equals(r.action()))
                .extracting(AuditRecord::summary).contains("开始绑定动态口令（算法 HMAC-SM3）",
                        "重置账号 admin2 的动态口令（须重新绑定）");
    }

    @Test
    @DisplayName("普通账号自愿绑定（SHA1）；绑定后只凭口令被拒；以当前动态口令解除")
    void anOrdinaryAccountOptsInAndOut() {
        HttpResponse<Buffer> enrolment = call("POST", "/api/second-factor/enrolment", "police",
                new JsonObject().put("algorithm", "SHA1"));
        assertThat(enrolment.statusCode()).isEqualTo(200);
        String secret = enrolment.bodyAsJsonObject().getString("secret");
        assertThat(enrolment.bodyAsJsonObject().getString("uri")).contains("algorithm=SHA1");
        // until confirmed the password alone still signs in
        assertThat(call("GET", "/api/projects", "police", null).statusCode()).isEqualTo(200);
        HttpResponse<Buffer> confirmed = call("POST", "/api/second-factor/enrolment/confirm", "police",
                new JsonObject().put("code", TotpCodes.at(secret, OtpAlgorithm.SHA1, workplace.otpClock.nextStep())));
        assertThat(confirmed.statusCode()).as(confirmed.bodyAsString()).isEqualTo(200);

        HttpResponse<Buffer> alone = await(client.get("/api/projects").basicAuthentication("police", PASSWORD)
                .putHeader("X-Requested-With", "fetch").send());
        assertThat(alone.statusCode()).isEqualTo(401);
        assertThat(alone.bodyAsJsonObject().getString("code")).isEqualTo("AUTH_SECOND_FACTOR_REQUIRED");
        assertThat(signIn(password("police")).bodyAsJsonObject().getString("next")).isEqualTo("CODE");
        HttpResponse<Buffer> withCode = await(client.get("/api/projects").basicAuthentication("police", PASSWORD)
                .putHeader("X-Egov-OTP", TotpCodes.at(secret, OtpAlgorithm.SHA1, workplace.otpClock.nextStep()))
                .send());
        assertThat(withCode.statusCode()).isEqualTo(200);

        HttpResponse<Buffer> off = await(client.post("/api/second-factor/disable").basicAuthentication("police", PASSWORD)
                .putHeader("X-Egov-OTP", TotpCodes.at(secret, OtpAlgorithm.SHA1, workplace.otpClock.nextStep()))
                .sendJsonObject(new JsonObject().put("code",
                        TotpCodes.at(secret, OtpAlgorithm.SHA1, workplace.otpClock.nextStep()))));
        assertThat(off.statusCode()).as(off.bodyAsString()).isEqualTo(200);
        assertThat(call("GET", "/api/projects", "police", null).statusCode()).isEqualTo(200);
        assertThat(world.audit.all()).filteredOn(r -> "SECOND_FACTOR".equals(r.action()))
                .extracting(AuditRecord::summary).contains("解除绑定动态口令");
    }

    @Test
    @DisplayName("安全策略要求时，大数据局的审批操作须先再次验证动态口令（401 AUTH_STEP_UP_REQUIRED）")
    void bureauApprovalsNeedAStepUpWhenThePolicySaysSo() {
        String project = UUID.randomUUID().toString();
        String approve = "/api/projects/" + project + "/actions/" + Action.RECORD_APPROVAL.name();
        JsonObject approval = new JsonObject().put("approvedBudget", "1000000.00").put("reference", "太政复〔2025〕1号");
        // off by default: the action runs (here: no such project)
        assertThat(call("POST", approve, "bureau", approval).statusCode()).isEqualTo(404);

        assertThat(call("GET", "/api/security-policy", "admin", null).statusCode()).isEqualTo(403);
        HttpResponse<Buffer> set = call("PUT", "/api/security-policy", "secadmin", new JsonObject()
                .put("stepUpBdbApprovals", true).put("stepUpFinanceApprovals", false).put("stepUpMinutes", 5));
        assertThat(set.statusCode()).as(set.bodyAsString()).isEqualTo(200);
        assertThat(call("PUT", "/api/security-policy", "secadmin", new JsonObject().put("stepUpBdbApprovals", true)
                .put("stepUpFinanceApprovals", false).put("stepUpMinutes", 0)).statusCode()).isEqualTo(400);
        assertThat(call("GET", "/api/security-policy", "secadmin", null).bodyAsJsonObject().getInteger("stepUpMinutes"))
                .isEqualTo(5);
        assertThat(call("GET", "/api/security-policy", "auditadmin", null).bodyAsJsonObject()
                .getBoolean("stepUpBdbApprovals")).isTrue();
        assertThat(call("PUT", "/api/security-policy", "auditadmin", new JsonObject().put("stepUpBdbApprovals", false)
                .put("stepUpFinanceApprovals", false).put("stepUpMinutes", 5)).statusCode()).isEqualTo(403);

        HttpResponse<Buffer> notEnrolled = call("POST", approve, "bureau", approval);
        assertThat(notEnrolled.statusCode()).isEqualTo(401);
        assertThat(notEnrolled.bodyAsJsonObject().getString("code")).isEqualTo("AUTH_STEP_UP_REQUIRED");
        assertThat(notEnrolled.bodyAsJsonObject().getBoolean("enrolled")).isFalse();
        // an action that is not an approval is not affected
        assertThat(call("POST", "/api/projects/" + project + "/actions/" + Action.START_REVIEW.name(), "bureau",
                new JsonObject()).statusCode()).isEqualTo(404);

        // the officer enrols in a session; a later approval in that session asks for a fresh code, then goes on
        HttpResponse<Buffer> in = signIn(password("bureau"));
        assertThat(in.statusCode()).isEqualTo(200);
        Session s = session(in);
        Session earlier = session(signIn(password("bureau")));
        String secret = send(in(s, HttpMethod.POST, "/api/second-factor/enrolment"), new JsonObject(), "POST",
                "/api/second-factor/enrolment").bodyAsJsonObject().getString("secret");
        assertThat(await(in(s, HttpMethod.POST, "/api/second-factor/enrolment/confirm").sendJsonObject(new JsonObject()
                .put("code", TotpCodes.at(secret, OtpAlgorithm.SM3, workplace.otpClock.nextStep())))).statusCode())
                .isEqualTo(200);
        // enrolment counts as a code passed just now; a new session signed in with the code too
        HttpResponse<Buffer> again = signIn(password("bureau").put("code",
                TotpCodes.at(secret, OtpAlgorithm.SM3, workplace.otpClock.nextStep())));
        assertThat(again.statusCode()).isEqualTo(200);
        Session fresh = session(again);
        assertThat(await(in(fresh, HttpMethod.POST, approve).sendJsonObject(approval)).statusCode()).isEqualTo(404);

        // a session signed in before the enrolment steps up with POST /api/session/code, then approves
        HttpResponse<Buffer> asked = send(in(earlier, HttpMethod.POST, approve), approval, "POST",
                "/api/projects/" + project + "/actions/RECORD_APPROVAL");
        assertThat(asked.statusCode()).isEqualTo(401);
        assertThat(asked.bodyAsJsonObject().getString("code")).isEqualTo("AUTH_STEP_UP_REQUIRED");
        assertThat(asked.bodyAsJsonObject().getBoolean("enrolled")).isTrue();
        HttpResponse<Buffer> wrongStep = send(in(earlier, HttpMethod.POST, "/api/session/code"),
                new JsonObject().put("code", "000000"), "POST", "/api/session/code");
        assertThat(wrongStep.bodyAsJsonObject().getString("code")).isEqualTo("AUTH_SECOND_FACTOR_INVALID");
        HttpResponse<Buffer> stepped = send(in(earlier, HttpMethod.POST, "/api/session/code"), new JsonObject()
                .put("code", TotpCodes.at(secret, OtpAlgorithm.SM3, workplace.otpClock.nextStep())), "POST",
                "/api/session/code");
        assertThat(stepped.statusCode()).as(stepped.bodyAsString()).isEqualTo(200);
        assertThat(await(in(earlier, HttpMethod.POST, approve).sendJsonObject(approval)).statusCode()).isEqualTo(404);
        assertThat(world.audit.all()).filteredOn(r -> "SECOND_FACTOR".equals(r.action()))
                .extracting(AuditRecord::summary).anyMatch(t -> t.contains("动态口令验证通过（敏感操作前再次验证）"));

        // a malformed project id after the step-up is answered 400, as without it
        HttpResponse<Buffer> malformed = await(in(earlier, HttpMethod.POST,
                "/api/projects/not-a-uuid/actions/RECORD_APPROVAL").sendJsonObject(approval));
        assertThat(malformed.statusCode()).isEqualTo(400);

        // by HTTP Basic: the code in the header is the step-up
        secrets.put("bureau", secret);
        HttpResponse<Buffer> byBasic = call("POST", approve, "bureau", approval);
        assertThat(byBasic.statusCode()).as(byBasic.bodyAsString()).isEqualTo(404);
        HttpResponse<Buffer> basicAlone = await(client.post(approve).basicAuthentication("bureau", PASSWORD)
                .putHeader("X-Requested-With", "fetch").sendJsonObject(approval));
        assertThat(basicAlone.bodyAsJsonObject().getString("code")).isEqualTo("AUTH_SECOND_FACTOR_REQUIRED");
        assertThat(world.audit.all()).filteredOn(r -> "SECURITY_POLICY".equals(r.action())).hasSize(1);
        assertThat(Role.BDB_OFFICER.isAdministrator()).isFalse();
    }
}
