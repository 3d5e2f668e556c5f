package cn.egov.projects.web;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClientSession;
import io.vertx.ext.web.multipart.MultipartForm;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The working place around the lifecycle: browser sessions with CSRF, lockout and logout; idempotency keys;
 * documents; exports and calendar feeds; the audit trail, compliance, accounts and units.
 */
@DisplayName("工作台：会话登录、CSRF、锁定、幂等、文档、导出、日历订阅、操作记录、合规统计、账号")
class WorkplaceApiTest extends ConformingApiTest {

    private HttpResponse<Buffer> signIn(WebClientSession session, String user, String password) {
        return OpenApi.conforms("POST", "/api/session", await(session.post("/api/session")
                .putHeader("X-Requested-With", "fetch")
                .sendJsonObject(new JsonObject().put("username", user).put("password", password))));
    }

    @Test
    @DisplayName("会话登录：Cookie为HttpOnly、SameSite=Strict；写请求须带CSRF令牌；退出后会话在服务器端作废")
    void sessionLogin() {
        WebClientSession session = WebClientSession.create(client);
        HttpResponse<Buffer> in = signIn(session, "police", PASSWORD);
        assertThat(in.statusCode()).isEqualTo(200);
        String cookie = in.cookies().stream().filter(c -> c.startsWith(WebApi.SESSION_COOKIE + "=")).findFirst()
                .orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").contains("SameSite=Strict").doesNotContain("Secure");
        String csrf = in.bodyAsJsonObject().getString("csrfToken");
        assertThat(in.bodyAsJsonObject().getString("role")).isEqualTo("UNIT_STAFF");

        HttpResponse<Buffer> who = await(session.get("/api/session").send());
        assertThat(who.statusCode()).isEqualTo(200);
        assertThat(who.bodyAsJsonObject().getString("csrfToken")).isEqualTo(csrf);

        HttpResponse<Buffer> noToken = await(session.post("/api/projects").sendJsonObject(profile("甲", 2025)));
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.bodyAsJsonObject().getString("code")).isEqualTo("CSRF_TOKEN_INVALID");
        HttpResponse<Buffer> wrongToken = await(session.post("/api/projects").putHeader("X-CSRF-Token", "forged")
                .sendJsonObject(profile("甲", 2025)));
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        HttpResponse<Buffer> created = await(session.post("/api/projects").putHeader("X-CSRF-Token", csrf)
                .sendJsonObject(profile("甲", 2025)));
        assertThat(created.statusCode()).isEqualTo(201);

        HttpResponse<Buffer> out = await(session.delete("/api/session").putHeader("X-CSRF-Token", csrf).send());
        assertThat(out.statusCode()).isEqualTo(200);
        HttpResponse<Buffer> after = await(session.get("/api/session").putHeader("X-Requested-With", "fetch").send());
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.getHeader("WWW-Authenticate")).isNull();
        // the old cookie, replayed, signs nobody in
        HttpResponse<Buffer> replay = await(client.get("/api/session").putHeader("Cookie", cookie.split(";")[0])
                .send());
        assertThat(replay.statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("连续5次密码错误后锁定：即使密码正确也返回429并记入操作记录")
    void lockout() {
        WebClientSession session = WebClientSession.create(client);
        for (int i = 0; i < 4; i++) {
            assertThat(signIn(session, "health", "wrong-password-" + i).statusCode()).isEqualTo(401);
        }
        assertThat(signIn(session, "health", "wrong-password-5").statusCode()).isEqualTo(429);
        HttpResponse<Buffer> locked = signIn(session, "health", PASSWORD);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.getHeader("Retry-After")).isNotNull();
        assertThat(locked.bodyAsJsonObject().getString("message")).contains("锁定");
        assertThat(world.audit.all()).anyMatch(r -> "SIGN_IN".equals(r.action()) && r.summary().contains("锁定"));
        assertThat(signIn(session, "police", PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("Idempotency-Key：重试同一请求只创建一次，返回首次的应答；同一键用于内容不同的请求得到422")
    void idempotency() {
        String key = "create-draft-0001";
        HttpResponse<Buffer> first = await(client.post("/api/projects").basicAuthentication("police", PASSWORD)
                .putHeader("Idempotency-Key", key).sendJsonObject(profile("幂等项目", 2025)));
        HttpResponse<Buffer> retry = await(client.post("/api/projects").basicAuthentication("police", PASSWORD)
                .putHeader("Idempotency-Key", key).sendJsonObject(profile("幂等项目", 2025)));
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.bodyAsJsonObject().getString("id")).isEqualTo(first.bodyAsJsonObject().getString("id"));
        assertThat(world.projects.count()).isEqualTo(1);
        HttpResponse<Buffer> other = await(client.post("/api/projects").basicAuthentication("police", PASSWORD)
                .putHeader("Idempotency-Key", key).sendJsonObject(profile("另一个项目", 2025)));
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.bodyAsJsonObject().getString("code")).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(other.bodyAsJsonObject().getString("field")).isEqualTo("Idempotency-Key");
        assertThat(other.bodyAsJsonObject().getString("message")).contains("内容不同");
        // another person's same key is theirs alone
        HttpResponse<Buffer> health = await(client.post("/api/projects").basicAuthentication("health", PASSWORD)
                .putHeader("Idempotency-Key", key).sendJsonObject(profile("卫健项目", 2025)));
        assertThat(health.statusCode()).isEqualTo(201);
        assertThat(world.projects.count()).isEqualTo(2);
    }

    private HttpResponse<Buffer> upload(String id, String user, String fileName, byte[] content) {
        MultipartForm form = MultipartForm.create().attribute("kind", "项目合同")
                .binaryFileUpload("file", fileName, Buffer.buffer(content), "application/pdf");
        return OpenApi.conforms("POST", "/api/projects/" + id + "/documents", await(client
                .post("/api/projects/" + id + "/documents").basicAuthentication(user, PASSWORD)
                .sendMultipartForm(form)));
    }

    @Test
    @DisplayName("文档：上传后列出并原样下载；超过大小上限413；类型不允许400；他单位404；审计局不能上传403")
    void documents() {
        String id = createDraft("police", "文档项目");
        byte[] pdf = "%PDF-1.4 合同正文".getBytes(StandardCharsets.UTF_8);
        HttpResponse<Buffer> up = upload(id, "police", "合同（签字版）.pdf", pdf);
        assertThat(up.statusCode()).as(up.bodyAsString()).isEqualTo(201);
        String docId = up.bodyAsJsonObject().getString("id");

        JsonObject list = call("GET", "/api/projects/" + id + "/documents", "police", null).bodyAsJsonObject();
        assertThat(list.getJsonArray("items").getJsonObject(0).getString("fileName")).isEqualTo("合同（签字版）.pdf");
        HttpResponse<Buffer> down = call("GET", "/api/projects/" + id + "/documents/" + docId, "police", null);
        assertThat(down.statusCode()).isEqualTo(200);
        assertThat(down.bodyAsBuffer().getBytes()).isEqualTo(pdf);
        assertThat(down.getHeader("Content-Disposition")).startsWith("attachment;").contains("filename*=UTF-8''");

        assertThat(upload(id, "police", "big.pdf", new byte[(int) UPLOAD_LIMIT + 1]).statusCode()).isEqualTo(413);
        assertThat(upload(id, "police", "huge.pdf", new byte[(int) UPLOAD_LIMIT + 400 * 1024]).statusCode())
                .isEqualTo(413);
        HttpResponse<Buffer> exe = upload(id, "police", "virus.exe", new byte[]{1, 2, 3});
        assertThat(exe.statusCode()).isEqualTo(400);
        assertThat(exe.bodyAsJsonObject().getString("field")).isEqualTo("fileName");
        assertThat(upload(id, "health", "x.pdf", pdf).statusCode()).isEqualTo(404);
        assertThat(upload(id, "auditor", "x.pdf", pdf).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/projects/" + id + "/documents/" + docId, "health", null).statusCode())
                .isEqualTo(404);
    }

    @Test
    @DisplayName("导出：年度实施计划和逾期清单为.xlsx，逾期清单不写涉密项目名称；个人日历订阅为.ics，撤销后失效")
    void exportsAndCalendar() throws IOException {
        String id = planned("智慧公安数据平台");
        world.clock.set(LocalDate.of(2025, 3, 10));

        HttpResponse<Buffer> plan = call("GET", "/api/exports/annual-plan.xlsx?year=2025", "bureau", null);
        assertThat(plan.statusCode()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(plan.bodyAsBuffer().getBytes()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("2025年度");
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("智慧公安数据平台");
            assertThat(sheet.getRow(2).getCell(5).getStringCellValue()).isEqualTo("1260000.10");
        }
        HttpResponse<Buffer> overdue = call("GET", "/api/exports/overdue.xlsx", "auditor", null);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(overdue.bodyAsBuffer().getBytes()))) {
            assertThat(book.getSheetAt(0).getRow(2).getCell(3).getStringCellValue()).isEqualTo("报送项目实施方案");
            assertThat(book.getSheetAt(0).getRow(2).getCell(4).getStringCellValue()).isEqualTo("第十三条");
        }
        assertThat(call("GET", "/api/exports/annual-plan.xlsx", "bureau", null).statusCode()).isEqualTo(400);

        HttpResponse<Buffer> token = call("POST", "/api/me/calendar-token", "police", null);
        assertThat(token.statusCode()).isEqualTo(201);
        String path = token.bodyAsJsonObject().getString("path");
        HttpResponse<Buffer> ics = call("GET", path, null, null);
        assertThat(ics.statusCode()).isEqualTo(200);
        String text = ics.bodyAsString();
        assertThat(text).startsWith("BEGIN:VCALENDAR").contains("BEGIN:VEVENT").contains("DTSTART;VALUE=DATE:20250224")
                .contains("报送项目实施方案").contains("第十三条").contains("智慧公安数据平台");
        assertThat(call("DELETE", "/api/me/calendar-token", "police", null).bodyAsJsonObject().getBoolean("revoked"))
                .isTrue();
        assertThat(call("GET", path, null, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/calendar/guess.ics", null, null).statusCode()).isEqualTo(404);
        assertThat(id).isNotBlank();
    }

    @Test
    @DisplayName("操作记录与合规统计：审计局和大数据局可查（按用户、操作、日期筛选），实施单位403")
    void auditAndCompliance() {
        String id = planned("智慧公安数据平台");
        world.clock.set(LocalDate.of(2025, 3, 10));

        JsonObject page = call("GET", "/api/audit-records?action=ISSUE_PLAN&from=2025-01-24&to=2025-01-24", "auditor",
                null).bodyAsJsonObject();
        assertThat(page.getLong("total")).isEqualTo(1);
        assertThat(page.getJsonArray("items").getJsonObject(0).getString("projectId")).isEqualTo(id);
        assertThat(call("GET", "/api/audit-records?user=police-nobody", "bureau", null).bodyAsJsonObject()
                .getLong("total")).isZero();
        assertThat(call("GET", "/api/audit-records?from=yesterday", "auditor", null).statusCode()).isEqualTo(400);
        assertThat(call("GET", "/api/audit-records", "police", null).statusCode()).isEqualTo(403);

        JsonObject compliance = call("GET", "/api/compliance", "bureau", null).bodyAsJsonObject();
        JsonObject police = compliance.getJsonArray("items").getJsonObject(0);
        assertThat(police.getString("unit")).isEqualTo("TC-GAJ");
        assertThat(police.getLong("overdue")).isEqualTo(1);
        assertThat(call("GET", "/api/compliance", "police", null).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/overdue", "bureau", null).bodyAsJsonObject().getJsonArray("items")).hasSize(1);
    }

    @Test
    @DisplayName("系统管理员：新建单位和账号、列出账号（不含密码）、停用账号；不能停用自己")
    void administration() {
        HttpResponse<Buffer> unit = call("POST", "/api/units", "admin", new JsonObject().put("code", "TC-JYJ")
                .put("nameZh", "太仓市教育局").put("kind", "IMPLEMENTING"));
        assertThat(unit.statusCode()).isEqualTo(201);
        assertThat(call("GET", "/api/units", "police", null).bodyAsJsonObject().getJsonArray("items")).hasSize(1);
        assertThat(call("POST", "/api/units", "bureau", new JsonObject().put("code", "X").put("nameZh", "x")
                .put("kind", "AUTHORITY")).statusCode()).isEqualTo(403);

        JsonObject accounts = call("GET", "/api/accounts", "admin", null).bodyAsJsonObject();
        assertThat(accounts.encode()).doesNotContain("pbkdf2");
        String police = accounts.getJsonArray("items").stream().map(JsonObject.class::cast)
                .filter(a -> a.getString("username").equals("police")).findFirst().orElseThrow().getString("userId");
        String admin = accounts.getJsonArray("items").stream().map(JsonObject.class::cast)
                .filter(a -> a.getString("username").equals("admin")).findFirst().orElseThrow().getString("userId");
        assertThat(call("PUT", "/api/accounts/" + police + "/enabled", "admin", new JsonObject().put("enabled", false))
                .statusCode()).isEqualTo(200);
        assertThat(call("PUT", "/api/accounts/" + admin + "/enabled", "admin", new JsonObject().put("enabled", false))
                .statusCode()).isEqualTo(400);
        assertThat(call("PUT", "/api/accounts/nobody/enabled", "admin", new JsonObject().put("enabled", false))
                .statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/accounts", "auditor", null).statusCode()).isEqualTo(403);
        assertThat(List.of(MultiMap.caseInsensitiveMultiMap())).isNotEmpty();
    }
}
