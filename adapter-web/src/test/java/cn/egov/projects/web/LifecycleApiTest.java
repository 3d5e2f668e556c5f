package cn.egov.projects.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A project's whole life through the action routes, every answer checked against the OpenAPI document. */
@DisplayName("生命周期操作路由：从申报到办结，每个应答符合接口文档")
class LifecycleApiTest extends ConformingApiTest {

    private JsonObject page(String id, String user) {
        HttpResponse<Buffer> r = call("GET", "/api/projects/" + id, user, null);
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        return r.bodyAsJsonObject();
    }

    private List<String> actions(String id, String user) {
        return page(id, user).getJsonArray("actions").stream().map(a -> ((JsonObject) a).getString("action")).toList();
    }

    @Test
    @DisplayName("各角色依次办理：状态、可办理操作、时间线和待办随之变化；试运行不足两个月验收被拒并引用第二十二条")
    void wholeLife() {
        String id = planned("智慧公安数据平台");

        // the unit sees its implementation-plan deadline (Art. 13) on its to-do list, with the action that meets it
        JsonObject todo = call("GET", "/api/me/deadlines?days=60", "police", null).bodyAsJsonObject();
        JsonObject item = todo.getJsonArray("items").getJsonObject(0);
        assertThat(item.getString("kind")).isEqualTo("IMPL_PLAN");
        assertThat(item.getString("due")).isEqualTo("2025-02-24");
        assertThat(item.getString("article")).isEqualTo("第十三条");
        assertThat(item.getString("action")).isEqualTo("SUBMIT_IMPLEMENTATION_PLAN");
        assertThat(item.getString("urgency")).isEqualTo("LATER");
        assertThat(call("GET", "/api/me/deadlines", "health", null).bodyAsJsonObject().getJsonArray("items"))
                .isEmpty();

        JsonObject p = page(id, "police");
        assertThat(p.getString("state")).isEqualTo("PLANNED");
        assertThat(actions(id, "police")).contains("SUBMIT_IMPLEMENTATION_PLAN").doesNotContain("TERMINATE");
        assertThat(actions(id, "bureau")).contains("TERMINATE").doesNotContain("SUBMIT_IMPLEMENTATION_PLAN");
        assertThat(actions(id, "auditor")).isEmpty();
        JsonArray timeline = p.getJsonArray("timeline");
        assertThat(timeline.getJsonObject(timeline.size() - 1).getString("action")).isEqualTo("ISSUE_PLAN");
        assertThat(timeline.getJsonObject(timeline.size() - 1).getString("article")).isEqualTo("第九条");
        assertThat(timeline.getJsonObject(0).getString("actionZh")).isEqualTo("新建项目草稿");

        on(2025, 2, 20);
        ok(id, "SUBMIT_IMPLEMENTATION_PLAN", "police", new JsonObject()
                .put("scopeItems", new JsonArray().add("数据汇聚平台").add("警情分析系统"))
                .put("budget", "1260000.10").put("schedule", "4月招标，9月上线"));
        on(2025, 3, 3);
        ok(id, "PRE_PROCUREMENT_REVIEW", "bureau", new JsonObject().put("passed", true).put("opinion", "同意采购"));
        on(2025, 4, 28);
        assertThat(ok(id, "SIGN_CONTRACT", "leader", new JsonObject().put("number", "HT-2025-001")
                .put("supplier", "苏州某信息技术有限公司").put("amount", "1200000").put("signedOn", "2025-04-25")
                .put("warrantyEnd", "2028-06-30"))).isEqualTo("CONTRACTED");
        on(2025, 5, 9);
        ok(id, "FILE_CONTRACT", "police", new JsonObject().put("number", "HT-2025-001"));
        on(2025, 7, 20);
        ok(id, "REPORT_PROGRESS", "police", new JsonObject().put("percentComplete", 60).put("summary", "开发完成60%"));
        on(2025, 9, 1);
        assertThat(ok(id, "START_TRIAL_RUN", "police", new JsonObject().put("startedOn", "2025-09-01")))
                .isEqualTo("TRIAL_RUN");
        on(2025, 10, 20);
        ok(id, "RECORD_CYBERSEC_REVIEW", "cyber", new JsonObject().put("passed", true).put("opinion", "符合要求"));
        on(2025, 10, 28);
        // the goal declared must be reported goal by goal (Art. 23): an overall account alone is refused
        JsonObject selfInspection = new JsonObject().put("contentCompletion", "全部完成")
                .put("resourceCatalogue", "资源目录32项").put("performanceGoals", "处置时间缩短23%");
        HttpResponse<Buffer> unreported = act(id, "FILE_SELF_INSPECTION", "police", selfInspection);
        assertThat(unreported.statusCode()).isEqualTo(422);
        assertThat(unreported.bodyAsJsonObject().getString("code")).isEqualTo("ART23_SELF_INSPECTION");
        assertThat(unreported.bodyAsJsonObject().getString("message")).startsWith("第二十三条")
                .contains("未报告的指标：警情处置时间缩短比例");
        ok(id, "FILE_SELF_INSPECTION", "police", selfInspection.copy().put("goalAchievements", new JsonArray()
                .add(new JsonObject().put("indicator", "警情处置时间缩短比例").put("actual", "23%")
                        .put("attainment", "MET"))));

        // a software project's trial run must last two months: refused in place, citing Art. 22
        on(2025, 11, 1);
        JsonObject acceptance = new JsonObject().put("heldOn", "2025-11-01").put("passed", true)
                .put("experts", new JsonArray().add("张专家").add("赵专家").add("钱专家"))
                .put("documents", new JsonArray(cn.egov.projects.domain.policy.PolicyPacks.taicang()
                        .acceptanceDocuments()))
                .put("conclusion", "同意通过验收")
                .put("goalAssessments", new JsonArray().add(new JsonObject().put("indicator", "警情处置时间缩短比例")
                        .put("attainment", "PARTLY_MET").put("opinion", "抽查样本显示缩短约19%")));
        HttpResponse<Buffer> refused = act(id, "RECORD_ACCEPTANCE", "police", acceptance);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.bodyAsJsonObject().getString("code")).isEqualTo("ART22_TRIAL_TOO_SHORT");
        assertThat(refused.bodyAsJsonObject().getString("article")).isEqualTo("第二十二条");
        assertThat(refused.bodyAsJsonObject().getString("message")).startsWith("第二十二条");

        on(2025, 11, 3);
        assertThat(ok(id, "RECORD_ACCEPTANCE", "police", acceptance.copy().put("heldOn", "2025-11-03")))
                .isEqualTo("ACCEPTED");
        on(2025, 11, 4);
        ok(id, "PUT_INTO_OPERATION", "police", null);
        on(2025, 11, 10);
        ok(id, "FILE_ACCEPTANCE_REPORT", "police", null);
        on(2026, 1, 20);
        assertThat(ok(id, "FILE_FINAL_ACCOUNTS", "finance", new JsonObject().put("amount", "1248000")))
                .isEqualTo("CLOSED");

        JsonObject closed = page(id, "auditor");
        assertThat(closed.getString("state")).isEqualTo("CLOSED");
        assertThat(closed.getJsonArray("timeline").stream().map(t -> ((JsonObject) t).getString("action")).toList())
                .containsSubsequence("SIGN_CONTRACT", "FILE_CONTRACT", "RECORD_ACCEPTANCE", "FILE_FINAL_ACCOUNTS");
        assertThat(closed.getJsonArray("contracts").getJsonObject(0).getString("filedOn")).isEqualTo("2025-05-09");
        JsonObject goal = closed.getJsonObject("performance").getJsonArray("goals").getJsonObject(0);
        assertThat(goal.getString("targetZh")).isEqualTo("≥20%");
        assertThat(goal.getJsonObject("achievement").getString("attainmentZh")).isEqualTo("达成");
        assertThat(goal.getJsonObject("achievement").getString("actual")).isEqualTo("23%");
        assertThat(goal.getJsonObject("assessment").getString("attainmentZh")).isEqualTo("部分达成");
        assertThat(closed.getJsonObject("performance").getString("assessedOn")).isEqualTo("2025-11-03");
    }

    @Test
    @DisplayName("错误类别：400指出字段，403角色不符，404他单位项目，409版本过期，422办法不允许")
    void errorClasses() {
        String id = planned("智慧公安数据平台");
        long version = page(id, "police").getLong("version");

        HttpResponse<Buffer> bad = act(id, "SUBMIT_IMPLEMENTATION_PLAN", "police", new JsonObject()
                .put("scopeItems", new JsonArray().add("x")).put("budget", "not money").put("schedule", "s"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.bodyAsJsonObject().getString("field")).isEqualTo("budget");
        HttpResponse<Buffer> missing = act(id, "SUBMIT_IMPLEMENTATION_PLAN", "police", new JsonObject()
                .put("scopeItems", new JsonArray().add("x")).put("budget", "1"));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.bodyAsJsonObject().getString("field")).isEqualTo("schedule");

        HttpResponse<Buffer> role = act(id, "TERMINATE", "police", new JsonObject().put("reason", "x"));
        assertThat(role.statusCode()).isEqualTo(403);
        assertThat(role.bodyAsJsonObject().getString("message")).contains("终止项目");

        HttpResponse<Buffer> hidden = act(id, "SUBMIT_IMPLEMENTATION_PLAN", "health", new JsonObject()
                .put("scopeItems", new JsonArray().add("x")).put("budget", "1").put("schedule", "s"));
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/projects/" + id, "health", null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/projects/00000000-0000-0000-0000-000000000001", "police", null).statusCode())
                .isEqualTo(404);

        HttpResponse<Buffer> stale = act(id, "REPORT_SITUATION", "police", new JsonObject().put("kind", "DELAY")
                .put("reason", "需求调整").put("toBureau", true).put("toFinance", true)
                .put("expectedVersion", version - 1));
        assertThat(stale.statusCode()).isEqualTo(409);

        HttpResponse<Buffer> refused = act(id, "SUBMIT_IMPLEMENTATION_PLAN", "police", new JsonObject()
                .put("scopeItems", new JsonArray().add("数据汇聚平台")).put("budget", "9999999").put("schedule", "s")
                .put("expectedVersion", version));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.bodyAsJsonObject().getString("article")).isEqualTo("第十三条");

        HttpResponse<Buffer> unknownAction = call("POST", "/api/projects/" + id + "/actions/FLY_TO_THE_MOON", "police",
                new JsonObject());
        assertThat(unknownAction.statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("涉密项目：本单位和保密部门可见，大数据局（未指定）、审计局、他单位看不到，列表中也没有")
    void classifiedProjects() {
        JsonObject profile = profile("涉密网络改造", 2025).put("classified", true).put("nature", "CONTINUATION");
        HttpResponse<Buffer> created = call("POST", "/api/projects", "police", profile);
        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        String id = created.bodyAsJsonObject().getString("id");
        assertThat(call("GET", "/api/projects/" + id, "secrecy", null).statusCode()).as("a draft").isEqualTo(404);
        assertThat(call("POST", "/api/declaration-windows", "bureau", new JsonObject().put("planYear", 2025)
                .put("opensOn", "2024-08-15").put("closesOn", "2024-09-30")).statusCode()).isEqualTo(201);
        ok(id, "DECLARE", "police", null);

        assertThat(call("GET", "/api/projects/" + id, "police", null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/projects/" + id, "secrecy", null).statusCode()).isEqualTo(200);
        for (String user : List.of("bureau", "auditor", "health", "finance")) {
            assertThat(call("GET", "/api/projects/" + id, user, null).statusCode()).as(user).isEqualTo(404);
            assertThat(call("GET", "/api/projects", user, null).bodyAsJsonObject().getJsonArray("items").stream()
                    .map(o -> ((JsonObject) o).getString("id")).toList()).as(user).doesNotContain(id);
        }
    }

    @Test
    @DisplayName("操作目录给出每个操作的中文名、条款、角色和表单字段")
    void actionCatalog() {
        JsonObject catalog = call("GET", "/api/actions", "police", null).bodyAsJsonObject();
        JsonObject sign = catalog.getJsonArray("actions").stream().map(JsonObject.class::cast)
                .filter(a -> a.getString("action").equals("SIGN_CONTRACT")).findFirst().orElseThrow();
        assertThat(sign.getString("labelZh")).isEqualTo("录入合同");
        assertThat(sign.getString("article")).isEqualTo("第十四条");
        assertThat(sign.getJsonArray("fields").stream().map(f -> ((JsonObject) f).getString("name")).toList())
                .containsExactly("number", "supplier", "amount", "signedOn", "warrantyEnd");
        assertThat(call("GET", "/api/actions", null, null).statusCode()).isEqualTo(401);
    }
}
