package cn.egov.projects.web;

import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.domain.access.Role;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("专家库与随机抽取接口：大数据管理局抽取并可重放，项目单位被拒绝，未抽中的专家404，专家意见形成审核意见")
class ExpertApiTest extends ConformingApiTest {

    private String project;

    @BeforeEach
    void poolAndProject() {
        Caller admin = admin();
        for (int i = 1; i <= 6; i++) {
            world.accountService.createAccount(admin, account("exp" + i, Role.EXPERT, "TC-ZJK"));
            HttpResponse<Buffer> added = call("POST", "/api/experts", "bureau", new JsonObject()
                    .put("userId", userId("exp" + i)).put("name", "专家" + i)
                    .put("fields", new JsonArray().add("SOFTWARE_DEVELOPMENT"))
                    .put("employer", i == 6 ? "太仓市公安局" : "苏州大学").put("employerUnit", i == 6 ? "TC-GAJ" : null)
                    .put("relatedVendors", new JsonArray()));
            assertThat(added.statusCode()).as(added.bodyAsString()).isEqualTo(201);
        }
        HttpResponse<Buffer> window = call("POST", "/api/declaration-windows", "bureau", new JsonObject()
                .put("planYear", 2025).put("opensOn", "2024-08-15").put("closesOn", "2024-09-30"));
        assertThat(window.statusCode()).as(window.bodyAsString()).isEqualTo(201);
        project = createDraft("police", "智慧警务");
        ok(project, "DECLARE", "police", null);
    }

    private String userId(String username) {
        return world.accounts.findByUsername(username).orElseThrow().userId();
    }

    private String usernameOf(String userId) {
        return world.accounts.findById(userId).orElseThrow().username();
    }

    private static JsonObject drawBody() {
        return new JsonObject().put("fields", new JsonArray().add("SOFTWARE_DEVELOPMENT")).put("experts", 3)
                .put("reserves", 1).put("bidders", new JsonArray().add(new JsonObject().put("name", "投标人甲")));
    }

    @Test
    @DisplayName("抽取、查看记录、重放核对一致；项目单位抽取得到403（第八条），看不到评审抽取记录；坏输入400指出字段且不留记录")
    void drawReplayAndUnitRefused() {
        HttpResponse<Buffer> drawn = call("POST", "/api/projects/" + project + "/expert-draws", "bureau", drawBody());
        assertThat(drawn.statusCode()).as(drawn.bodyAsString()).isEqualTo(201);
        JsonObject draw = drawn.bodyAsJsonObject();
        assertThat(draw.getJsonArray("seats")).hasSize(3);
        assertThat(draw.getJsonObject("result").getJsonArray("exclusions").getJsonObject(0).getJsonArray("reasons")
                .getString(0)).isEqualTo("回避：工作单位为项目实施单位（TC-GAJ）");

        HttpResponse<Buffer> replay = call("GET", "/api/expert-draws/" + draw.getString("id") + "/replay", "bureau", null);
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.bodyAsJsonObject().getBoolean("matches")).isTrue();
        assertThat(call("GET", "/api/expert-draws/" + draw.getString("id") + "/replay", "auditor", null)
                .bodyAsJsonObject().getBoolean("matches")).isTrue();

        HttpResponse<Buffer> unit = call("POST", "/api/projects/" + project + "/expert-draws", "police", drawBody());
        assertThat(unit.statusCode()).isEqualTo(403);
        assertThat(unit.bodyAsJsonObject().getString("code")).isEqualTo("ART8_REVIEW_EXPERTS");
        assertThat(unit.bodyAsString()).contains("第八条");
        assertThat(call("GET", "/api/projects/" + project + "/expert-draws", "police", null).bodyAsJsonObject()
                .getJsonArray("draws")).isEmpty();
        assertThat(call("GET", "/api/expert-draws/" + draw.getString("id") + "/replay", "police", null).statusCode())
                .isEqualTo(404);
        assertThat(call("GET", "/api/projects/" + project + "/expert-draws", "health", null).statusCode())
                .isEqualTo(404);

        HttpResponse<Buffer> bad = call("POST", "/api/projects/" + project + "/expert-draws", "bureau",
                drawBody().put("experts", 0));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.bodyAsJsonObject().getString("field")).isEqualTo("experts");
        HttpResponse<Buffer> badField = call("POST", "/api/projects/" + project + "/expert-draws", "bureau",
                drawBody().put("fields", new JsonArray().add("ASTROLOGY")));
        assertThat(badField.statusCode()).isEqualTo(400);
        assertThat(badField.bodyAsJsonObject().getString("field")).isEqualTo("fields");
        assertThat(call("GET", "/api/projects/" + project + "/expert-draws", "bureau", null).bodyAsJsonObject()
                .getJsonArray("draws")).hasSize(1);
    }

    @Test
    @DisplayName("抽中的专家签署回避声明后才看得到项目，提交意见；未抽中的专家404；审核意见由专家意见形成，评审结束后专家看不到项目")
    void expertsDeclareAndGiveOpinions() {
        JsonObject draw = call("POST", "/api/projects/" + project + "/expert-draws", "bureau", drawBody())
                .bodyAsJsonObject();
        List<String> panel = new ArrayList<>();
        draw.getJsonArray("seats").forEach(s -> panel.add(usernameOf(((JsonObject) s).getString("userId"))));
        String outsider = List.of("exp1", "exp2", "exp3", "exp4", "exp5").stream()
                .filter(u -> !panel.contains(u)).filter(u -> !draw.getJsonObject("result").getJsonArray("reserves")
                        .contains(userIdToExpertId(draw, u))).findFirst().orElse("exp6");
        ok(project, "START_REVIEW", "bureau", null);

        String first = panel.get(0);
        assertThat(call("GET", "/api/expert/reviews", first, null).bodyAsJsonObject().getJsonArray("invitations"))
                .hasSize(1);
        assertThat(call("GET", "/api/projects/" + project, first, null).statusCode()).isEqualTo(404);
        HttpResponse<Buffer> early = call("PUT", "/api/projects/" + project + "/expert-review/opinion", first,
                new JsonObject().put("verdict", "AGREE").put("score", 90).put("comments", "可行"));
        assertThat(early.statusCode()).isEqualTo(422);
        assertThat(early.bodyAsString()).contains("回避声明");

        assertThat(call("POST", "/api/projects/" + project + "/expert-review/declaration", outsider,
                new JsonObject().put("agree", true)).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/projects/" + project, outsider, null).statusCode()).isEqualTo(404);

        HttpResponse<Buffer> notAgreed = call("POST", "/api/projects/" + project + "/expert-review/declaration", first,
                new JsonObject().put("agree", false));
        assertThat(notAgreed.statusCode()).isEqualTo(400);
        assertThat(notAgreed.bodyAsJsonObject().getString("field")).isEqualTo("agree");
        HttpResponse<Buffer> badScore = call("PUT", "/api/projects/" + project + "/expert-review/opinion", first,
                new JsonObject().put("verdict", "AGREE").put("score", 101).put("comments", "可行"));
        assertThat(badScore.statusCode()).isEqualTo(400);
        assertThat(badScore.bodyAsJsonObject().getString("field")).isEqualTo("score");

        int score = 70;
        for (String expert : panel) {
            assertThat(call("POST", "/api/projects/" + project + "/expert-review/declaration", expert,
                    new JsonObject().put("agree", true)).statusCode()).isEqualTo(200);
            assertThat(call("GET", "/api/projects/" + project, expert, null).statusCode()).isEqualTo(200);
            HttpResponse<Buffer> given = call("PUT", "/api/projects/" + project + "/expert-review/opinion", expert,
                    new JsonObject().put("verdict", "AGREE").put("score", score += 10).put("comments", "方案可行"));
            assertThat(given.statusCode()).as(given.bodyAsString()).isEqualTo(200);
        }
        HttpResponse<Buffer> review = act(project, "RECORD_REVIEW", "bureau", new JsonObject().put("approved", true)
                .put("experts", new JsonArray()).put("opinion", "同意立项"));
        assertThat(review.statusCode()).as(review.bodyAsString()).isEqualTo(200);
        var opinion = world.projects.load(cn.egov.projects.domain.project.ProjectId.parse(project)).orElseThrow()
                .snapshot().reviews().get(0);
        assertThat(opinion.opinion()).startsWith("同意立项").contains("平均分90.0分");
        assertThat(opinion.experts()).hasSize(3);
        for (String expert : panel) {
            assertThat(call("GET", "/api/projects/" + project, expert, null).statusCode()).isEqualTo(404);
            assertThat(call("GET", "/api/expert/reviews", expert, null).bodyAsJsonObject()
                    .getJsonArray("invitations")).isEmpty();
        }
    }

    private String userIdToExpertId(JsonObject draw, String username) {
        String userId = userId(username);
        for (Object e : draw.getJsonArray("pool")) {
            if (((JsonObject) e).getString("userId").equals(userId)) {
                return ((JsonObject) e).getString("id");
            }
        }
        return null;
    }
}
