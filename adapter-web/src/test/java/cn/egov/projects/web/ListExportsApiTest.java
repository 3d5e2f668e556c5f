package cn.egov.projects.web;

import cn.egov.projects.application.view.Unit;
import cn.egov.projects.domain.project.UnitId;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("每个列表导出它所显示的：我的待办、账号列表、安全审计记录、涉密资格与页面同样筛选，逾期清单按项目列表的筛选导出；导出受限、记入安全审计")
class ListExportsApiTest extends ConformingApiTest {

    @BeforeEach
    void unitNames() {
        world.units.insert(new Unit(new UnitId("TC-GAJ"), "太仓市公安局", Unit.Kind.IMPLEMENTING));
        world.units.insert(new Unit(new UnitId("TC-WJW"), "太仓市卫生健康委员会", Unit.Kind.IMPLEMENTING));
        world.units.insert(new Unit(new UnitId("TC-DSJ"), "太仓市大数据管理局", Unit.Kind.AUTHORITY));
    }

    private List<String> exportSummaries() {
        HttpResponse<Buffer> r = call("GET", "/api/security-audit-records?size=200&action=EXPORT", "auditadmin", null);
        assertThat(r.statusCode()).isEqualTo(200);
        return r.bodyAsJsonObject().getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("summary"))
                .toList();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("逾期清单：给出项目列表的筛选时，列表（/api/overdue）和导出都只含筛选出的项目的逾期期限，二者一致；不给筛选时全部")
    void theOverdueExportFollowsTheListsFilter() throws IOException {
        String id = planned("智慧公安数据平台");
        on(2025, 3, 10);

        List<String> all = overdueIds("");
        assertThat(all).isNotEmpty().allMatch(id::equals);
        List<List<String>> sheet = workbook("/api/exports/overdue.xlsx", "bureau");
        assertThat(sheet.subList(2, sheet.size())).extracting(r -> r.get(7)).containsExactlyElementsOf(all);

        // the project list's filter: the unit, the state, part of the name, the plan year, the category
        for (String matching : List.of("unit=TC-GAJ", "q=" + enc("公安"), "year=2025&state=PLANNED",
                "category=BUSINESS_SYSTEM",
                "q=" + cn.egov.projects.domain.project.ProjectId.parse(id).shortNumber())) {
            assertThat(overdueIds(matching)).as(matching).containsExactlyElementsOf(all);
            List<List<String>> rows = workbook("/api/exports/overdue.xlsx?" + matching, "bureau");
            assertThat(rows.get(0).get(0)).as(matching).contains("筛选：").contains("共" + all.size() + "项");
            assertThat(rows.subList(2, rows.size())).as(matching).extracting(r -> r.get(7))
                    .containsExactlyElementsOf(all);
        }
        for (String other : List.of("unit=TC-WJW", "q=" + enc("卫生"), "year=2026", "state=DRAFT",
                "category=SECURITY_SYSTEM")) {
            assertThat(overdueIds(other)).as(other).isEmpty();
            List<List<String>> rows = workbook("/api/exports/overdue.xlsx?" + other, "bureau");
            assertThat(rows).as(other).hasSize(2);
            assertThat(rows.get(0).get(0)).as(other).contains("共0项");
        }
        assertThat(exportSummaries()).contains("导出overdue.xlsx（unit=TC-WJW）：0行",
                "导出overdue.xlsx（unit=TC-GAJ）：" + all.size() + "行");
        assertThat(call("GET", "/api/exports/overdue.xlsx?state=NOPE", "bureau", null).statusCode()).isEqualTo(400);
        assertThat(call("GET", "/api/overdue?year=99999", "bureau", null).statusCode()).isEqualTo(400);
    }

    private List<String> overdueIds(String query) {
        HttpResponse<Buffer> r = call("GET", "/api/overdue" + (query.isEmpty() ? "" : "?" + query), "bureau", null);
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        return r.bodyAsJsonObject().getJsonArray("items").stream()
                .map(o -> ((JsonObject) o).getString("projectId")).toList();
    }

    @Test
    @DisplayName("我的待办导出：与页面同样的天数，期限与 /api/me/deadlines 一致，单位写全称、代码另列；天数越界400；记入安全审计")
    void myDeadlinesExport() throws IOException {
        String id = planned("智慧公安数据平台");
        on(2025, 3, 10);
        HttpResponse<Buffer> listed = call("GET", "/api/me/deadlines?days=90", "police", null);
        List<String> kinds = listed.bodyAsJsonObject().getJsonArray("items").stream()
                .map(o -> ((JsonObject) o).getString("kindZh")).toList();
        assertThat(kinds).isNotEmpty();

        List<List<String>> rows = workbook("/api/exports/my-deadlines.xlsx?days=90", "police");
        assertThat(rows.get(0).get(0)).contains("向后90天").contains("共" + kinds.size() + "项");
        assertThat(rows.get(1)).startsWith("序号", "紧急程度", "项目名称", "实施单位").endsWith("项目编号", "单位代码");
        assertThat(rows.subList(2, rows.size())).extracting(r -> r.get(4)).containsExactlyElementsOf(kinds);
        assertThat(rows.subList(2, rows.size())).allSatisfy(r -> {
            assertThat(r.get(2)).isEqualTo("智慧公安数据平台");
            assertThat(r.get(3)).isEqualTo("太仓市公安局");
            assertThat(r.get(8)).isEqualTo(id);
            assertThat(r.get(9)).isEqualTo("TC-GAJ");
        });
        assertThat(rows.subList(2, rows.size())).extracting(r -> r.get(1)).contains("已逾期");

        assertThat(call("GET", "/api/exports/my-deadlines.xlsx?days=401", "police", null).statusCode())
                .isEqualTo(400);
        assertThat(call("GET", "/api/exports/my-deadlines.xlsx", "admin", null).statusCode()).isEqualTo(403);
        assertThat(exportSummaries()).contains("导出my-deadlines.xlsx（days=90）：" + kinds.size() + "行");
    }

    @Test
    @DisplayName("账号列表导出：与系统管理页同样筛选（姓名或用户名、角色、单位、状态），联系方式脱敏，单位写全称；只给管理员；坏筛选400")
    void accountsExport() throws IOException {
        List<List<String>> all = workbook("/api/exports/accounts.xlsx", "admin");
        assertThat(all.get(1)).startsWith("用户名", "姓名", "角色", "单位").endsWith("用户编号", "单位代码");
        assertThat(all.subList(2, all.size())).extracting(r -> r.get(0))
                .contains("admin", "secadmin", "auditadmin", "police", "health", "bureau");

        List<List<String>> staff = workbook("/api/exports/accounts.xlsx?role=UNIT_STAFF&unit=TC-GAJ", "admin");
        assertThat(staff.get(0).get(0)).startsWith("账号列表（筛选：role=UNIT_STAFF&unit=TC-GAJ），共1个");
        assertThat(staff.subList(2, staff.size())).singleElement().satisfies(r -> {
            assertThat(r.get(0)).isEqualTo("police");
            assertThat(r.get(3)).isEqualTo("太仓市公安局");
            assertThat(r.get(6)).isEqualTo("启用");
            assertThat(r.get(8)).isEqualTo("TC-GAJ");
            // contacts masked as on the page
            assertThat(r.get(4)).satisfiesAnyOf(m -> assertThat(m).isEmpty(), m -> assertThat(m).contains("****"));
        });
        List<List<String>> byName = workbook("/api/exports/accounts.xlsx?q=HEAL", "admin");
        assertThat(byName.subList(2, byName.size())).extracting(r -> r.get(0)).containsExactly("health");

        String health = world.accounts.findByUsername("health").orElseThrow().userId();
        assertThat(call("PUT", "/api/accounts/" + health + "/enabled", "admin", new JsonObject().put("enabled", false))
                .statusCode()).isEqualTo(200);
        List<List<String>> off = workbook("/api/exports/accounts.xlsx?enabled=false", "admin");
        assertThat(off.subList(2, off.size())).extracting(r -> r.get(0)).containsExactly("health");

        assertThat(call("GET", "/api/exports/accounts.xlsx?enabled=maybe", "admin", null).statusCode())
                .isEqualTo(400);
        assertThat(call("GET", "/api/exports/accounts.xlsx?role=KING", "admin", null).statusCode()).isEqualTo(400);
        assertThat(call("GET", "/api/exports/accounts.xlsx?q=" + "x".repeat(65), "admin", null).statusCode())
                .isEqualTo(400);
        assertThat(call("GET", "/api/exports/accounts.xlsx", "police", null).statusCode()).isEqualTo(403);
        assertThat(exportSummaries()).contains("导出accounts.xlsx（role=UNIT_STAFF&unit=TC-GAJ）：1行",
                "导出accounts.xlsx（enabled=false）：1行");
    }

    @Test
    @DisplayName("单位列表导出：系统管理页的全部单位，写全称和类型、代码另列；只给管理员；记入安全审计")
    void unitsExport() throws IOException {
        List<List<String>> all = workbook("/api/exports/units.xlsx", "admin");
        assertThat(all.get(1)).containsExactly("序号", "单位名称", "类型", "单位代码");
        assertThat(all.subList(2, all.size())).anySatisfy(r -> assertThat(r.subList(1, 4))
                .containsExactly("太仓市公安局", "实施单位", "TC-GAJ"));
        assertThat(all.subList(2, all.size())).anySatisfy(r -> assertThat(r.subList(1, 4))
                .containsExactly("太仓市大数据管理局", "主管部门", "TC-DSJ"));
        assertThat(all.get(0).get(0)).startsWith("单位列表，共" + (all.size() - 2) + "个");
        assertThat(call("GET", "/api/exports/units.xlsx", "police", null).statusCode()).isEqualTo(403);
        assertThat(exportSummaries()).contains("导出units.xlsx：" + (all.size() - 2) + "行");
    }

    @Test
    @DisplayName("专家库导出：与专家库列表相同的专家及其回避依据；大数据局和审计局可导出，实施单位不可；记入安全审计")
    void expertsExport() throws IOException {
        for (int i = 1; i <= 2; i++) {
            world.accountService.createAccount(admin(), account("exp" + i, cn.egov.projects.domain.access.Role.EXPERT,
                    "TC-ZJK"));
            HttpResponse<Buffer> added = call("POST", "/api/experts", "bureau", new JsonObject()
                    .put("userId", world.accounts.findByUsername("exp" + i).orElseThrow().userId())
                    .put("name", "专家" + i).put("fields", new io.vertx.core.json.JsonArray().add("SOFTWARE_DEVELOPMENT"))
                    .put("employer", i == 2 ? "太仓市公安局" : "苏州大学").put("employerUnit", i == 2 ? "TC-GAJ" : null)
                    .put("relatedVendors", new io.vertx.core.json.JsonArray()));
            assertThat(added.statusCode()).as(added.bodyAsString()).isEqualTo(201);
        }
        int pool = call("GET", "/api/experts", "bureau", null).bodyAsJsonObject().getJsonArray("experts").size();
        List<List<String>> all = workbook("/api/exports/experts.xlsx", "bureau");
        assertThat(all.get(1)).startsWith("序号", "姓名", "专业领域", "工作单位").contains("关联单位（回避）", "状态");
        assertThat(all.get(0).get(0)).startsWith("评审专家库，共" + pool + "位");
        assertThat(pool).isEqualTo(2);
        assertThat(all.subList(2, all.size())).hasSize(pool);
        assertThat(all.subList(2, all.size())).anySatisfy(r -> assertThat(r.subList(1, 5))
                .containsExactly("专家2", "软件开发", "太仓市公安局", "太仓市公安局"));
        assertThat(workbook("/api/exports/experts.xlsx", "auditor").subList(2, all.size())).hasSize(pool);
        assertThat(call("GET", "/api/exports/experts.xlsx", "police", null).statusCode()).isEqualTo(403);
        assertThat(exportSummaries()).contains("导出experts.xlsx：" + pool + "行");
    }

    @Test
    @DisplayName("安全审计记录导出：与安全审计页同样筛选，恰是 /api/security-audit-records 的记录；只给安全审计员")
    void securityRecordsExport() throws IOException {
        planned("智慧公安数据平台");
        HttpResponse<Buffer> listed = call("GET", "/api/security-audit-records?size=200&action=DECLARE", "auditadmin",
                null);
        List<Long> ids = listed.bodyAsJsonObject().getJsonArray("items").stream()
                .map(o -> ((JsonObject) o).getLong("id")).toList();
        assertThat(ids).hasSize(1);

        List<List<String>> rows = workbook("/api/exports/security-audit-records.xlsx?action=DECLARE", "auditadmin");
        assertThat(rows.get(0).get(0)).startsWith("安全审计记录（筛选：action=DECLARE），共1条");
        assertThat(rows.get(1)).startsWith("编号", "时间", "用户").endsWith("用户编号", "单位代码");
        assertThat(rows.subList(2, rows.size())).singleElement().satisfies(r -> {
            assertThat(Double.valueOf(r.get(0)).longValue()).isEqualTo(ids.get(0));
            assertThat(r.get(4)).isEqualTo("太仓市公安局");
            assertThat(r.get(5)).isEqualTo("申报项目");
            assertThat(r.get(12)).isEqualTo("TC-GAJ");
        });

        assertThat(call("GET", "/api/exports/security-audit-records.xlsx?from=2025-02-30", "auditadmin", null)
                .statusCode()).isEqualTo(400);
        for (String other : List.of("auditor", "bureau", "secadmin", "admin")) {
            assertThat(call("GET", "/api/exports/security-audit-records.xlsx", other, null).statusCode()).as(other)
                    .isIn(401, 403);
        }
        assertThat(exportSummaries()).contains("导出security-audit-records.xlsx（action=DECLARE）：1行");
    }

    @Test
    @DisplayName("涉密资格导出：与涉密资格页同样筛选（姓名或用户名、是否已获资格），单位写全称；安全保密管理员和安全审计员")
    void clearancesExport() throws IOException {
        String bureau = world.accounts.findByUsername("bureau").orElseThrow().userId();
        assertThat(call("PUT", "/api/clearances/" + bureau, "secadmin", null).statusCode()).isEqualTo(200);

        List<List<String>> cleared = workbook("/api/exports/clearances.xlsx?state=yes", "auditadmin");
        assertThat(cleared.get(0).get(0)).startsWith("涉密资格（筛选：state=yes），共1人");
        assertThat(cleared.subList(2, cleared.size())).singleElement().satisfies(r -> {
            assertThat(r.get(1)).isEqualTo("bureau");
            assertThat(r.get(3)).isEqualTo("太仓市大数据管理局");
            assertThat(r.get(5)).isEqualTo("已获资格");
            assertThat(r.get(9)).isEqualTo("TC-DSJ");
        });
        List<List<String>> notCleared = workbook("/api/exports/clearances.xlsx?state=no&q=BUREAU", "secadmin");
        assertThat(notCleared).hasSize(2);

        assertThat(call("GET", "/api/exports/clearances.xlsx?state=maybe", "secadmin", null).statusCode())
                .isEqualTo(400);
        assertThat(call("GET", "/api/exports/clearances.xlsx", "admin", null).statusCode()).isEqualTo(403);
        assertThat(exportSummaries()).contains("导出clearances.xlsx（state=yes）：1行");
    }

    @Test
    @DisplayName("各单位期限合规情况导出：与页面的合规表同样的数字，单位写全称、代码另列；只给大数据局和审计局；记入安全审计")
    void complianceExport() throws IOException {
        planned("智慧公安数据平台");
        on(2025, 3, 10);
        JsonObject police = call("GET", "/api/compliance", "bureau", null).bodyAsJsonObject().getJsonArray("items")
                .stream().map(o -> (JsonObject) o).filter(u -> u.getString("unit").equals("TC-GAJ")).findFirst()
                .orElseThrow();
        List<List<String>> rows = workbook("/api/exports/compliance.xlsx", "auditor");
        assertThat(rows.get(1)).startsWith("单位", "项目数").endsWith("单位代码");
        assertThat(rows.subList(2, rows.size())).filteredOn(r -> r.get(8).equals("TC-GAJ")).singleElement()
                .satisfies(r -> {
                    assertThat(r.get(0)).isEqualTo("太仓市公安局");
                    assertThat(Double.valueOf(r.get(1)).longValue()).isEqualTo(police.getLong("projects"));
                    assertThat(Double.valueOf(r.get(2)).longValue()).isEqualTo(police.getLong("fallenDue"));
                    assertThat(Double.valueOf(r.get(5)).longValue()).isEqualTo(police.getLong("overdue"));
                });
        assertThat(call("GET", "/api/exports/compliance.xlsx", "police", null).statusCode()).isEqualTo(403);
        assertThat(exportSummaries()).anyMatch(s -> s.startsWith("导出compliance.xlsx："));
    }

    private List<List<String>> workbook(String path, String user) throws IOException {
        HttpResponse<Buffer> r = call("GET", path, user, null);
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        return Workbooks.rows(r.body().getBytes(), 0);
    }
}
