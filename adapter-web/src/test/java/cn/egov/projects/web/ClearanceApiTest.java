package cn.egov.projects.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("涉密资格接口：安全保密管理员授予、撤销，安全审计员查看；未获资格者不能进入涉密项目知悉范围；撤销即移出")
class ClearanceApiTest extends ConformingApiTest {

    private String secret;

    @BeforeEach
    void classifiedProject() {
        HttpResponse<Buffer> window = call("POST", "/api/declaration-windows", "bureau", new JsonObject()
                .put("planYear", 2025).put("opensOn", "2024-08-15").put("closesOn", "2024-09-30"));
        assertThat(window.statusCode()).as(window.bodyAsString()).isEqualTo(201);
        secret = call("POST", "/api/projects", "police", profile("涉密网络改造", 2025).put("classified", true)
                .put("nature", "CONTINUATION")).bodyAsJsonObject().getString("id");
        ok(secret, "DECLARE", "police", null);
    }

    private String userId(String username) {
        return world.accounts.findByUsername(username).orElseThrow().userId();
    }

    private Optional<JsonObject> listed(String caller, String username) {
        JsonArray items = call("GET", "/api/clearances", caller, null).bodyAsJsonObject().getJsonArray("items");
        return items.stream().map(JsonObject.class::cast).filter(p -> p.getString("username").equals(username))
                .findFirst();
    }

    @Test
    @DisplayName("未获资格的财政局人员不能被指定进入知悉范围（第二十七条）；授予后可以，项目可见；撤销后移出，项目又“不存在”")
    void clearanceGovernsTheScope() {
        String finance = userId("finance");
        assertThat(listed("secadmin", "finance")).get().satisfies(p -> {
            assertThat(p.getBoolean("cleared")).isFalse();
            assertThat(p.getString("roleZh")).isEqualTo("市财政局");
        });
        HttpResponse<Buffer> refused = call("PUT", "/api/projects/" + secret + "/assignments/" + finance, "secrecy",
                null);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.bodyAsJsonObject().getString("message")).contains("未获安全保密管理员授予的涉密资格",
                "第二十七条");
        JsonObject candidates = call("GET", "/api/projects/" + secret + "/assignments", "secrecy", null)
                .bodyAsJsonObject();
        assertThat(candidates.getJsonArray("candidates").encode()).doesNotContain(finance);

        HttpResponse<Buffer> granted = call("PUT", "/api/clearances/" + finance, "secadmin", null);
        assertThat(granted.statusCode()).as(granted.bodyAsString()).isEqualTo(200);
        assertThat(granted.bodyAsJsonObject().getBoolean("cleared")).isTrue();
        assertThat(granted.bodyAsJsonObject().getString("grantedBy")).isNotBlank();
        assertThat(call("PUT", "/api/projects/" + secret + "/assignments/" + finance, "secrecy", null).statusCode())
                .isEqualTo(200);
        assertThat(call("GET", "/api/projects/" + secret, "finance", null).statusCode()).isEqualTo(200);

        HttpResponse<Buffer> revoked = call("DELETE", "/api/clearances/" + finance, "secadmin", null);
        assertThat(revoked.statusCode()).as(revoked.bodyAsString()).isEqualTo(200);
        assertThat(revoked.bodyAsJsonObject().getInteger("scopesLeft")).isEqualTo(1);
        assertThat(call("GET", "/api/projects/" + secret, "finance", null).statusCode()).isEqualTo(404);
        assertThat(listed("auditadmin", "finance")).get()
                .satisfies(p -> assertThat(p.getBoolean("cleared")).isFalse());
    }

    @Test
    @DisplayName("三员分立：系统管理员、安全审计员、保密部门不能授予；系统管理员和保密部门不能查看名单")
    void onlyTheSecurityAdministratorGrants() {
        String finance = userId("finance");
        for (String caller : List.of("admin", "auditadmin", "secrecy")) {
            HttpResponse<Buffer> refused = call("PUT", "/api/clearances/" + finance, caller, null);
            assertThat(refused.statusCode()).as(caller).isEqualTo(403);
        }
        for (String caller : List.of("admin", "secrecy", "finance")) {
            assertThat(call("GET", "/api/clearances", caller, null).statusCode()).as(caller).isEqualTo(403);
        }
        assertThat(call("GET", "/api/clearances", "auditadmin", null).statusCode()).isEqualTo(200);
        assertThat(listed("auditadmin", "finance")).get()
                .satisfies(p -> assertThat(p.getBoolean("cleared")).isFalse());
        HttpResponse<Buffer> unitStaff = call("PUT", "/api/clearances/" + userId("police"), "secadmin", null);
        assertThat(unitStaff.statusCode()).isEqualTo(400);
        assertThat(unitStaff.bodyAsJsonObject().getString("message")).contains("涉密资格只授予");
        assertThat(call("PUT", "/api/clearances/" + "x".repeat(101), "secadmin", null).statusCode()).isEqualTo(400);
    }
}
