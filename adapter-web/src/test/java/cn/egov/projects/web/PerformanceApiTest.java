package cn.egov.projects.web;

import cn.egov.projects.domain.calendar.PeriodArithmetic;
import cn.egov.projects.domain.calendar.WorkingDayCalendar;
import cn.egov.projects.domain.deadline.DeadlineCalculator;
import cn.egov.projects.domain.declaration.DeclarationWindow;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.FundingOpinion;
import cn.egov.projects.domain.project.GovernmentApproval;
import cn.egov.projects.domain.project.PlanInclusion;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ReviewOpinion;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.domain.rule.Outcome;
import cn.egov.projects.web.json.ProjectJson;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Bureau's yearly performance evaluation (Art. 4) through the API: every answer checked against the OpenAPI
 * document, the roles' 403s, the 404 of a classified project outside one's 知悉范围, and the exported workbook read
 * back.
 */
@DisplayName("年度绩效考核接口（第四条）")
class PerformanceApiTest extends ConformingApiTest {

    /**
     * A classified project of the police bureau in the 2025 plan, stored directly: its funding opinion is Finance's,
     * which is outside a classified project's 知悉范围 here.
     */
    private String classifiedPlanned() {
        PolicyPack pack = PolicyPacks.taicang();
        DeadlineCalculator calc = new DeadlineCalculator(pack, new PeriodArithmetic(WorkingDayCalendar.official()));
        var profile = ProjectJson.profile(profile("涉密网络改造", 2025).put("classified", true));
        Project p = Project.draft(ProjectId.random(), new UnitId("TC-GAJ"), profile, pack.id(),
                LocalDate.of(2024, 8, 20));
        var budget = profile.totalInvestment();
        List<Outcome> steps = new ArrayList<>();
        steps.add(p.declare(LocalDate.of(2024, 8, 20), Optional.of(new DeclarationWindow(2025,
                LocalDate.of(2024, 8, 1), LocalDate.of(2024, 9, 30))), pack));
        steps.add(p.startReview(LocalDate.of(2024, 10, 10), pack));
        steps.add(p.recordReview(new ReviewOpinion(LocalDate.of(2024, 10, 10), true, List.of("甲", "乙", "丙"), "同意"),
                pack));
        steps.add(p.proposeFunding(new FundingOpinion(LocalDate.of(2024, 10, 10), budget, "同意"), pack));
        steps.add(p.recordApproval(new GovernmentApproval(LocalDate.of(2024, 10, 10), budget, "批复"), pack));
        steps.add(p.includeInPlan(new PlanInclusion(LocalDate.of(2025, 1, 24), 2025, false, "太政办〔2025〕5号"), calc));
        assertThat(steps).noneMatch(Outcome::isRefused);
        world.projects.insert(p);
        return p.id().toString();
    }

    private HttpResponse<Buffer> evaluation(String user) {
        return call("GET", "/api/performance?year=2025", user, null);
    }

    private static JsonObject project(JsonObject evaluation, String id) {
        return evaluation.getJsonArray("projects").stream().map(JsonObject.class::cast)
                .filter(p -> p.getString("id").equals(id)).findFirst().orElseThrow();
    }

    private static List<String> ids(JsonObject evaluation) {
        return evaluation.getJsonArray("projects").stream().map(p -> ((JsonObject) p).getString("id")).toList();
    }

    private HttpResponse<Buffer> grade(String user, String path, JsonObject body) {
        return call("PUT", "/api/performance/" + path, user, body);
    }

    private static void assertRefusal(HttpResponse<Buffer> r, int status, String code, String article) {
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(status);
        assertThat(r.bodyAsJsonObject().getString("code")).isEqualTo(code);
        if (article != null) {
            assertThat(r.bodyAsJsonObject().getString("article")).isEqualTo(article);
            assertThat(r.bodyAsJsonObject().getString("message")).startsWith(article + "：");
        }
    }

    @Test
    @DisplayName("大数据局看到年度考核：项目得分、单位得分、建议等级，中文标签；财政局、审计局看到同样结果，实施单位只看到本单位，涉密项目只在知悉范围内出现")
    void theYearsEvaluation() {
        String met = selfInspected("一网通办平台", "MET");
        String partly = selfInspected("智慧公安数据平台", "PARTLY_MET");
        String secret = classifiedPlanned();
        on(2025, 11, 1);

        JsonObject bureau = evaluation("bureau").bodyAsJsonObject();
        assertThat(bureau.getInteger("planYear")).isEqualTo(2025);
        assertThat(bureau.getString("methodZh")).contains("产出指标、效益指标、满意度指标分别占50%、30%、20%");
        assertThat(ids(bureau)).containsExactlyInAnyOrder(met, partly);
        assertThat(project(bureau, met).getDouble("score")).isEqualTo(100.0);
        assertThat(project(bureau, met).getString("suggestedGradeZh")).isEqualTo("优");
        assertThat(project(bureau, partly).getDouble("score")).isEqualTo(50.0);
        assertThat(project(bureau, partly).getString("suggestedGradeZh")).isEqualTo("差");
        assertThat(project(bureau, partly).getString("basisZh")).isEqualTo("依据自查报告");
        assertThat(project(bureau, partly).getString("stateZh")).isEqualTo("待验收");
        JsonObject unit = bureau.getJsonArray("units").getJsonObject(0);
        assertThat(unit.getString("unit")).isEqualTo("TC-GAJ");
        assertThat(unit.getDouble("projectAverage")).isEqualTo(75.0);
        assertThat(unit.getValue("grade")).isNull();
        assertThat(bureau.getJsonArray("grades").stream().map(g -> ((JsonObject) g).getString("gradeZh")))
                .containsExactly("优", "良", "中", "差");

        assertThat(evaluation("finance").bodyAsJsonObject()).isEqualTo(bureau);
        assertThat(evaluation("auditor").bodyAsJsonObject()).isEqualTo(bureau);
        JsonObject police = evaluation("police").bodyAsJsonObject();
        assertThat(ids(police)).containsExactlyInAnyOrder(met, partly, secret);
        assertThat(project(police, secret).getString("basis")).isEqualTo("NOT_REPORTED");
        assertThat(project(police, secret).getValue("score")).isNull();
        JsonObject health = evaluation("health").bodyAsJsonObject();
        assertThat(health.getJsonArray("units")).isEmpty();
        assertThat(health.getJsonArray("projects")).isEmpty();

        for (String user : List.of("admin", "cyber", "secrecy")) {
            assertRefusal(evaluation(user), 403, "ART4_ROLE", "第四条");
        }
        assertThat(call("GET", "/api/performance", "bureau", null).bodyAsJsonObject().getString("field"))
                .isEqualTo("year");
        assertThat(call("GET", "/api/performance?year=1999", "bureau", null).statusCode()).isEqualTo(400);
        assertThat(call("GET", "/api/performance?year=2025", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("大数据局评定项目和单位的等级：记入项目时间线（第四条）；其他角色403，知悉范围外的涉密项目404，计划外项目422，输入错误400且不改变任何内容")
    void theBureauGrades() {
        String id = selfInspected("智慧公安数据平台", "MET");
        String secret = classifiedPlanned();

        HttpResponse<Buffer> graded = grade("bureau", "2025/projects/" + id, new JsonObject().put("grade", "GOOD")
                .put("comment", "目标达成，文档规范"));
        assertThat(graded.statusCode()).as(graded.bodyAsString()).isEqualTo(200);
        assertThat(graded.bodyAsJsonObject().getString("gradeZh")).isEqualTo("良");
        assertThat(graded.bodyAsJsonObject().getString("subject")).isEqualTo("PROJECT");
        assertThat(grade("bureau", "2025/units/TC-GAJ", new JsonObject().put("grade", "EXCELLENT")).statusCode())
                .isEqualTo(200);

        JsonObject e = evaluation("auditor").bodyAsJsonObject();
        assertThat(project(e, id).getJsonObject("grade").getString("gradeZh")).isEqualTo("良");
        assertThat(project(e, id).getJsonObject("grade").getString("comment")).isEqualTo("目标达成，文档规范");
        assertThat(e.getJsonArray("units").getJsonObject(0).getJsonObject("grade").getString("grade"))
                .isEqualTo("EXCELLENT");
        JsonArray timeline = call("GET", "/api/projects/" + id, "bureau", null).bodyAsJsonObject()
                .getJsonArray("timeline");
        JsonObject last = timeline.getJsonObject(timeline.size() - 1);
        assertThat(last.getString("action")).isEqualTo("EVALUATE_PERFORMANCE");
        assertThat(last.getString("actionZh")).isEqualTo("绩效考核评定");
        assertThat(last.getString("article")).isEqualTo("第四条");
        assertThat(last.getString("summary")).isEqualTo("2025年度绩效考核评定：良（计算得分100.0）");

        JsonObject body = new JsonObject().put("grade", "POOR");
        for (String user : List.of("finance", "auditor", "police", "leader", "secrecy")) {
            assertRefusal(grade(user, "2025/projects/" + id, body), 403, "ART4_ROLE", "第四条");
            assertRefusal(grade(user, "2025/units/TC-GAJ", body), 403, "ART4_ROLE", "第四条");
        }
        assertThat(grade("bureau", "2025/projects/" + secret, body).statusCode()).isEqualTo(404);
        assertThat(grade("bureau", "2025/projects/" + ProjectId.random(), body).statusCode()).isEqualTo(404);
        assertRefusal(grade("bureau", "2024/projects/" + id, body), 422, "ART4_PERFORMANCE_EVALUATION", "第四条");
        assertRefusal(grade("bureau", "2025/units/TC-JYJ", body), 422, "ART4_PERFORMANCE_EVALUATION", "第四条");
        for (var bad : List.of(
                new Object[]{"2025/projects/" + id, new JsonObject().put("grade", "A"), "grade"},
                new Object[]{"2025/projects/" + id, new JsonObject().put("comment", "无等级"), "grade"},
                new Object[]{"2025/projects/" + id, new JsonObject().put("grade", "GOOD").put("comment",
                        "长".repeat(2001)), "comment"},
                new Object[]{"twenty/projects/" + id, body, "year"},
                new Object[]{"2025/projects/not-a-uuid", body, "id"},
                new Object[]{"2025/units/" + "太仓", body, "unit"})) {
            HttpResponse<Buffer> r = grade("bureau", (String) bad[0], (JsonObject) bad[1]);
            assertThat(r.statusCode()).as(bad[0] + " " + bad[1]).isEqualTo(400);
            assertThat(r.bodyAsJsonObject().getString("field")).as(bad[0] + " " + bad[1]).isEqualTo(bad[2]);
        }
        JsonObject after = evaluation("bureau").bodyAsJsonObject();
        assertThat(project(after, id).getJsonObject("grade").getString("grade")).isEqualTo("GOOD");
        assertThat(world.grades.grades(2025)).hasSize(2);
    }

    @Test
    @DisplayName("导出年度绩效考核为Excel：单位考核、项目考核、计分方法三张表，中文表头，得分为数值；不含涉密项目；无权角色403")
    void theWorkbook() throws IOException {
        String met = selfInspected("一网通办平台", "MET");
        selfInspected("智慧公安数据平台", "PARTLY_MET");
        classifiedPlanned();
        grade("bureau", "2025/projects/" + met, new JsonObject().put("grade", "EXCELLENT").put("comment", "优秀"));

        for (String user : List.of("bureau", "police", "finance", "auditor")) {
            HttpResponse<Buffer> r = call("GET", "/api/exports/performance.xlsx?year=2025", user, null);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.getHeader("Content-Disposition")).contains("filename*=UTF-8''2025%E5%B9%B4");
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(r.bodyAsBuffer().getBytes()))) {
                assertThat(List.of(book.getSheetName(0), book.getSheetName(1), book.getSheetName(2)))
                        .containsExactly("单位考核", "项目考核", "计分方法");
                Sheet units = book.getSheet("单位考核");
                assertThat(units.getRow(0).getCell(0).getStringCellValue()).contains("2025年度").contains("不含涉密项目");
                assertThat(cells(units.getRow(1))).startsWith("序号", "实施单位", "纳入考核项目数", "已计分项目数", "项目平均分");
                assertThat(units.getRow(2).getCell(1).getStringCellValue()).isEqualTo("TC-GAJ");
                assertThat(units.getRow(2).getCell(2).getNumericCellValue()).isEqualTo(2.0);
                assertThat(units.getRow(2).getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(units.getRow(2).getCell(4).getNumericCellValue()).isEqualTo(75.0);
                assertThat(units.getRow(2).getCell(12).getStringCellValue()).isEqualTo("未评定");
                assertThat(units.getLastRowNum()).isEqualTo(2);

                Sheet projects = book.getSheet("项目考核");
                assertThat(cells(projects.getRow(1))).contains("项目名称", "绩效目标数", "达成", "部分达成", "未达成",
                        "计分依据", "项目得分", "建议等级", "评定等级", "考核意见");
                assertThat(projects.getLastRowNum()).as("the classified project is not exported").isEqualTo(3);
                List<String> names = List.of(projects.getRow(2).getCell(1).getStringCellValue(),
                        projects.getRow(3).getCell(1).getStringCellValue());
                assertThat(names).containsExactlyInAnyOrder("一网通办平台", "智慧公安数据平台").doesNotContain("涉密网络改造");
                Row first = projects.getRow(2).getCell(1).getStringCellValue().equals("一网通办平台")
                        ? projects.getRow(2) : projects.getRow(3);
                assertThat(first.getCell(9).getNumericCellValue()).isEqualTo(100.0);
                assertThat(first.getCell(10).getStringCellValue()).isEqualTo("优");
                assertThat(first.getCell(11).getStringCellValue()).isEqualTo("优");
                assertThat(first.getCell(12).getStringCellValue()).isEqualTo("优秀");
                assertThat(first.getCell(8).getStringCellValue()).isEqualTo("依据自查报告");
                assertThat(book.getSheet("计分方法").getRow(1).getCell(0).getStringCellValue()).contains("70%");
                assertThat(book.getSheet("计分方法").getRow(0).getCell(0).getStringCellValue()).isEqualTo(
                        "计分方法（依据《太仓市级电子政务项目管理办法（太政办〔2021〕40号）》第四条、第二十三条、第二十四条）");
            }
        }
        for (String user : List.of("admin", "cyber", "secrecy")) {
            assertThat(call("GET", "/api/exports/performance.xlsx?year=2025", user, null).statusCode())
                    .isEqualTo(403);
        }
        assertThat(call("GET", "/api/exports/performance.xlsx", "bureau", null).statusCode()).isEqualTo(400);
    }

    private static List<String> cells(Row row) {
        List<String> out = new ArrayList<>();
        row.forEach(c -> out.add(c.getStringCellValue()));
        return out;
    }
}
