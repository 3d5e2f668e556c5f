package cn.egov.projects.web.json;

import cn.egov.projects.application.port.in.Check;
import cn.egov.projects.application.port.in.ProjectDetails;
import cn.egov.projects.application.port.in.ProjectPage;
import cn.egov.projects.application.port.in.TransitionResult;
import cn.egov.projects.application.view.AuditEntry;
import cn.egov.projects.application.view.ProjectSummary;
import cn.egov.projects.application.view.StoredDocument;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.policy.AcceptanceStage;
import cn.egov.projects.domain.access.Action;
import cn.egov.projects.domain.catalog.Category;
import cn.egov.projects.domain.catalog.FundingSource;
import cn.egov.projects.domain.catalog.Nature;
import cn.egov.projects.domain.catalog.ServiceKind;
import cn.egov.projects.domain.deadline.Deadline;
import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.project.Acceptance;
import cn.egov.projects.domain.project.AccountablePeople;
import cn.egov.projects.domain.project.Attainment;
import cn.egov.projects.domain.project.Comparison;
import cn.egov.projects.domain.project.GoalAchievement;
import cn.egov.projects.domain.project.GoalAssessment;
import cn.egov.projects.domain.project.GoalKind;
import cn.egov.projects.domain.project.PerformanceGoal;
import cn.egov.projects.domain.project.SelfInspection;
import cn.egov.projects.domain.catalog.PurchaseKind;
import cn.egov.projects.domain.project.BudgetLine;
import cn.egov.projects.domain.project.ChangeRequest;
import cn.egov.projects.domain.project.Contract;
import cn.egov.projects.domain.project.Person;
import cn.egov.projects.domain.project.PlanInclusion;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ProjectProfile;
import cn.egov.projects.domain.project.Termination;
import cn.egov.projects.domain.rule.Articles;
import cn.egov.projects.domain.rule.Violation;
import cn.egov.projects.web.http.ApiErrors;
import cn.egov.projects.web.http.BadRequestException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/** A project's profile read from JSON, and the JSON views of projects, lists and transitions. */
public final class ProjectJson {

    private ProjectJson() {
    }

    // ------------------------------------------------------------------------------------------------- reading

    /**
     * The profile a unit declares (Art. 2, 7, 19). {@code serviceKind}, {@code supervisedProject} and
     * {@code people} may be left out; everything else is required, the flags included (a project is never
     * unclassified by omission).
     */
    public static ProjectProfile profile(JsonObject body) {
        JsonFields f = JsonFields.of(body);
        String name = f.text("name");
        int planYear = f.integer("planYear");
        Category category = f.enumValue("category", Category.class);
        Nature nature = f.enumValue("nature", Nature.class);
        ServiceKind serviceKind = f.optionalEnum("serviceKind", ServiceKind.class);
        ProjectId supervised = projectId(f, "supervisedProject");
        boolean software = requiredBool(f, "softwareDevelopment");
        FundingSource funding = f.enumValue("funding", FundingSource.class);
        boolean classified = requiredBool(f, "classified");
        boolean cryptography = requiredBool(f, "usesCryptography");
        List<String> scope = f.texts("scopeItems");
        List<PerformanceGoal> goals = goals(f);
        List<BudgetLine> budget = budgetLines(f);
        AccountablePeople people = people(f);
        try {
            return new ProjectProfile(name, planYear, category, nature, serviceKind, supervised, software, funding,
                    classified, cryptography, scope, goals, budget, people);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(profileField(e.getMessage()), e.getMessage(),
                    "invalid project profile ('" + profileField(e.getMessage()) + "')");
        }
    }

    /**
     * The performance goals (Art. 23): each an object — {@code indicator}, {@code kind} (OUTPUT, BENEFIT,
     * SATISFACTION) and the target, either as written ({@code "target": "≥95%"}, read by
     * {@link PerformanceGoal#of}) or in parts ({@code comparison}, {@code targetValue}, {@code unit}, or
     * {@code targetText}) — or, as older clients sent it, a line of text: the indicator of a goal without kind or
     * target (which a declaration refuses).
     */
    private static List<PerformanceGoal> goals(JsonFields f) {
        JsonArray array = f.optionalArray("performanceGoals");
        List<PerformanceGoal> goals = new ArrayList<>();
        if (array == null) {
            return goals;
        }
        if (array.size() > Check.MAX_ITEMS) {
            throw new BadRequestException("performanceGoals", "绩效目标不能超过" + Check.MAX_ITEMS + "项",
                    "at most " + Check.MAX_ITEMS + " performance goals");
        }
        for (int i = 0; i < array.size(); i++) {
            String path = "performanceGoals[" + i + "]";
            Object item = array.getValue(i);
            try {
                if (item instanceof String line) {
                    if (!line.isBlank()) {
                        goals.add(PerformanceGoal.untargeted(bounded(path, line)));
                    }
                    continue;
                }
                if (!(item instanceof JsonObject object)) {
                    throw new BadRequestException(path, "「" + path + "」应为对象（指标名称、指标类别、目标值）",
                            "'" + path + "' must be an object with indicator, kind and target");
                }
                JsonFields gf = JsonFields.of(object, path);
                String indicator = gf.text("indicator");
                GoalKind kind = gf.optionalEnum("kind", GoalKind.class);
                String target = gf.optionalText("target");
                Comparison comparison = gf.optionalEnum("comparison", Comparison.class);
                BigDecimal value = gf.optionalDecimal("targetValue");
                String unit = gf.optionalText("unit");
                String text = gf.optionalText("targetText");
                if (target != null && (comparison != null || value != null || unit != null || text != null)) {
                    throw new BadRequestException(gf.path("target"), "「" + gf.path("target")
                            + "」与 comparison、targetValue、unit、targetText 只能填写一种",
                            "'" + gf.path("target") + "' excludes comparison, targetValue, unit and targetText");
                }
                goals.add(target != null ? PerformanceGoal.of(indicator, kind, target)
                        : new PerformanceGoal(indicator, kind, comparison, value, unit, text));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(path, e.getMessage(), "invalid performance goal '" + path + "'");
            }
        }
        return goals;
    }

    private static String bounded(String path, String text) {
        if (text.length() > PerformanceGoal.MAX_INDICATOR) {
            throw new BadRequestException(path, "「" + path + "」不能超过" + PerformanceGoal.MAX_INDICATOR + "字",
                    "'" + path + "' must have at most " + PerformanceGoal.MAX_INDICATOR + " characters");
        }
        return text;
    }

    /**
     * The goal-by-goal achievements of a self-inspection (Art. 23): {@code [{indicator, actual, attainment,
     * explanation}]}, {@code attainment} one of MET, PARTLY_MET, NOT_MET, {@code actual} text or a number.
     */
    public static List<GoalAchievement> achievements(JsonFields f) {
        List<GoalAchievement> list = new ArrayList<>();
        forEachObject(f, "goalAchievements", (path, gf) -> {
            String indicator = gf.text("indicator");
            Attainment attainment = gf.enumValue("attainment", Attainment.class);
            Object raw = gf.raw("actual");
            String actualText = raw == null || raw instanceof String ? gf.optionalText("actual")
                    : gf.optionalDecimal("actual").toPlainString();
            try {
                list.add(GoalAchievement.reported(indicator, actualText, attainment, gf.optionalText("explanation")));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(path, e.getMessage(), "invalid goal achievement '" + path + "'");
            }
        });
        return list;
    }

    /** The acceptance experts' view of the goals (Art. 24): {@code [{indicator, attainment, opinion}]}. */
    public static List<GoalAssessment> assessments(JsonFields f) {
        List<GoalAssessment> list = new ArrayList<>();
        forEachObject(f, "goalAssessments", (path, gf) -> {
            String indicator = gf.text("indicator");
            Attainment attainment = gf.enumValue("attainment", Attainment.class);
            try {
                list.add(new GoalAssessment(indicator, attainment, gf.optionalText("opinion")));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(path, e.getMessage(), "invalid goal assessment '" + path + "'");
            }
        });
        return list;
    }

    private static void forEachObject(JsonFields f, String field,
                                      BiConsumer<String, JsonFields> each) {
        JsonArray array = f.optionalArray(field);
        if (array == null) {
            return;
        }
        if (array.size() > Check.MAX_ITEMS) {
            throw new BadRequestException(f.path(field), "「" + f.path(field) + "」不能超过" + Check.MAX_ITEMS + "项",
                    "at most " + Check.MAX_ITEMS + " items of '" + f.path(field) + "'");
        }
        for (int i = 0; i < array.size(); i++) {
            String path = f.path(field) + "[" + i + "]";
            if (!(array.getValue(i) instanceof JsonObject object)) {
                throw new BadRequestException(path, "「" + path + "」应为对象", "'" + path + "' must be an object");
            }
            each.accept(path, JsonFields.of(object, path));
        }
    }

    /** Which field a profile's own check refers to, from its message; "profile" when it cannot tell. */
    private static String profileField(String message) {
        if (message == null) {
            return "profile";
        }
        if (message.startsWith("项目名称")) {
            return "name";
        }
        if (message.startsWith("计划年度")) {
            return "planYear";
        }
        if (message.contains("服务类型")) {
            return "serviceKind";
        }
        if (message.contains("预算明细")) {
            return "budgetLines";
        }
        return "profile";
    }

    private static boolean requiredBool(JsonFields f, String field) {
        if (!f.has(field)) {
            throw new BadRequestException(f.path(field), "「" + f.path(field) + "」不能为空（true或false）",
                    "'" + f.path(field) + "' is required (true or false)");
        }
        return f.bool(field, false);
    }

    private static ProjectId projectId(JsonFields f, String field) {
        String text = f.optionalText(field);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return ProjectId.parse(text.trim());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(f.path(field), "「" + f.path(field) + "」应为项目编号（UUID）",
                    "'" + f.path(field) + "' must be a project id (UUID)");
        }
    }

    private static List<BudgetLine> budgetLines(JsonFields f) {
        JsonArray array = f.optionalArray("budgetLines");
        if (array == null || array.isEmpty()) {
            throw new BadRequestException("budgetLines", "至少需要一条预算明细", "at least one budget line is required");
        }
        if (array.size() > Check.MAX_ITEMS) {
            throw new BadRequestException("budgetLines", "预算明细不能超过" + Check.MAX_ITEMS + "条",
                    "at most " + Check.MAX_ITEMS + " budget lines");
        }
        List<BudgetLine> lines = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String path = "budgetLines[" + i + "]";
            if (!(array.getValue(i) instanceof JsonObject line)) {
                throw new BadRequestException(path, "「" + path + "」应为对象", "'" + path + "' must be an object");
            }
            JsonFields lf = JsonFields.of(line, path);
            String item = lf.text("item");
            Money amount = lf.money("amount");
            boolean supervision = lf.bool("supervision", false);
            PurchaseKind kind = lf.optionalEnum("kind", PurchaseKind.class);
            try {
                lines.add(new BudgetLine(item, amount, supervision, kind));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(lf.path("item"), e.getMessage(),
                        "invalid budget line item '" + lf.path("item") + "'");
            }
        }
        return lines;
    }

    private static AccountablePeople people(JsonFields f) {
        JsonObject people = f.optionalObject("people");
        if (people == null) {
            return null;
        }
        JsonFields pf = JsonFields.of(people, "people");
        Person leader = person(pf, "leader");
        Person responsible = person(pf, "responsible");
        return leader == null && responsible == null ? null : new AccountablePeople(leader, responsible);
    }

    private static Person person(JsonFields parent, String field) {
        JsonObject object = parent.optionalObject(field);
        if (object == null) {
            return null;
        }
        String path = parent.path(field);
        JsonFields f = JsonFields.of(object, path);
        String name = f.optionalText("name");
        String mobile = f.optionalText("mobile");
        String email = f.optionalText("email");
        try {
            return new Person(name, mobile, email);
        } catch (IllegalArgumentException e) {
            String at = e.getMessage().startsWith("手机") ? "mobile" : e.getMessage().startsWith("电子邮箱") ? "email"
                    : "name";
            throw new BadRequestException(f.path(at), e.getMessage(), "invalid '" + f.path(at) + "'");
        }
    }

    // ------------------------------------------------------------------------------------------------- writing

    /** One row of a project list. */
    public static JsonObject summary(ProjectSummary s) {
        return new JsonObject()
                .put("id", s.id().toString())
                .put("unit", s.unit().code())
                .put("name", s.name())
                .put("planYear", s.planYear())
                .put("state", s.state().name())
                .put("stateZh", s.state().zh())
                .put("category", s.category().name())
                .put("categoryZh", s.category().zh())
                .put("nature", s.nature().name())
                .put("natureZh", s.nature().zh())
                .put("classified", s.classified())
                .put("totalInvestment", money(s.totalInvestment()))
                .put("createdOn", date(s.createdOn()))
                .put("version", s.version());
    }

    /** A project as read on a day: its main record, its deadlines with their status, and the Bureau's flags. */
    public static JsonObject details(ProjectDetails d) {
        Project.Snapshot p = d.project();
        JsonArray deadlines = new JsonArray();
        d.deadlines().forEach(v -> deadlines.add(deadline(v, d.pack())));
        JsonArray contracts = new JsonArray();
        p.contracts().forEach(c -> contracts.add(contract(c)));
        return new JsonObject()
                .put("id", p.id().toString())
                .put("unit", p.unit().code())
                .put("policyId", p.policyId())
                .put("policy", PolicyJson.of(d.pack()))
                .put("version", p.version())
                .put("state", p.state().name())
                .put("stateZh", p.state().zh())
                .put("suspendedFrom", p.suspendedFrom() == null ? null : p.suspendedFrom().name())
                .put("createdOn", date(p.createdOn()))
                .put("declaredOn", date(p.declaredOn()))
                .put("supplementary", p.supplementary() != null)
                .put("profile", profile(p.profile()))
                .put("plan", plan(p.plan()))
                .put("substantiveStartOn", date(p.substantiveStartOn()))
                .put("contracts", contracts)
                .put("trialStartOn", date(p.trialStartOn()))
                .put("operatingFrom", date(p.operatingFrom()))
                .put("acceptanceStages", acceptanceStages(d))
                .put("acceptanceReportOn", date(p.acceptanceReportOn()))
                .put("finalAccountsOn", date(p.finalAccountsOn()))
                .put("finalAccountsAmount", p.finalAccountsAmount() == null ? null : money(p.finalAccountsAmount()))
                .put("termination", termination(p.termination()))
                .put("performance", performance(p))
                .put("today", date(d.today()))
                .put("deadlines", deadlines)
                .put("flags", violations(d.flags()));
    }

    /**
     * A project's page: {@link #details} plus {@code actions} (what the caller may do now, with Chinese labels and
     * articles), {@code timeline} (the audit trail of the project: who, when, which article), {@code documents} and
     * {@code changes} (change requests, for the Bureau's decision).
     */
    public static JsonObject page(ProjectPage page) {
        JsonObject json = details(page.details());
        JsonArray actions = new JsonArray();
        for (Action a : page.actions()) {
            actions.add(new JsonObject().put("action", a.name()).put("labelZh", a.zh())
                    .put("article", page.details().pack().articleZh(a.provision())));
        }
        JsonArray timeline = new JsonArray();
        page.timeline().forEach(e -> timeline.add(auditEntry(e)));
        JsonArray documents = new JsonArray();
        page.documents().forEach(d -> documents.add(document(d)
                .put("uploadedByName", page.names().person(d.uploadedBy()))));
        json.put("unitName", page.names().unit(page.details().project().unit().code()));
        JsonArray changes = new JsonArray();
        for (ChangeRequest c : page.details().project().changes()) {
            changes.add(new JsonObject().put("id", c.id().toString()).put("requestedOn", date(c.requestedOn()))
                    .put("description", c.description()).put("newScopeItems", new JsonArray(new ArrayList<>(
                            c.newScopeItems())))
                    .put("newBudget", c.newBudget() == null ? null : money(c.newBudget()))
                    .put("status", c.status().name()).put("statusZh", c.status().zh())
                    .put("decidedOn", date(c.decidedOn())).put("decision", c.decision()));
        }
        return json.put("actions", actions).put("timeline", timeline).put("documents", documents)
                .put("changes", changes);
    }

    /** One record of the audit trail. */
    public static JsonObject auditEntry(AuditEntry e) {
        return new JsonObject().put("at", e.at().toString()).put("userId", e.userId())
                .put("role", e.role() == null ? null : e.role().name())
                .put("roleZh", e.role() == null ? null : e.role().zh()).put("unit", e.unit())
                .put("action", e.action()).put("actionZh", actionZh(e.action())).put("article", e.article())
                .put("projectId", e.projectId())
                .put("fromState", e.fromState() == null ? null : e.fromState().name())
                .put("fromStateZh", e.fromState() == null ? null : e.fromState().zh())
                .put("toState", e.toState() == null ? null : e.toState().name())
                .put("toStateZh", e.toState() == null ? null : e.toState().zh())
                .put("requestId", e.requestId()).put("summary", e.summary()).put("classified", e.classified())
                .put("actorName", e.actorName()).put("unitName", e.unitName());
    }

    /** The Chinese name of an audited action: a lifecycle action's, sign-in, or the code itself. */
    public static String actionZh(String action) {
        if (action == null) {
            return null;
        }
        for (Action a : Action.values()) {
            if (a.name().equals(action)) {
                return a.zh();
            }
        }
        return switch (action) {
            case "SIGN_IN" -> "登录";
            case "CALENDAR_TOKEN" -> "日历订阅令牌";
            case "REFUSED" -> "越权操作被拒绝";
            case "BACKUP" -> "备份数据库";
            case "RESTORE" -> "恢复数据库";
            case "READ_CLASSIFIED" -> "查看涉密项目";
            case "EXPORT" -> "导出数据";
            case "CLEARANCE" -> "涉密资格";
            case "NOTIFICATION_PREFERENCES" -> "修改提醒方式";
            // records written before the naming of people was split by purpose
            case "ASSIGN_OFFICER" -> "指定涉密项目经办人员";
            case "ASSIGN_EXPERT" -> "指定评审专家";
            case "EXPERT_DECLARATION" -> "专家签署回避声明";
            case "EXPERT_DECLINE" -> "专家谢绝或回避";
            case "EXPERT_OPINION" -> "专家提交意见";
            case "EXPERT_POOL" -> "维护专家库";
            default -> action;
        };
    }

    /** A document without its content. */
    public static JsonObject document(StoredDocument d) {
        return new JsonObject().put("id", d.id().toString()).put("fileName", d.fileName())
                .put("contentType", d.contentType()).put("size", d.size()).put("sha256", d.sha256())
                .put("sm3", d.sm3()).put("kind", d.kind()).put("uploadedBy", d.uploadedBy()).put("uploadedAt", d.uploadedAt().toString());
    }

    public static JsonObject profile(ProjectProfile p) {
        JsonArray budget = new JsonArray();
        p.budgetLines().forEach(b -> budget.add(new JsonObject().put("item", b.item()).put("amount", money(b.amount()))
                .put("supervision", b.supervision())
                .put("kind", b.kind() == null ? null : b.kind().name())
                .put("kindZh", b.kind() == null ? null : b.kind().zh())));
        JsonObject people = null;
        if (p.people() != null) {
            people = new JsonObject().put("leader", person(p.people().leader()))
                    .put("responsible", person(p.people().responsible()));
        }
        return new JsonObject()
                .put("name", p.name())
                .put("planYear", p.planYear())
                .put("category", p.category().name())
                .put("categoryZh", p.category().zh())
                .put("nature", p.nature().name())
                .put("natureZh", p.nature().zh())
                .put("serviceKind", p.serviceKind() == null ? null : p.serviceKind().name())
                .put("supervisedProject", p.supervisedProject() == null ? null : p.supervisedProject().toString())
                .put("softwareDevelopment", p.softwareDevelopment())
                .put("funding", p.funding().name())
                .put("fundingZh", p.funding().zh())
                .put("classified", p.classified())
                .put("usesCryptography", p.usesCryptography())
                .put("scopeItems", new JsonArray(new ArrayList<>(p.scopeItems())))
                .put("performanceGoals", goals(p.performanceGoals()))
                .put("budgetLines", budget)
                .put("totalInvestment", money(p.totalInvestment()))
                .put("people", people);
    }

    private static JsonArray goals(List<PerformanceGoal> goals) {
        JsonArray array = new JsonArray();
        goals.forEach(g -> array.add(goal(g)));
        return array;
    }

    /** A performance goal: indicator, kind, the target in parts and as staff read it ({@code targetZh}). */
    public static JsonObject goal(PerformanceGoal g) {
        return new JsonObject()
                .put("indicator", g.indicator())
                .put("kind", g.kind() == null ? null : g.kind().name())
                .put("kindZh", g.kind() == null ? null : g.kind().zh())
                .put("comparison", g.comparison() == null ? null : g.comparison().name())
                .put("comparisonSymbol", g.comparison() == null ? null : g.comparison().symbol())
                .put("targetValue", g.targetValue() == null ? null : g.targetValue().toPlainString())
                .put("unit", g.unit())
                .put("targetText", g.targetText())
                .put("targetZh", g.targetZh())
                .put("hasTarget", g.hasTarget());
    }

    /**
     * The performance goals of a project with what the unit reported of each at its self-inspection (Art. 23) and
     * what the experts judged at its latest acceptance (Art. 24).
     */
    private static JsonObject performance(Project.Snapshot p) {
        SelfInspection inspection = p.selfInspection();
        Acceptance last = p.acceptances().isEmpty() ? null : p.acceptances().get(p.acceptances().size() - 1);
        JsonArray goals = new JsonArray();
        for (PerformanceGoal g : p.profile().performanceGoals()) {
            JsonObject item = goal(g);
            GoalAchievement a = inspection == null ? null : inspection.goalAchievements().stream()
                    .filter(x -> x.indicator().equals(g.indicator())).findFirst().orElse(null);
            GoalAssessment e = last == null ? null : last.goalAssessments().stream()
                    .filter(x -> x.indicator().equals(g.indicator())).findFirst().orElse(null);
            item.put("achievement", a == null ? null : new JsonObject().put("actual", a.actual())
                    .put("attainment", a.attainment().name()).put("attainmentZh", a.attainment().zh())
                    .put("explanation", a.explanation()));
            item.put("assessment", e == null ? null : new JsonObject().put("attainment", e.attainment().name())
                    .put("attainmentZh", e.attainment().zh()).put("opinion", e.opinion()));
            goals.add(item);
        }
        return new JsonObject().put("goals", goals)
                .put("selfInspectedOn", inspection == null ? null : date(inspection.on()))
                .put("summary", inspection == null ? null : inspection.performanceGoals())
                .put("assessedOn", last == null ? null : date(last.heldOn()))
                .put("assessmentPassed", last == null ? null : last.passed());
    }

    /**
     * The stages of acceptance of the project's pack in order (Taicang: one, 竣工验收), each with its article, who
     * organises it, its panel and documents, whether the project has passed it and whether it is the one held next.
     */
    private static JsonArray acceptanceStages(ProjectDetails d) {
        PolicyPack pack = d.pack();
        int passedStages = Project.restore(d.project()).passedAcceptanceStages(pack);
        JsonArray stages = new JsonArray();
        for (int i = 0; i < pack.acceptanceStages().size(); i++) {
            AcceptanceStage s = pack.acceptanceStages().get(i);
            boolean passed = i < passedStages;
            JsonArray documents = new JsonArray();
            s.documents().forEach(documents::add);
            stages.add(new JsonObject().put("key", s.key()).put("nameZh", s.nameZh())
                    .put("article", Articles.chinese(s.rule().article())).put("organiserZh", s.organiserZh())
                    .put("expertPanelMinimum", s.expertPanelMinimum()).put("documents", documents)
                    .put("passed", passed).put("next", i == passedStages));
        }
        return stages;
    }

    /** What a lifecycle action left: the project's state and version, and flags that do not refuse. */
    public static JsonObject transition(TransitionResult r) {
        return new JsonObject()
                .put("id", r.projectId().toString())
                .put("state", r.state().name())
                .put("stateZh", r.state().zh())
                .put("version", r.version())
                .put("flags", violations(r.flags()));
    }

    public static JsonArray violations(List<Violation> violations) {
        JsonArray array = new JsonArray();
        violations.forEach(v -> array.add(ApiErrors.violation(v)));
        return array;
    }

    private static JsonObject deadline(ProjectDetails.DeadlineView view, PolicyPack pack) {
        Deadline d = view.deadline();
        return new JsonObject()
                .put("id", d.id().toString())
                .put("kind", d.kind().name())
                .put("kindZh", d.kind().actionZh())
                .put("ref", d.ref())
                .put("start", date(d.start()))
                .put("due", date(d.due()))
                .put("status", view.status().name())
                .put("statusZh", view.status().zh())
                .put("article", pack.articleZh(d.kind().provision()))
                .put("provisional", d.provisional())
                .put("metOn", date(d.metOn()))
                .put("waivedReason", d.waivedReason());
    }

    private static JsonObject contract(Contract c) {
        return new JsonObject()
                .put("number", c.number())
                .put("supplier", c.supplier())
                .put("amount", money(c.amount()))
                .put("signedOn", date(c.signedOn()))
                .put("warrantyEnd", date(c.warrantyEnd()))
                .put("filedOn", date(c.filedOn()));
    }

    private static JsonObject plan(PlanInclusion plan) {
        if (plan == null) {
            return null;
        }
        return new JsonObject().put("on", date(plan.on())).put("planYear", plan.planYear())
                .put("addition", plan.addition()).put("reference", plan.reference());
    }

    private static JsonObject termination(Termination t) {
        if (t == null) {
            return null;
        }
        return new JsonObject().put("on", date(t.on())).put("reason", t.reason()).put("notice", t.notice())
                .put("fundsRecoveredOn", date(t.fundsRecoveredOn()))
                .put("fundsRecovered", t.fundsRecovered() == null ? null : money(t.fundsRecovered()));
    }

    private static JsonObject person(Person p) {
        // shown masked; the full values only through the audited unmasking (PersonalDataRoutes)
        return p == null ? null : new JsonObject().put("name", p.name())
                .put("mobile", cn.egov.projects.application.view.Masks.mobile(p.mobile()))
                .put("email", cn.egov.projects.application.view.Masks.email(p.email())).put("masked", true);
    }

    /** Money as an exact decimal string in yuan, e.g. "800000.00". */
    public static String money(Money m) {
        return m.toBigDecimal().toPlainString();
    }

    public static String date(LocalDate day) {
        return day == null ? null : day.toString();
    }
}
