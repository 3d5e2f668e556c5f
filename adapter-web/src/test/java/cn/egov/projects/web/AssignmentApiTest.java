package cn.egov.projects.web;

import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.domain.access.Role;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClientSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("指定人员：保密部门指定涉密项目的知悉范围，大数据管理局抽取评审专家，实施单位在试运行后指定验收专家；登录中的会话立即生效")
class AssignmentApiTest extends ConformingApiTest {

    private String secret;
    private String open;

    @BeforeEach
    void projectsAndPeople() {
        Caller admin = admin();
        world.accountService.createAccount(admin, account("expert", Role.EXPERT, "TC-ZJK"));
        world.accountService.createAccount(admin, account("expert2", Role.EXPERT, "TC-ZJK"));
        world.accountService.createAccount(admin, account("bureau2", Role.BDB_OFFICER, "TC-DSJ"));
        // the security administrator clears those who may be named into a classified project's scope (涉密资格)
        for (String user : List.of("bureau", "bureau2", "finance", "cyber", "auditor", "expert", "expert2")) {
            HttpResponse<Buffer> cleared = call("PUT", "/api/clearances/" + userId(user), "secadmin", null);
            assertThat(cleared.statusCode()).as(user + ": " + cleared.bodyAsString()).isEqualTo(200);
        }
        HttpResponse<Buffer> window = call("POST", "/api/declaration-windows", "bureau", new JsonObject()
                .put("planYear", 2025).put("opensOn", "2024-08-15").put("closesOn", "2024-09-30"));
        assertThat(window.statusCode()).as(window.bodyAsString()).isEqualTo(201);
        HttpResponse<Buffer> created = call("POST", "/api/projects", "police",
                profile("涉密网络改造", 2025).put("classified", true).put("nature", "CONTINUATION"));
        secret = created.bodyAsJsonObject().getString("id");
        ok(secret, "DECLARE", "police", null);
        open = createDraft("police", "智慧警务");
        ok(open, "DECLARE", "police", null);
    }

    private String userId(String username) {
        return world.accounts.findByUsername(username).orElseThrow().userId();
    }

    private HttpResponse<Buffer> assign(String method, String project, String user, String username) {
        return call(method, "/api/projects/" + project + "/assignments/" + userId(username), user, null);
    }

    private static List<String> usernames(JsonArray people) {
        return people.stream().map(p -> ((JsonObject) p).getString("username")).toList();
    }

    /** An answer's body without its request id, which differs on every request. */
    private static JsonObject body(HttpResponse<Buffer> r) {
        JsonObject body = r.bodyAsJsonObject().copy();
        body.remove("requestId");
        return body;
    }

    private static JsonObject review() {
        return new JsonObject().put("approved", true)
                .put("experts", new JsonArray().add("张专家").add("赵专家").add("钱专家")).put("opinion", "同意");
    }

    @Test
    @DisplayName("知悉范围外的人对涉密项目的每个地址得到的404与不存在的项目一字不差；操作记录查询也找不到")
    void outsideTheScopeTheProjectDoesNotExist() {
        String nothing = UUID.randomUUID().toString();
        for (String user : List.of("bureau", "finance", "auditor", "cyber", "expert", "health", "admin")) {
            for (String path : List.of("/api/projects/%s", "/api/projects/%s/assignments",
                    "/api/projects/%s/documents")) {
                HttpResponse<Buffer> hidden = call("GET", path.formatted(secret), user, null);
                HttpResponse<Buffer> missing = call("GET", path.formatted(nothing), user, null);
                assertThat(hidden.statusCode()).as(user + " " + path).isEqualTo(missing.statusCode());
                if (hidden.statusCode() == 404) {
                    assertThat(body(hidden)).as(user + " " + path).isEqualTo(body(missing));
                }
            }
            assertThat(call("GET", "/api/projects", user, null).bodyAsString()).doesNotContain(secret);
        }
        assertThat(call("GET", "/api/projects/" + secret, "finance", null).statusCode()).isEqualTo(404);
        HttpResponse<Buffer> act = act(secret, "RECORD_CYBERSEC_REVIEW", "cyber",
                new JsonObject().put("passed", true).put("opinion", "通过"));
        HttpResponse<Buffer> actMissing = act(nothing, "RECORD_CYBERSEC_REVIEW", "cyber",
                new JsonObject().put("passed", true).put("opinion", "通过"));
        assertThat(act.statusCode()).isEqualTo(404);
        assertThat(body(act)).isEqualTo(body(actMissing));
        JsonObject trail = call("GET", "/api/audit-records?project=" + secret, "auditor", null).bodyAsJsonObject();
        assertThat(trail.getInteger("total")).isZero();
        assertThat(trail.getJsonArray("items")).isEmpty();
        assertThat(call("GET", "/api/audit-records?user=police", "auditor", null).bodyAsString())
                .doesNotContain(secret);
    }

    @Test
    @DisplayName("保密部门指定后，市财政局可提出资金安排意见、市委网信办可录入审查意见、市审计局可查阅；取消后又看不到")
    void secrecyNamesPeopleIntoTheScope() {
        JsonObject before = call("GET", "/api/projects/" + secret + "/assignments", "secrecy", null)
                .bodyAsJsonObject();
        assertThat(before.getBoolean("mayManage")).isTrue();
        assertThat(usernames(before.getJsonArray("candidates"))).containsExactlyInAnyOrder("bureau", "bureau2",
                "finance", "auditor", "cyber", "expert", "expert2");

        for (String user : List.of("bureau", "finance", "cyber", "auditor")) {
            HttpResponse<Buffer> named = assign("PUT", secret, "secrecy", user);
            assertThat(named.statusCode()).as(named.bodyAsString()).isEqualTo(200);
        }

        JsonObject after = call("GET", "/api/projects/" + secret + "/assignments", "secrecy", null).bodyAsJsonObject();
        assertThat(usernames(after.getJsonArray("assigned"))).containsExactlyInAnyOrder("bureau", "finance", "cyber",
                "auditor");
        assertThat(after.getJsonArray("assigned").getJsonObject(0).getString("purpose")).isEqualTo("SCOPE");
        assertThat(after.getJsonArray("assigned").getJsonObject(0).getString("purposeZh")).isEqualTo("涉密项目知悉范围人员");
        ok(secret, "START_REVIEW", "bureau", null);
        ok(secret, "RECORD_REVIEW", "bureau", review());
        assertThat(ok(secret, "PROPOSE_FUNDING", "finance", new JsonObject().put("amount", "1260000.10")
                .put("opinion", "同意安排"))).isEqualTo("FUNDING_PROPOSED");
        ok(secret, "RECORD_CYBERSEC_REVIEW", "cyber", new JsonObject().put("passed", true).put("opinion", "通过"));
        JsonObject page = call("GET", "/api/projects/" + secret, "auditor", null).bodyAsJsonObject();
        assertThat(page.encode()).contains("ASSIGN_TO_SCOPE", "指定涉密项目知悉范围人员", "PROPOSE_FUNDING",
                "RECORD_CYBERSEC_REVIEW");
        assertThat(call("GET", "/api/audit-records?project=" + secret, "auditor", null).bodyAsJsonObject()
                .getInteger("total")).isGreaterThan(5);
        assertThat(call("GET", "/api/projects/" + secret, "bureau2", null).statusCode()).isEqualTo(404);

        assertThat(assign("DELETE", secret, "secrecy", "finance").statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/projects/" + secret, "finance", null).statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("浏览器会话中的市财政局人员被指定或账号被停用，下一次请求即按新的权限办理，无需重新登录")
    void signedInSessionsFollowTheChange() {
        WebClientSession session = WebClientSession.create(client);
        HttpResponse<Buffer> in = await(session.post("/api/session").putHeader("X-Requested-With", "fetch")
                .sendJsonObject(new JsonObject().put("username", "finance").put("password", PASSWORD)));
        assertThat(in.statusCode()).isEqualTo(200);
        assertThat(await(session.get("/api/projects/" + secret).send()).statusCode()).isEqualTo(404);

        assign("PUT", secret, "secrecy", "finance");
        assertThat(await(session.get("/api/projects/" + secret).send()).statusCode()).isEqualTo(200);
        assign("DELETE", secret, "secrecy", "finance");
        assertThat(await(session.get("/api/projects/" + secret).send()).statusCode()).isEqualTo(404);

        HttpResponse<Buffer> disabled = call("PUT", "/api/accounts/" + userId("finance") + "/enabled", "admin",
                new JsonObject().put("enabled", false));
        assertThat(disabled.statusCode()).isEqualTo(200);
        HttpResponse<Buffer> after = await(session.get("/api/session").putHeader("X-Requested-With", "fetch").send());
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(get("/api/projects", "finance").statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("第八条：大数据管理局抽取评审专家；评审期间本单位看不到、不能指定或取消专家，无论其是否评审专家，答复都一样")
    void reviewExpertsAreTheBureaus() {
        assertThat(call("GET", "/api/projects/" + open, "expert", null).statusCode()).isEqualTo(404);
        ok(open, "START_REVIEW", "bureau", null);

        HttpResponse<Buffer> named = assign("PUT", open, "bureau", "expert");

        assertThat(named.statusCode()).isEqualTo(200);
        assertThat(named.bodyAsJsonObject().getJsonArray("assigned").getJsonObject(0).getString("purpose"))
                .isEqualTo("REVIEW");
        assertThat(call("GET", "/api/projects/" + open, "expert", null).statusCode()).isEqualTo(200);
        for (String unit : List.of("police", "leader")) {
            JsonObject seen = call("GET", "/api/projects/" + open + "/assignments", unit, null).bodyAsJsonObject();
            assertThat(seen.getJsonArray("assigned")).isEmpty();
            assertThat(seen.getBoolean("mayManage")).isFalse();
            assertThat(call("GET", "/api/projects/" + open, unit, null).bodyAsString())
                    .doesNotContain("expert（", "（评审专家，expert）").contains("评审结束前不向项目单位显示");

            HttpResponse<Buffer> nameReviewer = assign("PUT", open, unit, "expert");
            HttpResponse<Buffer> nameOther = assign("PUT", open, unit, "expert2");
            assertThat(nameReviewer.statusCode()).isEqualTo(422);
            assertThat(body(nameReviewer)).isEqualTo(body(nameOther));
            assertThat(nameReviewer.bodyAsJsonObject().getString("code")).isEqualTo("LIFECYCLE_ORDER");
            assertThat(nameReviewer.bodyAsJsonObject().getString("article")).isEqualTo("第二十四条");

            HttpResponse<Buffer> removeReviewer = assign("DELETE", open, unit, "expert");
            HttpResponse<Buffer> removeOther = assign("DELETE", open, unit, "expert2");
            assertThat(removeReviewer.statusCode()).isEqualTo(403);
            assertThat(body(removeReviewer)).isEqualTo(body(removeOther));
            assertThat(removeReviewer.bodyAsJsonObject().getString("code")).isEqualTo("ART8_REVIEW_EXPERTS");
            assertThat(removeReviewer.bodyAsJsonObject().getString("article")).isEqualTo("第八条");
            assertThat(removeReviewer.bodyAsJsonObject().getString("message"))
                    .startsWith("第八条：评审专家由市大数据管理局从专家库中抽取");
        }
        assertThat(usernames(call("GET", "/api/projects/" + open + "/assignments", "bureau", null).bodyAsJsonObject()
                .getJsonArray("assigned"))).containsExactly("expert");

        ok(open, "RECORD_REVIEW", "bureau", review());
        JsonObject afterReview = call("GET", "/api/projects/" + open + "/assignments", "police", null)
                .bodyAsJsonObject();
        assertThat(usernames(afterReview.getJsonArray("assigned"))).containsExactly("expert");
        assertThat(afterReview.getJsonArray("assigned").getJsonObject(0).getBoolean("removable")).isFalse();
        HttpResponse<Buffer> removeAfter = assign("DELETE", open, "police", "expert");
        assertThat(removeAfter.statusCode()).isEqualTo(403);
        assertThat(removeAfter.bodyAsJsonObject().getString("code")).isEqualTo("ART8_REVIEW_EXPERTS");
    }

    @Test
    @DisplayName("无权指定的角色得到403，看不到项目的人得到404，指定不存在的账号或不能指定的角色得到400，都不改变任何内容")
    void refusals() {
        HttpResponse<Buffer> unit = assign("PUT", secret, "police", "bureau");
        assertThat(unit.statusCode()).isEqualTo(403);
        assertThat(unit.bodyAsJsonObject().getString("code")).isEqualTo("ART4_ROLE");
        assertThat(unit.bodyAsJsonObject().getString("message")).contains("「指定涉密项目知悉范围人员」由");
        assertThat(assign("PUT", secret, "police", "expert").statusCode()).isEqualTo(403);
        assertThat(assign("PUT", secret, "bureau", "bureau").statusCode()).isEqualTo(404);
        assertThat(assign("PUT", open, "health", "expert").statusCode()).isEqualTo(404);
        HttpResponse<Buffer> audit = assign("PUT", open, "auditor", "expert");
        assertThat(audit.statusCode()).isEqualTo(403);
        HttpResponse<Buffer> ghost = call("PUT", "/api/projects/" + open + "/assignments/nobody", "bureau", null);
        assertThat(ghost.statusCode()).isEqualTo(400);
        assertThat(ghost.bodyAsJsonObject().getString("field")).isEqualTo("userId");
        HttpResponse<Buffer> finance = assign("PUT", open, "bureau", "finance");
        assertThat(finance.statusCode()).isEqualTo(400);
        assertThat(finance.bodyAsJsonObject().getString("message")).contains("只能指定评审专家或验收专家");
        HttpResponse<Buffer> police = assign("PUT", secret, "secrecy", "police");
        assertThat(police.statusCode()).isEqualTo(400);
        assertThat(police.bodyAsJsonObject().getString("message")).contains("涉密项目的知悉范围只能指定");
        assertThat(call("GET", "/api/projects/" + secret + "/assignments", "health", null).statusCode())
                .isEqualTo(404);
        assertThat(call("GET", "/api/projects/" + secret + "/assignments", "secrecy", null).bodyAsJsonObject()
                .getJsonArray("assigned")).isEmpty();
        assertThat(call("GET", "/api/projects/" + open + "/assignments", "bureau", null).bodyAsJsonObject()
                .getJsonArray("assigned")).isEmpty();
    }
}
