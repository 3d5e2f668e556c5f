package cn.egov.projects.web;

import cn.egov.projects.application.port.out.AuditRecord;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("个人信息保护：联系方式遮蔽显示，完整值只给有权的人，每次显示记入安全审计")
class PersonalDataApiTest extends ConformingApiTest {

    private String userId(String username) {
        return world.accounts.findByUsername(username).orElseThrow().userId();
    }

    private List<AuditRecord> unmaskings() {
        return world.audit.all().stream().filter(r -> "UNMASK".equals(r.action())).toList();
    }

    @Test
    @DisplayName("账号列表中手机号码为139****0009、邮箱为p***@tc.gov.cn，不含完整值")
    void theAccountListIsMasked() {
        HttpResponse<Buffer> list = call("GET", "/api/accounts", "admin", null);
        assertThat(list.statusCode()).isEqualTo(200);
        JsonObject police = list.bodyAsJsonObject().getJsonArray("items").stream().map(o -> (JsonObject) o)
                .filter(a -> "police".equals(a.getString("username"))).findFirst().orElseThrow();
        assertThat(police.getString("mobile")).isEqualTo("139****0009");
        assertThat(police.getString("email")).isEqualTo("p***@tc.gov.cn");
        assertThat(list.bodyAsString()).doesNotContain("13900000009").doesNotContain("police@tc.gov.cn");
    }

    @Test
    @DisplayName("本人、系统管理员（普通账号）和安全保密管理员可显示完整联系方式，每次记入审计；其他人403，拒绝也记入审计")
    void whoMayUnmaskAnAccount() {
        String police = userId("police");
        HttpResponse<Buffer> self = call("POST", "/api/accounts/" + police + "/unmask", "police", new JsonObject());
        assertThat(self.statusCode()).isEqualTo(200);
        assertThat(self.bodyAsJsonObject().getString("mobile")).isEqualTo("13900000009");
        assertThat(self.bodyAsJsonObject().getString("email")).isEqualTo("police@tc.gov.cn");
        assertThat(self.getHeader("Cache-Control")).isEqualTo("no-store");

        HttpResponse<Buffer> byAdmin = call("POST", "/api/accounts/" + police + "/unmask", "admin",
                new JsonObject().put("reason", "核对短信提醒未送达"));
        assertThat(byAdmin.statusCode()).isEqualTo(200);
        assertThat(byAdmin.bodyAsJsonObject().getString("mobile")).isEqualTo("13900000009");
        assertThat(call("POST", "/api/accounts/" + userId("bureau") + "/unmask", "secadmin", new JsonObject())
                .statusCode()).isEqualTo(200);

        assertThat(unmaskings()).hasSize(3);
        AuditRecord record = unmaskings().get(1);
        assertThat(record.userId()).isEqualTo(userId("admin"));
        assertThat(record.summary()).contains("police").contains("手机号码").contains("核对短信提醒未送达")
                .doesNotContain("13900000009");

        // the system administrator does not manage the Bureau's accounts (三员分立); nobody else sees others'
        HttpResponse<Buffer> privileged = call("POST", "/api/accounts/" + userId("bureau") + "/unmask", "admin",
                new JsonObject());
        assertThat(privileged.statusCode()).isEqualTo(403);
        assertThat(privileged.bodyAsJsonObject().getString("message")).contains("三员分立");
        for (String other : List.of("health", "bureau", "auditadmin")) {
            HttpResponse<Buffer> r = call("POST", "/api/accounts/" + police + "/unmask", other, new JsonObject());
            assertThat(r.statusCode()).as(other).isEqualTo(403);
            assertThat(r.bodyAsString()).doesNotContain("13900000009");
        }
        assertThat(world.audit.all()).filteredOn(r -> "REFUSED".equals(r.action())).hasSize(4);
        assertThat(unmaskings()).hasSize(3);
        assertThat(call("POST", "/api/accounts/no-such-user/unmask", "secadmin", new JsonObject()).statusCode())
                .isEqualTo(404);
        assertThat(call("POST", "/api/accounts/" + police + "/unmask", "police",
                new JsonObject().put("reason", "很".repeat(201))).statusCode()).isEqualTo(400);
    }

    @Test
    @DisplayName("项目的分管领导、责任人联系方式遮蔽显示；本单位人员和大数据局可显示（记入审计），外单位404，其他角色403")
    void projectContacts() {
        String id = planned("智慧警务");
        HttpResponse<Buffer> page = call("GET", "/api/projects/" + id, "police", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.bodyAsString()).doesNotContain("13900000001").doesNotContain("wang@tc.gov.cn")
                .contains("139****0001").contains("w***@tc.gov.cn");

        for (String user : List.of("police", "leader", "bureau")) {
            HttpResponse<Buffer> r = call("POST", "/api/projects/" + id + "/contacts/unmask", user, new JsonObject());
            assertThat(r.statusCode()).as(user).isEqualTo(200);
            assertThat(r.bodyAsJsonObject().getJsonObject("leader").getString("mobile")).isEqualTo("13900000001");
            assertThat(r.bodyAsJsonObject().getJsonObject("responsible").getString("email")).isEqualTo("li@tc.gov.cn");
        }
        assertThat(unmaskings()).hasSize(3).allSatisfy(r -> assertThat(r.projectId()).isEqualTo(id));
        assertThat(call("POST", "/api/projects/" + id + "/contacts/unmask", "health", new JsonObject()).statusCode())
                .isEqualTo(404);
        for (String user : List.of("finance", "auditor", "admin")) {
            assertThat(call("POST", "/api/projects/" + id + "/contacts/unmask", user, new JsonObject()).statusCode())
                    .as(user).isEqualTo(403);
        }
        assertThat(unmaskings()).hasSize(3);
    }
}
