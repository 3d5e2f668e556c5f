package cn.egov.projects.web;

import cn.egov.projects.application.view.Unit;
import cn.egov.projects.domain.project.UnitId;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.multipart.MultipartForm;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("项目档案（PDF）、按名称或编号搜索项目、项目列表导出：只在本人可见范围内，涉密项目仅限知悉范围，导出受限并记入安全审计")
class ProjectRecordApiTest extends ConformingApiTest {

    private static final String SECRET_NAME = "涉密指挥调度平台";

    @BeforeEach
    void unitNames() {
        world.units.insert(new Unit(new UnitId("TC-GAJ"), "太仓市公安局", Unit.Kind.IMPLEMENTING));
        world.units.insert(new Unit(new UnitId("TC-WJW"), "太仓市卫生健康委员会", Unit.Kind.IMPLEMENTING));
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static int pages(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        }
    }

    private String classifiedDraft() {
        HttpResponse<Buffer> created = call("POST", "/api/projects", "police",
                profile(SECRET_NAME, 2025).put("classified", true));
        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        return created.bodyAsJsonObject().getString("id");
    }

    private List<JsonObject> securityTrail(String action) {
        HttpResponse<Buffer> r = call("GET", "/api/security-audit-records?size=200&action=" + action, "auditadmin",
                null);
        assertThat(r.statusCode()).isEqualTo(200);
        return r.bodyAsJsonObject().getJsonArray("items").stream().map(o -> (JsonObject) o).toList();
    }

    private void upload(String id, String fileName) {
        MultipartForm form = MultipartForm.create().attribute("kind", "项目合同")
                .binaryFileUpload("file", fileName, Buffer.buffer("%PDF-1.7 合同正文".getBytes(StandardCharsets.UTF_8)),
                        "application/pdf");
        HttpRequest<Buffer> request = authenticated(client.post("/api/projects/" + id + "/documents"), "police");
        HttpResponse<Buffer> r = await(request.sendMultipartForm(form));
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
    }

    @Test
    @DisplayName("项目档案PDF：申报内容、预算明细、责任人（联系方式脱敏）、绩效目标、每一步办理记录（姓名、单位全称、条款）、期限、文档的SM3摘要，中文可提取；每页有页码")
    void theRecordHoldsTheWholeProjectInChinese() throws IOException {
        String id = planned("智慧公安数据平台");
        // (the store in memory computes no SM3 digest: the browser test reads it from the real store)
        upload(id, "合同扫描件.pdf");

        HttpResponse<Buffer> r = call("GET", "/api/projects/" + id + "/record.pdf", "police", null);

        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        assertThat(r.getHeader("Content-Type")).isEqualTo("application/pdf");
        assertThat(r.getHeader("Content-Disposition")).startsWith("attachment;")
                .contains(URLEncoder.encode("项目档案-" + id + ".pdf", StandardCharsets.UTF_8));
        byte[] pdf = r.body().getBytes();
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        String text = text(pdf);
        assertThat(text).contains("太仓市级电子政务项目档案", "依据《太仓市级电子政务项目管理办法》（太政办〔2021〕40号）", "智慧公安数据平台", "项目编号 " + id, "太仓市公安局（TC-GAJ）",
                "数据汇聚平台", "软件开发", "1200000.00", "项目监理", "王分管", "139****0001", "李责任",
                "警情处置时间缩短比例", "≥20%", "第七条", "police的姓名（太仓市公安局）", "bureau的姓名", "已列入实施计划",
                "合同扫描件.pdf");
        assertThat(text).doesNotContain("13900000001", "wang@tc.gov.cn");
        int pages = pages(pdf);
        assertThat(text).contains("第 1 页 / 共 " + pages + " 页", "第 " + pages + " 页 / 共 " + pages + " 页",
                "项目档案：智慧公安数据平台");

        // the export is recorded; an ordinary project's record is no read of a classified one
        assertThat(securityTrail("EXPORT")).extracting(e -> e.getString("summary"))
                .contains("导出project-record.pdf（id=" + id + "）：1行");
        assertThat(securityTrail("READ_CLASSIFIED")).isEmpty();
    }

    @Test
    @DisplayName("涉密项目的档案：知悉范围外与项目页一样是404（不记录）；范围内下载记为查看涉密项目和导出，只写编号不写名称")
    void aClassifiedRecordOnlyInsideItsScope() throws IOException {
        String secret = classifiedDraft();

        for (String outsider : List.of("health", "bureau", "auditor")) {
            assertThat(call("GET", "/api/projects/" + secret, outsider, null).statusCode()).as(outsider)
                    .isEqualTo(404);
            HttpResponse<Buffer> r = call("GET", "/api/projects/" + secret + "/record.pdf", outsider, null);
            assertThat(r.statusCode()).as(outsider).isEqualTo(404);
            assertThat(r.bodyAsJsonObject().getString("message")).isEqualTo("项目不存在或不在您的办理范围内");
        }
        assertThat(securityTrail("READ_CLASSIFIED")).isEmpty();
        assertThat(securityTrail("EXPORT")).isEmpty();

        HttpResponse<Buffer> r = call("GET", "/api/projects/" + secret + "/record.pdf", "police", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(text(r.body().getBytes())).contains(SECRET_NAME, "涉密项目：仅限知悉范围内人员阅知");

        assertThat(securityTrail("READ_CLASSIFIED")).singleElement().satisfies(e -> {
            assertThat(e.getString("summary")).contains(secret, "项目档案").doesNotContain(SECRET_NAME);
            assertThat(e.getString("projectId")).isNull();
        });
        assertThat(securityTrail("EXPORT")).singleElement().satisfies(e -> assertThat(e.getString("summary"))
                .isEqualTo("导出project-record.pdf（id=" + secret + "）：1行，其中涉密项目1个：" + secret)
                .doesNotContain(SECRET_NAME));
        // a malformed number is a 400, not a 404 nor a 500
        assertThat(call("GET", "/api/projects/not-a-number/record.pdf", "police", null).statusCode())
                .isEqualTo(400);
    }

    @Test
    @DisplayName("搜索：按名称的一段、按编号简称（不分大小写）或完整编号；只在可见范围内，涉密项目在范围外搜不到；搜索内容有上限")
    void searchFindsByNameOrNumberWithinTheScope() {
        String id = planned("智慧公安数据平台");
        String secret = classifiedDraft();

        assertThat(ids("bureau", "数据平台")).containsExactly(id);
        assertThat(ids("bureau", cn.egov.projects.domain.project.ProjectId.parse(id).shortNumber().toUpperCase()))
                .containsExactly(id);
        assertThat(ids("bureau", id)).containsExactly(id);
        assertThat(ids("bureau", "指挥调度")).isEmpty();
        assertThat(ids("bureau", secret)).isEmpty();
        assertThat(ids("health", "平台")).isEmpty();
        assertThat(ids("police", "平台")).containsExactlyInAnyOrder(id, secret);
        assertThat(ids("police", "100%")).isEmpty();

        HttpResponse<Buffer> tooLong = call("GET", "/api/projects?q=" + "平".repeat(51), "bureau", null);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.bodyAsJsonObject().getString("field")).isEqualTo("q");
        assertThat(tooLong.bodyAsJsonObject().getString("message")).isEqualTo("搜索内容不能超过50个字");
    }

    private List<String> ids(String user, String q) {
        HttpResponse<Buffer> r = call("GET", "/api/projects?size=10&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8),
                user, null);
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        return r.bodyAsJsonObject().getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("id")).toList();
    }

    @Test
    @DisplayName("项目列表导出：与页面同样筛选，恰是筛选出的项目；单位写全称、代码另列；涉密项目的编号记入安全审计")
    void theListExportHoldsExactlyTheFilteredRows() throws IOException {
        String id = planned("智慧公安数据平台");
        String other = createDraft("police", "政务服务一网通办");
        String secret = classifiedDraft();

        List<List<String>> rows = sheet("police", "q=" + URLEncoder.encode("平台", StandardCharsets.UTF_8)
                + "&unit=TC-GAJ");
        assertThat(rows.get(0).get(0)).startsWith("项目列表（筛选：unit=TC-GAJ&q=平台），共2个");
        assertThat(rows.get(1)).startsWith("项目名称", "实施单位");
        assertThat(rows.subList(2, rows.size())).extracting(r -> r.get(8)).containsExactlyInAnyOrder(id, secret);
        assertThat(rows.subList(2, rows.size())).allSatisfy(r -> {
            assertThat(r.get(1)).isEqualTo("太仓市公安局");
            assertThat(r.get(9)).isEqualTo("TC-GAJ");
        });
        assertThat(rows.subList(2, rows.size())).filteredOn(r -> r.get(8).equals(secret))
                .singleElement().satisfies(r -> assertThat(r.get(7)).isEqualTo("涉密"));

        List<List<String>> all = sheet("police", "");
        assertThat(all.subList(2, all.size())).extracting(r -> r.get(8)).containsExactlyInAnyOrder(id, other, secret);
        // the Bureau sees neither the unit's draft nor the classified project
        List<List<String>> bureau = sheet("bureau", "");
        assertThat(bureau.subList(2, bureau.size())).extracting(r -> r.get(8)).containsExactly(id);

        assertThat(securityTrail("EXPORT")).extracting(e -> e.getString("summary")).contains(
                "导出projects.xlsx（unit=TC-GAJ&q=平台）：2行，其中涉密项目1个：" + secret,
                "导出projects.xlsx：3行，其中涉密项目1个：" + secret, "导出projects.xlsx：1行");
        assertThat(call("GET", "/api/exports/projects.xlsx?state=NOPE", "police", null).statusCode())
                .isEqualTo(400);
        assertThat(call("GET", "/api/exports/projects.xlsx", "admin", null).statusCode()).isEqualTo(403);
    }

    @Test
    @DisplayName("年度实施计划、逾期清单、年度绩效考核的Excel：单位写全称，代码另列在最后")
    void theOtherExportsNameTheUnits() throws IOException {
        String id = planned("智慧公安数据平台");
        world.clock.set(java.time.LocalDate.of(2025, 3, 10));

        List<List<String>> plan = workbook("/api/exports/annual-plan.xlsx?year=2025", "bureau", 0);
        assertThat(plan.get(1)).endsWith("项目编号", "单位代码");
        assertThat(plan.get(2)).contains("智慧公安数据平台", "太仓市公安局", id).endsWith("TC-GAJ");
        assertThat(plan.get(2).get(2)).isEqualTo("太仓市公安局");

        List<List<String>> overdue = workbook("/api/exports/overdue.xlsx", "auditor", 0);
        assertThat(overdue.get(1)).endsWith("单位代码");
        assertThat(overdue.get(2).get(1)).isEqualTo("太仓市公安局");
        assertThat(overdue.get(2)).endsWith("TC-GAJ");

        assertThat(workbook("/api/exports/performance.xlsx?year=2025", "bureau", 0).get(1)).endsWith("单位代码");
        assertThat(workbook("/api/exports/performance.xlsx?year=2025", "bureau", 1).get(1)).endsWith("单位代码");
    }

    @Test
    @DisplayName("操作记录导出：与页面同样筛选，用户写姓名、单位写全称，编号和代码另列；只给审计局和大数据局；记入安全审计")
    void theAuditRecordsExport() throws IOException {
        String id = planned("智慧公安数据平台");

        List<List<String>> rows = workbook("/api/exports/audit-records.xlsx?action=DECLARE&project=" + id,
                "auditor", 0);
        assertThat(rows.get(0).get(0)).startsWith("操作记录（筛选：action=DECLARE&project=" + id + "），共1条");
        assertThat(rows.get(1)).startsWith("时间", "用户", "单位").endsWith("用户编号", "单位代码");
        assertThat(rows).hasSize(3);
        List<String> declared = rows.get(2);
        // (the trail kept in memory here knows no people's names: the browser test reads them from the database)
        String police = world.accounts.findByUsername("police").orElseThrow().userId();
        assertThat(declared.get(1)).isEqualTo(police);
        assertThat(declared.get(10)).isEqualTo(police);
        assertThat(declared.get(2)).isEqualTo("太仓市公安局");
        assertThat(declared.get(4)).isEqualTo("申报项目");
        assertThat(declared.get(5)).isEqualTo("第七条");
        assertThat(declared.get(6)).isEqualTo(id);
        assertThat(declared.get(11)).isEqualTo("TC-GAJ");

        assertThat(call("GET", "/api/exports/audit-records.xlsx", "police", null).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/exports/audit-records.xlsx?from=2024-13-01", "auditor", null).statusCode())
                .isEqualTo(400);
        assertThat(securityTrail("EXPORT")).extracting(e -> e.getString("summary"))
                .contains("导出audit-records.xlsx（action=DECLARE&project=" + id + "）：1行");
    }

    private List<List<String>> sheet(String user, String query) throws IOException {
        return workbook("/api/exports/projects.xlsx" + (query.isEmpty() ? "" : "?" + query), user, 0);
    }

    private List<List<String>> workbook(String path, String user, int index) throws IOException {
        HttpResponse<Buffer> r = call("GET", path, user, null);
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        return Workbooks.rows(r.body().getBytes(), index);
    }
}
