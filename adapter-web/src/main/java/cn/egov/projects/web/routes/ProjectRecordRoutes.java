package cn.egov.projects.web.routes;

import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.ExportLimitUseCase;
import cn.egov.projects.application.port.in.ListProjectsUseCase;
import cn.egov.projects.application.port.in.ProjectPageUseCase;
import cn.egov.projects.application.port.in.SecurityEventUseCase;
import cn.egov.projects.application.port.in.UnitUseCase;
import cn.egov.projects.application.port.out.ClockPort;
import cn.egov.projects.application.view.ProjectSummary;
import cn.egov.projects.application.view.Unit;
import cn.egov.projects.domain.access.Action;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.web.access.RouteTable;
import cn.egov.projects.web.access.Rule;
import cn.egov.projects.web.auth.Callers;
import cn.egov.projects.web.export.ProjectRecords;
import cn.egov.projects.web.export.Spreadsheets;
import cn.egov.projects.web.http.Blocking;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A project's record (项目档案) as a PDF, {@code GET /api/projects/:id/record.pdf}, and the project list as it is
 * filtered on its page, {@code GET /api/exports/projects.xlsx?year=&unit=&state=&category=&q=}, and the operation
 * records as filtered on theirs ({@link #withAuditTrail}). All are exports:
 * counted against the export limits ({@link ExportLimits}) and recorded in the security audit trail with the numbers
 * of the classified projects they hold. A classified project outside the caller's 知悉范围 does not exist for them
 * (404, as its page); inside it, the read of its record is recorded as well (READ_CLASSIFIED).
 */
public final class ProjectRecordRoutes {

    /** The most rows the project list's export holds; a larger list must be narrowed first. */
    public static final int MAX_ROWS = FilteredProjects.MAX_ROWS;

    private final ProjectPageUseCase pages;
    private final ListProjectsUseCase lists;
    private final UnitUseCase units;
    private final SecurityEventUseCase exports;
    private final ExportLimitUseCase limits;
    private final ClockPort clock;
    /** The audit trail's search, for the export of the operation records; null: no such export. */
    private cn.egov.projects.application.port.in.AuditSearchUseCase audit;

    public ProjectRecordRoutes(ProjectPageUseCase pages, ListProjectsUseCase lists, UnitUseCase units,
                               SecurityEventUseCase exports, ExportLimitUseCase limits, ClockPort clock) {
        this.pages = Objects.requireNonNull(pages, "pages");
        this.lists = Objects.requireNonNull(lists, "lists");
        this.units = Objects.requireNonNull(units, "units");
        this.exports = Objects.requireNonNull(exports, "exports");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Adds the export of the operation records as they are filtered on the 审计与操作记录 page,
     * {@code GET /api/exports/audit-records.xlsx?user=&action=&project=&from=&to=} (Audit and the Bureau).
     */
    public ProjectRecordRoutes withAuditTrail(cn.egov.projects.application.port.in.AuditSearchUseCase audit) {
        this.audit = audit;
        return this;
    }

    public void mount(Router router, RouteTable table) {
        Rule staff = Rule.of(Action.VIEW_PROJECT);
        table.add(router, HttpMethod.GET, "/api/projects/:id/record.pdf", staff, limited("项目档案", this::record));
        table.add(router, HttpMethod.GET, "/api/exports/projects.xlsx", staff, limited("项目列表", this::projects));
        if (audit != null) {
            table.add(router, HttpMethod.GET, "/api/exports/audit-records.xlsx", Rule.of(Action.VIEW_AUDIT_TRAIL),
                    limited("操作记录", this::auditRecords));
        }
    }

    private void auditRecords(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        MultiMap q = ctx.queryParams();
        var filter = WorkplaceRoutes.auditFilter(q);
        String given = FilteredProjects.described(q, List.of("user", "action", "project", "from", "to"));
        Blocking.call(ctx, () -> {
            List<cn.egov.projects.application.view.AuditEntry> rows = new ArrayList<>();
            int page = 1;
            while (true) {
                var found = audit.search(caller, new cn.egov.projects.application.port.in.AuditQuery(filter, page, 200));
                FilteredProjects.tooMany(found.total(), "条记录");
                rows.addAll(found.items());
                if (found.items().isEmpty() || rows.size() >= found.total()) {
                    break;
                }
                page++;
            }
            Map<String, String> names = unitNames(caller);
            java.time.format.DateTimeFormatter when = java.time.format.DateTimeFormatter
                    .ofPattern("yyyy-MM-dd HH:mm:ss").withZone(java.time.ZoneId.of("Asia/Shanghai"));
            List<List<Object>> table = new ArrayList<>(rows.size());
            for (var e : rows) {
                String unit = e.unit();
                String unitName = e.unitName() != null ? e.unitName() : unit == null ? "" : names.getOrDefault(unit, unit);
                List<Object> row = new ArrayList<>();
                row.add(when.format(e.at()));
                row.add(e.actorName() != null ? e.actorName() : e.userId() == null ? "" : e.userId());
                row.add(unitName);
                row.add(e.role() == null ? "" : e.role().zh());
                row.add(cn.egov.projects.web.json.ProjectJson.actionZh(e.action()));
                row.add(e.article() == null ? "" : e.article());
                row.add(e.projectId() == null ? "" : e.projectId());
                row.add(e.toState() == null ? "" : (e.fromState() == null ? "" : e.fromState().zh() + " → ")
                        + e.toState().zh());
                row.add(e.summary() == null ? "" : e.summary());
                row.add(e.requestId() == null ? "" : e.requestId());
                row.add(e.userId() == null ? "" : e.userId());
                row.add(unit == null ? "" : unit);
                table.add(row);
            }
            byte[] file = Spreadsheets.tables(List.of(new Spreadsheets.Table("操作记录",
                    "操作记录" + (given.isEmpty() ? "" : "（筛选：" + given + "）") + "，共" + rows.size() + "条",
                    List.of("时间", "用户", "单位", "角色", "操作", "依据", "项目编号", "状态变化", "摘要", "请求编号",
                            "用户编号", "单位代码"), table)), clock.today());
            exports.exported(caller, "audit-records.xlsx", given, rows.size(), rows.stream()
                    .filter(e -> e.classified() && e.projectId() != null).map(e -> e.projectId()).distinct()
                    .toList());
            return file;
        }).onSuccess(bytes -> ExportRoutes.file(ctx, bytes, Spreadsheets.XLSX, "操作记录.xlsx"))
                .onFailure(ctx::fail);
    }

    private Map<String, String> unitNames(Caller caller) {
        Map<String, String> names = new HashMap<>();
        for (Unit u : units.listUnits(caller)) {
            names.put(u.id().code(), u.nameZh());
        }
        return names;
    }

    private Handler<RoutingContext> limited(String what, Handler<RoutingContext> export) {
        return ExportLimits.limited(limits, what, export);
    }

    private void record(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        ProjectId id = Bodies.projectId(ctx);
        Blocking.call(ctx, () -> {
            var page = pages.record(caller, id);
            String unit = page.names().unit(caller.actor().unit().code());
            String reader = caller.actor().name() + "（" + (unit == null ? caller.actor().unit().code() : unit) + "）";
            byte[] file = ProjectRecords.pdf(page, reader, clock.now());
            boolean classified = page.details().project().profile().classified();
            exports.exported(caller, "project-record.pdf", "id=" + id, 1,
                    classified ? List.of(id.toString()) : List.of());
            return file;
        }).onSuccess(bytes -> ExportRoutes.file(ctx, bytes, ProjectRecords.PDF, "项目档案-" + id + ".pdf"))
                .onFailure(ctx::fail);
    }

    private void projects(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        var listFilter = FilteredProjects.filter(ctx.queryParams());
        String filter = FilteredProjects.described(ctx.queryParams(), FilteredProjects.NAMES);
        Blocking.call(ctx, () -> {
            List<ProjectSummary> rows = FilteredProjects.all(lists, caller, listFilter);
            Map<String, String> names = unitNames(caller);
            List<List<Object>> table = new ArrayList<>(rows.size());
            for (ProjectSummary p : rows) {
                String code = p.unit().code();
                table.add(List.of(p.name(), names.getOrDefault(code, code), p.planYear(), p.category().zh(),
                        p.nature().zh(), p.totalInvestment().toBigDecimal(), p.state().zh(),
                        p.classified() ? "涉密" : "", p.id().toString(), code));
            }
            byte[] file = Spreadsheets.tables(List.of(new Spreadsheets.Table("项目列表",
                    "项目列表" + (filter.isEmpty() ? "" : "（筛选：" + filter + "）") + "，共" + rows.size() + "个",
                    List.of("项目名称", "实施单位", "计划年度", "项目类别", "建设性质", "总投资（元）", "当前状态", "涉密",
                            "项目编号", "单位代码"), table)), clock.today());
            exports.exported(caller, "projects.xlsx", filter, rows.size(), rows.stream()
                    .filter(ProjectSummary::classified).map(p -> p.id().toString()).toList());
            return file;
        }).onSuccess(bytes -> ExportRoutes.file(ctx, bytes, Spreadsheets.XLSX, "项目列表.xlsx")).onFailure(ctx::fail);
    }
}
