package cn.egov.projects.web.routes;

import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.ExportLimitUseCase;
import cn.egov.projects.application.port.in.SecurityEventUseCase;
import cn.egov.projects.application.port.in.StatisticsUseCase;
import cn.egov.projects.application.port.in.UnitUseCase;
import cn.egov.projects.application.port.out.ClockPort;
import cn.egov.projects.application.view.Statistics;
import cn.egov.projects.application.view.Unit;
import cn.egov.projects.domain.access.Action;
import cn.egov.projects.domain.catalog.Category;
import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.rule.Provision;
import cn.egov.projects.web.access.RouteTable;
import cn.egov.projects.web.access.Rule;
import cn.egov.projects.web.auth.Callers;
import cn.egov.projects.web.export.Spreadsheets;
import cn.egov.projects.web.http.BadRequestException;
import cn.egov.projects.web.http.Blocking;
import cn.egov.projects.web.http.Replies;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The charts' figures, within the caller's scope (a unit its own; a classified project outside the person's
 * 知悉范围 is not counted, Art. 27): {@code GET /api/statistics[?year=]} answers each chart as a table with Chinese
 * headers — the page draws the chart from it and shows the same table beside it — and
 * {@code GET /api/exports/statistics.xlsx[?chart=][&year=]} the same tables as a workbook (one chart, or all).
 * {@code year} narrows the on-time share per unit to the deadlines due in that year.
 */
public final class StatisticsRoutes {

    /** The chart ids, in the order the page shows them. */
    static final List<String> CHARTS = List.of("onTimeByUnit", "onTimeByYear", "overdueByKind", "projectsByState",
            "projectsByCategory", "budgetByCategory", "projectsByYear");

    /** The stage of the lifecycle (RULES.md §3) a deadline belongs to. */
    private static final Map<DeadlineKind, String> STAGE = new EnumMap<>(Map.of(
            DeadlineKind.WINDOW_CLOSING, "申报",
            DeadlineKind.IMPL_PLAN, "计划实施",
            DeadlineKind.SUBSTANTIVE_START, "计划实施",
            DeadlineKind.CONTRACT_FILING, "采购与合同",
            DeadlineKind.PROGRESS_REPORT, "建设实施",
            DeadlineKind.ACCEPTANCE_LIMIT, "试运行与验收",
            DeadlineKind.ACCEPTANCE_REPORT, "试运行与验收",
            DeadlineKind.FINAL_ACCOUNTS, "竣工决算",
            DeadlineKind.WARRANTY_END, "运维"));

    private final StatisticsUseCase statistics;
    private final UnitUseCase units;
    private final ClockPort clock;
    private final SecurityEventUseCase exports;
    private final ExportLimitUseCase limits;
    private final java.util.function.Supplier<PolicyPack> packInForce;

    /**
     * @param exports where each export is recorded in the security audit trail
     * @param limits  the rate limits of exports per account and per address
     * @param pack    the pack in force, which numbers the articles the tables cite
     */
    public StatisticsRoutes(StatisticsUseCase statistics, UnitUseCase units, ClockPort clock,
                            SecurityEventUseCase exports, ExportLimitUseCase limits, PolicyPack pack) {
        this(statistics, units, clock, exports, limits, fixed(pack));
    }

    private static java.util.function.Supplier<PolicyPack> fixed(PolicyPack pack) {
        java.util.Objects.requireNonNull(pack, "pack");
        return () -> pack;
    }

    /** @param packInForce the pack in force at the moment of each request (the application's clock's day) */
    public StatisticsRoutes(StatisticsUseCase statistics, UnitUseCase units, ClockPort clock,
                            SecurityEventUseCase exports, ExportLimitUseCase limits,
                            java.util.function.Supplier<PolicyPack> packInForce) {
        this.packInForce = java.util.Objects.requireNonNull(packInForce, "packInForce");
        this.statistics = statistics;
        this.units = units;
        this.clock = clock;
        this.exports = exports;
        this.limits = limits;
    }

    private PolicyPack pack() {
        return packInForce.get();
    }

    public void mount(Router router, RouteTable table) {
        Rule staff = Rule.of(Action.VIEW_PROJECT);
        table.add(router, HttpMethod.GET, "/api/statistics", staff, this::read);
        table.add(router, HttpMethod.GET, "/api/exports/statistics.xlsx", staff,
                ExportLimits.limited(limits, "statistics.xlsx", this::export));
    }

    /** One chart: its id, how it is drawn, which columns it plots, and its table. */
    record Chart(String id, String type, List<Integer> plot, String valueUnit, Spreadsheets.Table table) {

        JsonObject toJson() {
            JsonArray rows = new JsonArray();
            table.rows().forEach(r -> rows.add(new JsonArray(new ArrayList<>(r))));
            return new JsonObject().put("id", id).put("title", table.title()).put("type", type)
                    .put("plot", new JsonArray(new ArrayList<>(plot))).put("valueUnit", valueUnit)
                    .put("headers", new JsonArray(new ArrayList<>(table.headers()))).put("rows", rows);
        }
    }

    private void read(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        Integer year = QueryParams.planYear(ctx.queryParams(), "year");
        Blocking.call(ctx, () -> charts(caller, year)).onSuccess(charts -> {
            JsonArray list = new JsonArray();
            charts.forEach(c -> list.add(c.toJson()));
            Replies.json(ctx, 200, new JsonObject().put("asOf", clock.today().toString()).put("year", year)
                    .put("charts", list));
        }).onFailure(ctx::fail);
    }

    private void export(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        Integer year = QueryParams.planYear(ctx.queryParams(), "year");
        String chart = QueryParams.boundedText(ctx.queryParams(), "chart");
        if (chart != null && !CHARTS.contains(chart)) {
            throw new BadRequestException("chart", "没有这个图表：" + chart + "（可选：" + String.join("、", CHARTS) + "）",
                    "unknown chart");
        }
        Blocking.call(ctx, () -> {
            List<Spreadsheets.Table> tables = charts(caller, year).stream()
                    .filter(c -> chart == null || c.id().equals(chart)).map(Chart::table).toList();
            byte[] file = Spreadsheets.tables(tables, clock.today());
            // figures only, no project's row: no classified project is named in it
            exports.exported(caller, "statistics.xlsx", (chart == null ? "" : "chart=" + chart)
                    + (year == null ? "" : (chart == null ? "" : "&") + "year=" + year),
                    tables.stream().mapToInt(t -> t.rows().size()).sum(), List.of());
            return file;
        }).onSuccess(bytes -> ExportRoutes.file(ctx, bytes, Spreadsheets.XLSX, "统计图表.xlsx"))
                .onFailure(ctx::fail);
    }

    private List<Chart> charts(Caller caller, Integer year) {
        Statistics s = statistics.statistics(caller);
        Map<String, String> unitNames = new HashMap<>();
        for (Unit u : units.listUnits(caller)) {
            unitNames.put(u.id().code(), u.nameZh());
        }
        Function<UnitId, String> unitName = u -> unitNames.getOrDefault(u.code(), u.code());
        List<Chart> charts = new ArrayList<>();

        List<Statistics.UnitYear> inYear = s.deadlines().stream()
                .filter(d -> year == null || d.year() == year).toList();
        charts.add(new Chart("onTimeByUnit", "bar", List.of(4), "%", new Spreadsheets.Table("各单位按期办结率",
                (year == null ? "" : year + "年") + "各单位法定期限按期办结率", keptHeaders("实施单位"),
                kept(inYear, d -> unitName.apply(d.unit())))));
        charts.add(new Chart("onTimeByYear", "line", List.of(4), "%", new Spreadsheets.Table("按年度按期办结率",
                "各年度法定期限按期办结率（按到期日所在年度）", keptHeaders("年度"),
                kept(s.deadlines(), d -> String.valueOf(d.year())))));

        List<List<Object>> overdue = new ArrayList<>();
        for (Statistics.Tally t : s.overdueByKind()) {
            DeadlineKind kind = DeadlineKind.valueOf(t.key());
            overdue.add(List.of(STAGE.getOrDefault(kind, "其他") + "：" + kind.actionZh(),
                    STAGE.getOrDefault(kind, "其他"), kind.actionZh(), pack().articleZh(kind.provision()), t.count()));
        }
        charts.add(new Chart("overdueByKind", "bar", List.of(4), "项", new Spreadsheets.Table("逾期期限",
                "当前逾期未办的法定期限（按阶段和条款）", List.of("期限", "阶段", "期限事项", "依据", "逾期数"), overdue)));

        charts.add(new Chart("projectsByState", "pie", List.of(1), "个", new Spreadsheets.Table("按状态",
                "项目状态分布", List.of("项目状态", "项目数", "总投资（元）"),
                tallies(s.byState(), k -> ProjectState.valueOf(k).zh()))));
        List<List<Object>> byCategory = tallies(s.byCategory(), k -> Category.valueOf(k).zh());
        charts.add(new Chart("projectsByCategory", "pie", List.of(1), "个", new Spreadsheets.Table("按类别",
                "项目类别分布（" + pack().articleZh(Provision.CATEGORY) + "）", List.of("项目类别", "项目数", "总投资（元）"), byCategory)));
        charts.add(new Chart("budgetByCategory", "bar", List.of(2), "元", new Spreadsheets.Table("各类别投资",
                "各类别项目总投资", List.of("项目类别", "项目数", "总投资（元）"), byCategory)));
        charts.add(new Chart("projectsByYear", "bar", List.of(1), "个", new Spreadsheets.Table("按年度",
                "各计划年度项目数与总投资", List.of("计划年度", "项目数", "总投资（元）"),
                tallies(s.byYear(), k -> k + "年"))));
        return charts;
    }

    private static List<String> keptHeaders(String first) {
        return List.of(first, "按期办结", "逾期办结", "逾期未办", "按期办结率（%）");
    }

    /** Per label: met on time, met late, overdue, and the on-time share in percent (one decimal). */
    private static List<List<Object>> kept(List<Statistics.UnitYear> rows, Function<Statistics.UnitYear, String> by) {
        Map<String, long[]> sums = new TreeMap<>();
        for (Statistics.UnitYear d : rows) {
            long[] sum = sums.computeIfAbsent(by.apply(d), k -> new long[3]);
            sum[0] += d.metOnTime();
            sum[1] += d.metLate();
            sum[2] += d.overdue();
        }
        List<List<Object>> table = new ArrayList<>();
        sums.forEach((label, sum) -> {
            long due = Arrays.stream(sum).sum();
            BigDecimal share = due == 0 ? BigDecimal.valueOf(100)
                    : BigDecimal.valueOf(sum[0] * 100L).divide(BigDecimal.valueOf(due), 1, RoundingMode.HALF_UP);
            table.add(List.of(label, sum[0], sum[1], sum[2], share));
        });
        return table;
    }

    private static List<List<Object>> tallies(List<Statistics.Tally> tallies, Function<String, String> label) {
        return tallies.stream().map(t -> List.<Object>of(label.apply(t.key()), t.count(), t.budget()))
                .collect(Collectors.toList());
    }
}
