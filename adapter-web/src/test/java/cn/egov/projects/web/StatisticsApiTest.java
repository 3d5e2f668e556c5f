package cn.egov.projects.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("统计图表的数据：每个图表一张中文表格，按本人的查看范围统计，可导出Excel；图表脚本由系统自带")
class StatisticsApiTest extends ApiTestSupport {

    private JsonObject chart(JsonObject statistics, String id) {
        return statistics.getJsonArray("charts").stream().map(JsonObject.class::cast)
                .filter(c -> c.getString("id").equals(id)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("单位看到本单位的草稿，大数据局和其他单位看不到；每个图表有标题、中文表头和数据行")
    void figuresWithinTheScope() {
        createDraft("police", "智慧公安数据平台");
        createDraft("police", "警务云");

        HttpResponse<Buffer> own = get("/api/statistics", "police");
        assertThat(own.statusCode()).isEqualTo(200);
        JsonObject body = own.bodyAsJsonObject();
        assertThat(body.getString("asOf")).isEqualTo(TODAY.toString());
        assertThat(body.getJsonArray("charts").stream().map(c -> ((JsonObject) c).getString("id")).toList())
                .containsExactly("onTimeByUnit", "onTimeByYear", "overdueByKind", "projectsByState",
                        "projectsByCategory", "budgetByCategory", "projectsByYear");
        assertThat(chart(body, "projectsByCategory").getString("title")).isEqualTo("项目类别分布（第五条）");
        JsonObject byState = chart(body, "projectsByState");
        assertThat(byState.getString("title")).isEqualTo("项目状态分布");
        assertThat(byState.getString("type")).isEqualTo("pie");
        assertThat(byState.getJsonArray("headers").getList()).containsExactly("项目状态", "项目数", "总投资（元）");
        JsonArray draftRow = byState.getJsonArray("rows").getJsonArray(0);
        assertThat(draftRow.getString(0)).isEqualTo("草稿");
        assertThat(draftRow.getLong(1)).isEqualTo(2);
        assertThat(chart(body, "projectsByYear").getJsonArray("rows").getJsonArray(0).getString(0))
                .isEqualTo("2025年");

        for (String other : List.of("bureau", "health")) {
            JsonObject theirs = get("/api/statistics", other).bodyAsJsonObject();
            assertThat(chart(theirs, "projectsByState").getJsonArray("rows")).as(other).isEmpty();
            assertThat(chart(theirs, "projectsByCategory").getJsonArray("rows")).as(other).isEmpty();
        }
        assertThat(get("/api/statistics", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/statistics", "admin").statusCode()).isEqualTo(403);
    }

    @Test
    @DisplayName("导出Excel：全部图表各一个工作表，或只导出一个；未知的图表或超出范围的年度得到400")
    void exportsTheTables() throws IOException {
        createDraft("police", "智慧公安数据平台");
        HttpResponse<Buffer> all = get("/api/exports/statistics.xlsx", "police");
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.getHeader("Content-Type")).startsWith("application/vnd.openxmlformats");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(all.bodyAsBuffer().getBytes()))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(7);
            Sheet states = book.getSheet("按状态");
            assertThat(states.getRow(0).getCell(0).getStringCellValue()).startsWith("项目状态分布（导出日期 ");
            assertThat(states.getRow(1).getCell(1).getStringCellValue()).isEqualTo("项目数");
            assertThat(states.getRow(2).getCell(0).getStringCellValue()).isEqualTo("草稿");
            assertThat(states.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(1.0);
        }
        HttpResponse<Buffer> one = get("/api/exports/statistics.xlsx?chart=projectsByCategory", "police");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(one.bodyAsBuffer().getBytes()))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(1);
            assertThat(book.getSheetName(0)).isEqualTo("按类别");
        }
        // each export is in the security audit trail, for the security auditor
        JsonArray exports = get("/api/security-audit-records?size=50&action=EXPORT", "auditadmin").bodyAsJsonObject()
                .getJsonArray("items");
        assertThat(exports.stream().map(e -> ((JsonObject) e).getString("summary")).toList())
                .anySatisfy(summary -> assertThat(summary).contains("statistics.xlsx", "chart=projectsByCategory"))
                .hasSizeGreaterThanOrEqualTo(2);
        HttpResponse<Buffer> unknown = get("/api/exports/statistics.xlsx?chart=secrets", "police");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.bodyAsJsonObject().getString("message")).contains("没有这个图表");
        assertThat(get("/api/statistics?year=99999", "police").statusCode()).isEqualTo(400);
    }

    @Test
    @DisplayName("ECharts脚本由系统自带（无需外网），目录不列出")
    void chartsScriptIsServedByTheApplication() {
        HttpResponse<Buffer> script = await(client.get("/webjars/echarts/5.3.1/dist/echarts.min.js").send());
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.getHeader("Content-Type")).contains("javascript");
        assertThat(script.bodyAsString()).contains("echarts");
        assertThat(await(client.get("/webjars/echarts/5.3.1/dist/").send()).statusCode()).isIn(403, 404);
        assertThat(await(client.get("/webjars/echarts/5.3.1/dist/nothing.js").send()).statusCode()).isEqualTo(404);
    }
}
