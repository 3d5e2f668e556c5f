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

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("指定人员：涉密项目的经办人员由保密部门指定、评审专家由大数据管理局或本单位指定，登录中的会话立即生效")
class AssignmentApiTest extends ConformingApiTest {

    private String secret;
    private String open;

    @BeforeEach
    void projectsAndPeople() {
        Caller admin = admin();
        world.accountService.createAccount(admin, account("expert", Role.EXPERT, "TC-ZJK"));
        world.accountService.createAccount(admin, account("bureau2", Role.BDB_OFFICER, "TC-DSJ"));
        HttpResponse<Buffer> created = call("POST", "/api/projects", "police",
                profile("涉密网络改造", 2025).put("classified", true).put("nature", "CONTINUATION"));
        secret = created.bodyAsJsonObject().getString("id");
        open = createDraft("police", "智慧警务");
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

    @Test
    @DisplayName("保密部门指定后，大数据管理局经办人员以HTTP Basic无需重新登录即可查看涉密项目；取消后又看不到")
    void secrecyNamesAnOfficer() {
        assertThat(call("GET", "/api/projects/" + secret, "bureau", null).statusCode()).isEqualTo(404);
        JsonObject before = call("GET", "/api/projects/" + secret + "/assignments", "secrecy", null)
                .bodyAsJsonObject();
        assertThat(before.getBoolean("mayManage")).isTrue();
        assertThat(usernames(before.getJsonArray("candidates"))).containsExactlyInAnyOrder("bureau", "bureau2");

        HttpResponse<Buffer> named = assign("PUT", secret, "secrecy", "bureau");

        assertThat(named.statusCode()).as(named.bodyAsString()).isEqualTo(200);
        assertThat(usernames(named.bodyAsJsonObject().getJsonArray("assigned"))).containsExactly("bureau");
        assertThat(call("GET", "/api/projects/" + secret, "bureau", null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/projects", "bureau", null).bodyAsJsonObject().getJsonArray("items").stream()
                .map(o -> ((JsonObject) o).getString("id")).toList()).contains(secret);
        assertThat(call("GET", "/api/projects/" + secret, "bureau2", null).statusCode()).isEqualTo(404);
        JsonObject trail = call("GET", "/api/projects/" + secret, "secrecy", null).bodyAsJsonObject();
        assertThat(trail.encode()).contains("ASSIGN_OFFICER", "指定涉密项目经办人员");

        assertThat(assign("DELETE", secret, "secrecy", "bureau").statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/projects/" + secret, "bureau", null).statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("浏览器会话中的人员被指定或账号被停用，下一次请求即按新的权限办理，无需重新登录")
    void signedInSessionsFollowTheChange() {
        WebClientSession session = WebClientSession.create(client);
        HttpResponse<Buffer> in = await(session.post("/api/session").putHeader("X-Requested-With", "fetch")
                .sendJsonObject(new JsonObject().put("username", "bureau").put("password", PASSWORD)));
        assertThat(in.statusCode()).isEqualTo(200);
        assertThat(await(session.get("/api/projects/" + secret).send()).statusCode()).isEqualTo(404);

        assign("PUT", secret, "secrecy", "bureau");
        assertThat(await(session.get("/api/projects/" + secret).send()).statusCode()).isEqualTo(200);

        HttpResponse<Buffer> disabled = call("PUT", "/api/accounts/" + userId("bureau") + "/enabled", "admin",
                new JsonObject().put("enabled", false));
        assertThat(disabled.statusCode()).isEqualTo(200);
        HttpResponse<Buffer> after = await(session.get("/api/session").putHeader("X-Requested-With", "fetch").send());
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(get("/api/projects", "bureau").statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("评审专家由大数据管理局或本单位指定后可查看该项目；涉密项目不向专家开放（422，第二十七条）")
    void experts() {
        assertThat(call("GET", "/api/projects/" + open, "expert", null).statusCode()).isEqualTo(404);

        HttpResponse<Buffer> byUnit = assign("PUT", open, "police", "expert");
        HttpResponse<Buffer> again = assign("PUT", open, "bureau", "expert");

        assertThat(byUnit.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(usernames(again.bodyAsJsonObject().getJsonArray("assigned"))).containsExactly("expert");
        assertThat(call("GET", "/api/projects/" + open, "expert", null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/projects/" + open + "/assignments", "auditor", null).statusCode())
                .isEqualTo(200);

        HttpResponse<Buffer> classified = assign("PUT", secret, "police", "expert");
        assertThat(classified.statusCode()).isEqualTo(422);
        assertThat(classified.bodyAsJsonObject().getString("code")).isEqualTo("ART27_CLASSIFIED");
        assertThat(classified.bodyAsJsonObject().getString("article")).isEqualTo("第二十七条");
        assertThat(classified.bodyAsJsonObject().getString("message")).contains("涉密项目不向评审专家开放");
    }

    @Test
    @DisplayName("无权指定的角色得到403，看不到项目的人得到404，指定不存在的账号或其他角色得到400，都不改变任何内容")
    void refusals() {
        HttpResponse<Buffer> unit = assign("PUT", secret, "police", "bureau");
        assertThat(unit.statusCode()).isEqualTo(403);
        assertThat(unit.bodyAsJsonObject().getString("message")).contains("「指定涉密项目经办人员」由");
        assertThat(assign("PUT", secret, "bureau", "bureau").statusCode()).isEqualTo(404);
        assertThat(assign("PUT", open, "health", "expert").statusCode()).isEqualTo(404);
        HttpResponse<Buffer> audit = assign("PUT", open, "auditor", "expert");
        assertThat(audit.statusCode()).isEqualTo(403);
        HttpResponse<Buffer> ghost = call("PUT", "/api/projects/" + open + "/assignments/nobody", "bureau", null);
        assertThat(ghost.statusCode()).isEqualTo(400);
        assertThat(ghost.bodyAsJsonObject().getString("field")).isEqualTo("userId");
        HttpResponse<Buffer> finance = assign("PUT", open, "bureau", "finance");
        assertThat(finance.statusCode()).isEqualTo(400);
        assertThat(finance.bodyAsJsonObject().getString("message")).contains("只能指定");
        assertThat(call("GET", "/api/projects/" + secret + "/assignments", "health", null).statusCode())
                .isEqualTo(404);
        assertThat(call("GET", "/api/projects/" + secret + "/assignments", "secrecy", null).bodyAsJsonObject()
                .getJsonArray("assigned")).isEmpty();
        assertThat(call("GET", "/api/projects/" + open + "/assignments", "bureau", null).bodyAsJsonObject()
                .getJsonArray("assigned")).isEmpty();
    }
}
