package cn.egov.projects.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every input is bounded at the edge before it becomes anything large, and a refusal is a small 400 naming the
 * field, in Chinese and English, quoting at most a few dozen characters of the input; nothing is changed.
 */
@DisplayName("输入的上限：金额、合计、文字、日期、页码、嵌套；拒绝时400指出字段，不复述整段输入，不改变任何数据")
class InputBoundsApiTest extends ConformingApiTest {

    /** A bad request: 400, the field named, the answer small and without the input beyond a few dozen characters. */
    private static JsonObject refused(HttpResponse<Buffer> r, String field) {
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(400);
        assertThat(r.bodyAsString().length()).as("a small answer").isLessThan(1_000);
        JsonObject body = r.bodyAsJsonObject();
        assertThat(body.getString("code")).isEqualTo("BAD_REQUEST");
        if (field != null) {
            assertThat(body.getString("field")).isEqualTo(field);
        }
        assertThat(body.getString("message")).isNotBlank();
        assertThat(body.getString("messageEn")).isNotBlank();
        return body;
    }

    private static String withAmounts(String first, String second) {
        return profile("金额上限", 2025).encode().replace("\"1200000.00\"", first).replace("\"60000.10\"", second);
    }

    @Test
    @DisplayName("金额1e999999999：不展开即拒绝（400，指出budgetLines[0].amount），提示不复述输入")
    void hugeExponentIsRefusedAtOnce() {
        long started = System.nanoTime();
        HttpResponse<Buffer> r = post("/api/projects", "police", withAmounts("1e999999999", "0.01"));
        assertThat(System.nanoTime() - started).as("answered at once").isLessThan(5_000_000_000L);
        JsonObject body = refused(r, "budgetLines[0].amount");
        assertThat(body.getString("message")).contains("不能超过99,999,999,999,999.99元");
        assertThat(body.getString("messageEn")).endsWith("got '1E+999999999'");

        refused(post("/api/projects", "police", withAmounts("1E-999999999", "0.01")), "budgetLines[0].amount");
        refused(post("/api/projects", "police", withAmounts("\"1e999999999\"", "0.01")), "budgetLines[0].amount");
        refused(post("/api/projects", "police", withAmounts("-1", "0.01")), "budgetLines[0].amount");
        refused(post("/api/projects", "police", withAmounts("0.001", "0.01")), "budgetLines[0].amount");
        refused(post("/api/projects", "police", withAmounts("\"" + "9".repeat(5000) + "\"", "0.01")),
                "budgetLines[0].amount");
        // a number longer than any amount is not even read
        HttpResponse<Buffer> digits = post("/api/projects", "police", withAmounts("9".repeat(900_000), "0.01"));
        refused(digits, null);
        assertThat(world.projects.count()).isZero();
    }

    @Test
    @DisplayName("两条99,999,999,999,999.99元的预算明细：合计超过NUMERIC(16,2)，400指出budgetLines并说明合计")
    void totalMustFitStorage() {
        JsonObject body = refused(post("/api/projects", "police", withAmounts("\"99999999999999.99\"",
                "\"99999999999999.99\"")), "budgetLines");
        assertThat(body.getString("message")).isEqualTo("预算明细合计199,999,999,999,999.98元，超过系统可记录的最大金额"
                + "99,999,999,999,999.99元");
        assertThat(world.projects.count()).isZero();
        assertThat(post("/api/projects", "police", withAmounts("\"99999999999999.98\"", "\"0.01\"")).statusCode())
                .isEqualTo(201);
    }

    @Test
    @DisplayName("会话登录的用户名超过64个字符：登录失败（401），不查找账号，不计入该用户名的失败次数，不是500")
    void overlongUsernameAtSignIn() {
        HttpResponse<Buffer> r = OpenApi.conforms("POST", "/api/session", post("/api/session", null,
                new JsonObject().put("username", "u".repeat(300)).put("password", "whatever-password")));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.bodyAsString().length()).isLessThan(1_000);
        assertThat(r.bodyAsJsonObject().getString("message")).isNotBlank();
        assertThat(workplace.loginAttempts.failuresSince("u".repeat(300), java.time.Instant.EPOCH)).isZero();
        // HTTP Basic with such a name is simply nobody
        assertThat(await(client.get("/api/session").basicAuthentication("u".repeat(300), "x").send()).statusCode())
                .isEqualTo(401);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/api/audit-records?from=-999999999-01-01|from",
            "/api/audit-records?to=%2B999999999-12-31|to",
            "/api/audit-records?from=1899-12-31|from",
            "/api/audit-records?to=3000-01-01|to",
            "/api/audit-records?page=2147483647|page",
            "/api/audit-records?page=0|page",
            "/api/audit-records?size=201|size",
            "/api/audit-records?size=99999999999999999999|size",
            "/api/projects?year=99999|year",
            "/api/projects?year=1999|year",
            "/api/projects?page=1000001|page",
            "/api/projects?size=0|size",
            "/api/me/deadlines?days=2147483647|days",
            "/api/me/deadlines?days=-1|days",
            "/api/exports/annual-plan.xlsx?year=-2147483648|year",
    })
    @DisplayName("查询参数超出范围：400指出参数和范围")
    void queryParametersAreBounded(String path, String field) {
        JsonObject body = refused(call("GET", path, "bureau", null), field);
        assertThat(body.getString("message")).contains("「" + field + "」");
    }

    @Test
    @DisplayName("操作记录按1900年至2999年之间的日期查询可以；筛选文字最多200个字符")
    void auditDatesInRange() {
        assertThat(call("GET", "/api/audit-records?from=1900-01-01&to=2999-12-31", "auditor", null).statusCode())
                .isEqualTo(200);
        assertThat(call("GET", "/api/audit-records?user=" + "u".repeat(200), "auditor", null).statusCode())
                .isEqualTo(200);
        refused(call("GET", "/api/audit-records?user=" + "u".repeat(201), "auditor", null), "user");
    }

    @Test
    @DisplayName("请求内容中的日期须在2000年至2100年之间；超长文字、超多项、过深嵌套都被拒绝")
    void bodyTextsDatesListsAndNesting() {
        String id = createDraft("police", "上限项目");
        refused(call("POST", "/api/declaration-windows", "bureau", new JsonObject().put("planYear", 2025)
                .put("opensOn", "+999999999-01-01").put("closesOn", "2024-09-30")), "opensOn");
        refused(call("POST", "/api/declaration-windows", "bureau", new JsonObject().put("planYear", 2025)
                .put("opensOn", "2024-07-01").put("closesOn", "2101-01-01")), "closesOn");
        refused(act(id, "RECORD_START_EXCEPTION", "bureau", new JsonObject().put("reason", "理".repeat(20_001))),
                "reason");
        refused(act(id, "EDIT_DRAFT", "police", new JsonObject().put("profile", profile("上限项目", 2025)
                .put("scopeItems", new JsonArray(Collections.nCopies(1_001, "内容"))))), "scopeItems");
        refused(post("/api/projects", "police", profile("上限项目", 2025)
                .put("scopeItems", new JsonArray(Collections.nCopies(201, "内容"))).encode()), "scopeItems");
        refused(post("/api/projects", "police", profile("上限项目", 2025).put("people", new JsonObject()
                .put("leader", new JsonObject().put("name", "王").put("mobile", "13900000001")
                        .put("email", "a".repeat(300) + "@tc.gov.cn"))
                .put("responsible", new JsonObject().put("name", "李").put("mobile", "13900000002")
                        .put("email", "li@tc.gov.cn"))).encode()), "people.leader.email");
        String deep = "{\"a\":".repeat(100) + "1" + "}".repeat(100);
        JsonObject body = refused(post("/api/projects", "police", deep), null);
        assertThat(body.getString("message")).isEqualTo("请求内容不是有效的JSON");
        refused(post("/api/projects", "police", profile("x".repeat(900_000), 2025).encode()), "name");
        assertThat(world.projects.count()).isEqualTo(1);
    }

    @Test
    @DisplayName("文字中不成对的代理码元（如\\uD800）被拒绝，什么也不保存；成对的（𠀀、表情）照常保存")
    void unpairedSurrogatesInTextAreRefused() {
        long before = world.projects.count();
        String lone = profile("平台WAVE二期", 2025).encode().replace("WAVE", "\\uD800");
        assertThat(lone).contains("\\uD800");
        JsonObject body = refused(post("/api/projects", "police", lone), null);
        assertThat(body.getString("message")).contains("不成对的代理码元").contains("U+D800");
        String swapped = profile("平台WAVE二期", 2025).encode().replace("WAVE", "\\uDFFF\\uD800");
        refused(post("/api/projects", "police", swapped), null);
        assertThat(world.projects.count()).isEqualTo(before);

        String paired = profile("平台WAVE二期", 2025).encode().replace("WAVE", "\\uD840\\uDC00🏛");
        HttpResponse<Buffer> created = post("/api/projects", "police", paired);
        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        assertThat(world.projects.count()).isEqualTo(before + 1);
    }

    @Test
    @DisplayName("大于64 KiB的请求内容在工作线程上读取：有效的照常办理，无效的400")
    void largeBodiesAreReadOffTheEventLoop() {
        JsonObject big = profile("大请求项目", 2025)
                .put("scopeItems", new JsonArray(Collections.nCopies(200, "建".repeat(400))));
        assertThat(big.encode().length()).isGreaterThan(64 * 1024);
        HttpResponse<Buffer> created = post("/api/projects", "police", big.encode());
        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        JsonObject body = refused(post("/api/projects", "police", big.encode() + " trailing"), null);
        assertThat(body.getString("message")).isEqualTo("请求内容不是有效的JSON");
    }

    @Test
    @DisplayName("错误应答不复述整段输入：900 KB的枚举值只引用前40个字符")
    void errorsStaySmall() {
        String huge = "Z".repeat(900_000);
        JsonObject body = refused(post("/api/projects", "police", profile("枚举", 2025).put("category", huge)
                .encode()), "category");
        assertThat(body.getString("message").length()).isLessThan(400);
        HttpResponse<Buffer> page = call("GET", "/api/projects?state=" + "Q".repeat(3_000), "police", null);
        assertThat(refused(page, "state").getString("messageEn")).contains("Q".repeat(40) + "…")
                .doesNotContain("Q".repeat(41));
    }

    @Test
    @DisplayName("路径或查询中无法解码的百分号编码、带请求内容的GET：400并说明，不是500，连接不被占住")
    void undecodableInputs() {
        for (String path : new String[]{"/api/projects/%%/documents", "/api/projects/%zz", "/calendar/%%",
                "/api/projects?year=%G0"}) {
            HttpResponse<Buffer> r = await(client.get(path).basicAuthentication("bureau", PASSWORD).send());
            assertThat(r.statusCode()).as(path + " " + r.bodyAsString()).isEqualTo(400);
            assertThat(r.bodyAsJsonObject().getString("message")).isNotBlank();
        }
        HttpResponse<Buffer> post = await(client.post("/api/projects/%%/actions/DECLARE")
                .basicAuthentication("police", PASSWORD).putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer("{}")));
        assertThat(post.statusCode()).isEqualTo(400);
        for (String path : new String[]{"/api/session", "/login.html", "/health"}) {
            HttpResponse<Buffer> get = await(client.get(path).basicAuthentication("police", PASSWORD)
                    .putHeader("Content-Type", "multipart/form-data; boundary=x")
                    .sendBuffer(Buffer.buffer("x".repeat(100_000))));
            assertThat(get.statusCode()).as(path).isEqualTo(400);
            assertThat(get.bodyAsJsonObject().getString("message")).isEqualTo("GET请求不能带请求内容");
            assertThat(get.getHeader("Connection")).isEqualTo("close");
        }
        assertThat(await(client.get("/health").send()).statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("预算明细的采购类别：注明的类别存取不变，未知的类别400指出budgetLines[0].kind，不新建草稿")
    void purchaseKindOfABudgetLine() {
        JsonObject body = profile("视频会议对接", 2025);
        body.getJsonArray("budgetLines").getJsonObject(0).put("item", "视频会议系统对接接口开发")
                .put("kind", "SOFTWARE_DEVELOPMENT");
        HttpResponse<Buffer> created = post("/api/projects", "police", body);
        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        JsonObject line = call("GET", "/api/projects/" + created.bodyAsJsonObject().getString("id"), "police", null)
                .bodyAsJsonObject().getJsonObject("profile").getJsonArray("budgetLines").getJsonObject(0);
        assertThat(line.getString("kind")).isEqualTo("SOFTWARE_DEVELOPMENT");
        assertThat(line.getString("kindZh")).isEqualTo("软件开发");

        long before = world.projects.count();
        body.getJsonArray("budgetLines").getJsonObject(0).put("kind", "SPACESHIP");
        refused(post("/api/projects", "police", body), "budgetLines[0].kind");
        assertThat(world.projects.count()).isEqualTo(before);
    }
}
