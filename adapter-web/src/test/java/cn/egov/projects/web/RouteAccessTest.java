package cn.egov.projects.web;

import cn.egov.projects.domain.access.Action;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.web.access.Rule;
import cn.egov.projects.web.access.RouteTable;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Access is decided centrally and denied by default: every route of the real router has a rule in the route table,
 * the rule is the one the OpenAPI document states, and only the few public routes are public.
 */
@DisplayName("每条路由都有访问规则，且与接口文档一致")
class RouteAccessTest extends ApiTestSupport {

    private static final Set<String> PUBLIC = Set.of("GET /health", "GET /ready", "GET /openapi.json", "GET /api/deadlines/compute", "GET /api/policy",
            "POST /api/session", "GET /calendar/:file", "GET /projects/:id", "GET /webjars/*", "GET /*");

    private String key(HttpMethod method, String path) {
        return method.name() + " " + path;
    }

    @Test
    @DisplayName("路由器上的每条路由都登记在访问规则表中；只有基础处理器没有方法限定")
    void everyRouteHasARule(Vertx vertx) {
        Router router = api.router(vertx);
        RouteTable table = api.routeTable();
        Set<String> ruled = new TreeSet<>();
        // Vert.x reports a prefix route "/x/*" by its prefix "/x/"
        table.entries().forEach(e -> ruled.add(key(e.method(), e.path().endsWith("/*")
                ? e.path().substring(0, e.path().length() - 1) : e.path())));
        List<String> missing = new ArrayList<>();
        int endpoints = 0;
        for (Route route : router.getRoutes()) {
            Set<HttpMethod> methods = route.methods();
            if (methods == null || methods.isEmpty()) {
                assertThat(route.getPath()).as("a route without a method is infrastructure only")
                        .isIn(null, "/api/");
                continue;
            }
            for (HttpMethod m : methods) {
                endpoints++;
                if (!ruled.contains(key(m, route.getPath()))) {
                    missing.add(key(m, route.getPath()));
                }
            }
        }
        assertThat(missing).as("routes without an access rule").isEmpty();
        assertThat(endpoints).isGreaterThan(50);
        List<String> open = table.entries().stream().filter(e -> e.rule().kind() == Rule.Kind.PUBLIC)
                .map(e -> key(e.method(), e.path())).toList();
        assertThat(open).containsExactlyInAnyOrderElementsOf(PUBLIC);
    }

    @Test
    @DisplayName("每条路由都写进了OpenAPI文档，文档中的访问规则与规则表一致；文档中没有多余的接口")
    void documentMatchesTheTable(Vertx vertx) {
        api.router(vertx);
        Set<String> documented = new TreeSet<>();
        for (RouteTable.Entry e : api.routeTable().entries()) {
            if (e.path().equals("/*")) {
                continue;
            }
            String template = e.path().replaceAll(":([A-Za-z]+)", "{$1}");
            String method = e.method().name();
            JsonObject op;
            if (template.startsWith("/api/projects/{id}/actions/")) {
                Action action = Action.valueOf(template.substring(template.lastIndexOf('/') + 1));
                op = OpenApi.DOCUMENT.getJsonObject("paths").getJsonObject("/api/projects/{id}/actions/{action}")
                        .getJsonObject("post");
                assertThat(op.getJsonArray("parameters").getJsonObject(1).getJsonObject("schema")
                        .getJsonArray("enum")).as("action enum").contains(action.name());
                assertThat(e.rule().roles()).isEqualTo(action.roles());
                documented.add("POST /api/projects/{id}/actions/{action}");
                continue;
            }
            JsonObject path = OpenApi.DOCUMENT.getJsonObject("paths").getJsonObject(template);
            assertThat(path).as("documented path %s", template).isNotNull();
            op = path.getJsonObject(method.toLowerCase(Locale.ROOT));
            assertThat(op).as("documented %s %s", method, template).isNotNull();
            assertThat(op.getString("x-access")).as("x-access of %s %s", method, template)
                    .isEqualTo(e.rule().describe());
            documented.add(method + " " + template);
        }
        assertThat(OpenApi.operations()).containsExactlyInAnyOrderElementsOf(documented);
    }

    @Test
    @DisplayName("未登记的地址一律拒绝：/api下未知路径404，已知路径的其他方法405")
    void unknownIsDenied() {
        assertThat(get("/api/secret-admin-tool", "admin").statusCode()).isEqualTo(404);
        assertThat(get("/api/secret-admin-tool", null).statusCode()).isEqualTo(404);
        assertThat(await(client.delete("/api/projects").basicAuthentication("police", PASSWORD).send()).statusCode())
                .isEqualTo(405);
    }

    @Test
    @DisplayName("系统管理员看不到项目内容：项目列表、详情、待办、导出均为403")
    void administratorSeesNoProjects() {
        String id = createDraft("police", "智慧公安数据平台");
        for (String path : List.of("/api/projects", "/api/projects/" + id, "/api/me/deadlines", "/api/overdue",
                "/api/exports/overdue.xlsx", "/api/projects/" + id + "/documents", "/api/audit-records")) {
            assertThat(get(path, "admin").statusCode()).as(path).isEqualTo(403);
        }
        assertThat(Action.VIEW_PROJECT.roles()).doesNotContain(Role.ADMIN);
    }
}
