package cn.egov.projects.web.routes;

import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.GradePerformanceUseCase;
import cn.egov.projects.application.port.in.GradeProjectCommand;
import cn.egov.projects.application.port.in.GradeUnitCommand;
import cn.egov.projects.application.port.in.PerformanceEvaluationUseCase;
import cn.egov.projects.application.view.ProjectEvaluation;
import cn.egov.projects.application.view.UnitEvaluation;
import cn.egov.projects.application.view.YearEvaluation;
import cn.egov.projects.domain.access.Action;
import cn.egov.projects.domain.performance.Grade;
import cn.egov.projects.domain.performance.PerformanceGrade;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.web.access.Rule;
import cn.egov.projects.web.access.RouteTable;
import cn.egov.projects.web.auth.Callers;
import cn.egov.projects.web.http.BadRequestException;
import cn.egov.projects.web.http.Blocking;
import cn.egov.projects.web.http.Replies;
import cn.egov.projects.web.json.JsonFields;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The yearly performance evaluation (绩效考核, Art. 4): {@code GET /api/performance?year=} (the Bureau, Finance,
 * Audit; units their own), and the Bureau's grades {@code PUT /api/performance/:year/projects/:id} and
 * {@code PUT /api/performance/:year/units/:unit} with {@code {grade, comment}}. Scores are numbers for charts; every
 * code comes with its Chinese label.
 */
public final class PerformanceRoutes {

    private final PerformanceEvaluationUseCase evaluation;
    private final GradePerformanceUseCase grading;

    public PerformanceRoutes(PerformanceEvaluationUseCase evaluation, GradePerformanceUseCase grading) {
        this.evaluation = evaluation;
        this.grading = grading;
    }

    public void mount(Router router, RouteTable table) {
        table.add(router, HttpMethod.GET, "/api/performance", Rule.of(Action.VIEW_PERFORMANCE), this::read);
        table.add(router, HttpMethod.PUT, "/api/performance/:year/projects/:id", Rule.of(Action.EVALUATE_PERFORMANCE),
                this::gradeProject);
        table.add(router, HttpMethod.PUT, "/api/performance/:year/units/:unit", Rule.of(Action.EVALUATE_PERFORMANCE),
                this::gradeUnit);
    }

    private void read(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        Integer year = QueryParams.planYear(ctx.queryParams(), "year");
        if (year == null) {
            throw new BadRequestException("year", "请选择计划年度", "'year' is required");
        }
        Blocking.call(ctx, () -> evaluation.evaluation(caller, year))
                .onSuccess(e -> Replies.json(ctx, 200, json(e))).onFailure(ctx::fail);
    }

    private void gradeProject(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        int year = year(ctx);
        var id = Bodies.projectId(ctx);
        JsonFields f = JsonFields.of(Bodies.requiredJson(ctx));
        GradeProjectCommand command = new GradeProjectCommand(year, id, f.enumValue("grade", Grade.class),
                f.optionalText("comment"));
        Blocking.call(ctx, () -> grading.gradeProject(caller, command))
                .onSuccess(g -> Replies.json(ctx, 200, grade(g))).onFailure(ctx::fail);
    }

    private void gradeUnit(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        int year = year(ctx);
        UnitId unit;
        try {
            unit = new UnitId(ctx.pathParam("unit"));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("unit", "单位代码格式不正确：" + e.getMessage(), "malformed unit code");
        }
        JsonFields f = JsonFields.of(Bodies.requiredJson(ctx));
        GradeUnitCommand command = new GradeUnitCommand(year, unit, f.enumValue("grade", Grade.class),
                f.optionalText("comment"));
        Blocking.call(ctx, () -> grading.gradeUnit(caller, command))
                .onSuccess(g -> Replies.json(ctx, 200, grade(g))).onFailure(ctx::fail);
    }

    /** The plan year of the path (2000–2100). */
    private static int year(RoutingContext ctx) {
        String text = ctx.pathParam("year");
        int year = text != null && text.matches("\\d{4}") ? Integer.parseInt(text) : -1;
        if (year < QueryParams.MIN_PLAN_YEAR || year > QueryParams.MAX_PLAN_YEAR) {
            throw new BadRequestException("year", "计划年度应为" + QueryParams.MIN_PLAN_YEAR + "至"
                    + QueryParams.MAX_PLAN_YEAR + "的整数", "the plan year must be an integer from "
                    + QueryParams.MIN_PLAN_YEAR + " to " + QueryParams.MAX_PLAN_YEAR);
        }
        return year;
    }

    /** A plan year's evaluation as JSON. */
    public static JsonObject json(YearEvaluation e) {
        JsonArray grades = new JsonArray();
        for (Grade g : Grade.values()) {
            grades.add(new JsonObject().put("grade", g.name()).put("gradeZh", g.zh()).put("from", g.from()));
        }
        JsonArray units = new JsonArray();
        for (UnitEvaluation u : e.units()) {
            units.add(new JsonObject()
                    .put("unit", u.unit().code())
                    .put("projects", u.projects())
                    .put("scoredProjects", u.scoredProjects())
                    .put("projectAverage", number(u.projectAverage()))
                    .put("fallenDue", u.compliance().fallenDue())
                    .put("metOnTime", u.compliance().metOnTime())
                    .put("metLate", u.compliance().metLate())
                    .put("overdue", u.compliance().overdue())
                    .put("art17Flagged", u.compliance().art17Flagged())
                    .put("onTimeShare", BigDecimal.valueOf(u.compliance().onTimeShare())
                            .setScale(4, RoundingMode.HALF_UP).doubleValue())
                    .put("complianceScore", number(u.complianceScore()))
                    .put("score", number(u.score()))
                    .put("suggestedGrade", u.suggestedGrade() == null ? null : u.suggestedGrade().name())
                    .put("suggestedGradeZh", u.suggestedGrade() == null ? null : u.suggestedGrade().zh())
                    .put("grade", u.grade() == null ? null : grade(u.grade())));
        }
        JsonArray projects = new JsonArray();
        for (ProjectEvaluation p : e.projects()) {
            projects.add(new JsonObject()
                    .put("id", p.id().toString())
                    .put("unit", p.unit().code())
                    .put("name", p.name())
                    .put("classified", p.classified())
                    .put("state", p.state().name())
                    .put("stateZh", p.state().zh())
                    .put("goals", p.score().goals())
                    .put("met", p.score().met())
                    .put("partlyMet", p.score().partlyMet())
                    .put("notMet", p.score().notMet())
                    .put("basis", p.score().basis().name())
                    .put("basisZh", p.score().basis().zh())
                    .put("score", number(p.score().score()))
                    .put("suggestedGrade", p.suggestedGrade() == null ? null : p.suggestedGrade().name())
                    .put("suggestedGradeZh", p.suggestedGrade() == null ? null : p.suggestedGrade().zh())
                    .put("grade", p.grade() == null ? null : grade(p.grade())));
        }
        return new JsonObject().put("planYear", e.planYear()).put("computedOn", e.computedOn().toString())
                .put("methodZh", e.methodZh()).put("grades", grades).put("units", units).put("projects", projects);
    }

    /** A recorded grade. */
    public static JsonObject grade(PerformanceGrade g) {
        return new JsonObject()
                .put("planYear", g.planYear())
                .put("subject", g.subject().name())
                .put("subjectId", g.subjectId())
                .put("grade", g.grade().name())
                .put("gradeZh", g.grade().zh())
                .put("comment", g.comment())
                .put("gradedBy", g.gradedBy())
                .put("gradedAt", g.gradedAt().toString());
    }

    private static Double number(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }
}
