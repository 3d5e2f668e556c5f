package cn.egov.projects.web.routes;

import cn.egov.projects.application.port.in.AddToPlanCommand;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.DecideChangeCommand;
import cn.egov.projects.application.port.in.DeclareProjectCommand;
import cn.egov.projects.application.port.in.DeclareSupplementaryCommand;
import cn.egov.projects.application.port.in.EditDraftCommand;
import cn.egov.projects.application.port.in.FileAcceptanceReportCommand;
import cn.egov.projects.application.port.in.FileContractCommand;
import cn.egov.projects.application.port.in.FileFinalAccountsCommand;
import cn.egov.projects.application.port.in.FileSelfInspectionCommand;
import cn.egov.projects.application.port.in.PreProcurementReviewCommand;
import cn.egov.projects.application.port.in.ProposeFundingCommand;
import cn.egov.projects.application.port.in.PutIntoOperationCommand;
import cn.egov.projects.application.port.in.RecordAcceptanceCommand;
import cn.egov.projects.application.port.in.RecordApprovalCommand;
import cn.egov.projects.application.port.in.RecordFundRecoveryCommand;
import cn.egov.projects.application.port.in.RecordMaintenanceCommand;
import cn.egov.projects.application.port.in.RecordReviewCommand;
import cn.egov.projects.application.port.in.RecordSecurityReviewCommand;
import cn.egov.projects.application.port.in.RecordStartExceptionCommand;
import cn.egov.projects.application.port.in.RecordStartWithoutProcurementCommand;
import cn.egov.projects.application.port.in.ReportHigherLevelFundingCommand;
import cn.egov.projects.application.port.in.ReportProgressCommand;
import cn.egov.projects.application.port.in.ReportSituationCommand;
import cn.egov.projects.application.port.in.RequestChangeCommand;
import cn.egov.projects.application.port.in.ResumeProjectCommand;
import cn.egov.projects.application.port.in.SignContractCommand;
import cn.egov.projects.application.port.in.StartReviewCommand;
import cn.egov.projects.application.port.in.StartTrialRunCommand;
import cn.egov.projects.application.port.in.SubmitImplementationPlanCommand;
import cn.egov.projects.application.port.in.TerminateProjectCommand;
import cn.egov.projects.application.port.in.TransitionResult;
import cn.egov.projects.application.port.in.WaiveDeadlineCommand;
import cn.egov.projects.domain.access.Action;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.project.Attainment;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.SecurityReview;
import cn.egov.projects.domain.project.SituationReport;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.web.access.Rule;
import cn.egov.projects.web.access.RouteTable;
import cn.egov.projects.web.auth.Callers;
import cn.egov.projects.web.http.BadRequestException;
import cn.egov.projects.web.http.Blocking;
import cn.egov.projects.web.http.Replies;
import cn.egov.projects.web.json.JsonFields;
import cn.egov.projects.web.json.ProjectJson;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One route per lifecycle action on a project: {@code POST /api/projects/:id/actions/<ACTION>} with the command's
 * fields and {@code expectedVersion} → 200 with the project's new state and version. The roles of each route are
 * the action's (RULES.md §1); the use case decides scope and the measures. {@code GET /api/actions} gives the catalog
 * of actions with their fields, Chinese labels and articles, from which the pages draw their forms.
 */
public final class ActionRoutes {

    /** A field of an action's form: its JSON name, kind, Chinese label, whether required, and choices. */
    public record Field(String name, String type, String labelZh, boolean required, List<String> options) {
    }

    @FunctionalInterface
    private interface Run {
        TransitionResult run(Caller caller, ProjectId id, Long expectedVersion, JsonFields f);
    }

    private record Spec(Action action, List<Field> fields, Run run) {
    }

    /** The path of an action's route. */
    public static String path(Action action) {
        return "/api/projects/:id/actions/" + action.name();
    }

    private final Map<Action, Spec> specs = new LinkedHashMap<>();

    /** The pack in force at each request, which numbers the article each action cites in {@code /api/actions}. */
    private final java.util.function.Supplier<PolicyPack> packInForce;

    /** @param pack the pack in force: {@code GET /api/actions} gives each action's article as it numbers them */
    public ActionRoutes(LifecycleUseCases u, PolicyPack pack) {
        this(u, fixed(pack));
    }

    private static java.util.function.Supplier<PolicyPack> fixed(PolicyPack pack) {
        java.util.Objects.requireNonNull(pack, "pack");
        return () -> pack;
    }

    /** @param packInForce the pack in force at the moment of each request (the application's clock's day) */
    public ActionRoutes(LifecycleUseCases u, java.util.function.Supplier<PolicyPack> packInForce) {
        this.packInForce = java.util.Objects.requireNonNull(packInForce, "packInForce");
        define(Action.EDIT_DRAFT, List.of(field("profile", "profile", "申报内容", true)),
                (c, id, v, f) -> u.editDraft().editDraft(c, new EditDraftCommand(id, v,
                        ProjectJson.profile(f.optionalObject("profile") == null ? new JsonObject()
                                : f.optionalObject("profile")))));
        define(Action.DECLARE, List.of(),
                (c, id, v, f) -> u.declare().declare(c, new DeclareProjectCommand(id, v)));
        define(Action.DECLARE_SUPPLEMENTARY, List.of(field("requirement", "textarea", "国家、省、市建设要求依据", true),
                        field("feasibilityStudy", "textarea", "可行性研究方案", true)),
                (c, id, v, f) -> u.declareSupplementary().declareSupplementary(c, new DeclareSupplementaryCommand(id,
                        v, f.optionalText("requirement"), f.optionalText("feasibilityStudy"))));
        define(Action.START_REVIEW, List.of(),
                (c, id, v, f) -> u.startReview().startReview(c, new StartReviewCommand(id, v)));
        define(Action.RECORD_REVIEW, List.of(field("approved", "bool", "评审结论（通过）", true),
                        field("experts", "list", "评审专家（每行一位）", true),
                        field("opinion", "textarea", "评审意见", true)),
                (c, id, v, f) -> u.recordReview().recordReview(c, new RecordReviewCommand(id, v,
                        required(f, "approved"), f.texts("experts"), f.optionalText("opinion"))));
        define(Action.PROPOSE_FUNDING, List.of(field("amount", "money", "安排资金（元）", true),
                        field("opinion", "textarea", "资金安排意见", true)),
                (c, id, v, f) -> u.proposeFunding().proposeFunding(c, new ProposeFundingCommand(id, v,
                        f.money("amount"), f.optionalText("opinion"))));
        define(Action.RECORD_APPROVAL, List.of(field("approvedBudget", "money", "批复预算（元）", true),
                        field("reference", "text", "审定文号", true)),
                (c, id, v, f) -> u.recordApproval().recordApproval(c, new RecordApprovalCommand(id, v,
                        f.money("approvedBudget"), f.optionalText("reference"))));
        define(Action.ADD_TO_PLAN, List.of(field("reference", "text", "追加计划文号", true)),
                (c, id, v, f) -> u.addToPlan().addToPlan(c, new AddToPlanCommand(id, v, f.optionalText("reference"))));
        define(Action.REPORT_HIGHER_LEVEL_FUNDING, List.of(field("summary", "textarea", "报送情况", true)),
                (c, id, v, f) -> u.reportHigherLevelFunding().reportHigherLevelFunding(c,
                        new ReportHigherLevelFundingCommand(id, v, f.optionalText("summary"))));
        define(Action.SUBMIT_IMPLEMENTATION_PLAN, List.of(field("scopeItems", "list", "建设内容（每行一项）", true),
                        field("budget", "money", "实施方案预算（元）", true),
                        field("schedule", "textarea", "进度计划", true)),
                (c, id, v, f) -> u.submitImplementationPlan().submitImplementationPlan(c,
                        new SubmitImplementationPlanCommand(id, v, f.texts("scopeItems"), f.money("budget"),
                                f.optionalText("schedule"))));
        define(Action.PRE_PROCUREMENT_REVIEW, List.of(field("passed", "bool", "评审结论（通过）", true),
                        field("opinion", "textarea", "评审意见", true)),
                (c, id, v, f) -> u.preProcurementReview().reviewBeforeProcurement(c,
                        new PreProcurementReviewCommand(id, v, required(f, "passed"), f.optionalText("opinion"))));
        define(Action.RECORD_START_WITHOUT_PROCUREMENT, List.of(field("reason", "textarea", "无需采购的理由", true),
                        field("startedOn", "date", "开工日期", true)),
                (c, id, v, f) -> u.recordStartWithoutProcurement().recordStartWithoutProcurement(c,
                        new RecordStartWithoutProcurementCommand(id, v, f.optionalText("reason"),
                                f.date("startedOn"))));
        define(Action.SIGN_CONTRACT, List.of(field("number", "text", "合同编号", true),
                        field("supplier", "text", "供应商", true), field("amount", "money", "合同金额（元）", true),
                        field("signedOn", "date", "签订日期", true),
                        field("warrantyEnd", "date", "免费维保期截止日期", false)),
                (c, id, v, f) -> u.signContract().signContract(c, new SignContractCommand(id, v,
                        f.optionalText("number"), f.optionalText("supplier"), f.money("amount"), f.date("signedOn"),
                        f.has("warrantyEnd") ? f.date("warrantyEnd") : null)));
        define(Action.FILE_CONTRACT, List.of(field("number", "contract", "合同编号", true)),
                (c, id, v, f) -> u.fileContract().fileContract(c, new FileContractCommand(id, v,
                        f.optionalText("number"))));
        define(Action.REPORT_PROGRESS, List.of(field("percentComplete", "int", "完成比例（%）", true),
                        field("summary", "textarea", "进度情况", true)),
                (c, id, v, f) -> u.reportProgress().reportProgress(c, new ReportProgressCommand(id, v,
                        f.integer("percentComplete"), f.optionalText("summary"))));
        define(Action.REQUEST_CHANGE, List.of(field("description", "textarea", "变更内容和理由", true),
                        field("newScopeItems", "list", "变更后建设内容（每行一项）", false),
                        field("newBudget", "money", "变更后预算（元，不变可不填）", false)),
                (c, id, v, f) -> u.requestChange().requestChange(c, new RequestChangeCommand(id, v,
                        f.optionalText("description"), f.texts("newScopeItems"),
                        f.has("newBudget") ? f.money("newBudget") : null)));
        define(Action.DECIDE_CHANGE, List.of(field("changeId", "change", "变更申请", true),
                        field("approved", "bool", "审批结论（同意）", true),
                        field("opinion", "textarea", "审批意见", true)),
                (c, id, v, f) -> u.decideChange().decideChange(c, new DecideChangeCommand(id, v,
                        uuid(f, "changeId"), required(f, "approved"), f.optionalText("opinion"))));
        define(Action.REPORT_SITUATION, List.of(new Field("kind", "enum", "报告类型", true,
                                Arrays.stream(SituationReport.Kind.values()).map(Enum::name).toList()),
                        field("reason", "textarea", "理由", true),
                        field("toBureau", "bool", "已报送市大数据管理局", true),
                        field("toFinance", "bool", "已报送市财政局", true)),
                (c, id, v, f) -> u.reportSituation().reportSituation(c, new ReportSituationCommand(id, v,
                        f.enumValue("kind", SituationReport.Kind.class), f.optionalText("reason"),
                        f.bool("toBureau", false), f.bool("toFinance", false))));
        define(Action.RESUME, List.of(), (c, id, v, f) -> u.resume().resume(c, new ResumeProjectCommand(id, v)));
        define(Action.TERMINATE, List.of(field("reason", "textarea", "终止理由", true),
                        field("notice", "textarea", "通报", false)),
                (c, id, v, f) -> u.terminate().terminate(c, new TerminateProjectCommand(id, v,
                        f.optionalText("reason"), f.optionalText("notice"))));
        define(Action.RECORD_FUND_RECOVERY, List.of(field("amount", "money", "收回资金（元）", true)),
                (c, id, v, f) -> u.recordFundRecovery().recordFundRecovery(c, new RecordFundRecoveryCommand(id, v,
                        f.money("amount"))));
        define(Action.RECORD_START_EXCEPTION, List.of(field("reason", "textarea", "例外理由", true)),
                (c, id, v, f) -> u.recordStartException().recordStartException(c,
                        new RecordStartExceptionCommand(id, v, f.optionalText("reason"))));
        define(Action.WAIVE_DEADLINE, List.of(field("deadlineId", "deadline", "期限", true),
                        field("reason", "textarea", "豁免理由", true)),
                (c, id, v, f) -> u.waiveDeadline().waiveDeadline(c, new WaiveDeadlineCommand(id, v,
                        uuid(f, "deadlineId"), f.optionalText("reason"))));
        define(Action.RECORD_CYBERSEC_REVIEW, List.of(field("passed", "bool", "审查结论（通过）", true),
                        field("opinion", "textarea", "审查意见", true)),
                (c, id, v, f) -> u.recordSecurityReview().recordSecurityReview(c, new RecordSecurityReviewCommand(id,
                        v, SecurityReview.Kind.CYBERSECURITY, required(f, "passed"), f.optionalText("opinion"))));
        define(Action.RECORD_CRYPTO_REVIEW, List.of(field("passed", "bool", "审查结论（通过）", true),
                        field("opinion", "textarea", "审查意见", true)),
                (c, id, v, f) -> u.recordSecurityReview().recordSecurityReview(c, new RecordSecurityReviewCommand(id,
                        v, SecurityReview.Kind.CRYPTOGRAPHY, required(f, "passed"), f.optionalText("opinion"))));
        define(Action.START_TRIAL_RUN, List.of(field("startedOn", "date", "试运行开始日期", true)),
                (c, id, v, f) -> u.startTrialRun().startTrialRun(c, new StartTrialRunCommand(id, v,
                        f.date("startedOn"))));
        define(Action.FILE_SELF_INSPECTION, List.of(field("contentCompletion", "textarea", "实施内容完成情况", true),
                        field("resourceCatalogue", "textarea", "资源目录整理情况", true),
                        new Field("goalAchievements", "goalAchievements", "绩效目标达成情况（逐项）", true,
                                Arrays.stream(Attainment.values()).map(Enum::name).toList()),
                        field("performanceGoals", "textarea", "绩效目标达成情况总体说明（未设定绩效目标的项目必填）", false)),
                (c, id, v, f) -> u.fileSelfInspection().fileSelfInspection(c, new FileSelfInspectionCommand(id, v,
                        f.optionalText("contentCompletion"), f.optionalText("resourceCatalogue"),
                        f.optionalText("performanceGoals"), ProjectJson.achievements(f))));
        define(Action.RECORD_ACCEPTANCE, List.of(field("heldOn", "date", "验收日期", true),
                        field("passed", "bool", "验收结论（通过）", true),
                        field("experts", "list", "验收专家（每行一位）", true),
                        field("documents", "list", "验收文档（每行一项）", true),
                        field("conclusion", "textarea", "验收结论", true),
                        new Field("goalAssessments", "goalAssessments", "验收专家对绩效目标达成情况的意见（逐项）", false,
                                Arrays.stream(Attainment.values()).map(Enum::name).toList())),
                (c, id, v, f) -> u.recordAcceptance().recordAcceptance(c, new RecordAcceptanceCommand(id, v,
                        f.date("heldOn"), required(f, "passed"), f.texts("experts"), f.texts("documents"),
                        f.optionalText("conclusion"), ProjectJson.assessments(f))));
        define(Action.PUT_INTO_OPERATION, List.of(),
                (c, id, v, f) -> u.putIntoOperation().putIntoOperation(c, new PutIntoOperationCommand(id, v)));
        define(Action.FILE_ACCEPTANCE_REPORT, List.of(),
                (c, id, v, f) -> u.fileAcceptanceReport().fileAcceptanceReport(c,
                        new FileAcceptanceReportCommand(id, v)));
        define(Action.FILE_FINAL_ACCOUNTS, List.of(field("amount", "money", "决算金额（元）", true)),
                (c, id, v, f) -> u.fileFinalAccounts().fileFinalAccounts(c, new FileFinalAccountsCommand(id, v,
                        f.money("amount"))));
        define(Action.RECORD_MAINTENANCE, List.of(field("arrangement", "textarea", "运维安排", true)),
                (c, id, v, f) -> u.recordMaintenance().recordMaintenance(c, new RecordMaintenanceCommand(id, v,
                        f.optionalText("arrangement"))));
    }

    private static Field field(String name, String type, String labelZh, boolean required) {
        return new Field(name, type, labelZh, required, List.of());
    }

    private void define(Action action, List<Field> fields, Run run) {
        specs.put(action, new Spec(action, fields, run));
    }

    /** The actions that have a route here (all of a single project's, besides documents and the annual plan). */
    public Map<Action, List<Field>> catalog() {
        Map<Action, List<Field>> all = new LinkedHashMap<>();
        specs.values().forEach(s -> all.put(s.action(), s.fields()));
        return Collections.unmodifiableMap(all);
    }

    public void mount(Router router, RouteTable table) {
        for (Spec spec : specs.values()) {
            table.add(router, HttpMethod.POST, path(spec.action()), Rule.of(spec.action()),
                    ctx -> act(ctx, spec));
        }
        table.add(router, HttpMethod.GET, "/api/actions", Rule.signedIn(), this::describe);
    }

    /**
     * Checks, before an approving action runs, whether the security policy asks for a recent one-time code (step-up):
     * answers the request itself and returns false when the action must not run.
     */
    @FunctionalInterface
    public interface StepUp {
        /** No step-up anywhere. */
        StepUp NONE = (ctx, action, then) -> then.run();

        /** Runs {@code then} when the action may go on; otherwise answers the request. */
        void check(RoutingContext ctx, Action action, Runnable then);
    }

    private StepUp stepUp = StepUp.NONE;

    /** The step-up check before approving actions (the security policy's). */
    public ActionRoutes stepUp(StepUp check) {
        this.stepUp = java.util.Objects.requireNonNull(check, "check");
        return this;
    }

    private void act(RoutingContext ctx, Spec spec) {
        stepUp.check(ctx, spec.action(), () -> run(ctx, spec));
    }

    private void run(RoutingContext ctx, Spec spec) {
        Caller caller = Callers.of(ctx);
        ProjectId id = Bodies.projectId(ctx);
        JsonFields f = JsonFields.of(Bodies.json(ctx));
        Long expectedVersion = f.optionalLong("expectedVersion");
        Blocking.call(ctx, () -> spec.run().run(caller, id, expectedVersion, f))
                .onSuccess(result -> Replies.json(ctx, 200, ProjectJson.transition(result)))
                .onFailure(ctx::fail);
    }

    private void describe(RoutingContext ctx) {
        PolicyPack pack = packInForce.get();
        JsonArray actions = new JsonArray();
        for (Action action : Action.values()) {
            Spec spec = specs.get(action);
            JsonArray roles = new JsonArray();
            action.roles().stream().map(Role::name).sorted().forEach(roles::add);
            JsonObject item = new JsonObject().put("action", action.name()).put("labelZh", action.zh())
                    .put("article", pack.articleZh(action.provision())).put("roles", roles)
                    .put("path", spec == null ? null : path(action).replace(":id", "{id}"));
            JsonArray fields = new JsonArray();
            if (spec != null) {
                for (Field field : spec.fields()) {
                    fields.add(new JsonObject().put("name", field.name()).put("type", field.type())
                            .put("labelZh", field.labelZh()).put("required", field.required())
                            .put("options", new JsonArray(field.options())));
                }
            }
            actions.add(item.put("fields", fields));
        }
        Replies.json(ctx, 200, new JsonObject().put("actions", actions));
    }

    private static boolean required(JsonFields f, String field) {
        if (!f.has(field)) {
            throw new BadRequestException(f.path(field), "「" + f.path(field) + "」不能为空（true或false）",
                    "'" + f.path(field) + "' is required (true or false)");
        }
        return f.bool(field, false);
    }

    private static UUID uuid(JsonFields f, String field) {
        String text = f.text(field);
        try {
            return UUID.fromString(text.trim());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(f.path(field), "「" + f.path(field) + "」应为编号（UUID）",
                    "'" + f.path(field) + "' must be a UUID");
        }
    }
}
