package cn.egov.projects.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The performance goals a unit declares and their achievement it reports at self-inspection (Art. 23) through the
 * API, every answer checked against the OpenAPI document: goals read and written with indicator, kind and target,
 * the older form (a line of text) still accepted in a draft and refused at declaration, and bad input a 400 naming the
 * field.
 */
@DisplayName("绩效目标与达成情况接口（第二十三条）")
class PerformanceGoalsApiTest extends ConformingApiTest {

    @Test
    @DisplayName("申报：绩效目标按指标、类别、目标值读写；旧写法的一行文字可保存草稿但申报被拒（第二十三条）；写错的目标返回400指出字段")
    void goalsAtDeclaration() {
        call("POST", "/api/declaration-windows", "bureau", new JsonObject().put("planYear", 2025)
                .put("opensOn", "2024-08-15").put("closesOn", "2024-09-30"));
        JsonObject legacy = profile("旧写法的项目", 2025).put("performanceGoals", new JsonArray().add("警情处置时间缩短20%"));
        HttpResponse<Buffer> created = call("POST", "/api/projects", "police", legacy);
        assertThat(created.statusCode()).isEqualTo(201);
        String id = created.bodyAsJsonObject().getString("id");
        JsonObject goal = call("GET", "/api/projects/" + id, "police", null).bodyAsJsonObject()
                .getJsonObject("profile").getJsonArray("performanceGoals").getJsonObject(0);
        assertThat(goal.getString("indicator")).isEqualTo("警情处置时间缩短20%");
        assertThat(goal.getBoolean("hasTarget")).isFalse();
        assertThat(goal.getString("targetZh")).isEqualTo("未设定");

        HttpResponse<Buffer> refused = act(id, "DECLARE", "police", null);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.bodyAsJsonObject().getString("code")).isEqualTo("ART23_PERFORMANCE_GOALS");
        assertThat(refused.bodyAsJsonObject().getString("article")).isEqualTo("第二十三条");
        assertThat(refused.bodyAsJsonObject().getString("message")).contains("以下绩效目标没有目标值：警情处置时间缩短20%");
        assertThat(call("GET", "/api/projects/" + id, "police", null).bodyAsJsonObject().getString("state"))
                .isEqualTo("DRAFT");

        String good = createDraft("police", "结构化目标的项目");
        JsonObject declared = call("GET", "/api/projects/" + good, "police", null).bodyAsJsonObject();
        JsonObject structured = declared.getJsonObject("profile").getJsonArray("performanceGoals").getJsonObject(0);
        assertThat(structured.getString("kind")).isEqualTo("BENEFIT");
        assertThat(structured.getString("kindZh")).isEqualTo("效益指标");
        assertThat(structured.getString("comparison")).isEqualTo("AT_LEAST");
        assertThat(structured.getString("targetValue")).isEqualTo("20");
        assertThat(structured.getString("unit")).isEqualTo("%");
        assertThat(structured.getString("targetZh")).isEqualTo("≥20%");
        assertThat(ok(good, "DECLARE", "police", null)).isEqualTo("DECLARED");

        JsonObject parts = profile("分项填写", 2025).put("performanceGoals", new JsonArray().add(new JsonObject()
                .put("indicator", "群众满意度").put("kind", "SATISFACTION").put("comparison", "AT_LEAST")
                .put("targetValue", 95.5).put("unit", "%")));
        String partsId = call("POST", "/api/projects", "police", parts).bodyAsJsonObject().getString("id");
        assertThat(call("GET", "/api/projects/" + partsId, "police", null).bodyAsJsonObject().getJsonObject("profile")
                .getJsonArray("performanceGoals").getJsonObject(0).getString("targetZh")).isEqualTo("≥95.5%");

        for (var bad : List.of(
                new Object[]{new JsonObject().put("kind", "OUTPUT").put("target", "1"), "performanceGoals[0].indicator"},
                new Object[]{new JsonObject().put("indicator", "x").put("kind", "产出"), "performanceGoals[0].kind"},
                new Object[]{new JsonObject().put("indicator", "x").put("target", "≥1").put("unit", "个"),
                        "performanceGoals[0].target"},
                new Object[]{new JsonObject().put("indicator", "x").put("targetValue", 5), "performanceGoals[0]"},
                new Object[]{new JsonObject().put("indicator", "x").put("comparison", "EQUAL")
                        .put("targetValue", "1e20"), "performanceGoals[0].targetValue"},
                new Object[]{42, "performanceGoals[0]"})) {
            HttpResponse<Buffer> r = call("POST", "/api/projects", "police", profile("错误目标", 2025)
                    .put("performanceGoals", new JsonArray().add(bad[0])));
            assertThat(r.statusCode()).as(String.valueOf(bad[0])).isEqualTo(400);
            assertThat(r.bodyAsJsonObject().getString("field")).as(String.valueOf(bad[0])).isEqualTo(bad[1]);
        }
        JsonObject twice = profile("重复指标", 2025).put("performanceGoals", new JsonArray()
                .add(new JsonObject().put("indicator", "满意度").put("kind", "SATISFACTION").put("target", "≥90%"))
                .add(new JsonObject().put("indicator", "满意度").put("kind", "SATISFACTION").put("target", "≥95%")));
        HttpResponse<Buffer> repeated = call("POST", "/api/projects", "police", twice);
        assertThat(repeated.statusCode()).isEqualTo(400);
        assertThat(repeated.bodyAsJsonObject().getString("field")).isEqualTo("performanceGoals");
        assertThat(repeated.bodyAsJsonObject().getString("message")).contains("指标名称不能重复：满意度");
    }

    @Test
    @DisplayName("自查报告逐项报告绩效目标达成情况；写错的达成情况返回400指出字段，不改变项目")
    void achievementAtSelfInspection() {
        String id = selfInspected("智慧公安数据平台", "PARTLY_MET");
        JsonObject performance = call("GET", "/api/projects/" + id, "auditor", null).bodyAsJsonObject()
                .getJsonObject("performance");
        JsonObject goal = performance.getJsonArray("goals").getJsonObject(0);
        assertThat(goal.getJsonObject("achievement").getString("attainment")).isEqualTo("PARTLY_MET");
        assertThat(goal.getJsonObject("achievement").getString("explanation")).isEqualTo("部分路段改造未完成");
        assertThat(goal.getValue("assessment")).isNull();
        assertThat(performance.getString("selfInspectedOn")).isEqualTo("2025-10-28");

        JsonArray catalog = call("GET", "/api/actions", "police", null).bodyAsJsonObject().getJsonArray("actions");
        JsonObject fields = catalog.stream().map(JsonObject.class::cast)
                .filter(a -> a.getString("action").equals("FILE_SELF_INSPECTION")).findFirst().orElseThrow();
        assertThat(fields.getJsonArray("fields").stream().map(f -> ((JsonObject) f).getString("type")))
                .contains("goalAchievements");

        String other = plannedFromTheStart("健康档案平台");
        for (var bad : List.of(
                new Object[]{new JsonObject().put("indicator", SELF_INSPECTED_GOAL).put("attainment", "达成"),
                        "goalAchievements[0].attainment"},
                new Object[]{new JsonObject().put("attainment", "MET"), "goalAchievements[0].indicator"},
                new Object[]{"达成", "goalAchievements[0]"})) {
            HttpResponse<Buffer> r = act(other, "FILE_SELF_INSPECTION", "police", new JsonObject()
                    .put("goalAchievements", new JsonArray().add(bad[0])));
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.bodyAsJsonObject().getString("field")).isEqualTo(bad[1]);
        }
    }
}
