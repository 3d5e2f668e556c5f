package cn.egov.projects.web.routes;

import cn.egov.projects.application.port.in.AuditQuery;
import cn.egov.projects.application.port.in.AuditSearchUseCase;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.ComplianceUseCase;
import cn.egov.projects.application.port.in.MyDeadlinesUseCase;
import cn.egov.projects.application.port.in.SecurityAuditUseCase;
import cn.egov.projects.application.port.out.ClockPort;
import cn.egov.projects.application.port.in.ToDo;
import cn.egov.projects.application.view.AuditFilter;
import cn.egov.projects.application.view.UnitCompliance;
import cn.egov.projects.domain.access.Action;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.web.access.Rule;
import cn.egov.projects.web.access.RouteTable;
import cn.egov.projects.web.auth.Callers;
import cn.egov.projects.web.http.Blocking;
import cn.egov.projects.web.http.Replies;
import cn.egov.projects.web.json.ProjectJson;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * The signed-in person's working place: {@code GET /api/me/deadlines?days=30} (my to-do: overdue, due today, due
 * soon, each with its article and the action that meets it); {@code GET /api/overdue?year=&unit=&state=&category=&q=}
 * (every overdue deadline the caller may see, of the projects the project list's filter finds when one is given); {@code GET /api/compliance} (per unit, for the Bureau and Audit); {@code GET /api/audit-records}
 * {@code ?user=&action=&project=&from=&to=&page=&size=} (the audit trail, for Audit and the Bureau).
 */
public final class WorkplaceRoutes {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final ClockPort clock;
    private final MyDeadlinesUseCase myDeadlines;
    private final ComplianceUseCase compliance;
    private final AuditSearchUseCase auditSearch;
    private final SecurityAuditUseCase securityAudit;
    /** The project list, whose filter the overdue list applies; null: no filter. */
    private cn.egov.projects.application.port.in.ListProjectsUseCase lists;

    /** @param clock the application's clock: the day the to-do list is counted on, which the pages lay out from */
    public WorkplaceRoutes(MyDeadlinesUseCase myDeadlines, ComplianceUseCase compliance,
                           AuditSearchUseCase auditSearch, SecurityAuditUseCase securityAudit, ClockPort clock) {
        this.clock = clock;
        this.myDeadlines = myDeadlines;
        this.compliance = compliance;
        this.auditSearch = auditSearch;
        this.securityAudit = securityAudit;
    }

    /** Applies the project list's filter to the overdue list ({@code /api/overdue?year=&unit=&state=&category=&q=}). */
    public WorkplaceRoutes filteredBy(cn.egov.projects.application.port.in.ListProjectsUseCase lists) {
        this.lists = lists;
        return this;
    }

    public void mount(Router router, RouteTable table) {
        EnumSet<Role> staff = EnumSet.copyOf(Action.VIEW_PROJECT.roles());
        table.add(router, HttpMethod.GET, "/api/me/deadlines", Rule.roles(staff), this::mine);
        table.add(router, HttpMethod.GET, "/api/overdue", Rule.roles(staff), this::overdue);
        table.add(router, HttpMethod.GET, "/api/compliance", Rule.of(Action.VIEW_AUDIT_TRAIL),
                this::compliance);
        table.add(router, HttpMethod.GET, "/api/audit-records", Rule.of(Action.VIEW_AUDIT_TRAIL),
                ctx -> audit(ctx, false));
        table.add(router, HttpMethod.GET, "/api/security-audit-records", Rule.of(Action.VIEW_SECURITY_AUDIT),
                ctx -> audit(ctx, true));
        table.add(router, HttpMethod.GET, "/api/security-audit/verification", Rule.of(Action.VIEW_SECURITY_AUDIT),
                this::verify);
    }

    /** The security auditor's check of the audit trail's chain: intact, or the first broken record. */
    private void verify(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        Blocking.call(ctx, () -> securityAudit.verifyAuditTrail(caller)).onSuccess(v -> Replies.json(ctx, 200,
                new JsonObject().put("intact", v.intact()).put("checked", v.checked())
                        .put("brokenAt", v.brokenAt().orElse(null)).put("reason", v.reason())
                        .put("messageZh", v.intact() ? "审计记录链完整：已核验" + v.checked() + "条记录"
                                : "审计记录链被破坏，首个问题在" + v.brokenAt().map(id -> "第" + id + "号记录")
                                .orElse("链头") + "（此前已核验" + v.checked() + "条）")))
                .onFailure(ctx::fail);
    }

    private void mine(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        Integer days = QueryParams.integer(ctx.queryParams(), "days", 1, 400);
        int horizon = days == null ? 30 : days;
        Blocking.call(ctx, () -> myDeadlines.myDeadlines(caller, horizon))
                .onSuccess(items -> Replies.json(ctx, 200, toDos(items).put("days", horizon)
                        .put("today", clock.today().toString())))
                .onFailure(ctx::fail);
    }

    private void overdue(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        MultiMap q = ctx.queryParams();
        var filter = FilteredProjects.filter(q);
        Blocking.call(ctx, () -> FilteredProjects.overdue(myDeadlines.overdue(caller), lists, caller, q, filter))
                .onSuccess(items -> Replies.json(ctx, 200, toDos(items)))
                .onFailure(ctx::fail);
    }

    static JsonObject toDos(List<ToDo> items) {
        JsonArray array = new JsonArray();
        items.forEach(t -> array.add(toDo(t)));
        return new JsonObject().put("items", array);
    }

    /** One to-do item. */
    public static JsonObject toDo(ToDo t) {
        var d = t.due();
        return new JsonObject()
                .put("deadlineId", d.deadline().id().toString())
                .put("kind", d.deadline().kind().name())
                .put("kindZh", d.deadline().kind().actionZh())
                .put("descriptionZh", t.descriptionZh())
                .put("article", t.article())
                .put("start", d.deadline().start().toString())
                .put("due", d.deadline().due().toString())
                .put("provisional", d.deadline().provisional())
                .put("urgency", t.urgency().name())
                .put("urgencyZh", t.urgency().zh())
                .put("projectId", d.projectId().toString())
                .put("projectName", d.projectName())
                .put("unit", d.unit().code())
                .put("state", d.state().name())
                .put("stateZh", d.state().zh())
                .put("classified", d.classified())
                .put("action", t.action() == null ? null : t.action().name())
                .put("actionZh", t.action() == null ? null : t.action().zh());
    }

    private void compliance(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        Blocking.call(ctx, () -> compliance.compliance(caller)).onSuccess(units -> {
            JsonArray items = new JsonArray();
            for (UnitCompliance u : units) {
                items.add(new JsonObject().put("unit", u.unit().code()).put("projects", u.projects())
                        .put("fallenDue", u.fallenDue()).put("metOnTime", u.metOnTime()).put("metLate", u.metLate())
                        .put("overdue", u.overdue()).put("art17Flagged", u.art17Flagged())
                        .put("onTimeShare", BigDecimal.valueOf(u.onTimeShare()).setScale(4, RoundingMode.HALF_UP)
                                .doubleValue()));
            }
            Replies.json(ctx, 200, new JsonObject().put("items", items));
        }).onFailure(ctx::fail);
    }

    private void audit(RoutingContext ctx, boolean securityTrail) {
        Caller caller = Callers.of(ctx);
        MultiMap q = ctx.queryParams();
        AuditFilter filter = auditFilter(q);
        Integer page = QueryParams.page(q);
        Integer size = QueryParams.integer(q, "size", 1, 200);
        AuditQuery query = new AuditQuery(filter, page == null ? 1 : page, size == null ? 50 : size);
        Blocking.call(ctx, () -> securityTrail ? auditSearch.searchSecurityTrail(caller, query)
                : auditSearch.search(caller, query)).onSuccess(result -> {
            JsonArray items = new JsonArray();
            result.items().forEach(e -> items.add(ProjectJson.auditEntry(e).put("id", e.id())
                    .put("sourceAddress", e.sourceAddress())));
            Replies.json(ctx, 200, new JsonObject().put("items", items).put("page", result.page())
                    .put("size", result.size()).put("total", result.total()));
        }).onFailure(ctx::fail);
    }

    /** The audit trail's filter of a query: user, action, project, from and to (days, Asia/Shanghai). */
    static AuditFilter auditFilter(MultiMap q) {
        Optional<Instant> from = Optional.ofNullable(QueryParams.date(q, "from"))
                .map(d -> d.atStartOfDay(ZONE).toInstant());
        Optional<Instant> to = Optional.ofNullable(QueryParams.date(q, "to"))
                .map(d -> d.plusDays(1).atStartOfDay(ZONE).toInstant());
        AuditFilter filter = new AuditFilter(Optional.ofNullable(QueryParams.boundedText(q, "user")),
                Optional.ofNullable(QueryParams.boundedText(q, "action")),
                Optional.ofNullable(QueryParams.boundedText(q, "project")),
                from, to);
        return filter;
    }
}
