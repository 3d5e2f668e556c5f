package cn.egov.projects.web.routes;

import cn.egov.projects.application.port.in.AnnualPlanUseCase;
import cn.egov.projects.application.port.in.CalendarFeedUseCase;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.ExportLimitUseCase;
import cn.egov.projects.application.port.in.MyDeadlinesUseCase;
import cn.egov.projects.application.port.in.PerformanceEvaluationUseCase;
import cn.egov.projects.application.port.out.ClockPort;
import cn.egov.projects.domain.access.Action;
import cn.egov.projects.web.access.Rule;
import cn.egov.projects.web.access.RouteTable;
import cn.egov.projects.web.auth.Callers;
import cn.egov.projects.web.http.BadRequestException;
import cn.egov.projects.web.http.Blocking;
import cn.egov.projects.web.http.Replies;
import cn.egov.projects.web.http.RequestIds;
import cn.egov.projects.web.export.Calendars;
import cn.egov.projects.web.export.Spreadsheets;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.LocalDate;

/**
 * Exports: {@code GET /api/exports/annual-plan.xlsx?year=}, {@code GET /api/exports/overdue.xlsx} (with the
 * project list's filter {@code ?year=&unit=&state=&category=&q=} when given, exactly as {@code /api/overdue}) and
 * {@code GET /api/exports/performance.xlsx?year=} (the yearly performance evaluation, Art. 4); the private
 * calendar feed {@code GET /calendar/<token>.ics} (no sign-in: the token is the key), whose token the person issues
 * ({@code POST /api/me/calendar-token}, shown once) and revokes ({@code DELETE /api/me/calendar-token}).
 */
public final class ExportRoutes {

    private final AnnualPlanUseCase annualPlan;
    private final MyDeadlinesUseCase deadlines;
    private final CalendarFeedUseCase calendars;
    private final ClockPort clock;
    private final PerformanceEvaluationUseCase performance;
    /** Records each export in the security audit trail; null: not recorded (tests of the files alone). */
    private cn.egov.projects.application.port.in.SecurityEventUseCase exports;
    private ExportLimitUseCase limits = ExportLimitUseCase.NONE;

    /** @param clock the application's clock: the exports' date and the feeds' stamp follow it (also a simulated one) */
    public ExportRoutes(AnnualPlanUseCase annualPlan, MyDeadlinesUseCase deadlines, CalendarFeedUseCase calendars,
                        ClockPort clock, PerformanceEvaluationUseCase performance) {
        this.performance = performance;
        this.annualPlan = annualPlan;
        this.deadlines = deadlines;
        this.calendars = calendars;
        this.clock = clock;
    }

    /** Records every export made here in the security audit trail: who, which, filter, rows. */
    public ExportRoutes recordedBy(cn.egov.projects.application.port.in.SecurityEventUseCase exports) {
        this.exports = exports;
        return this;
    }

    /** The export in the security audit trail, once its file is made. */
    private void recorded(Caller caller, String export, String filter, int rows, java.util.List<String> classified) {
        if (exports != null) {
            exports.exported(caller, export, filter, rows, classified);
        }
    }

    /** The units' full names in the exports (their codes in a column of their own); null: codes only. */
    private cn.egov.projects.application.port.in.UnitUseCase units;

    /** Writes units by their full names (太仓市公安局) in the exports, with their codes in a last column. */
    public ExportRoutes namedBy(cn.egov.projects.application.port.in.UnitUseCase units) {
        this.units = units;
        return this;
    }

    /** A unit's full name by its code, as the caller reads the units; the code when unknown. */
    private java.util.function.Function<String, String> unitNames(Caller caller) {
        if (units == null) {
            return java.util.function.Function.identity();
        }
        java.util.Map<String, String> names = new java.util.HashMap<>();
        units.listUnits(caller).forEach(u -> names.put(u.id().code(), u.nameZh()));
        return code -> names.getOrDefault(code, code);
    }

    /** The project list, whose filter the overdue export applies; null: no filter. */
    private cn.egov.projects.application.port.in.ListProjectsUseCase lists;

    /** Applies the project list's filter to the overdue export, as the overdue list does. */
    public ExportRoutes filteredBy(cn.egov.projects.application.port.in.ListProjectsUseCase lists) {
        this.lists = lists;
        return this;
    }

    /** Counts every export against the rate limits per account and per address (429 beyond them). */
    public ExportRoutes limitedBy(ExportLimitUseCase limits) {
        this.limits = java.util.Objects.requireNonNull(limits, "limits");
        return this;
    }

    public void mount(Router router, RouteTable table) {
        Rule staff = Rule.of(Action.VIEW_PROJECT);
        table.add(router, HttpMethod.GET, "/api/exports/annual-plan.xlsx", staff, limited("年度实施计划", this::plan));
        table.add(router, HttpMethod.GET, "/api/exports/overdue.xlsx", staff, limited("逾期清单", this::overdue));
        table.add(router, HttpMethod.GET, "/api/exports/performance.xlsx", Rule.of(Action.VIEW_PERFORMANCE),
                limited("年度绩效考核", this::performance));
        table.add(router, HttpMethod.POST, "/api/me/calendar-token", staff, this::issue);
        table.add(router, HttpMethod.DELETE, "/api/me/calendar-token", staff, this::revoke);
        table.add(router, HttpMethod.GET, "/calendar/:file", Rule.open(), this::feed);
    }

    /** The export, once the rate limits admit it ({@link ExportLimits}). */
    private io.vertx.core.Handler<RoutingContext> limited(String what, io.vertx.core.Handler<RoutingContext> export) {
        return ExportLimits.limited(limits, what, export);
    }

    private void plan(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        Integer year = QueryParams.planYear(ctx.queryParams(), "year");
        if (year == null) {
            throw new BadRequestException("year", "请选择计划年度", "'year' is required");
        }
        Blocking.call(ctx, () -> {
                    var rows = annualPlan.annualPlan(caller, year);
                    byte[] file = Spreadsheets.annualPlan(year, rows, today(), unitNames(caller));
                    recorded(caller, "annual-plan.xlsx", "year=" + year, rows.size(), rows.stream()
                            .filter(p -> p.classified()).map(p -> p.id().toString()).toList());
                    return file;
                })
                .onSuccess(bytes -> file(ctx, bytes, Spreadsheets.XLSX, year + "年度实施计划.xlsx"))
                .onFailure(ctx::fail);
    }

    private void performance(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        Integer year = QueryParams.planYear(ctx.queryParams(), "year");
        if (year == null) {
            throw new BadRequestException("year", "请选择计划年度", "'year' is required");
        }
        Blocking.call(ctx, () -> {
                    var evaluation = performance.exportable(caller, year);
                    byte[] file = Spreadsheets.performance(evaluation, today(), unitNames(caller));
                    recorded(caller, "performance.xlsx", "year=" + year, evaluation.projects().size()
                            + evaluation.units().size(), evaluation.projects().stream().filter(p -> p.classified())
                            .map(p -> p.id().toString()).toList());
                    return file;
                })
                .onSuccess(bytes -> file(ctx, bytes, Spreadsheets.XLSX, year + "年度绩效考核.xlsx"))
                .onFailure(ctx::fail);
    }

    private void overdue(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        var q = ctx.queryParams();
        var filter = FilteredProjects.filter(q);
        String described = FilteredProjects.described(q, FilteredProjects.NAMES);
        Blocking.call(ctx, () -> {
                    var rows = FilteredProjects.overdue(deadlines.overdue(caller), lists, caller, q, filter);
                    byte[] file = Spreadsheets.overdue(rows, today(), unitNames(caller), described);
                    recorded(caller, "overdue.xlsx", described, rows.size(), rows.stream().filter(t -> t.due().classified())
                            .map(t -> t.due().projectId().toString()).distinct().toList());
                    return file;
                })
                .onSuccess(bytes -> file(ctx, bytes, Spreadsheets.XLSX, "逾期清单.xlsx"))
                .onFailure(ctx::fail);
    }

    private void issue(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        Blocking.call(ctx, () -> calendars.issueToken(caller)).onSuccess(token -> Replies.json(ctx, 201,
                new JsonObject().put("token", token).put("path", "/calendar/" + token + ".ics")))
                .onFailure(ctx::fail);
    }

    private void revoke(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        Blocking.call(ctx, () -> calendars.revokeToken(caller))
                .onSuccess(had -> Replies.json(ctx, 200, new JsonObject().put("revoked", had)))
                .onFailure(ctx::fail);
    }

    private void feed(RoutingContext ctx) {
        String file = ctx.pathParam("file");
        String token = file.endsWith(".ics") ? file.substring(0, file.length() - 4) : file;
        Blocking.call(ctx, () -> calendars.feed(token).map(f -> Calendars.feed(f, clock.now()))).onSuccess(ics -> {
            if (ics.isEmpty()) {
                Replies.json(ctx, 404, new JsonObject().put("code", "NOT_FOUND").put("message", "订阅地址无效或已撤销")
                        .put("messageEn", "unknown or revoked calendar token").put("requestId", RequestIds.of(ctx)));
                return;
            }
            ctx.response().putHeader("Content-Type", Calendars.TEXT_CALENDAR).end(ics.get());
        }).onFailure(ctx::fail);
    }

    static void file(RoutingContext ctx, byte[] bytes, String type, String name) {
        String encoded = java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
        ctx.response().putHeader("Content-Type", type)
                .putHeader("Content-Disposition", "attachment; filename=\"export.xlsx\"; filename*=UTF-8''" + encoded)
                .end(Buffer.buffer(bytes));
    }

    private LocalDate today() {
        return clock.today();
    }
}
