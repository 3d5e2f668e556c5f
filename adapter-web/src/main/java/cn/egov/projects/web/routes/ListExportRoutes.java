package cn.egov.projects.web.routes;

import cn.egov.projects.application.port.in.AccountAdminUseCase;
import cn.egov.projects.application.port.in.AuditQuery;
import cn.egov.projects.application.port.in.AuditSearchUseCase;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.ClearanceUseCase;
import cn.egov.projects.application.port.in.ExportLimitUseCase;
import cn.egov.projects.application.port.in.MyDeadlinesUseCase;
import cn.egov.projects.application.port.in.SecurityEventUseCase;
import cn.egov.projects.application.port.in.ToDo;
import cn.egov.projects.application.port.in.UnitUseCase;
import cn.egov.projects.application.port.out.ClockPort;
import cn.egov.projects.application.view.AccountView;
import cn.egov.projects.application.view.AuditEntry;
import cn.egov.projects.application.view.Unit;
import cn.egov.projects.domain.access.Action;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.web.access.RouteTable;
import cn.egov.projects.web.access.Rule;
import cn.egov.projects.web.auth.Callers;
import cn.egov.projects.web.export.Spreadsheets;
import cn.egov.projects.web.http.BadRequestException;
import cn.egov.projects.web.http.Blocking;
import cn.egov.projects.web.json.JsonFields;
import cn.egov.projects.web.json.ProjectJson;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The exports of the lists that had none, each with exactly the rows its page shows under the same filter:
 * <ul>
 *   <li>{@code GET /api/exports/my-deadlines.xlsx?days=} — the person's to-do list (我的待办), as
 *       {@code /api/me/deadlines};</li>
 *   <li>{@code GET /api/exports/accounts.xlsx?q=&role=&unit=&enabled=} — the administrators' account list, contacts
 *       masked as listed;</li>
 *   <li>{@code GET /api/exports/security-audit-records.xlsx?user=&action=&from=&to=} — the security audit trail (the
 *       security auditor), as {@code /api/security-audit-records};</li>
 *   <li>{@code GET /api/exports/clearances.xlsx?q=&state=} — the clearances (涉密资格), as {@code /api/clearances};</li>
 *   <li>{@code GET /api/exports/compliance.xlsx} — each unit's keeping of its deadlines, as {@code /api/compliance}
 *       (the Bureau and Audit; {@link #withCompliance}).</li>
 *   <li>{@code GET /api/exports/units.xlsx} — the units, as the 系统管理 page lists them;</li>
 *   <li>{@code GET /api/exports/experts.xlsx} — the expert pool (专家库), as {@code /api/experts} ({@link #withExperts});</li>
 *   <li>{@code GET /api/exports/messages.xlsx?unread=} — the person's own inbox (消息中心), as {@code /api/me/messages}
 *       ({@link #withMessages}).</li>
 * </ul>
 * Every one is counted against the export limits ({@link ExportLimits}), bounded ({@link FilteredProjects#MAX_ROWS}
 * rows) and recorded in the security audit trail as an export, with the numbers of the classified projects it holds.
 * People and units appear by name, their user numbers and unit codes in last columns.
 */
public final class ListExportRoutes {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);
    /** The longest searched text of the account and clearance lists (as their pages' boxes). */
    static final int MAX_SEARCH = 64;

    private final MyDeadlinesUseCase deadlines;
    private final AccountAdminUseCase accounts;
    private final AuditSearchUseCase audit;
    private final ClearanceUseCase clearances;
    private final UnitUseCase units;
    private final SecurityEventUseCase exports;
    private final ExportLimitUseCase limits;
    private final ClockPort clock;
    /** The expert pool; null: no such export. */
    private cn.egov.projects.application.port.in.ExpertPoolUseCase experts;
    /** The inboxes; null: no such export. */
    private cn.egov.projects.application.port.in.MessageCentreUseCase messages;
    /** Each unit's keeping of its deadlines; null: no such export. */
    private cn.egov.projects.application.port.in.ComplianceUseCase compliance;

    public ListExportRoutes(MyDeadlinesUseCase deadlines, AccountAdminUseCase accounts, AuditSearchUseCase audit,
                            ClearanceUseCase clearances, UnitUseCase units, SecurityEventUseCase exports,
                            ExportLimitUseCase limits, ClockPort clock) {
        this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clearances = Objects.requireNonNull(clearances, "clearances");
        this.units = Objects.requireNonNull(units, "units");
        this.exports = Objects.requireNonNull(exports, "exports");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Adds the export of the compliance table ({@code GET /api/exports/compliance.xlsx}). */
    public ListExportRoutes withCompliance(cn.egov.projects.application.port.in.ComplianceUseCase compliance) {
        this.compliance = compliance;
        return this;
    }

    /** Adds the export of the expert pool ({@code GET /api/exports/experts.xlsx}). */
    public ListExportRoutes withExperts(cn.egov.projects.application.port.in.ExpertPoolUseCase experts) {
        this.experts = experts;
        return this;
    }

    /** Adds the export of the person's own inbox ({@code GET /api/exports/messages.xlsx}). */
    public ListExportRoutes withMessages(cn.egov.projects.application.port.in.MessageCentreUseCase messages) {
        this.messages = messages;
        return this;
    }

    public void mount(Router router, RouteTable table) {
        if (messages != null) {
            table.add(router, HttpMethod.GET, "/api/exports/messages.xlsx", Rule.signedIn(),
                    limited("我的消息", this::messages));
        }
        if (experts != null) {
            table.add(router, HttpMethod.GET, "/api/exports/experts.xlsx",
                    new Rule(Rule.Kind.ROLES, java.util.Set.of(Role.BDB_OFFICER, Role.AUDIT), "查看专家库"),
                    limited("专家库", this::experts));
        }
        table.add(router, HttpMethod.GET, "/api/exports/units.xlsx", Rule.of(Action.MANAGE_ACCOUNTS),
                limited("单位列表", this::units));
        if (compliance != null) {
            table.add(router, HttpMethod.GET, "/api/exports/compliance.xlsx", Rule.of(Action.VIEW_AUDIT_TRAIL),
                    limited("期限合规情况", this::compliance));
        }
        table.add(router, HttpMethod.GET, "/api/exports/my-deadlines.xlsx",
                Rule.roles(EnumSet.copyOf(Action.VIEW_PROJECT.roles())), limited("我的待办", this::myDeadlines));
        table.add(router, HttpMethod.GET, "/api/exports/accounts.xlsx", Rule.of(Action.MANAGE_ACCOUNTS),
                limited("账号列表", this::accounts));
        table.add(router, HttpMethod.GET, "/api/exports/security-audit-records.xlsx",
                Rule.of(Action.VIEW_SECURITY_AUDIT), limited("安全审计记录", this::securityRecords));
        table.add(router, HttpMethod.GET, "/api/exports/clearances.xlsx",
                Rule.roles(Role.SECURITY_ADMIN, Role.AUDIT_ADMIN), limited("涉密资格", this::clearances));
    }

    private Handler<RoutingContext> limited(String what, Handler<RoutingContext> export) {
        return ExportLimits.limited(limits, what, export);
    }

    /* ------------------------------------------------------------------------------------------- my deadlines */

    private void myDeadlines(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        Integer days = QueryParams.integer(ctx.queryParams(), "days", 1, 400);
        int horizon = days == null ? 30 : days;
        Blocking.call(ctx, () -> {
            List<ToDo> items = deadlines.myDeadlines(caller, horizon);
            FilteredProjects.tooMany(items.size(), "项期限");
            Map<String, String> names = unitNames(caller);
            List<List<Object>> rows = new ArrayList<>(items.size());
            int n = 1;
            for (ToDo t : items) {
                var d = t.due();
                String code = d.unit().code();
                rows.add(List.<Object>of(n++, t.urgency().zh(), d.classified() ? "（涉密项目）" : d.projectName(),
                        names.getOrDefault(code, code), d.deadline().kind().actionZh(), t.article(),
                        d.deadline().due().toString() + (d.deadline().provisional() ? "（暂定）" : ""),
                        t.action() == null ? "" : t.action().zh(), d.projectId().toString(), code));
            }
            byte[] file = Spreadsheets.tables(List.of(new Spreadsheets.Table("我的待办",
                    caller.actor().name() + "的待办期限（向后" + horizon + "天，含已逾期），共" + items.size() + "项",
                    List.of("序号", "紧急程度", "项目名称", "实施单位", "期限事项", "依据", "到期日", "办理操作", "项目编号",
                            "单位代码"), rows)), clock.today());
            exports.exported(caller, "my-deadlines.xlsx", "days=" + horizon, items.size(), items.stream()
                    .filter(t -> t.due().classified()).map(t -> t.due().projectId().toString()).distinct().toList());
            return file;
        }).onSuccess(bytes -> ExportRoutes.file(ctx, bytes, Spreadsheets.XLSX, "我的待办.xlsx")).onFailure(ctx::fail);
    }

    /* ------------------------------------------------------------------------------------------- accounts */

    /**
     * The account list's filter, as the 系统管理 page applies it: {@code q} part of the username or the name (case
     * ignored), {@code role}, {@code unit} (a code), {@code enabled} ({@code true} or {@code false}).
     */
    static Predicate<AccountView> accountFilter(MultiMap q) {
        String text = search(q);
        Role role = QueryParams.text(q, "role") == null ? null
                : JsonFields.parseEnum("role", QueryParams.text(q, "role"), Role.class);
        String unit = QueryParams.boundedText(q, "unit");
        Boolean enabled = flag(q, "enabled");
        return a -> (text == null || contains(a.username(), text) || contains(a.displayName(), text))
                && (role == null || a.role() == role)
                && (unit == null || (a.unit() != null && a.unit().code().equals(unit)))
                && (enabled == null || a.enabled() == enabled);
    }

    private void accounts(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        MultiMap q = ctx.queryParams();
        Predicate<AccountView> filter = accountFilter(q);
        String given = FilteredProjects.described(q, List.of("q", "role", "unit", "enabled"));
        Blocking.call(ctx, () -> {
            List<AccountView> found = accounts.listAccounts(caller).stream().filter(filter).toList();
            FilteredProjects.tooMany(found.size(), "个账号");
            Map<String, String> names = unitNames(caller);
            List<List<Object>> rows = new ArrayList<>(found.size());
            for (AccountView a : found) {
                String code = a.unit() == null ? "" : a.unit().code();
                rows.add(List.<Object>of(a.username(), a.displayName(), a.role().zh(), names.getOrDefault(code, code),
                        a.mobile() == null ? "" : a.mobile(), a.email() == null ? "" : a.email(),
                        a.enabled() ? "启用" : "已停用", a.userId(), code));
            }
            byte[] file = Spreadsheets.tables(List.of(new Spreadsheets.Table("账号列表",
                    "账号列表" + (given.isEmpty() ? "" : "（筛选：" + given + "）") + "，共" + found.size()
                            + "个（联系方式已脱敏）",
                    List.of("用户名", "姓名", "角色", "单位", "手机", "邮箱", "状态", "用户编号", "单位代码"), rows)),
                    clock.today());
            exports.exported(caller, "accounts.xlsx", given, found.size(), List.of());
            return file;
        }).onSuccess(bytes -> ExportRoutes.file(ctx, bytes, Spreadsheets.XLSX, "账号列表.xlsx")).onFailure(ctx::fail);
    }

    /* ------------------------------------------------------------------------------------------- security trail */

    private void securityRecords(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        MultiMap q = ctx.queryParams();
        var filter = WorkplaceRoutes.auditFilter(q);
        String given = FilteredProjects.described(q, List.of("user", "action", "from", "to"));
        Blocking.call(ctx, () -> {
            List<AuditEntry> found = new ArrayList<>();
            int page = 1;
            while (true) {
                var result = audit.searchSecurityTrail(caller, new AuditQuery(filter, page, 200));
                FilteredProjects.tooMany(result.total(), "条记录");
                found.addAll(result.items());
                if (result.items().isEmpty() || found.size() >= result.total()) {
                    break;
                }
                page++;
            }
            Map<String, String> names = unitNames(caller);
            List<List<Object>> rows = new ArrayList<>(found.size());
            for (AuditEntry e : found) {
                String unit = e.unit() == null ? "" : e.unit();
                String unitName = e.unitName() != null ? e.unitName() : names.getOrDefault(unit, unit);
                rows.add(List.<Object>of(e.id(), WHEN.format(e.at()),
                        e.actorName() != null ? e.actorName() : e.userId() == null ? "" : e.userId(),
                        e.role() == null ? "" : e.role().zh(), unitName, ProjectJson.actionZh(e.action()),
                        nonNull(e.article()), nonNull(e.projectId()), nonNull(e.summary()), nonNull(e.sourceAddress()),
                        nonNull(e.requestId()), nonNull(e.userId()), unit));
            }
            byte[] file = Spreadsheets.tables(List.of(new Spreadsheets.Table("安全审计记录",
                    "安全审计记录" + (given.isEmpty() ? "" : "（筛选：" + given + "）") + "，共" + found.size() + "条",
                    List.of("编号", "时间", "用户", "角色", "单位", "操作", "依据", "项目编号", "摘要", "来源地址", "请求编号",
                            "用户编号", "单位代码"), rows)), clock.today());
            exports.exported(caller, "security-audit-records.xlsx", given, found.size(), found.stream()
                    .filter(e -> e.classified() && e.projectId() != null).map(AuditEntry::projectId).distinct()
                    .toList());
            return file;
        }).onSuccess(bytes -> ExportRoutes.file(ctx, bytes, Spreadsheets.XLSX, "安全审计记录.xlsx"))
                .onFailure(ctx::fail);
    }

    /* ------------------------------------------------------------------------------------------- clearances */

    /**
     * The clearance list's filter, as the 涉密资格 page applies it: {@code q} part of the name or the username (case
     * ignored), {@code state} {@code yes} (cleared) or {@code no}.
     */
    static Predicate<ClearanceUseCase.Person> clearanceFilter(MultiMap q) {
        String text = search(q);
        String state = QueryParams.text(q, "state");
        if (state != null && !state.equals("yes") && !state.equals("no")) {
            throw new BadRequestException("state", "资格筛选应为 yes（已获资格）或 no（未获资格）",
                    "'state' must be yes or no");
        }
        return p -> (text == null || contains(p.displayName(), text) || contains(p.username(), text))
                && (state == null || state.equals("yes") == p.cleared());
    }

    private void clearances(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        MultiMap q = ctx.queryParams();
        Predicate<ClearanceUseCase.Person> filter = clearanceFilter(q);
        String given = FilteredProjects.described(q, List.of("q", "state"));
        Blocking.call(ctx, () -> {
            List<ClearanceUseCase.Person> found = clearances.list(caller).stream().filter(filter).toList();
            FilteredProjects.tooMany(found.size(), "人");
            Map<String, String> names = unitNames(caller);
            List<List<Object>> rows = new ArrayList<>(found.size());
            for (ClearanceUseCase.Person p : found) {
                String code = p.unit().code();
                rows.add(List.<Object>of(p.displayName(), p.username(), p.role().zh(), names.getOrDefault(code, code),
                        p.enabled() ? "启用" : "已停用", p.cleared() ? "已获资格" : "未获资格",
                        p.grantedAt() == null ? "" : WHEN.format(p.grantedAt()), nonNull(p.grantedBy()), p.userId(),
                        code));
            }
            byte[] file = Spreadsheets.tables(List.of(new Spreadsheets.Table("涉密资格",
                    "涉密资格" + (given.isEmpty() ? "" : "（筛选：" + given + "）") + "，共" + found.size() + "人",
                    List.of("姓名", "用户名", "角色", "单位", "账号状态", "涉密资格", "授予时间", "授予人", "用户编号",
                            "单位代码"), rows)), clock.today());
            exports.exported(caller, "clearances.xlsx", given, found.size(), List.of());
            return file;
        }).onSuccess(bytes -> ExportRoutes.file(ctx, bytes, Spreadsheets.XLSX, "涉密资格.xlsx")).onFailure(ctx::fail);
    }

    /* ------------------------------------------------------------------------------------------- compliance */

    private void compliance(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        Blocking.call(ctx, () -> {
            var units = compliance.compliance(caller);
            Map<String, String> names = unitNames(caller);
            List<List<Object>> rows = new ArrayList<>(units.size());
            for (var u : units) {
                String code = u.unit().code();
                rows.add(List.<Object>of(names.getOrDefault(code, code), u.projects(), u.fallenDue(), u.metOnTime(),
                        u.metLate(), u.overdue(), java.math.BigDecimal.valueOf(u.onTimeShare() * 100)
                                .setScale(1, java.math.RoundingMode.HALF_UP), u.art17Flagged(), code));
            }
            byte[] file = Spreadsheets.tables(List.of(new Spreadsheets.Table("期限合规情况",
                    "各单位期限合规情况（截至 " + clock.today() + "），共" + units.size() + "个单位",
                    List.of("单位", "项目数", "已到期期限", "按期完成", "逾期完成", "逾期未办", "按期率（%）",
                            "满一年未实质性启动的项目", "单位代码"), rows)), clock.today());
            exports.exported(caller, "compliance.xlsx", "", units.size(), List.of());
            return file;
        }).onSuccess(bytes -> ExportRoutes.file(ctx, bytes, Spreadsheets.XLSX, "期限合规情况.xlsx"))
                .onFailure(ctx::fail);
    }

    /* ------------------------------------------------------------------------------------------- units */

    private void units(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        Blocking.call(ctx, () -> {
            List<Unit> found = units.listUnits(caller);
            FilteredProjects.tooMany(found.size(), "个单位");
            List<List<Object>> rows = new ArrayList<>(found.size());
            int n = 1;
            for (Unit u : found) {
                rows.add(List.<Object>of(n++, u.nameZh(), u.kind().zh(), u.id().code()));
            }
            byte[] file = Spreadsheets.tables(List.of(new Spreadsheets.Table("单位列表", "单位列表，共" + found.size() + "个",
                    List.of("序号", "单位名称", "类型", "单位代码"), rows)), clock.today());
            exports.exported(caller, "units.xlsx", "", found.size(), List.of());
            return file;
        }).onSuccess(bytes -> ExportRoutes.file(ctx, bytes, Spreadsheets.XLSX, "单位列表.xlsx")).onFailure(ctx::fail);
    }

    /* ------------------------------------------------------------------------------------------- experts */

    private void experts(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        Blocking.call(ctx, () -> {
            var found = experts.experts(caller);
            FilteredProjects.tooMany(found.size(), "位专家");
            Map<String, String> names = unitNames(caller);
            List<List<Object>> rows = new ArrayList<>(found.size());
            int n = 1;
            for (var e : found) {
                String employerUnit = e.employerUnit() == null ? "" : e.employerUnit().code();
                rows.add(List.<Object>of(n++, e.name(), e.fieldsZh(), nonNull(e.employer()),
                        names.getOrDefault(employerUnit, employerUnit),
                        String.join("、", e.relatedUnits().stream().map(r -> names.getOrDefault(r.unit().code(),
                                r.unit().code())).toList()),
                        String.join("、", e.relatedVendors().stream().map(r -> r.vendor().name()).toList()),
                        e.active() ? "在库" : "已停用", e.id()));
            }
            byte[] file = Spreadsheets.tables(List.of(new Spreadsheets.Table("专家库", "评审专家库，共" + found.size()
                    + "位", List.of("序号", "姓名", "专业领域", "工作单位", "所属单位", "关联单位（回避）", "关联企业（回避）", "状态",
                    "专家编号"), rows)), clock.today());
            exports.exported(caller, "experts.xlsx", "", found.size(), List.of());
            return file;
        }).onSuccess(bytes -> ExportRoutes.file(ctx, bytes, Spreadsheets.XLSX, "专家库.xlsx")).onFailure(ctx::fail);
    }

    /* ------------------------------------------------------------------------------------------- inbox */

    private void messages(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        Boolean unread = flag(ctx.queryParams(), "unread");
        boolean unreadOnly = Boolean.TRUE.equals(unread);
        Blocking.call(ctx, () -> {
            List<cn.egov.projects.application.view.InboxMessage> found = new ArrayList<>();
            Long before = null;
            do {
                var page = messages.messages(caller, unreadOnly, before,
                        cn.egov.projects.application.port.in.MessageCentreUseCase.MAX_PAGE);
                found.addAll(page.items());
                FilteredProjects.tooMany(found.size(), "条消息");
                before = page.nextBefore();
            } while (before != null);
            List<List<Object>> rows = new ArrayList<>(found.size());
            int n = 1;
            for (var m : found) {
                rows.add(List.<Object>of(n++, WHEN.format(m.createdAt()),
                        m.isSettled() ? m.settledAs().zh() + (m.settledOn() == null ? "" : "（" + m.settledOn() + "）")
                                : m.isRead() ? "已读" : "未读",
                        m.escalation() ? "逾期督办" : "期限提醒", m.title(), m.body(), m.due().toString(),
                        m.classified() ? "（涉密项目）" : m.projectId().toString()));
            }
            byte[] file = Spreadsheets.tables(List.of(new Spreadsheets.Table("我的消息",
                    caller.actor().name() + "的消息" + (unreadOnly ? "（只看未读）" : "") + "，共" + found.size() + "条",
                    List.of("序号", "时间", "状态", "类别", "标题", "内容", "到期日", "项目编号"), rows)), clock.today());
            exports.exported(caller, "messages.xlsx", unreadOnly ? "unread=true" : "", found.size(), found.stream()
                    .filter(cn.egov.projects.application.view.InboxMessage::classified)
                    .map(m -> m.projectId().toString()).distinct().toList());
            return file;
        }).onSuccess(bytes -> ExportRoutes.file(ctx, bytes, Spreadsheets.XLSX, "我的消息.xlsx")).onFailure(ctx::fail);
    }

    /* ------------------------------------------------------------------------------------------- helpers */

    private Map<String, String> unitNames(Caller caller) {
        Map<String, String> names = new HashMap<>();
        for (Unit u : units.listUnits(caller)) {
            names.put(u.id().code(), u.nameZh());
        }
        return names;
    }

    /** The searched text {@code q}, bounded, lower case; null when none. */
    private static String search(MultiMap q) {
        String text = QueryParams.text(q, "q");
        if (text == null) {
            return null;
        }
        if (text.length() > MAX_SEARCH) {
            throw new BadRequestException("q", "搜索内容不能超过" + MAX_SEARCH + "个字",
                    "'q' must have at most " + MAX_SEARCH + " characters");
        }
        return text.trim().toLowerCase(Locale.ROOT);
    }

    private static Boolean flag(MultiMap q, String name) {
        String text = QueryParams.text(q, name);
        if (text == null) {
            return null;
        }
        if (!text.equals("true") && !text.equals("false")) {
            throw new BadRequestException(name, "「" + name + "」应为 true 或 false", "'" + name + "' must be true or false");
        }
        return Boolean.valueOf(text);
    }

    private static boolean contains(String value, String lowerText) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(lowerText);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
