package cn.egov.projects.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("项目：草稿、列表、详情与申报")
class ProjectApiTest extends ApiTestSupport {

    @Test
    @DisplayName("实施单位新建草稿得到201、Location和版本号，列表和详情都看得到")
    void createListAndGet() {
        HttpResponse<Buffer> created = post("/api/projects", "police", profile("智慧公安数据平台", 2025));

        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        JsonObject body = created.bodyAsJsonObject();
        String id = body.getString("id");
        assertThat(body.getString("state")).isEqualTo("DRAFT");
        assertThat(body.getLong("version")).isPositive();
        assertThat(created.getHeader("Location")).isEqualTo("/api/projects/" + id);

        HttpResponse<Buffer> list = get("/api/projects?year=2025&page=1&size=20", "police");
        assertThat(list.statusCode()).isEqualTo(200);
        JsonObject page = list.bodyAsJsonObject();
        assertThat(page.getLong("total")).isEqualTo(1);
        assertThat(page.getInteger("page")).isEqualTo(1);
        assertThat(page.getInteger("size")).isEqualTo(20);
        JsonObject row = page.getJsonArray("items").getJsonObject(0);
        assertThat(row.getString("id")).isEqualTo(id);
        assertThat(row.getString("unit")).isEqualTo("TC-GAJ");
        assertThat(row.getString("name")).isEqualTo("智慧公安数据平台");
        assertThat(row.getInteger("planYear")).isEqualTo(2025);
        assertThat(row.getString("state")).isEqualTo("DRAFT");
        assertThat(row.getString("stateZh")).isEqualTo("草稿");
        assertThat(row.getString("category")).isEqualTo("BUSINESS_SYSTEM");
        assertThat(row.getString("nature")).isEqualTo("NEW");
        assertThat(row.getBoolean("classified")).isFalse();
        assertThat(row.getString("totalInvestment")).isEqualTo("1260000.10");
        assertThat(row.getString("createdOn")).isEqualTo("2024-08-15");
        assertThat(row.getLong("version")).isEqualTo(body.getLong("version"));

        HttpResponse<Buffer> details = get("/api/projects/" + id, "police");
        assertThat(details.statusCode()).isEqualTo(200);
        JsonObject project = details.bodyAsJsonObject();
        assertThat(project.getString("id")).isEqualTo(id);
        assertThat(project.getString("state")).isEqualTo("DRAFT");
        assertThat(project.getString("today")).isEqualTo("2024-08-15");
        assertThat(project.getJsonObject("profile").getString("name")).isEqualTo("智慧公安数据平台");
        assertThat(project.getJsonObject("profile").getJsonArray("budgetLines").getJsonObject(1).getString("amount"))
                .isEqualTo("60000.10");
        assertThat(project.getJsonObject("profile").getJsonObject("people").getJsonObject("leader")
                .getString("name")).isEqualTo("王分管");
        assertThat(project.getJsonArray("deadlines")).isEmpty();
        assertThat(project.getJsonArray("flags")).isEmpty();
    }

    @Test
    @DisplayName("金额既可写成字符串也可写成JSON数字，都按十进制原文精确读取（double表示不了的数也不走样）")
    void moneyIsExact() {
        String json = profile("精确金额", 2025).encode()
                .replace("\"1200000.00\"", "99999999999999.98")
                .replace("\"60000.10\"", "0.01");

        HttpResponse<Buffer> created = post("/api/projects", "police", json);

        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        JsonObject row = get("/api/projects", "police").bodyAsJsonObject().getJsonArray("items").getJsonObject(0);
        assertThat(row.getString("totalInvestment")).isEqualTo("99999999999999.99");
    }

    @Test
    @DisplayName("另一单位的经办人员看不到该项目：详情404，列表中没有")
    void otherUnitSeesNothing() {
        String id = createDraft("police", "智慧公安数据平台");

        HttpResponse<Buffer> details = get("/api/projects/" + id, "health");
        HttpResponse<Buffer> list = get("/api/projects", "health");

        assertThat(details.statusCode()).isEqualTo(404);
        assertThat(details.bodyAsJsonObject().getString("code")).isEqualTo("NOT_FOUND");
        assertThat(details.bodyAsJsonObject().getString("message")).isEqualTo("项目不存在或不在您的办理范围内");
        assertThat(list.bodyAsJsonObject().getLong("total")).isZero();
        assertThat(list.bodyAsJsonObject().getJsonArray("items")).isEmpty();
        // nor does anyone outside the unit before it is declared (RULES.md §1)
        assertThat(get("/api/projects", "bureau").bodyAsJsonObject().getLong("total")).isZero();
        assertThat(get("/api/projects/" + id, "bureau").statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("格式错误的项目编号得到400，不存在的得到404")
    void badAndUnknownIds() {
        HttpResponse<Buffer> malformed = get("/api/projects/not-a-uuid", "police");
        HttpResponse<Buffer> unknown = get("/api/projects/2f1e4b1a-0000-4000-8000-000000000000", "police");

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.bodyAsJsonObject().getString("field")).isEqualTo("id");
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("列表的筛选参数错误得到400")
    void badListParameters() {
        HttpResponse<Buffer> year = get("/api/projects?year=twenty", "police");
        HttpResponse<Buffer> state = get("/api/projects?state=DONE", "police");
        HttpResponse<Buffer> size = get("/api/projects?size=1000", "police");

        assertThat(year.statusCode()).isEqualTo(400);
        assertThat(year.bodyAsJsonObject().getString("field")).isEqualTo("year");
        assertThat(state.statusCode()).isEqualTo(400);
        assertThat(state.bodyAsJsonObject().getString("messageEn")).contains("DRAFT");
        assertThat(size.statusCode()).isEqualTo(400);
        assertThat(size.bodyAsJsonObject().getString("field")).isEqualTo("size");
    }

    @Test
    @DisplayName("申报内容不完整或不合格得到400并指明字段")
    void invalidProfiles() {
        JsonObject noClassifiedFlag = profile("缺涉密标志", 2025);
        noClassifiedFlag.remove("classified");
        JsonObject badAmount = profile("金额错误", 2025);
        badAmount.getJsonArray("budgetLines").getJsonObject(0).put("amount", "12.345");
        JsonObject badMobile = profile("手机错误", 2025);
        badMobile.getJsonObject("people").getJsonObject("leader").put("mobile", "12345");
        JsonObject noBudget = profile("无预算", 2025).put("budgetLines", new JsonArray());

        assertField(post("/api/projects", "police", noClassifiedFlag), "classified");
        assertField(post("/api/projects", "police", badAmount), "budgetLines[0].amount");
        assertField(post("/api/projects", "police", badMobile), "people.leader.mobile");
        assertField(post("/api/projects", "police", noBudget), "budgetLines");
        assertField(post("/api/projects", "police", profile("年度错误", 1999)), "planYear");
    }

    private static void assertField(HttpResponse<Buffer> r, String field) {
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(400);
        assertThat(r.bodyAsJsonObject().getString("field")).isEqualTo(field);
        assertThat(r.bodyAsJsonObject().getString("message")).matches(".*\\p{IsHan}.*");
    }

    @Test
    @DisplayName("未启动集中申报时申报被拒绝：422，ART7_WINDOW_CLOSED，第七条")
    void declarationOutsideWindow() {
        String id = createDraft("police", "智慧公安数据平台");

        HttpResponse<Buffer> r = post("/api/projects/" + id + "/declare", "police", "");

        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(422);
        JsonObject body = r.bodyAsJsonObject();
        assertThat(body.getString("code")).isEqualTo("ART7_WINDOW_CLOSED");
        assertThat(body.getString("article")).isEqualTo("第七条");
        assertThat(body.getString("message")).startsWith("第七条");
        assertThat(body.getJsonArray("violations")).hasSize(1);
        assertThat(body.getJsonArray("violations").getJsonObject(0).getString("code")).isEqualTo("ART7_WINDOW_CLOSED");
        assertThat(body.getString("requestId")).isEqualTo(r.getHeader("X-Request-Id"));
        assertThat(get("/api/projects/" + id, "police").bodyAsJsonObject().getString("state")).isEqualTo("DRAFT");
    }

    @Test
    @DisplayName("实施单位不能启动集中申报：403")
    void unitCannotOpenWindow() {
        JsonObject window = new JsonObject().put("planYear", 2025).put("opensOn", "2024-07-01")
                .put("closesOn", "2024-09-30");

        HttpResponse<Buffer> r = post("/api/declaration-windows", "police", window);

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.bodyAsJsonObject().getString("code")).isEqualTo("ART4_ROLE");
        assertThat(r.bodyAsJsonObject().getString("message")).contains("启动年度集中申报");
        assertThat(r.bodyAsJsonObject().getString("article")).isEqualTo("第四条");
        assertThat(r.bodyAsJsonObject().getString("message")).startsWith("第四条：");
    }

    @Test
    @DisplayName("大数据局在第三季度启动集中申报后，实施单位按所见版本申报成功")
    void bureauOpensWindowThenUnitDeclares() {
        String id = createDraft("police", "智慧公安数据平台");
        long version = get("/api/projects/" + id, "police").bodyAsJsonObject().getLong("version");
        JsonObject window = new JsonObject().put("planYear", 2025).put("opensOn", "2024-08-15")
                .put("closesOn", "2024-09-30");

        HttpResponse<Buffer> opened = post("/api/declaration-windows", "bureau", window);
        HttpResponse<Buffer> declared = post("/api/projects/" + id + "/declare", "police",
                new JsonObject().put("expectedVersion", version));

        assertThat(opened.statusCode()).as(opened.bodyAsString()).isEqualTo(201);
        assertThat(opened.bodyAsJsonObject().getString("closesOn")).isEqualTo("2024-09-30");
        assertThat(declared.statusCode()).as(declared.bodyAsString()).isEqualTo(200);
        assertThat(declared.bodyAsJsonObject().getString("state")).isEqualTo("DECLARED");
        assertThat(declared.bodyAsJsonObject().getLong("version")).isGreaterThan(version);
    }

    @Test
    @DisplayName("不在第三季度启动的申报期被拒绝：422，第七条")
    void windowOutsideThirdQuarter() {
        JsonObject window = new JsonObject().put("planYear", 2025).put("opensOn", "2024-01-02")
                .put("closesOn", "2024-02-28");

        HttpResponse<Buffer> r = post("/api/declaration-windows", "bureau", window);

        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.bodyAsJsonObject().getString("code")).isEqualTo("ART7_WINDOW_CLOSED");
        assertThat(r.bodyAsJsonObject().getString("article")).isEqualTo("第七条");
    }

    @Test
    @DisplayName("按过期版本号申报得到409，项目不变")
    void staleVersion() {
        String id = createDraft("police", "智慧公安数据平台");
        long version = get("/api/projects/" + id, "police").bodyAsJsonObject().getLong("version");

        HttpResponse<Buffer> r = post("/api/projects/" + id + "/declare", "police",
                new JsonObject().put("expectedVersion", version + 3));

        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.bodyAsJsonObject().getString("code")).isEqualTo("CONFLICT");
        assertThat(r.bodyAsJsonObject().getString("message")).isEqualTo("该项目已被他人修改，请刷新后重试");
        assertThat(get("/api/projects/" + id, "police").bodyAsJsonObject().getLong("version")).isEqualTo(version);
    }
}
