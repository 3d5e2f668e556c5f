package cn.egov.projects.web;

import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.policy.PolicyPacks;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP API under the two-stage pack ({@link PolicyPacks#twoStage()}): the project page shows the pack's stages
 * of acceptance and its articles, the stages are taken in order, and refusals cite the pack's article numbers —
 * every answer checked against the OpenAPI document.
 */
@DisplayName("两阶段验收政策包下的接口：项目页列出验收阶段，先初步验收后竣工验收，拒绝引用本政策包的条款号")
class TwoStagePackApiTest extends ConformingApiTest {

    private static final PolicyPack PACK = PolicyPacks.twoStage();

    @Override
    protected PolicyPack pack() {
        return PACK;
    }

    private JsonObject page(String id) {
        HttpResponse<Buffer> r = call("GET", "/api/projects/" + id, "police", null);
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        return r.bodyAsJsonObject();
    }

    private static JsonObject acceptance(String heldOn, int experts, java.util.List<String> documents) {
        JsonArray names = new JsonArray();
        for (int i = 0; i < experts; i++) {
            names.add("专家" + (i + 1));
        }
        return new JsonObject().put("heldOn", heldOn).put("passed", true).put("experts", names)
                .put("documents", new JsonArray(documents)).put("conclusion", "同意通过");
    }

    @Test
    @DisplayName("合同报送期限15个工作日（第十五条）；初步验收、竣工验收依次办理；未通过竣工验收不得投入使用（第二十二条）")
    void theStagesInOrderOverHttp() {
        String id = selfInspected("两阶段验收项目", "MET");
        JsonObject before = page(id);
        assertThat(before.getString("policyId")).isEqualTo("example-two-stage");
        JsonObject filing = before.getJsonArray("deadlines").stream().map(JsonObject.class::cast)
                .filter(d -> d.getString("kind").equals("CONTRACT_FILING")).findFirst().orElseThrow();
        assertThat(filing.getString("due")).isEqualTo("2025-05-20");
        assertThat(filing.getString("article")).isEqualTo("第十五条");
        JsonArray stages = before.getJsonArray("acceptanceStages");
        assertThat(stages.stream().map(s -> ((JsonObject) s).getString("nameZh")).toList())
                .containsExactly("初步验收", "竣工验收");
        assertThat(stages.getJsonObject(0).getString("article")).isEqualTo("第二十五条");
        assertThat(stages.getJsonObject(0).getBoolean("next")).isTrue();
        assertThat(stages.getJsonObject(1).getInteger("expertPanelMinimum")).isEqualTo(5);

        on(2025, 10, 29);
        ok(id, "RECORD_CYBERSEC_REVIEW", "cyber", new JsonObject().put("passed", true).put("opinion", "符合要求"));
        on(2025, 11, 3);
        assertThat(ok(id, "RECORD_ACCEPTANCE", "police",
                acceptance("2025-11-03", 3, PACK.acceptanceStages().get(0).documents())))
                .isEqualTo("ACCEPTANCE_PENDING");
        JsonArray after = page(id).getJsonArray("acceptanceStages");
        assertThat(after.getJsonObject(0).getBoolean("passed")).isTrue();
        assertThat(after.getJsonObject(1).getBoolean("next")).isTrue();

        HttpResponse<Buffer> notYet = act(id, "PUT_INTO_OPERATION", "police", null);
        assertThat(notYet.statusCode()).isEqualTo(422);
        assertThat(notYet.bodyAsJsonObject().getString("code")).isEqualTo("ART21_NOT_ACCEPTED");
        assertThat(notYet.bodyAsJsonObject().getString("article")).isEqualTo("第二十二条");

        on(2025, 11, 20);
        // the final acceptance is the Bureau's to record under this pack: the unit is refused (403), citing 第二十六条
        HttpResponse<Buffer> notTheUnits = act(id, "RECORD_ACCEPTANCE", "police",
                acceptance("2025-11-20", 5, PACK.finalAcceptanceStage().documents()));
        assertThat(notTheUnits.statusCode()).isEqualTo(403);
        assertThat(notTheUnits.bodyAsJsonObject().getString("code")).isEqualTo("ART4_ROLE");
        assertThat(notTheUnits.bodyAsJsonObject().getString("article")).isEqualTo("第二十六条");
        assertThat(notTheUnits.bodyAsJsonObject().getString("message"))
                .isEqualTo("第二十六条：「录入竣工验收结果」由市大数据管理局办理");
        HttpResponse<Buffer> tooFew = act(id, "RECORD_ACCEPTANCE", "bureau",
                acceptance("2025-11-20", 3, PACK.finalAcceptanceStage().documents()));
        assertThat(tooFew.statusCode()).isEqualTo(422);
        assertThat(tooFew.bodyAsJsonObject().getString("code")).isEqualTo("ART24_EXPERTS");
        assertThat(tooFew.bodyAsJsonObject().getString("article")).isEqualTo("第二十六条");
        assertThat(tooFew.bodyAsJsonObject().getString("message")).contains("竣工验收专家3名，应不少于5名");

        assertThat(ok(id, "RECORD_ACCEPTANCE", "bureau",
                acceptance("2025-11-20", 5, PACK.finalAcceptanceStage().documents()))).isEqualTo("ACCEPTED");
        JsonObject accepted = page(id);
        assertThat(accepted.getJsonArray("acceptanceStages").stream()
                .map(s -> ((JsonObject) s).getBoolean("passed")).toList()).containsExactly(true, true);
        assertThat(accepted.getJsonArray("timeline").stream().map(JsonObject.class::cast)
                .filter(t -> t.getString("action").equals("SIGN_CONTRACT")).findFirst().orElseThrow()
                .getString("article")).isEqualTo("第十五条");
    }

    @Test
    @DisplayName("路由拒绝越权角色、操作目录和统计图表引用本政策包的条款号（主管部门职责第五条，合同第十五条，项目分类第六条）")
    void theApisOwnCitationsFollowThePack() {
        JsonObject window = new JsonObject().put("planYear", 2026).put("opensOn", "2025-07-01")
                .put("closesOn", "2025-09-30");
        HttpResponse<Buffer> refused = call("POST", "/api/declaration-windows", "police", window);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.bodyAsJsonObject().getString("code")).isEqualTo("ART4_ROLE");
        assertThat(refused.bodyAsJsonObject().getString("article")).isEqualTo("第五条");
        assertThat(refused.bodyAsJsonObject().getString("message")).startsWith("第五条：");
        assertThat(world.audit.all().stream().filter(r -> r.action().equals("REFUSED")).toList())
                .extracting(r -> r.article()).containsOnly("第五条");

        JsonArray actions = call("GET", "/api/actions", "police", null).bodyAsJsonObject().getJsonArray("actions");
        java.util.Map<String, String> articles = new java.util.HashMap<>();
        actions.stream().map(JsonObject.class::cast).forEach(a -> articles.put(a.getString("action"),
                a.getString("article")));
        assertThat(articles).containsEntry("SIGN_CONTRACT", "第十五条").containsEntry("MANAGE_ACCOUNTS", "第五条")
                .containsEntry("RECORD_ACCEPTANCE", "第二十六条").containsEntry("ASSIGN_TO_SCOPE", "第二十九条");

        JsonObject statistics = call("GET", "/api/statistics", "police", null).bodyAsJsonObject();
        assertThat(statistics.getJsonArray("charts").stream().map(JsonObject.class::cast)
                .filter(c -> c.getString("id").equals("projectsByCategory")).findFirst().orElseThrow()
                .getString("title")).isEqualTo("项目类别分布（第六条）");
    }

    @Test
    @DisplayName("页面读取的政策包（GET /api/policy，无需登录）和项目所适用的政策包给出本政策包的条款号和期间：申报第八条，合同报送第十五条、15个工作日")
    void thePagesReadThePacksNumbering() {
        HttpResponse<Buffer> r = call("GET", "/api/policy", null, null);
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        JsonObject policy = r.bodyAsJsonObject();
        assertThat(policy.getString("id")).isEqualTo("example-two-stage");
        assertThat(policy.getString("nameZh")).isEqualTo(PACK.nameZh());
        // the pages and the project's record are named after this city's measures, not Taicang's
        assertThat(policy.getString("systemNameZh")).isEqualTo("示例市政务信息化项目建设管理");
        assertThat(policy.getString("recordTitleZh")).isEqualTo("示例市政务信息化项目建设档案");
        JsonObject articles = policy.getJsonObject("articles");
        assertThat(articles.getString("DECLARATION")).isEqualTo("第八条");
        assertThat(articles.getString("AUTHORITIES")).isEqualTo("第五条");
        assertThat(articles.getString("CLASSIFIED")).isEqualTo("第二十九条");
        assertThat(articles.fieldNames()).hasSize(cn.egov.projects.domain.rule.Provision.values().length);
        assertThat(policy.getJsonObject("rules").getString("ART4_ROLE")).isEqualTo("第五条");
        JsonObject filing = policy.getJsonObject("periods").getJsonObject("CONTRACT_FILING");
        assertThat(filing.getString("article")).isEqualTo("第十五条");
        assertThat(filing.getString("term")).isEqualTo("15个工作日");
        assertThat(policy.getJsonArray("acceptanceStages").stream().map(JsonObject.class::cast)
                .map(st -> st.getString("article") + st.getString("recordedBy")).toList())
                .containsExactly("第二十五条UNIT", "第二十六条BUREAU");

        String id = selfInspected("页面条款项目", "MET");
        JsonObject own = page(id).getJsonObject("policy");
        assertThat(own.getString("id")).isEqualTo("example-two-stage");
        assertThat(own.getJsonObject("articles").getString("ACCEPTANCE")).isEqualTo("第二十六条");
    }

    @Test
    @DisplayName("验收专家由验收阶段的录入方组织：初步验收专家由实施单位指定；竣工验收由大数据局录入，其专家由大数据局指定，实施单位被拒（403，第二十六条）")
    void theFinalStagesExpertsAreTheBureaus() {
        world.accountService.createAccount(admin(), account("expert", cn.egov.projects.domain.access.Role.EXPERT,
                "TC-ZJK"));
        world.accountService.createAccount(admin(), account("expert2", cn.egov.projects.domain.access.Role.EXPERT,
                "TC-ZJK"));
        String expert = world.accounts.findByUsername("expert").orElseThrow().userId();
        String expert2 = world.accounts.findByUsername("expert2").orElseThrow().userId();
        String id = selfInspected("两阶段验收专家项目", "MET");
        HttpResponse<Buffer> preliminary = call("PUT", "/api/projects/" + id + "/assignments/" + expert, "police", null);
        assertThat(preliminary.statusCode()).as(preliminary.bodyAsString()).isEqualTo(200);
        assertThat(preliminary.bodyAsJsonObject().getJsonArray("assigned").getJsonObject(0).getString("purpose"))
                .isEqualTo("ACCEPTANCE");

        on(2025, 10, 29);
        ok(id, "RECORD_CYBERSEC_REVIEW", "cyber", new JsonObject().put("passed", true).put("opinion", "符合要求"));
        on(2025, 11, 3);
        assertThat(ok(id, "RECORD_ACCEPTANCE", "police",
                acceptance("2025-11-03", 3, PACK.acceptanceStages().get(0).documents())))
                .isEqualTo("ACCEPTANCE_PENDING");

        HttpResponse<Buffer> byUnit = call("PUT", "/api/projects/" + id + "/assignments/" + expert2, "police", null);
        assertThat(byUnit.statusCode()).as(byUnit.bodyAsString()).isEqualTo(403);
        assertThat(byUnit.bodyAsJsonObject().getString("code")).isEqualTo("ART4_ROLE");
        assertThat(byUnit.bodyAsJsonObject().getString("article")).isEqualTo("第二十六条");
        assertThat(byUnit.bodyAsJsonObject().getString("message"))
                .isEqualTo("第二十六条：「指定或抽取竣工验收专家」由市大数据管理局办理");
        assertThat(call("GET", "/api/projects/" + id + "/assignments", "police", null).bodyAsJsonObject()
                .getBoolean("mayManage")).isFalse();
        // nor may the unit draw them (this pack draws no acceptance experts; the Bureau is told so, citing the stage)
        JsonObject draw = new JsonObject().put("fields", new JsonArray().add("SOFTWARE_DEVELOPMENT")).put("experts", 5)
                .put("reserves", 1);
        HttpResponse<Buffer> unitDraw = call("POST", "/api/projects/" + id + "/expert-draws", "police", draw);
        assertThat(unitDraw.statusCode()).as(unitDraw.bodyAsString()).isEqualTo(403);
        assertThat(unitDraw.bodyAsJsonObject().getString("message"))
                .isEqualTo("第二十六条：「指定或抽取竣工验收专家」由市大数据管理局办理");
        HttpResponse<Buffer> bureauDraw = call("POST", "/api/projects/" + id + "/expert-draws", "bureau", draw);
        assertThat(bureauDraw.statusCode()).as(bureauDraw.bodyAsString()).isEqualTo(422);
        assertThat(bureauDraw.bodyAsJsonObject().getString("message")).startsWith("第二十六条：")
                .contains("验收专家由市大数据管理局自行组织").contains("不经专家库抽取");

        HttpResponse<Buffer> byBureau = call("PUT", "/api/projects/" + id + "/assignments/" + expert2, "bureau", null);
        assertThat(byBureau.statusCode()).as(byBureau.bodyAsString()).isEqualTo(200);
        assertThat(byBureau.bodyAsJsonObject().getJsonArray("assigned").stream().map(JsonObject.class::cast)
                .filter(a -> a.getString("userId").equals(expert2)).map(a -> a.getString("purpose")).toList())
                .containsExactly("ACCEPTANCE");
    }
}
