package cn.egov.projects.web;

import cn.egov.projects.application.view.AuditVerdict;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("三员分立：系统管理员不授予特权角色，安全审计员独自查看安全审计记录并核验审计记录链")
class ThreeAdministratorsApiTest extends ConformingApiTest {

    private static JsonObject newAccount(String username, String role) {
        return new JsonObject().put("username", username).put("displayName", "新用户").put("role", role)
                .put("unit", "TC-DSJ").put("password", "A-Long-Password-123");
    }

    @Test
    @DisplayName("系统管理员创建大数据局或审计局账号：403，引用第四条并说明三员分立，账号不存在；安全保密管理员可以")
    void theSystemAdministratorGrantsNoPrivilegedRole() {
        for (String role : List.of("BDB_OFFICER", "AUDIT", "SECURITY_ADMIN", "AUDIT_ADMIN", "ADMIN")) {
            HttpResponse<Buffer> r = call("POST", "/api/accounts", "admin", newAccount("by-admin-" + role.length(), role));
            assertThat(r.statusCode()).as(role).isEqualTo(403);
            assertThat(r.bodyAsJsonObject().getString("message")).startsWith("第四条").contains("三员分立");
        }
        assertThat(world.accounts.findByUsername("by-admin-11")).isEmpty();
        assertThat(call("POST", "/api/accounts", "admin", newAccount("staff2", "UNIT_STAFF")).statusCode())
                .isEqualTo(201);
        assertThat(call("POST", "/api/accounts", "secadmin", newAccount("bdb2", "BDB_OFFICER")).statusCode())
                .isEqualTo(201);
        assertThat(call("POST", "/api/accounts", "auditadmin", newAccount("nobody", "UNIT_STAFF")).statusCode())
                .isEqualTo(403);
    }

    @Test
    @DisplayName("安全审计记录只有安全审计员能查：含登录和账号管理记录；审计局、大数据局的操作记录中没有这些")
    void onlyTheAuditorReadsTheSecurityTrail() {
        call("POST", "/api/accounts", "secadmin", newAccount("bdb3", "BDB_OFFICER"));
        planned("智慧警务");

        HttpResponse<Buffer> security = call("GET", "/api/security-audit-records?size=200", "auditadmin", null);
        assertThat(security.statusCode()).isEqualTo(200);
        List<String> actions = security.bodyAsJsonObject().getJsonArray("items").stream()
                .map(o -> ((JsonObject) o).getString("action")).toList();
        assertThat(actions).contains("MANAGE_ACCOUNTS", "DECLARE");

        for (String user : List.of("bureau", "auditor")) {
            HttpResponse<Buffer> records = call("GET", "/api/audit-records?size=200", user, null);
            assertThat(records.statusCode()).isEqualTo(200);
            assertThat(records.bodyAsJsonObject().getJsonArray("items").stream()
                    .map(o -> ((JsonObject) o).getString("action")).toList())
                    .as(user).contains("DECLARE").doesNotContain("MANAGE_ACCOUNTS", "SIGN_IN");
            assertThat(call("GET", "/api/security-audit-records", user, null).statusCode()).as(user).isEqualTo(403);
        }
        for (String admin : List.of("admin", "secadmin")) {
            assertThat(call("GET", "/api/security-audit-records", admin, null).statusCode()).as(admin).isEqualTo(403);
            assertThat(call("GET", "/api/audit-records", admin, null).statusCode()).as(admin).isEqualTo(403);
        }
    }

    @Test
    @DisplayName("安全审计员在页面上核验审计记录链：完整或指出首个被破坏的记录，核验本身记入审计；其他人403")
    void theAuditorChecksTheChain() {
        HttpResponse<Buffer> intact = call("GET", "/api/security-audit/verification", "auditadmin", null);
        assertThat(intact.statusCode()).isEqualTo(200);
        assertThat(intact.bodyAsJsonObject().getBoolean("intact")).isTrue();
        assertThat(intact.bodyAsJsonObject().getString("messageZh")).startsWith("审计记录链完整");

        workplace.auditVerdict = new AuditVerdict(false, 41, Optional.of(42L), "record 42 changed");
        HttpResponse<Buffer> broken = call("GET", "/api/security-audit/verification", "auditadmin", null);
        assertThat(broken.bodyAsJsonObject().getBoolean("intact")).isFalse();
        assertThat(broken.bodyAsJsonObject().getLong("brokenAt")).isEqualTo(42L);
        assertThat(broken.bodyAsJsonObject().getString("messageZh")).contains("第42号记录");
        assertThat(world.audit.all()).filteredOn(r -> "VIEW_SECURITY_AUDIT".equals(r.action())).hasSize(2);

        for (String user : List.of("admin", "secadmin", "auditor", "bureau")) {
            assertThat(call("GET", "/api/security-audit/verification", user, null).statusCode()).as(user)
                    .isEqualTo(403);
        }
    }

    private String userId(String username) {
        return call("GET", "/api/accounts", "secadmin", null).bodyAsJsonObject().getJsonArray("items").stream()
                .map(o -> (JsonObject) o).filter(a -> username.equals(a.getString("username"))).findFirst()
                .orElseThrow().getString("userId");
    }

    @Test
    @DisplayName("系统管理员不能停用或启用安全保密管理员、安全审计员和大数据局的账号（403，三员分立）；安全保密管理员可以")
    void whoSwitchesWhichAccounts() {
        for (String privileged : List.of("secadmin", "auditadmin", "bureau")) {
            HttpResponse<Buffer> r = call("PUT", "/api/accounts/" + userId(privileged) + "/enabled", "admin",
                    new JsonObject().put("enabled", false));
            assertThat(r.statusCode()).as(privileged).isEqualTo(403);
            assertThat(r.bodyAsJsonObject().getString("message")).contains("三员分立");
        }
        assertThat(world.accounts.findByUsername("bureau").orElseThrow().enabled()).isTrue();
        assertThat(call("PUT", "/api/accounts/" + userId("police") + "/enabled", "admin",
                new JsonObject().put("enabled", false)).statusCode()).isEqualTo(200);
        assertThat(call("PUT", "/api/accounts/" + userId("bureau") + "/enabled", "secadmin",
                new JsonObject().put("enabled", false)).statusCode()).isEqualTo(200);
        assertThat(world.accounts.findByUsername("bureau").orElseThrow().enabled()).isFalse();
    }

    @Test
    @DisplayName("越权请求记入安全审计记录：谁、从哪里、请求了什么、依据第四条，在403答复之前已写入；只有安全审计员能看到")
    void refusalsAreInTheSecurityTrail() {
        HttpResponse<Buffer> refused = call("GET", "/api/security-audit-records", "bureau", null);
        assertThat(refused.statusCode()).isEqualTo(403);
        HttpResponse<Buffer> forbidden = call("POST", "/api/accounts", "admin", newAccount("x-bdb", "BDB_OFFICER"));
        assertThat(forbidden.statusCode()).isEqualTo(403);

        assertThat(world.audit.all()).filteredOn(r -> "REFUSED".equals(r.action()))
                .anySatisfy(r -> {
                    assertThat(r.userId()).isEqualTo(world.accounts.findByUsername("bureau").orElseThrow().userId());
                    assertThat(r.article()).isEqualTo("第四条");
                    assertThat(r.summary()).contains("GET /api/security-audit-records", "ART4_ROLE");
                    assertThat(r.sourceAddress()).isNotBlank();
                })
                .anySatisfy(r -> assertThat(r.summary()).contains("POST /api/accounts", "三员分立"));
        HttpResponse<Buffer> trail = call("GET", "/api/security-audit-records?action=REFUSED", "auditadmin", null);
        assertThat(trail.bodyAsJsonObject().getLong("total")).isGreaterThanOrEqualTo(2);
        assertThat(call("GET", "/api/audit-records?action=REFUSED", "auditor", null).bodyAsJsonObject()
                .getLong("total")).isZero();
    }
}
