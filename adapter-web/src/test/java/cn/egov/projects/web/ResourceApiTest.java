package cn.egov.projects.web;

import cn.egov.projects.domain.access.Role;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resource catalogue, the similar projects and the reuse opinion through the API, every answer checked against
 * the OpenAPI document: who may read and change what (403 for a role, 404 outside the scope and for classified
 * projects), bad input naming the field (400), refusals citing their article (422).
 */
@DisplayName("资源目录、相似项目和复用审查意见的接口（第一条、第六条、第二十三条）")
class ResourceApiTest extends ConformingApiTest {

    private String secret;

    @BeforeEach
    void windowAndAccounts() {
        world.accountService.createAccount(admin(), account("expert", Role.EXPERT, "TC-ZJK"));
        HttpResponse<Buffer> window = call("POST", "/api/declaration-windows", "bureau", new JsonObject()
                .put("planYear", 2025).put("opensOn", "2024-08-15").put("closesOn", "2024-09-30"));
        assertThat(window.statusCode()).isEqualTo(201);
        secret = call("POST", "/api/projects", "police", profile("公安数据汇聚分析平台", 2025).put("classified", true))
                .bodyAsJsonObject().getString("id");
        call("POST", "/api/projects/" + secret + "/resources", "police", resource("警情分析数据库"));
    }

    private static JsonObject resource(String name) {
        return new JsonObject().put("name", name).put("kind", "DATA").put("ownerUnit", "太仓市公安局")
                .put("description", "全市警情数据，按日汇聚").put("sharing", "CONDITIONAL")
                .put("sharingCondition", "经市大数据管理局审批后共享").put("openness", "NOT_OPEN");
    }

    private String declared(String user, String name, String... scope) {
        JsonObject profile = profile(name, 2025).put("scopeItems", new JsonArray(List.of((Object[]) scope)));
        String id = call("POST", "/api/projects", user, profile).bodyAsJsonObject().getString("id");
        ok(id, "DECLARE", user, null);
        return id;
    }

    private String draft(String user, String name, String... scope) {
        JsonObject profile = profile(name, 2025).put("scopeItems", new JsonArray(List.of((Object[]) scope)));
        return call("POST", "/api/projects", user, profile).bodyAsJsonObject().getString("id");
    }

    private static void refused(HttpResponse<Buffer> r, int status, String code) {
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(status);
        assertThat(r.bodyAsJsonObject().getString("code")).isEqualTo(code);
    }

    private static void badField(HttpResponse<Buffer> r, String field) {
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(400);
        assertThat(r.bodyAsJsonObject().getString("code")).isEqualTo("BAD_REQUEST");
        assertThat(r.bodyAsJsonObject().getString("field")).isEqualTo(field);
        assertThat(r.bodyAsJsonObject().getString("message")).isNotBlank();
    }

    @Test
    @DisplayName("实施单位登记、修改、删除资源，答复目录现状；其他单位404，大数据局和审计局只读（登记403）")
    void catalogue() {
        String id = declared("police", "智慧公安数据平台", "数据汇聚平台");
        String path = "/api/projects/" + id + "/resources";

        HttpResponse<Buffer> created = call("POST", path, "police", resource("警情数据库").put("expectedVersion", 0));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonObject catalogue = created.bodyAsJsonObject();
        assertThat(catalogue.getLong("version")).isEqualTo(1);
        assertThat(catalogue.getBoolean("editable")).isTrue();
        JsonObject entry = catalogue.getJsonArray("items").getJsonObject(0);
        assertThat(entry.getString("name")).isEqualTo("警情数据库");
        assertThat(entry.getString("kindZh")).isEqualTo("数据资源");
        assertThat(entry.getString("sharingZh")).isEqualTo("有条件共享");
        assertThat(entry.getString("opennessZh")).isEqualTo("不予开放");
        assertThat(entry.getString("registeredBy")).isNotBlank();
        String resourcePath = path + "/" + entry.getString("id");

        HttpResponse<Buffer> revised = call("PUT", resourcePath, "leader", resource("警情信息资源库")
                .put("sharing", "UNCONDITIONAL").putNull("sharingCondition").put("openness", "CONDITIONAL"));
        assertThat(revised.statusCode()).as(revised.bodyAsString()).isEqualTo(200);
        assertThat(revised.bodyAsJsonObject().getJsonArray("items").getJsonObject(0).getString("updatedAt")).isNotNull();
        call("POST", path, "police", new JsonObject().put("name", "人口核验接口").put("kind", "INTERFACE")
                .put("ownerUnit", "太仓市公安局").put("sharing", "UNCONDITIONAL").put("openness", "OPEN"));

        for (String reader : List.of("bureau", "auditor", "finance")) {
            HttpResponse<Buffer> read = call("GET", path, reader, null);
            assertThat(read.statusCode()).as(reader).isEqualTo(200);
            assertThat(read.bodyAsJsonObject().getBoolean("editable")).isFalse();
            assertThat(read.bodyAsJsonObject().getJsonArray("items")).hasSize(2);
            refused(call("POST", path, reader, resource("别的库")), 403, "ART4_ROLE");
        }
        refused(call("GET", path, "health", null), 404, "NOT_FOUND");
        refused(call("POST", path, "health", resource("别的库")), 404, "NOT_FOUND");
        refused(call("GET", path, "admin", null), 403, "ART4_ROLE");

        HttpResponse<Buffer> removed = call("DELETE", resourcePath + "?expectedVersion=3", "police", null);
        assertThat(removed.statusCode()).as(removed.bodyAsString()).isEqualTo(200);
        assertThat(removed.bodyAsJsonObject().getJsonArray("items")).extracting(o -> ((JsonObject) o).getString("name"))
                .containsExactly("人口核验接口");
        assertThat(world.audit.forProject(id)).filteredOn(a -> a.action().equals("MANAGE_RESOURCE_CATALOGUE"))
                .hasSize(4);
    }

    @Test
    @DisplayName("填写有误得到400并指出是哪一项；同名、旧版本、不存在的资源分别得到422、409、404；都不改变目录")
    void refusals() {
        String id = draft("police", "智慧公安数据平台", "数据汇聚平台");
        String path = "/api/projects/" + id + "/resources";
        call("POST", path, "police", resource("警情数据库"));

        badField(call("POST", path, "police", resource("甲库").putNull("sharingCondition")), "sharingCondition");
        badField(call("POST", path, "police", resource("甲库").put("kind", "DATABASE")), "kind");
        badField(call("POST", path, "police", resource("库".repeat(101))), "name");
        badField(call("POST", path, "police", resource("甲库").put("sharing", "NOT_SHARED")
                .put("openness", "OPEN")), "openness");
        badField(call("POST", path, "police", resource("甲库").put("description", 5)), "description");
        badField(call("PUT", path + "/not-a-uuid", "police", resource("甲库")), "resourceId");
        badField(call("DELETE", path + "/" + UUID.randomUUID() + "?expectedVersion=x", "police", null),
                "expectedVersion");
        badField(call("POST", "/api/projects/not-a-uuid/resources", "police", resource("甲库")), "id");

        HttpResponse<Buffer> taken = call("POST", path, "police", resource(" 警情 数据库"));
        refused(taken, 422, "ART23_CATALOGUE_NAME_TAKEN");
        assertThat(taken.bodyAsJsonObject().getString("article")).isEqualTo("第二十三条");
        assertThat(taken.bodyAsJsonObject().getString("message")).startsWith("第二十三条：");
        refused(call("POST", path, "police", resource("乙库").put("expectedVersion", 0)), 409, "CONFLICT");
        refused(call("PUT", path + "/" + UUID.randomUUID(), "police", resource("乙库")), 404, "NOT_FOUND");

        JsonObject after = call("GET", path, "police", null).bodyAsJsonObject();
        assertThat(after.getLong("version")).isEqualTo(1);
        assertThat(after.getJsonArray("items")).hasSize(1);
    }

    @Test
    @DisplayName("评审未通过的项目资源目录不再修改（422，第二十三条）")
    void closedCatalogue() {
        String id = declared("police", "智慧公安数据平台", "数据汇聚平台");
        ok(id, "START_REVIEW", "bureau", null);
        ok(id, "RECORD_REVIEW", "bureau", new JsonObject().put("approved", false)
                .put("experts", new JsonArray().add("张专家").add("赵专家").add("钱专家")).put("opinion", "与已建项目重复"));

        HttpResponse<Buffer> closed = call("POST", "/api/projects/" + id + "/resources", "police", resource("警情数据库"));
        refused(closed, 422, "ART23_CATALOGUE_CLOSED");
        assertThat(closed.bodyAsJsonObject().getString("message")).contains("本项目评审未通过");
        assertThat(call("GET", "/api/projects/" + id + "/resources", "police", null).bodyAsJsonObject()
                .getBoolean("editable")).isFalse();
    }

    @Test
    @DisplayName("涉密项目的资源目录、相似比对、审查意见对知悉范围外的人一律404，本单位可见")
    void classifiedIsNotFound() {
        for (String path : List.of("/resources", "/similar", "/reuse-opinion")) {
            for (String user : List.of("bureau", "auditor", "health", "expert")) {
                boolean roleMay = !(path.equals("/similar") && user.equals("auditor"));
                // a role that may not compare at all is refused before any project is looked at: the same 403
                // whatever the project, so it reveals nothing either
                refused(call("GET", "/api/projects/" + secret + path, user, null), roleMay ? 404 : 403,
                        roleMay ? "NOT_FOUND" : "ART4_ROLE");
            }
            assertThat(call("GET", "/api/projects/" + secret + path, "police", null).statusCode()).as(path)
                    .isEqualTo(200);
        }
        refused(call("PUT", "/api/projects/" + secret + "/reuse-opinion", "bureau", new JsonObject()
                .put("verdict", "NO_DUPLICATION").put("comment", "无重复")), 404, "NOT_FOUND");
    }

    @Test
    @DisplayName("相似比对按得分排序、带匹配内容，只含本人可见的项目和资源；财政局403，其他单位404；参数有误400")
    void similar() {
        String sharing = declared("police", "公安数据共享平台", "公安数据汇聚", "数据共享交换接口");
        call("POST", "/api/projects/" + sharing + "/resources", "police", resource("公安数据共享交换接口"));
        declared("health", "卫生健康数据汇聚平台", "健康档案", "数据汇聚平台");
        declared("health", "医院预约挂号系统", "预约挂号");
        String subject = declared("police", "智慧公安数据平台", "数据汇聚平台", "警情分析系统");
        String path = "/api/projects/" + subject + "/similar";

        JsonObject byBureau = call("GET", path, "bureau", null).bodyAsJsonObject();
        List<String> names = names(byBureau);
        assertThat(names).contains("公安数据共享平台", "资源:公安数据共享交换接口", "卫生健康数据汇聚平台")
                .doesNotContain("医院预约挂号系统", "公安数据汇聚分析平台", "资源:警情分析数据库", "智慧公安数据平台");
        JsonArray items = byBureau.getJsonArray("items");
        for (int i = 1; i < items.size(); i++) {
            assertThat(items.getJsonObject(i).getDouble("score"))
                    .isLessThanOrEqualTo(items.getJsonObject(i - 1).getDouble("score"));
        }
        assertThat(items.getJsonObject(0).getJsonArray("terms")).isNotEmpty();
        assertThat(byBureau.getDouble("minScore")).isEqualTo(0.2);
        assertThat(byBureau.getBoolean("truncated")).isFalse();

        assertThat(names(call("GET", path, "police", null).bodyAsJsonObject()))
                .containsExactlyInAnyOrder("公安数据共享平台", "资源:公安数据共享交换接口", "公安数据汇聚分析平台",
                        "资源:警情分析数据库");
        assertThat(names(call("GET", path + "?minScore=0.9&limit=1", "bureau", null).bodyAsJsonObject())).isEmpty();
        assertThat(call("GET", path + "?limit=1", "bureau", null).bodyAsJsonObject().getJsonArray("items")).hasSize(1);

        for (String other : List.of("finance", "auditor", "cyber", "secrecy", "admin")) {
            refused(call("GET", path, other, null), 403, "ART4_ROLE");
        }
        refused(call("GET", path, "health", null), 404, "NOT_FOUND");
        refused(call("GET", path, "expert", null), 404, "NOT_FOUND");
        badField(call("GET", path + "?minScore=abc", "bureau", null), "minScore");
        badField(call("GET", path + "?minScore=0.01", "bureau", null), "minScore");
        badField(call("GET", path + "?limit=0", "bureau", null), "limit");
        badField(call("GET", path + "?limit=51", "bureau", null), "limit");
    }

    @Test
    @DisplayName("指定给本项目的评审专家可查看相似比对，只含指定给他的项目")
    void assignedExpert() {
        String subject = declared("police", "智慧公安数据平台", "数据汇聚平台", "警情分析系统");
        String other = declared("health", "卫生健康数据汇聚平台", "数据汇聚平台");
        String expert = world.accounts.findByUsername("expert").orElseThrow().userId();
        assertThat(call("PUT", "/api/projects/" + subject + "/assignments/" + expert, "bureau", null).statusCode())
                .isEqualTo(200);

        JsonObject seen = call("GET", "/api/projects/" + subject + "/similar", "expert", null).bodyAsJsonObject();
        assertThat(names(seen)).isEmpty();
        assertThat(seen.getInteger("projectsCompared")).isZero();
        call("PUT", "/api/projects/" + other + "/assignments/" + expert, "bureau", null);
        assertThat(names(call("GET", "/api/projects/" + subject + "/similar", "expert", null).bodyAsJsonObject()))
                .containsExactly("卫生健康数据汇聚平台");
    }

    @Test
    @DisplayName("市大数据管理局在评审时录入审查意见，项目上显示；实施单位403；草稿或评审后422（第六条）；未列明相似项目400")
    void reuseOpinion() {
        String sharing = declared("health", "公安数据共享平台", "公安数据汇聚");
        JsonObject catalogue = call("POST", "/api/projects/" + sharing + "/resources", "health",
                resource("公安数据共享交换接口")).bodyAsJsonObject();
        String api = catalogue.getJsonArray("items").getJsonObject(0).getString("id");
        String reviewed = declared("police", "智慧公安数据平台", "数据汇聚平台", "警情分析系统");
        String path = "/api/projects/" + reviewed + "/reuse-opinion";

        JsonObject none = call("GET", path, "police", null).bodyAsJsonObject();
        assertThat(none.getValue("opinion")).isNull();
        assertThat(none.getBoolean("open")).isTrue();
        assertThat(none.getBoolean("mayRecord")).isFalse();
        assertThat(call("GET", path, "bureau", null).bodyAsJsonObject().getBoolean("mayRecord")).isTrue();

        JsonObject body = new JsonObject().put("verdict", "PARTIAL_REUSE").put("comment", "数据汇聚部分应复用现有共享平台")
                .put("similar", new JsonArray().add(new JsonObject().put("projectId", sharing))
                        .add(new JsonObject().put("projectId", sharing).put("resourceId", api)));
        HttpResponse<Buffer> recorded = call("PUT", path, "bureau", body);
        assertThat(recorded.statusCode()).as(recorded.bodyAsString()).isEqualTo(200);
        JsonObject opinion = recorded.bodyAsJsonObject().getJsonObject("opinion");
        assertThat(opinion.getString("verdictZh")).isEqualTo("部分重复（可复用已有项目或资源）");
        assertThat(opinion.getJsonArray("similar")).extracting(o -> ((JsonObject) o).getString("name"))
                .containsExactly("公安数据共享平台", "公安数据共享交换接口");

        JsonObject byUnit = call("GET", path, "police", null).bodyAsJsonObject().getJsonObject("opinion");
        assertThat(byUnit.getString("verdict")).isEqualTo("PARTIAL_REUSE");
        assertThat(byUnit.getString("comment")).isEqualTo("数据汇聚部分应复用现有共享平台");
        assertThat(byUnit.getJsonArray("similar")).as("the health bureau's project lies outside the police's scope")
                .isEmpty();

        refused(call("PUT", path, "police", body), 403, "ART4_ROLE");
        refused(call("PUT", path, "finance", body), 403, "ART4_ROLE");
        refused(call("PUT", path, "health", body), 403, "ART4_ROLE");
        badField(call("PUT", path, "bureau", new JsonObject().put("verdict", "DUPLICATE").put("comment", "重复")),
                "similar");
        badField(call("PUT", path, "bureau", new JsonObject().put("verdict", "SAME").put("comment", "重复")), "verdict");
        badField(call("PUT", path, "bureau", new JsonObject().put("verdict", "NO_DUPLICATION")), "comment");
        badField(call("PUT", path, "bureau", body.copy().put("similar", new JsonArray()
                .add(new JsonObject().put("projectId", secret)))), "similar[0].projectId");
        badField(call("PUT", path, "bureau", body.copy().put("similar", new JsonArray().add("x"))), "similar[0]");
        badField(call("PUT", path, "bureau", body.copy().put("similar", new JsonArray()
                .add(new JsonObject().put("projectId", "nope")))), "similar[0].projectId");

        String draft = draft("police", "草稿项目", "数据汇聚");
        HttpResponse<Buffer> early = call("PUT", "/api/projects/" + draft + "/reuse-opinion", "bureau",
                new JsonObject().put("verdict", "NO_DUPLICATION").put("comment", "无重复"));
        // a draft is its unit's own: to the Bureau it does not exist yet (RULES.md §1)
        refused(early, 404, "NOT_FOUND");

        assertThat(call("GET", path, "police", null).bodyAsJsonObject().getInteger("earlier")).isZero();
        assertThat(world.audit.forProject(reviewed)).filteredOn(a -> a.action().equals("RECORD_REUSE_OPINION"))
                .singleElement().satisfies(a -> assertThat(a.article()).isEqualTo("第六条"));
    }

    private static List<String> names(JsonObject report) {
        return report.getJsonArray("items").stream().map(o -> (JsonObject) o)
                .map(i -> i.getString("kind").equals("RESOURCE") ? "资源:" + i.getString("resourceName")
                        : i.getString("projectName")).toList();
    }
}
