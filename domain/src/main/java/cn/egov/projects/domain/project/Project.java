package cn.egov.projects.domain.project;

import cn.egov.projects.domain.catalog.FundingSource;
import cn.egov.projects.domain.deadline.Deadline;
import cn.egov.projects.domain.deadline.DeadlineCalculator;
import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.declaration.DeclarationWindow;
import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.policy.AcceptanceStage;
import cn.egov.projects.domain.policy.Gate;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.policy.ScopeExclusion;
import cn.egov.projects.domain.project.StateTable.Step;
import cn.egov.projects.domain.rule.Outcome;
import cn.egov.projects.domain.rule.Provision;
import cn.egov.projects.domain.rule.RuleCode;
import cn.egov.projects.domain.rule.Violation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * An e-government project through the life the measures give it (RULES.md §3), the aggregate the use cases load,
 * change and save. Every operation first asks the measures: when they refuse, the operation returns the refusal
 * (each violation citing its article) and the project is left exactly as it was; when they allow, the project
 * moves on, meeting and opening its statutory deadlines (RULES.md §5), and the outcome carries any flags the
 * Bureau must see (a late acceptance, Art. 22).
 *
 * <p>The project is judged by the policy pack in force when it was declared; callers pass a
 * {@link DeadlineCalculator} built on that pack and the official working-day calendar.
 */
public final class Project {

    private final ProjectId id;
    private final UnitId unit;
    private String policyId;
    private long version;
    private ProjectProfile profile;
    private ProjectState state;
    private ProjectState suspendedFrom;

    private LocalDate createdOn;
    private LocalDate declaredOn;
    private Supplementary supplementary;
    private LocalDate higherLevelReportedOn;
    private final List<ReviewOpinion> reviews;
    private FundingOpinion funding;
    private GovernmentApproval approval;
    private PlanInclusion plan;
    private ImplementationPlan implementationPlan;
    private final List<PreProcurementReview> preProcurementReviews;
    private String noProcurementReason;
    private LocalDate substantiveStartOn;
    private final List<Contract> contracts;
    private final List<ProgressReport> progressReports;
    private final List<ChangeRequest> changes;
    private final List<SituationReport> situationReports;
    private final List<SecurityReview> securityReviews;
    private LocalDate trialStartOn;
    private SelfInspection selfInspection;
    private final List<Acceptance> acceptances;
    private LocalDate operatingFrom;
    private LocalDate acceptanceReportOn;
    private LocalDate finalAccountsOn;
    private Money finalAccountsAmount;
    private Termination termination;
    private String maintenanceArrangement;
    private final List<Deadline> deadlines;

    private Project(ProjectId id, UnitId unit) {
        this.id = Objects.requireNonNull(id, "id");
        this.unit = Objects.requireNonNull(unit, "unit");
        this.reviews = new ArrayList<>();
        this.preProcurementReviews = new ArrayList<>();
        this.contracts = new ArrayList<>();
        this.progressReports = new ArrayList<>();
        this.changes = new ArrayList<>();
        this.situationReports = new ArrayList<>();
        this.securityReviews = new ArrayList<>();
        this.acceptances = new ArrayList<>();
        this.deadlines = new ArrayList<>();
    }

    /** A new draft of a unit's project; nothing is checked against the measures until it is declared. */
    public static Project draft(ProjectId id, UnitId unit, ProjectProfile profile, String policyId, LocalDate today) {
        Project p = new Project(id, unit);
        p.profile = Objects.requireNonNull(profile, "profile");
        p.policyId = Objects.requireNonNull(policyId, "policyId");
        p.state = ProjectState.DRAFT;
        p.createdOn = Objects.requireNonNull(today, "today");
        return p;
    }

    /** Rebuilds a project from storage; only persistence adapters call this. */
    public static Project restore(Snapshot s) {
        Project p = new Project(s.id(), s.unit());
        p.policyId = s.policyId();
        p.version = s.version();
        p.profile = s.profile();
        p.state = s.state();
        p.suspendedFrom = s.suspendedFrom();
        p.createdOn = s.createdOn();
        p.declaredOn = s.declaredOn();
        p.supplementary = s.supplementary();
        p.higherLevelReportedOn = s.higherLevelReportedOn();
        p.reviews.addAll(s.reviews());
        p.funding = s.funding();
        p.approval = s.approval();
        p.plan = s.plan();
        p.implementationPlan = s.implementationPlan();
        p.preProcurementReviews.addAll(s.preProcurementReviews());
        p.noProcurementReason = s.noProcurementReason();
        p.substantiveStartOn = s.substantiveStartOn();
        p.contracts.addAll(s.contracts());
        p.progressReports.addAll(s.progressReports());
        p.changes.addAll(s.changes());
        p.situationReports.addAll(s.situationReports());
        p.securityReviews.addAll(s.securityReviews());
        p.trialStartOn = s.trialStartOn();
        p.selfInspection = s.selfInspection();
        p.acceptances.addAll(s.acceptances());
        p.operatingFrom = s.operatingFrom();
        p.acceptanceReportOn = s.acceptanceReportOn();
        p.finalAccountsOn = s.finalAccountsOn();
        p.finalAccountsAmount = s.finalAccountsAmount();
        p.termination = s.termination();
        p.maintenanceArrangement = s.maintenanceArrangement();
        p.deadlines.addAll(s.deadlines());
        return p;
    }

    /** Everything the project holds, as one immutable value (for storage and for copies). */
    public Snapshot snapshot() {
        return new Snapshot(id, unit, policyId, version, profile, state, suspendedFrom, createdOn, declaredOn,
                supplementary, higherLevelReportedOn, List.copyOf(reviews), funding, approval, plan,
                implementationPlan, List.copyOf(preProcurementReviews), noProcurementReason, substantiveStartOn,
                List.copyOf(contracts), List.copyOf(progressReports), List.copyOf(changes),
                List.copyOf(situationReports), List.copyOf(securityReviews), trialStartOn, selfInspection,
                List.copyOf(acceptances), operatingFrom, acceptanceReportOn, finalAccountsOn, finalAccountsAmount,
                termination, maintenanceArrangement, List.copyOf(deadlines));
    }

    /** All the state of a project, as stored. */
    public record Snapshot(
            ProjectId id, UnitId unit, String policyId, long version, ProjectProfile profile, ProjectState state,
            ProjectState suspendedFrom, LocalDate createdOn, LocalDate declaredOn, Supplementary supplementary,
            LocalDate higherLevelReportedOn, List<ReviewOpinion> reviews, FundingOpinion funding,
            GovernmentApproval approval, PlanInclusion plan, ImplementationPlan implementationPlan,
            List<PreProcurementReview> preProcurementReviews, String noProcurementReason,
            LocalDate substantiveStartOn, List<Contract> contracts, List<ProgressReport> progressReports,
            List<ChangeRequest> changes, List<SituationReport> situationReports,
            List<SecurityReview> securityReviews, LocalDate trialStartOn, SelfInspection selfInspection,
            List<Acceptance> acceptances, LocalDate operatingFrom, LocalDate acceptanceReportOn,
            LocalDate finalAccountsOn, Money finalAccountsAmount, Termination termination,
            String maintenanceArrangement, List<Deadline> deadlines) {
    }

    /** A copy that shares nothing mutable with this project. */
    public Project copy() {
        return restore(snapshot());
    }

    // ---------------------------------------------------------------- declaration (Art. 2, 7, 10, 15, 19)

    /**
     * A draft takes the pack in force on the day it is declared (Art. 28); once declared, its pack never changes.
     */
    public void adoptPolicy(String newPolicyId) {
        if (state == ProjectState.DRAFT) {
            this.policyId = Objects.requireNonNull(newPolicyId, "policyId");
        }
    }

    /** Replaces the content of a draft. */
    public Outcome editDraft(ProjectProfile newProfile, PolicyPack pack) {
        Outcome order = requireStep(Step.EDIT_DRAFT, pack);
        if (order.isRefused()) {
            return order;
        }
        this.profile = Objects.requireNonNull(newProfile, "profile");
        return Outcome.allowed();
    }

    /**
     * Declares the draft in the yearly window (Art. 7). Refused when the window for its plan year is not open
     * today, when the accountable people are missing (Art. 19), when budget lines fall outside the measures
     * (Art. 2), when a new project at or above the threshold budgets no supervision with real money in it, or when
     * it is a supervision service declared on its own (Art. 15), or when it states no performance goal, or one
     * without its kind or target (Art. 23).
     *
     * @param window the Bureau's window for the project's plan year, if any was opened
     */
    public Outcome declare(LocalDate today, Optional<DeclarationWindow> window, PolicyPack pack) {
        Outcome order = requireStep(Step.DECLARE, pack);
        if (order.isRefused()) {
            return order;
        }
        List<Violation> found = declarationChecks(pack);
        Optional<DeclarationWindow> ownYear = window.filter(w -> w.planYear() == profile.planYear());
        if (ownYear.isEmpty() || !ownYear.get().isOpenOn(today)) {
            found.add(pack.violation(RuleCode.ART7_WINDOW_CLOSED, ownYear
                    .map(w -> profile.planYear() + "年度集中申报期为" + w.opensOn() + "至" + w.closesOn()
                            + "，不在申报期内；确需当年实施的项目请按" + pack.articleZh(Provision.SUPPLEMENTARY) + "追加申报")
                    .orElse(profile.planYear() + "年度集中申报尚未启动；确需当年实施的项目请按" + pack.articleZh(Provision.SUPPLEMENTARY) + "追加申报")));
        }
        return apply(Step.DECLARE, pack, Outcome.of(found), () -> {
            state = ProjectState.DECLARED;
            declaredOn = today;
        });
    }

    /**
     * Declares an off-window project that must be carried out this year (Art. 10): it needs the requirement that
     * makes it necessary and a feasibility study; the Bureau then reviews its feasibility.
     */
    public Outcome declareSupplementary(LocalDate today, Supplementary request, PolicyPack pack) {
        Outcome order = requireStep(Step.DECLARE_SUPPLEMENTARY, pack);
        if (order.isRefused()) {
            return order;
        }
        List<Violation> found = declarationChecks(pack);
        if (request == null || blank(request.requirement())) {
            found.add(pack.violation(RuleCode.ART10_SUPPLEMENTARY, "须注明国家、省、市的明确建设要求"));
        }
        if (request == null || blank(request.feasibilityStudy())) {
            found.add(pack.violation(RuleCode.ART10_SUPPLEMENTARY, "须报送项目可行性研究方案"));
        }
        if (profile.planYear() != today.getYear()) {
            found.add(pack.violation(RuleCode.ART10_SUPPLEMENTARY,
                    "追加项目须在当年实施，计划年度应为" + today.getYear() + "年"));
        }
        return apply(Step.DECLARE_SUPPLEMENTARY, pack, Outcome.of(found), () -> {
            state = ProjectState.DECLARED;
            declaredOn = today;
            supplementary = request;
        });
    }

    private List<Violation> declarationChecks(PolicyPack pack) {
        List<Violation> found = new ArrayList<>();
        if (profile.people() == null) {
            found.add(pack.violation(RuleCode.ART19_RESPONSIBLE_PEOPLE, "申报前须填写分管领导和责任人及其联系方式"));
        }
        List<String> outOfScope = new ArrayList<>();
        for (BudgetLine line : profile.budgetLines()) {
            List<ScopeExclusion> kinds = pack.exclusionsOf(line.item(), line.kind());
            if (!kinds.isEmpty()) {
                outOfScope.add(line.item() + "（属" + kinds.get(0).kindZh() + "）");
            }
        }
        if (!outOfScope.isEmpty()) {
            found.add(pack.violation(RuleCode.ART2_OUT_OF_SCOPE, "不属于本办法项目的预算明细：" + String.join("、", outOfScope)));
        }
        List<String> emptySupervision = profile.budgetLines().stream()
                .filter(l -> l.supervision() && !l.isFundedSupervision()).map(BudgetLine::item).toList();
        if (!emptySupervision.isEmpty()) {
            found.add(pack.violation(RuleCode.ART15_SUPERVISION_REQUIRED,
                    "监理费用须列明实际金额，以下监理明细金额为零：" + String.join("、", emptySupervision)));
        }
        Money total = profile.totalInvestment();
        if (pack.requiresSupervision(profile.nature(), total) && !profile.budgetsSupervision()) {
            found.add(pack.violation(RuleCode.ART15_SUPERVISION_REQUIRED,
                    "本项目为" + profile.nature().zh() + "项目，总投资" + total.toChinese() + "，预算中未列监理费用"));
        }
        if (profile.isSupervisionService()) {
            // the same answer whatever project it names: one under the threshold, another unit's, or none at all
            found.add(pack.violation(RuleCode.ART15_SUPERVISION_REQUIRED,
                    "监理费用应包含在被监理项目的资金中，不得单独申报监理项目"));
        }
        found.addAll(goalChecks(pack));
        return found;
    }

    /**
     * The performance goals a declaration must state (Art. 1, 4, 23): at least one, each with its kind (产出、效益、满意度
     * 指标) and a target, so that self-inspection can report their achievement and the Bureau evaluate it.
     */
    private List<Violation> goalChecks(PolicyPack pack) {
        List<PerformanceGoal> goals = profile.performanceGoals();
        if (goals.isEmpty()) {
            return List.of(pack.violation(RuleCode.ART23_PERFORMANCE_GOALS,
                    "尚未设定绩效目标，请至少填写一项绩效目标及其目标值"));
        }
        List<Violation> found = new ArrayList<>();
        List<String> noTarget = goals.stream().filter(g -> !g.hasTarget()).map(PerformanceGoal::indicator).toList();
        if (!noTarget.isEmpty()) {
            found.add(pack.violation(RuleCode.ART23_PERFORMANCE_GOALS,
                    "以下绩效目标没有目标值：" + String.join("、", noTarget)));
        }
        List<String> noKind = goals.stream().filter(g -> g.kind() == null).map(PerformanceGoal::indicator).toList();
        if (!noKind.isEmpty()) {
            found.add(pack.violation(RuleCode.ART23_PERFORMANCE_GOALS,
                    "以下绩效目标未注明指标类别（产出指标、效益指标、满意度指标）：" + String.join("、", noKind)));
        }
        return found;
    }

    // ---------------------------------------------------------------- review, funding, approval (Art. 8, 10)

    /** The Bureau starts the expert review of a declaration (Art. 8) or the feasibility review (Art. 10). */
    public Outcome startReview(LocalDate today, PolicyPack pack) {
        return transition(Step.START_REVIEW, pack, requireStep(Step.START_REVIEW, pack), ProjectState.UNDER_REVIEW);
    }

    /** The Bureau records the experts' opinion (Art. 8); a negative opinion ends the project as rejected. */
    public Outcome recordReview(ReviewOpinion opinion, PolicyPack pack) {
        Outcome order = requireStep(Step.RECORD_REVIEW, pack);
        if (order.isRefused()) {
            return order;
        }
        if (opinion.experts().isEmpty()) {
            return Outcome.refused(pack.violation(RuleCode.ART8_REVIEW_REQUIRED, "评审意见须由专家作出，请填写评审专家"));
        }
        return apply(Step.RECORD_REVIEW, pack, order, () -> {
            reviews.add(opinion);
            state = opinion.approved() ? ProjectState.REVIEWED : ProjectState.REJECTED;
        });
    }

    /** Finance's funding opinion, which needs the expert review opinion first (Art. 8). */
    public Outcome proposeFunding(FundingOpinion opinion, PolicyPack pack) {
        if (supplementary != null) {
            return Outcome.refused(pack.orderViolation(Provision.SUPPLEMENTARY,
                    "追加项目经可行性评审后由实施单位报市政府同意，不经年度资金安排意见"));
        }
        if (state.ordinal() < ProjectState.REVIEWED.ordinal()) {
            return Outcome.refused(pack.violation(RuleCode.ART8_REVIEW_REQUIRED,
                    "项目当前状态为「" + state.zh() + "」，尚无专家评审意见"));
        }
        return transition(Step.PROPOSE_FUNDING, pack, requireStep(Step.PROPOSE_FUNDING, pack), ProjectState.FUNDING_PROPOSED,
                () -> funding = opinion);
    }

    /**
     * The government's decision (市政府审定, Art. 8), which needs Finance's funding opinion; for an off-window
     * project, its consent to the addition (Art. 10), which needs the Bureau's positive feasibility review.
     */
    public Outcome recordApproval(GovernmentApproval decision, PolicyPack pack) {
        if (supplementary != null) {
            if (state != ProjectState.REVIEWED) {
                return Outcome.refused(pack.violation(RuleCode.ART10_SUPPLEMENTARY,
                        "项目当前状态为「" + state.zh() + "」，须先经可行性评审通过"));
            }
        } else if (state != ProjectState.FUNDING_PROPOSED) {
            if (state.ordinal() < ProjectState.FUNDING_PROPOSED.ordinal()) {
                return Outcome.refused(pack.violation(RuleCode.ART8_REVIEW_REQUIRED,
                        "项目当前状态为「" + state.zh() + "」，市财政局尚未提出资金安排意见"));
            }
            return Outcome.refused(pack.orderViolation(Provision.REVIEW_AND_APPROVAL, "项目当前状态为「" + state.zh() + "」，不能录入市政府审定意见"));
        }
        return transition(Step.RECORD_APPROVAL, pack, Outcome.allowed(), ProjectState.APPROVED, () -> approval = decision);
    }

    // ---------------------------------------------------------------- the plan (Art. 9, 10, 17, 13)

    /**
     * Puts the project in the annual plan being issued (Art. 9) — only with its budget in place — or adds an
     * approved off-window project to the plan (Art. 10). The date starts the implementation-plan and
     * substantive-start clocks.
     */
    public Outcome includeInPlan(PlanInclusion inclusion, DeadlineCalculator calc) {
        PolicyPack pack = calc.pack();
        if (state != ProjectState.APPROVED) {
            if (state.ordinal() < ProjectState.APPROVED.ordinal() || state == ProjectState.REJECTED) {
                return Outcome.refused(pack.violation(RuleCode.ART9_NOT_FUNDED,
                        label() + "当前状态为「" + state.zh() + "」，财政预算尚未落实"));
            }
            return Outcome.refused(pack.orderViolation(Provision.ANNUAL_PLAN, label() + "已列入实施计划"));
        }
        if (!inclusion.addition() && inclusion.planYear() != profile.planYear()) {
            return Outcome.refused(pack.orderViolation(Provision.ANNUAL_PLAN, label() + "申报的计划年度为"
                    + profile.planYear() + "年，不能列入" + inclusion.planYear() + "年度实施计划"));
        }
        if (inclusion.addition() != (supplementary != null)) {
            return Outcome.refused(pack.violation(RuleCode.ART10_SUPPLEMENTARY, supplementary != null
                    ? "追加项目应追加列入年度实施计划"
                    : "集中申报的项目应随年度实施计划下达，不作追加"));
        }
        return transition((supplementary != null ? Step.ADD_TO_PLAN : Step.ISSUE_PLAN), pack, Outcome.allowed(), ProjectState.PLANNED, () -> {
            plan = inclusion;
            deadlines.add(calc.open(DeadlineKind.IMPL_PLAN, null, inclusion.on()));
            deadlines.add(calc.open(DeadlineKind.SUBSTANTIVE_START, null, inclusion.on()));
        });
    }

    /** A fully higher-level-funded project is reported to the Bureau before implementation (Art. 11). */
    public Outcome reportHigherLevelFunding(LocalDate today, PolicyPack pack) {
        if (profile.funding() != FundingSource.HIGHER_LEVEL) {
            return Outcome.refused(pack.orderViolation(Provision.HIGHER_LEVEL_FUNDING, "本项目为市级财政性资金项目，无需按" + pack.articleZh(Provision.HIGHER_LEVEL_FUNDING) + "报送"));
        }
        if (higherLevelReportedOn != null) {
            return Outcome.refused(pack.orderViolation(Provision.HIGHER_LEVEL_FUNDING, "已于" + higherLevelReportedOn + "报送"));
        }
        Outcome order = requireStep(Step.REPORT_HIGHER_LEVEL_FUNDING, pack);
        if (order.isRefused()) {
            return order;
        }
        return apply(Step.REPORT_HIGHER_LEVEL_FUNDING, pack, Outcome.allowed(), () -> higherLevelReportedOn = today);
    }

    /**
     * The unit submits its implementation plan (Art. 13): only for a project in an issued plan (Art. 12); its
     * content must match the declaration and its budget stay within the approved one (a difference needs an
     * approved change, Art. 18); a higher-level-funded project must have been reported first (Art. 11).
     */
    public Outcome submitImplementationPlan(ImplementationPlan plan, PolicyPack pack) {
        if (!state.isInPlan()) {
            return Outcome.refused(pack.violation(RuleCode.ART12_NOT_IN_PLAN,
                    "项目当前状态为「" + state.zh() + "」，尚未列入已下达的实施计划"));
        }
        Outcome order = requireStep(Step.SUBMIT_IMPLEMENTATION_PLAN, pack);
        if (order.isRefused()) {
            return order;
        }
        List<Violation> found = new ArrayList<>();
        if (profile.funding() == FundingSource.HIGHER_LEVEL && higherLevelReportedOn == null) {
            found.add(pack.violation(RuleCode.ART11_REPORT_FIRST, "请先报送上级统筹安排资金的相关情况"));
        }
        List<String> agreed = agreedScope();
        List<String> extra = plan.scopeItems().stream().filter(i -> !agreed.contains(i)).toList();
        if (!extra.isEmpty()) {
            found.add(pack.violation(RuleCode.ART13_PLAN_INCONSISTENT,
                    "以下内容不在申报内容中，须先按" + pack.articleZh(Provision.CHANGE) + "申请变更：" + String.join("、", extra)));
        }
        List<String> dropped = agreed.stream().filter(i -> !plan.scopeItems().contains(i)).toList();
        if (!dropped.isEmpty() && !plan.scopeItems().isEmpty()) {
            found.add(pack.violation(RuleCode.ART13_PLAN_INCONSISTENT,
                    "实施方案缺少申报的建设内容，删减须先按" + pack.articleZh(Provision.CHANGE) + "申请变更：" + String.join("、", dropped)));
        }
        if (plan.scopeItems().isEmpty()) {
            found.add(pack.violation(RuleCode.ART13_PLAN_INCONSISTENT, "实施方案须列明建设内容"));
        }
        Money budget = agreedBudget();
        if (plan.budget().exceeds(budget)) {
            found.add(pack.violation(RuleCode.ART13_PLAN_INCONSISTENT,
                    "实施方案预算" + plan.budget().toChinese() + "超出批复预算" + budget.toChinese()));
        }
        return transition(Step.SUBMIT_IMPLEMENTATION_PLAN, pack, Outcome.of(found), ProjectState.IMPLEMENTING, () -> {
            implementationPlan = plan;
            meet(DeadlineKind.IMPL_PLAN, null, plan.submittedOn());
        });
    }

    /** The content agreed: the declaration's, or that of the last approved change. */
    public List<String> agreedScope() {
        List<String> scope = profile.scopeItems();
        for (ChangeRequest c : changes) {
            if (c.status() == ChangeRequest.Status.APPROVED && !c.newScopeItems().isEmpty()) {
                scope = c.newScopeItems();
            }
        }
        return scope;
    }

    /**
     * The budget agreed: the government's approved budget, or a lower one from an approved change, or — after the
     * tender — the budget a change recorded under the Government Procurement Law within its limit set (Art. 18).
     */
    public Money agreedBudget() {
        Money budget = approval == null ? profile.totalInvestment() : approval.approvedBudget();
        for (ChangeRequest c : changes) {
            if (c.newBudget() != null && (c.status() == ChangeRequest.Status.APPROVED
                    || c.status() == ChangeRequest.Status.UNDER_PROCUREMENT_LAW)) {
                budget = c.newBudget();
            }
        }
        return budget;
    }

    /** The budget as it stood when the tender ended: changes after it do not count (Art. 18). */
    private Money budgetAtTender() {
        Money budget = approval == null ? profile.totalInvestment() : approval.approvedBudget();
        for (ChangeRequest c : changes) {
            if (c.status() == ChangeRequest.Status.APPROVED && c.newBudget() != null) {
                budget = c.newBudget();
            }
        }
        return budget;
    }

    // ---------------------------------------------------------------- procurement and contracts (Art. 13, 14, 17)

    /** The Bureau's review before procurement (Art. 13); when it passes the project enters procurement. */
    public Outcome recordPreProcurementReview(PreProcurementReview review, PolicyPack pack) {
        Outcome order = requireStep(Step.PRE_PROCUREMENT_REVIEW, pack);
        if (order.isRefused()) {
            return order;
        }
        if (noProcurementReason != null) {
            return Outcome.refused(pack.orderViolation(Provision.IMPLEMENTATION_PLAN, "本项目已记录为无需政府采购"));
        }
        Outcome gates = review.passed() ? reviewGates(Gate.PROCUREMENT, pack) : Outcome.allowed();
        return apply(Step.PRE_PROCUREMENT_REVIEW, pack, gates, () -> {
            preProcurementReviews.add(review);
            if (review.passed()) {
                state = ProjectState.PROCUREMENT;
            }
        });
    }

    /**
     * A project that needs no procurement records why and when it started (RULES.md §3): that is its substantive
     * start (Art. 17).
     */
    public Outcome recordStartWithoutProcurement(String reason, LocalDate startedOn, DeadlineCalculator calc) {
        PolicyPack pack = calc.pack();
        Outcome order = requireStep(Step.RECORD_START_WITHOUT_PROCUREMENT, pack);
        if (order.isRefused()) {
            return order;
        }
        if (blank(reason)) {
            return Outcome.refused(pack.orderViolation(Provision.IMPLEMENTATION_PLAN, "不经政府采购的项目须记录理由"));
        }
        if (noProcurementReason != null) {
            return Outcome.refused(pack.orderViolation(Provision.START_AND_TERMINATION, "已记录开工"));
        }
        Outcome dates = notBefore(pack, Provision.START_AND_TERMINATION, "开工日期", startedOn, stepsBeforeStart());
        if (dates.isRefused()) {
            return dates;
        }
        return apply(Step.RECORD_START_WITHOUT_PROCUREMENT, pack, order, () -> {
            noProcurementReason = reason.trim();
            startSubstantively(startedOn, calc);
        });
    }

    /**
     * The unit records a signed contract (Art. 14): only after the pre-procurement review (Art. 13) and within
     * the approved budget. The first contract is the substantive start (Art. 17); each contract must be filed with
     * the Bureau within the pack's working days.
     */
    public Outcome signContract(Contract contract, DeadlineCalculator calc) {
        PolicyPack pack = calc.pack();
        if (state == ProjectState.SUSPENDED) {
            return suspendedRefusal(pack, Provision.CONTRACT);
        }
        if (!state.isInPlan()) {
            return Outcome.refused(pack.violation(RuleCode.ART12_NOT_IN_PLAN,
                    "项目当前状态为「" + state.zh() + "」，尚未列入已下达的实施计划"));
        }
        if (state == ProjectState.PLANNED || state == ProjectState.IMPLEMENTING) {
            return Outcome.refused(pack.violation(RuleCode.ART13_PRE_PROCUREMENT,
                    state == ProjectState.PLANNED ? "请先报送实施方案" : "尚无市大数据管理局实施前评审通过的意见"));
        }
        Outcome order = requireStep(Step.SIGN_CONTRACT, pack);
        if (order.isRefused()) {
            return order;
        }
        if (plan != null && contract.signedOn().isBefore(plan.on())) {
            return Outcome.refused(pack.violation(RuleCode.ART12_NOT_IN_PLAN,
                    "合同签订日期" + contract.signedOn() + "早于列入实施计划日期" + plan.on()));
        }
        Outcome dates = notBefore(pack, Provision.CONTRACT, "合同签订日期", contract.signedOn(), stepsBeforeStart());
        if (dates.isRefused()) {
            return dates;
        }
        if (contracts.stream().anyMatch(c -> c.number().equals(contract.number()))) {
            return Outcome.refused(pack.orderViolation(Provision.CONTRACT, "合同编号" + contract.number() + "已录入"));
        }
        Money signed = contracts.stream().map(Contract::amount).reduce(contract.amount(), Money::plus);
        Money budget = agreedBudget();
        if (signed.exceeds(budget)) {
            return Outcome.refused(pack.violation(RuleCode.ART14_CONTRACT_OVER_BUDGET,
                    "合同金额合计" + signed.toChinese() + "超出批复预算" + budget.toChinese()));
        }
        return apply(Step.SIGN_CONTRACT, pack, order, () -> {
            boolean first = contracts.isEmpty();
            contracts.add(contract.filed(null));
            state = ProjectState.CONTRACTED;
            deadlines.add(calc.open(DeadlineKind.CONTRACT_FILING, contract.number(), contract.signedOn()));
            if (contract.warrantyEnd() != null) {
                deadlines.add(calc.openOnDate(DeadlineKind.WARRANTY_END, contract.number(), contract.signedOn(),
                        contract.warrantyEnd()));
            }
            if (first) {
                startSubstantively(contract.signedOn(), calc);
            }
        });
    }

    private void startSubstantively(LocalDate on, DeadlineCalculator calc) {
        substantiveStartOn = on;
        meet(DeadlineKind.SUBSTANTIVE_START, null, on);
        deadlines.add(calc.open(DeadlineKind.PROGRESS_REPORT, null, on));
    }

    /** The unit files a signed contract with the Bureau (Art. 14); a late filing is recorded as late. */
    public Outcome fileContract(String number, LocalDate today, PolicyPack pack) {
        if (state.isFinal()) {
            return Outcome.refused(pack.orderViolation(Provision.CONTRACT, "项目当前状态为「" + state.zh() + "」，不能报送合同"));
        }
        Optional<Contract> found = contracts.stream().filter(c -> c.number().equals(number)).findFirst();
        if (found.isEmpty()) {
            return Outcome.refused(pack.orderViolation(Provision.CONTRACT, "未找到合同编号" + number));
        }
        if (found.get().filedOn() != null) {
            return Outcome.refused(pack.orderViolation(Provision.CONTRACT, "合同" + number + "已于" + found.get().filedOn() + "报送"));
        }
        return apply(Step.FILE_CONTRACT, pack, Outcome.allowed(), () -> {
            contracts.replaceAll(c -> c.number().equals(number) ? c.filed(today) : c);
            meet(DeadlineKind.CONTRACT_FILING, number, today);
        });
    }

    // ---------------------------------------------------------------- implementation (Art. 16, 17, 18)

    /** A progress report (Art. 16) meets the open one and starts the next interval. */
    public Outcome reportProgress(ProgressReport report, DeadlineCalculator calc) {
        PolicyPack pack = calc.pack();
        if (substantiveStartOn == null || !Set.of(ProjectState.IMPLEMENTING, ProjectState.PROCUREMENT,
                ProjectState.CONTRACTED, ProjectState.TRIAL_RUN, ProjectState.ACCEPTANCE_PENDING,
                ProjectState.SUSPENDED).contains(state)) {
            return Outcome.refused(pack.orderViolation(Provision.PROGRESS_REPORT, "项目当前状态为「" + state.zh() + "」，尚未启动实施，无需报送进度"));
        }
        if (report.percentComplete() < 0 || report.percentComplete() > 100 || blank(report.summary())) {
            return Outcome.refused(pack.orderViolation(Provision.PROGRESS_REPORT, "进度报告须说明实施情况，完成比例为0至100"));
        }
        return apply(Step.REPORT_PROGRESS, pack, Outcome.allowed(), () -> {
            progressReports.add(report);
            meet(DeadlineKind.PROGRESS_REPORT, null, report.on());
            deadlines.add(calc.open(DeadlineKind.PROGRESS_REPORT, null, report.on()));
        });
    }

    /**
     * A change of goals or content (Art. 18). Before tender it needs the Bureau's approval and may not raise the
     * budget (declare anew instead); after tender it is recorded as handled under the Government Procurement Law,
     * and may raise the budget by no more than the pack's share of the contracts (政府采购法第四十九条: 10 %).
     */
    public Outcome requestChange(ChangeRequest request, PolicyPack pack) {
        if (!state.isInPlan() || state.isFinal()) {
            return Outcome.refused(pack.orderViolation(Provision.CHANGE, "项目当前状态为「" + state.zh() + "」，不能申请变更"));
        }
        if (blank(request.description())) {
            return Outcome.refused(pack.violation(RuleCode.ART18_CHANGE_BEFORE_TENDER, "变更申请须说明变更内容和理由"));
        }
        if (changes.stream().anyMatch(c -> c.status() == ChangeRequest.Status.PENDING)) {
            return Outcome.refused(pack.orderViolation(Provision.CHANGE, "已有待审批的变更申请"));
        }
        boolean beforeTender = state.isBeforeTender();
        if (beforeTender && request.newBudget() != null && request.newBudget().exceeds(agreedBudget())) {
            return Outcome.refused(pack.violation(RuleCode.ART18_CHANGE_BEFORE_TENDER,
                    "变更后预算" + request.newBudget().toChinese() + "超出批复预算" + agreedBudget().toChinese()
                            + "，涉及资金预算追加的应重新申报"));
        }
        if (!beforeTender && request.newBudget() != null) {
            Money atTender = budgetAtTender();
            Money contracted = contracts.stream().map(Contract::amount).reduce(Money.ZERO, Money::plus);
            Money limit = pack.contractAdditionLimit(contracted);
            if (request.newBudget().exceeds(atTender.plus(limit))) {
                return Outcome.refused(pack.violation(RuleCode.ART18_CHANGE_AFTER_TENDER,
                        "变更后预算" + request.newBudget().toChinese() + "，比招标时的批复预算" + atTender.toChinese()
                                + "追加超过合同金额合计" + contracted.toChinese() + "的"
                                + pack.contractAdditionPercent() + "%（" + limit.toChinese() + "），应重新申报"));
            }
        }
        ChangeRequest recorded = new ChangeRequest(request.id(), request.requestedOn(), request.description().trim(),
                request.newScopeItems(), request.newBudget(),
                beforeTender ? ChangeRequest.Status.PENDING : ChangeRequest.Status.UNDER_PROCUREMENT_LAW, null, null);
        return apply(Step.REQUEST_CHANGE, pack, Outcome.allowed(), () -> changes.add(recorded));
    }

    /** The Bureau approves or refuses a pending change (Art. 18). */
    public Outcome decideChange(UUID changeId, boolean approved, LocalDate today, String opinion, PolicyPack pack) {
        Optional<ChangeRequest> pending = changes.stream()
                .filter(c -> c.id().equals(changeId) && c.status() == ChangeRequest.Status.PENDING).findFirst();
        if (pending.isEmpty()) {
            return Outcome.refused(pack.orderViolation(Provision.CHANGE, "没有待审批的该项变更申请"));
        }
        return apply(Step.DECIDE_CHANGE, pack, Outcome.allowed(), () -> changes.replaceAll(
                c -> c.id().equals(changeId) ? c.decided(approved, today, opinion) : c));
    }

    /**
     * A written report (Art. 17) that the project cannot finish on time, is suspended or is to be terminated;
     * it must give reasons and go to both the Bureau and Finance. A suspension suspends the project; a
     * termination report awaits the Bureau's decision.
     */
    public Outcome reportSituation(SituationReport report, PolicyPack pack) {
        if (!state.isInPlan() && state != ProjectState.SUSPENDED || state.isFinal() || state == ProjectState.OPERATING) {
            return Outcome.refused(pack.orderViolation(Provision.START_AND_TERMINATION, "项目当前状态为「" + state.zh() + "」，不能报送此报告"));
        }
        if (report.kind() == SituationReport.Kind.SUSPENSION && state == ProjectState.SUSPENDED) {
            return Outcome.refused(pack.orderViolation(Provision.START_AND_TERMINATION, "项目已中止"));
        }
        List<Violation> found = new ArrayList<>();
        if (blank(report.reason())) {
            found.add(pack.violation(RuleCode.ART17_DELAY_REPORT, "书面报告须说明理由"));
        }
        if (!report.toBureau() || !report.toFinance()) {
            found.add(pack.violation(RuleCode.ART17_DELAY_REPORT, "书面报告须同时报送市大数据管理局和市财政局"));
        }
        return apply(Step.REPORT_SITUATION, pack, Outcome.of(found), () -> {
            situationReports.add(report);
            if (report.kind() == SituationReport.Kind.SUSPENSION) {
                suspendedFrom = state;
                state = ProjectState.SUSPENDED;
            }
        });
    }

    /** A suspended project resumes where it was (Art. 17). */
    public Outcome resume(LocalDate today, PolicyPack pack) {
        Outcome order = requireStep(Step.RESUME, pack);
        return transition(Step.RESUME, pack, order, suspendedFrom, () -> suspendedFrom = null);
    }

    /**
     * The Bureau terminates the project (Art. 17), recording the notice (通报); every open deadline is waived and
     * the funds are to be recovered by Finance.
     */
    public Outcome terminate(LocalDate today, String reason, String notice, PolicyPack pack) {
        boolean terminable = state == ProjectState.SUSPENDED
                || state.ordinal() >= ProjectState.PLANNED.ordinal() && state.ordinal() <= ProjectState.ACCEPTANCE_PENDING.ordinal();
        if (!terminable) {
            return Outcome.refused(pack.orderViolation(Provision.START_AND_TERMINATION, "项目当前状态为「" + state.zh() + "」，不能终止"));
        }
        if (blank(reason)) {
            return Outcome.refused(pack.orderViolation(Provision.START_AND_TERMINATION, "终止项目须说明理由"));
        }
        return transition(Step.TERMINATE, pack, Outcome.allowed(), ProjectState.TERMINATED, () -> {
            termination = new Termination(today, reason.trim(), blank(notice) ? null : notice.trim(), null, null);
            suspendedFrom = null;
            waiveOpen("项目已终止");
        });
    }

    /** Finance records the recovery of a terminated project's funds (Art. 17). */
    public Outcome recordFundRecovery(LocalDate today, Money amount, PolicyPack pack) {
        if (state != ProjectState.TERMINATED || termination == null) {
            return Outcome.refused(pack.orderViolation(Provision.START_AND_TERMINATION, "只有已终止的项目才收回项目资金"));
        }
        if (termination.fundsRecoveredOn() != null) {
            return Outcome.refused(pack.orderViolation(Provision.START_AND_TERMINATION, "已于" + termination.fundsRecoveredOn() + "记录资金收回"));
        }
        return apply(Step.RECORD_FUND_RECOVERY, pack, Outcome.allowed(), () -> termination = termination.recovered(today, amount));
    }

    /**
     * The Bureau records a reasoned exception to the Art. 17 one-year start limit ("原则上终止"): the
     * substantive-start deadline is waived with the reason.
     */
    public Outcome recordStartException(String reason, PolicyPack pack) {
        if (blank(reason)) {
            return Outcome.refused(pack.orderViolation(Provision.START_AND_TERMINATION, "例外处理须说明理由"));
        }
        if (openDeadline(DeadlineKind.SUBSTANTIVE_START, null).isEmpty()) {
            return Outcome.refused(pack.orderViolation(Provision.START_AND_TERMINATION, "本项目没有未完成的实质性启动期限"));
        }
        return apply(Step.RECORD_START_EXCEPTION, pack, Outcome.allowed(), () -> replaceDeadline(DeadlineKind.SUBSTANTIVE_START, null,
                d -> d.waived("例外：" + reason.trim())));
    }

    /** The Bureau waives an open deadline with a reason. */
    public Outcome waiveDeadline(UUID deadlineId, String reason, PolicyPack pack) {
        Optional<Deadline> d = deadlines.stream().filter(x -> x.id().equals(deadlineId) && x.isOpen()).findFirst();
        if (d.isEmpty() || blank(reason)) {
            return Outcome.refused(pack.orderViolation(d.map(x -> x.kind().provision()).orElse(Provision.PROGRESS_REPORT),
                    d.isEmpty() ? "没有未完成的该项期限" : "豁免期限须说明理由"));
        }
        return apply(Step.WAIVE_DEADLINE, pack, Outcome.allowed(), () -> deadlines.replaceAll(x -> x.id().equals(deadlineId) ? x.waived(reason.trim()) : x));
    }

    // ---------------------------------------------------------------- reviews of Art. 4

    /** The Cyberspace office's security review, or the crypto-application review (Art. 4). */
    public Outcome recordSecurityReview(SecurityReview review, PolicyPack pack) {
        if (state.ordinal() < ProjectState.DECLARED.ordinal() || state.isFinal()) {
            return Outcome.refused(pack.orderViolation(Provision.AUTHORITIES, "项目当前状态为「" + state.zh() + "」，不能录入审查意见"));
        }
        if (review.kind() == SecurityReview.Kind.CRYPTOGRAPHY && !profile.usesCryptography()) {
            return Outcome.refused(pack.orderViolation(Provision.AUTHORITIES, "本项目未申报密码应用"));
        }
        return apply((review.kind() == SecurityReview.Kind.CRYPTOGRAPHY ? Step.RECORD_CRYPTO_REVIEW : Step.RECORD_CYBERSEC_REVIEW), pack,
                Outcome.allowed(), () -> securityReviews.add(review));
    }

    private Outcome reviewGates(Gate gate, PolicyPack pack) {
        List<Violation> found = new ArrayList<>();
        if (pack.cybersecReviewGate() == gate && !hasPassedReview(SecurityReview.Kind.CYBERSECURITY)) {
            found.add(pack.violation(RuleCode.ART4_CYBERSEC_REVIEW, gate.zh() + "前须有市委网信办通过的网络安全审查意见"));
        }
        if (profile.usesCryptography() && pack.cryptoReviewGate() == gate
                && !hasPassedReview(SecurityReview.Kind.CRYPTOGRAPHY)) {
            found.add(pack.violation(RuleCode.ART4_CRYPTO_REVIEW, gate.zh() + "前须有通过的密码应用审查意见"));
        }
        return Outcome.of(found);
    }

    private boolean hasPassedReview(SecurityReview.Kind kind) {
        SecurityReview last = null;
        for (SecurityReview r : securityReviews) {
            if (r.kind() == kind) {
                last = r;
            }
        }
        return last != null && last.passed();
    }

    // ---------------------------------------------------------------- trial run and acceptance (Art. 21–25)

    /**
     * The system goes live on trial (Art. 22): after the contract, or after a recorded start of a project without
     * procurement. The trial starts once: it cannot be restarted to extend it (Art. 21).
     */
    public Outcome startTrialRun(LocalDate startedOn, DeadlineCalculator calc) {
        PolicyPack pack = calc.pack();
        if (state == ProjectState.SUSPENDED) {
            return suspendedRefusal(pack, Provision.TRIAL_RUN);
        }
        if (trialStartOn != null) {
            return Outcome.refused(pack.violation(RuleCode.ART21_NOT_ACCEPTED, "试运行已于" + trialStartOn + "开始，不能重新开始或延长"));
        }
        boolean startedWithoutProcurement = state == ProjectState.IMPLEMENTING && noProcurementReason != null;
        if (state != ProjectState.CONTRACTED && !startedWithoutProcurement) {
            if (!state.isInPlan()) {
                return Outcome.refused(pack.violation(RuleCode.ART12_NOT_IN_PLAN,
                        "项目当前状态为「" + state.zh() + "」，尚未列入已下达的实施计划"));
            }
            return Outcome.refused(pack.orderViolation(Provision.TRIAL_RUN, "项目当前状态为「" + state.zh() + "」，须先签订合同或记录无需采购的开工"));
        }
        Map<String, LocalDate> before = stepsBeforeStart();
        before.put(noProcurementReason != null ? "开工" : "首份合同签订", substantiveStartOn);
        for (Contract c : contracts) {
            before.put("合同" + c.number() + "签订", c.signedOn());
            before.put("合同" + c.number() + "报送", c.filedOn());
        }
        Outcome dates = notBefore(pack, Provision.TRIAL_RUN, "试运行开始日期", startedOn, before);
        if (dates.isRefused()) {
            return dates;
        }
        return transition(Step.START_TRIAL_RUN, pack, reviewGates(Gate.TRIAL_RUN, pack), ProjectState.TRIAL_RUN, () -> {
            trialStartOn = startedOn;
            deadlines.add(calc.open(DeadlineKind.ACCEPTANCE_LIMIT, null, startedOn));
        });
    }

    /**
     * The unit's self-inspection report (Art. 23): content completion, resource catalogue, and the achievement of
     * every declared performance goal, goal by goal (value reached, met or not, why not).
     */
    public Outcome fileSelfInspection(SelfInspection report, PolicyPack pack) {
        Outcome order = requireStep(Step.FILE_SELF_INSPECTION, pack);
        if (order.isRefused()) {
            return order;
        }
        List<String> missing = new ArrayList<>();
        if (blank(report.contentCompletion())) {
            missing.add("实施内容完成情况");
        }
        if (blank(report.resourceCatalogue())) {
            missing.add("资源目录整理情况");
        }
        List<String> unreported = profile.performanceGoals().stream().map(PerformanceGoal::indicator)
                .filter(i -> report.goalAchievements().stream().noneMatch(a -> a.indicator().equals(i))).toList();
        if (profile.performanceGoals().isEmpty() && blank(report.performanceGoals())) {
            missing.add("绩效目标达成情况");
        } else if (!unreported.isEmpty()) {
            missing.add("绩效目标达成情况（未报告的指标：" + String.join("、", unreported) + "）");
        }
        List<Violation> found = new ArrayList<>();
        if (!missing.isEmpty()) {
            found.add(pack.violation(RuleCode.ART23_SELF_INSPECTION, "自查报告缺少：" + String.join("、", missing)));
        }
        found.addAll(achievementChecks(report.goalAchievements(), pack));
        if (!found.isEmpty()) {
            return Outcome.of(found);
        }
        return transition(Step.FILE_SELF_INSPECTION, pack, order, ProjectState.ACCEPTANCE_PENDING, () -> selfInspection = report);
    }

    /**
     * What the goal-by-goal report must say (Art. 23): only declared goals; for each the value actually reached; why
     * a goal was not fully met; and no goal reported as met whose number falls short of its numeric target.
     */
    private List<Violation> achievementChecks(List<GoalAchievement> achievements, PolicyPack pack) {
        List<Violation> found = new ArrayList<>();
        List<String> unknown = achievements.stream().map(GoalAchievement::indicator)
                .filter(i -> profile.goal(i).isEmpty()).distinct().toList();
        if (!unknown.isEmpty()) {
            found.add(pack.violation(RuleCode.ART23_SELF_INSPECTION,
                    "以下指标不是本项目申报的绩效目标：" + String.join("、", unknown)));
        }
        List<String> noActual = achievements.stream().filter(a -> a.actual() == null)
                .map(GoalAchievement::indicator).toList();
        if (!noActual.isEmpty()) {
            found.add(pack.violation(RuleCode.ART23_SELF_INSPECTION,
                    "以下绩效目标须填写实际完成值：" + String.join("、", noActual)));
        }
        List<String> unexplained = achievements.stream()
                .filter(a -> a.attainment() != Attainment.MET && a.explanation() == null)
                .map(GoalAchievement::indicator).toList();
        if (!unexplained.isEmpty()) {
            found.add(pack.violation(RuleCode.ART23_SELF_INSPECTION,
                    "以下绩效目标未完全达成，须说明原因：" + String.join("、", unexplained)));
        }
        List<String> shortOfTarget = new ArrayList<>();
        for (GoalAchievement a : achievements) {
            profile.goal(a.indicator()).flatMap(g -> g.metBy(a.actualValue()))
                    .filter(met -> !met && a.attainment() == Attainment.MET)
                    .ifPresent(met -> shortOfTarget.add(a.indicator() + "（实际" + a.actual() + "，目标"
                            + profile.goal(a.indicator()).orElseThrow().targetZh() + "）"));
        }
        if (!shortOfTarget.isEmpty()) {
            found.add(pack.violation(RuleCode.ART23_SELF_INSPECTION,
                    "以下绩效目标的实际完成值未达到目标值，不能报为达成：" + String.join("、", shortOfTarget)));
        }
        return found;
    }

    /**
     * The expert acceptance (Art. 24), one stage of it at a time in the order the pack holds them
     * ({@link PolicyPack#acceptanceStages()}; Taicang's measures hold one). Refused before the trial run's minimum
     * (Art. 22), without the self-inspection report (Art. 23), with too small a panel or missing documents for the
     * stage (its own article), or without the Art. 4 reviews the pack requires before acceptance. An acceptance
     * after the one-year limit is recorded as late and, at the last stage, flagged (Art. 22). A passed last stage
     * accepts the project and starts the acceptance-report and final-accounts clocks; a passed earlier stage leaves
     * the project waiting for the next. A failed first stage sends the project back to its trial run; a failed
     * later stage is held again.
     */
    public Outcome recordAcceptance(Acceptance acceptance, DeadlineCalculator calc) {
        PolicyPack pack = calc.pack();
        if (state == ProjectState.TRIAL_RUN) {
            return Outcome.refused(pack.violation(RuleCode.ART23_SELF_INSPECTION, "验收前须先报送项目自查报告"));
        }
        AcceptanceStage stage = nextAcceptanceStage(pack);
        if (state != ProjectState.ACCEPTANCE_PENDING) {
            return Outcome.refused(pack.orderViolation(stage, "项目当前状态为「" + state.zh() + "」，不能组织"
                    + (pack.acceptanceStages().size() > 1 ? stage.nameZh() : "验收")));
        }
        boolean lastStage = stage.key().equals(pack.finalAcceptanceStage().key());
        boolean firstStage = stage.key().equals(pack.acceptanceStages().get(0).key());
        String stageZh = pack.acceptanceStages().size() > 1 ? stage.nameZh() : "验收";
        Map<String, LocalDate> before = new LinkedHashMap<>();
        before.put("试运行开始", trialStartOn);
        before.put("报送项目自查报告", selfInspection == null ? null : selfInspection.on());
        acceptances.stream().reduce((a, b) -> b).ifPresent(a -> before.put("上次验收", a.heldOn()));
        Outcome dates = notBefore(detail -> pack.dateOrderViolation(stage, detail), stageZh + "日期",
                acceptance.heldOn(), before);
        if (dates.isRefused()) {
            return dates;
        }
        List<Violation> found = new ArrayList<>();
        LocalDate earliest = calc.earliestAcceptance(trialStartOn, profile.softwareDevelopment());
        if (acceptance.heldOn().isBefore(earliest)) {
            found.add(pack.violation(RuleCode.ART22_TRIAL_TOO_SHORT, "试运行自" + trialStartOn + "开始，"
                    + (profile.softwareDevelopment() ? "软件开发项目" : "本项目") + "最早可于" + earliest + "验收"));
        }
        if (acceptance.experts().size() < stage.expertPanelMinimum()) {
            found.add(pack.violation(stage, stageZh + "专家" + acceptance.experts().size() + "名，应不少于"
                    + stage.expertPanelMinimum() + "名"));
        }
        List<String> missingDocs = stage.documents().stream()
                .filter(d -> !acceptance.documents().contains(d)).toList();
        if (!missingDocs.isEmpty()) {
            found.add(pack.violation(stage, stageZh + "文档不完整，缺少：" + String.join("、", missingDocs)));
        }
        List<String> unknownGoals = acceptance.goalAssessments().stream().map(GoalAssessment::indicator)
                .filter(i -> profile.goal(i).isEmpty()).distinct().toList();
        if (!unknownGoals.isEmpty()) {
            found.add(pack.violation(stage,
                    "专家意见所列以下指标不是本项目申报的绩效目标：" + String.join("、", unknownGoals)));
        }
        Outcome outcome = Outcome.of(found);
        if (acceptance.passed()) {
            outcome = outcome.and(reviewGates(Gate.ACCEPTANCE, pack));
        }
        Optional<Deadline> limit = openDeadline(DeadlineKind.ACCEPTANCE_LIMIT, null);
        boolean late = limit.isPresent() && acceptance.heldOn().isAfter(limit.get().due());
        if (late && acceptance.passed() && lastStage) {
            outcome = outcome.and(Outcome.of(List.of(pack.violation(RuleCode.ART22_TRIAL_TOO_LONG,
                    "试运行自" + trialStartOn + "开始，应于" + limit.get().due() + "前完成验收，本次验收逾期"))));
        }
        Acceptance recorded = new Acceptance(acceptance.heldOn(), acceptance.passed(), acceptance.experts(),
                acceptance.documents(), acceptance.conclusion(), late, acceptance.goalAssessments(), stage.key());
        return apply(Step.RECORD_ACCEPTANCE, pack, outcome, () -> {
            acceptances.add(recorded);
            if (recorded.passed() && lastStage) {
                state = ProjectState.ACCEPTED;
                meet(DeadlineKind.ACCEPTANCE_LIMIT, null, recorded.heldOn());
                replaceAllOpen(DeadlineKind.PROGRESS_REPORT, d -> d.waived("项目已验收，无需再报送进度"));
                deadlines.add(calc.open(DeadlineKind.ACCEPTANCE_REPORT, null, recorded.heldOn()));
                deadlines.add(calc.open(DeadlineKind.FINAL_ACCOUNTS, null, recorded.heldOn()));
            } else if (!recorded.passed() && firstStage) {
                state = ProjectState.TRIAL_RUN;
                selfInspection = null;
            }
        });
    }

    /**
     * The stage of acceptance the project holds next under its pack: the one after the latest stage a passed
     * acceptance of the project recorded, or the first. Once every stage has passed, the last stage.
     */
    public AcceptanceStage nextAcceptanceStage(PolicyPack pack) {
        List<AcceptanceStage> stages = pack.acceptanceStages();
        return stages.get(Math.min(passedAcceptanceStages(pack), stages.size() - 1));
    }

    /**
     * How many of the pack's stages of acceptance the project has passed, in order: up to and including the latest
     * stage a passed acceptance recorded (an acceptance stored without a stage was the last stage).
     */
    public int passedAcceptanceStages(PolicyPack pack) {
        List<String> keys = pack.acceptanceStages().stream().map(AcceptanceStage::key).toList();
        int done = -1;
        for (Acceptance a : acceptances) {
            if (a.passed()) {
                done = Math.max(done, a.stage() == null ? keys.size() - 1 : keys.indexOf(a.stage()));
            }
        }
        return done + 1;
    }

    /** The project is put into use (Art. 21) — only after a passed acceptance. */
    public Outcome putIntoOperation(LocalDate today, PolicyPack pack) {
        if (state != ProjectState.ACCEPTED) {
            if (state == ProjectState.OPERATING || state == ProjectState.CLOSED) {
                return Outcome.refused(pack.orderViolation(Provision.USE_AFTER_ACCEPTANCE, "项目已投入使用"));
            }
            return Outcome.refused(pack.violation(RuleCode.ART21_NOT_ACCEPTED, "项目当前状态为「" + state.zh() + "」，尚未通过"
                    + pack.finalAcceptanceStage().nameZh()));
        }
        return apply(Step.PUT_INTO_OPERATION, pack, Outcome.allowed(), () -> {
            operatingFrom = today;
            state = ProjectState.OPERATING;
            closeIfComplete();
        });
    }

    /** The acceptance report to the Bureau (Art. 25); a late one is recorded as late. */
    public Outcome fileAcceptanceReport(LocalDate today, PolicyPack pack) {
        Outcome order = requireStep(Step.FILE_ACCEPTANCE_REPORT, pack);
        if (order.isRefused()) {
            return order;
        }
        if (acceptanceReportOn != null) {
            return Outcome.refused(pack.orderViolation(Provision.ACCEPTANCE_REPORT, "验收报告已于" + acceptanceReportOn + "报送"));
        }
        return apply(Step.FILE_ACCEPTANCE_REPORT, pack, order, () -> {
            acceptanceReportOn = today;
            meet(DeadlineKind.ACCEPTANCE_REPORT, null, today);
            closeIfComplete();
        });
    }

    /** The final accounts filed with Finance (Art. 26); a late filing is recorded as late. */
    public Outcome fileFinalAccounts(LocalDate today, Money amount, PolicyPack pack) {
        Outcome order = requireStep(Step.FILE_FINAL_ACCOUNTS, pack);
        if (order.isRefused()) {
            return order;
        }
        if (finalAccountsOn != null) {
            return Outcome.refused(pack.orderViolation(Provision.FINAL_ACCOUNTS, "竣工决算已于" + finalAccountsOn + "备案"));
        }
        return apply(Step.FILE_FINAL_ACCOUNTS, pack, order, () -> {
            finalAccountsOn = today;
            finalAccountsAmount = amount;
            meet(DeadlineKind.FINAL_ACCOUNTS, null, today);
            closeIfComplete();
        });
    }

    private void closeIfComplete() {
        if (state == ProjectState.OPERATING && acceptanceReportOn != null && finalAccountsOn != null) {
            state = ProjectState.CLOSED;
        }
    }

    /**
     * After the free warranty the unit keeps the system running (Art. 20): it records how operation and
     * maintenance are arranged (its own staff, an O&amp;M contract, or next year's O&amp;M project), which meets the
     * warranty-end reminders.
     */
    public Outcome recordMaintenanceArrangement(String arrangement, LocalDate today, PolicyPack pack) {
        if (blank(arrangement)) {
            return Outcome.refused(pack.orderViolation(Provision.OPERATION_AND_MAINTENANCE, "须说明运行维护的安排"));
        }
        if (!Set.of(ProjectState.ACCEPTED, ProjectState.OPERATING, ProjectState.CLOSED).contains(state)) {
            return Outcome.refused(pack.orderViolation(Provision.OPERATION_AND_MAINTENANCE, "项目当前状态为「" + state.zh() + "」，验收通过后才安排运维"));
        }
        if (deadlines.stream().noneMatch(d -> d.kind() == DeadlineKind.WARRANTY_END && d.isOpen())) {
            return Outcome.refused(pack.orderViolation(Provision.OPERATION_AND_MAINTENANCE, "本项目没有待安排的免费维保期届满事项"));
        }
        return apply(Step.RECORD_MAINTENANCE, pack, Outcome.allowed(), () -> {
            maintenanceArrangement = arrangement.trim();
            replaceAllOpen(DeadlineKind.WARRANTY_END, d -> d.metOn(today));
        });
    }

    /**
     * Computes again the open deadlines whose due days were provisional (a year whose official calendar was not
     * held), under the calendar the calculator holds now — e.g. once the State Council's arrangement for that year
     * has been loaded. Returns the deadlines that changed, as they are now; met and waived deadlines keep their
     * days, and so do deadlines that fall on a fixed date.
     */
    public List<Deadline> recomputeProvisionalDeadlines(DeadlineCalculator calc) {
        List<Deadline> changed = new ArrayList<>();
        deadlines.replaceAll(d -> {
            if (!d.isOpen() || !d.provisional()
                    || d.kind() == DeadlineKind.WARRANTY_END || d.kind() == DeadlineKind.WINDOW_CLOSING) {
                return d;
            }
            var due = calc.due(d.kind(), d.start());
            if (due.date().equals(d.due()) && due.provisional() == d.provisional()) {
                return d;
            }
            Deadline now = d.rescheduled(due.date(), due.provisional());
            changed.add(now);
            return now;
        });
        return changed;
    }

    // ---------------------------------------------------------------- what the Bureau must see

    /**
     * The flags of the measures on a day that refuse nothing but must stay visible: no substantive start within
     * the limit (Art. 17, flagged for termination) and an acceptance overdue (Art. 22).
     */
    public Outcome flagsOn(LocalDate today, PolicyPack pack) {
        List<Violation> flags = new ArrayList<>();
        openDeadline(DeadlineKind.SUBSTANTIVE_START, null).filter(d -> today.isAfter(d.due())).ifPresent(d ->
                flags.add(pack.violation(RuleCode.ART17_NO_SUBSTANTIVE_START,
                        "列入计划于" + d.start() + "，应于" + d.due() + "前实质性启动，已逾期")));
        openDeadline(DeadlineKind.ACCEPTANCE_LIMIT, null).filter(d -> today.isAfter(d.due())).ifPresent(d ->
                flags.add(pack.violation(RuleCode.ART22_TRIAL_TOO_LONG,
                        "试运行自" + d.start() + "开始，应于" + d.due() + "前完成验收，已逾期")));
        return Outcome.of(flags);
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Refuses a stated day that lies before a step already recorded that must come first (a trial run before its
     * contract was signed or filed, an acceptance before the trial run …), naming the latest such step.
     */
    private static Outcome notBefore(PolicyPack pack, Provision provision, String statedZh, LocalDate stated, Map<String, LocalDate> steps) {
        return notBefore(detail -> pack.dateOrderViolation(provision, detail), statedZh, stated, steps);
    }

    /** As above, the refusal worded by the given citation (e.g. a stage of acceptance's own article). */
    private static Outcome notBefore(java.util.function.Function<String, Violation> refusal, String statedZh,
                                     LocalDate stated, Map<String, LocalDate> steps) {
        Map.Entry<String, LocalDate> latest = null;
        for (Map.Entry<String, LocalDate> step : steps.entrySet()) {
            if (step.getValue() != null && step.getValue().isAfter(stated)
                    && (latest == null || step.getValue().isAfter(latest.getValue()))) {
                latest = step;
            }
        }
        if (latest == null) {
            return Outcome.allowed();
        }
        return Outcome.refused(refusal.apply(statedZh + stated + "早于" + latest.getKey()
                + "日期" + latest.getValue() + "，各环节日期须按办理顺序"));
    }

    private Map<String, LocalDate> stepsBeforeStart() {
        Map<String, LocalDate> steps = new LinkedHashMap<>();
        steps.put("列入实施计划", plan == null ? null : plan.on());
        steps.put("报送实施方案", implementationPlan == null ? null : implementationPlan.submittedOn());
        preProcurementReviews.stream().filter(PreProcurementReview::passed).reduce((a, b) -> b)
                .ifPresent(r -> steps.put("实施前评审通过", r.on()));
        return steps;
    }

    private static Outcome suspendedRefusal(PolicyPack pack, Provision provision) {
        return Outcome.refused(pack.orderViolation(provision, "项目已中止实施，请先恢复实施"));
    }

    /**
     * Refuses the step when the state table does not open it on this project now, citing the step's article; the
     * one check of state that every step makes (see {@link StateTable}).
     */
    private Outcome requireStep(Step step, PolicyPack pack) {
        StateTable.Row row = StateTable.row(step);
        if (row.opens(snapshot())) {
            return Outcome.allowed();
        }
        return Outcome.refused(pack.orderViolation(row.provision(),
                "项目当前状态为「" + state.zh() + "」，不能" + row.zh()));
    }

    private Outcome transition(Step step, PolicyPack pack, Outcome checks, ProjectState next) {
        return transition(step, pack, checks, next, () -> { });
    }

    private Outcome transition(Step step, PolicyPack pack, Outcome checks, ProjectState next, Runnable effect) {
        return apply(step, pack, checks, () -> {
            effect.run();
            state = next;
        });
    }

    /**
     * Takes the step when the checks allow it and the state table opens it: whatever a step found first, nothing
     * changes unless the table says the step may be taken now.
     */
    private Outcome apply(Step step, PolicyPack pack, Outcome checks, Runnable effect) {
        if (checks.isRefused()) {
            return checks;
        }
        Outcome order = requireStep(step, pack);
        if (order.isRefused()) {
            return order;
        }
        effect.run();
        return checks;
    }

    private Optional<Deadline> openDeadline(DeadlineKind kind, String ref) {
        return deadlines.stream().filter(d -> d.kind() == kind && d.isOpen() && Objects.equals(d.ref(), ref)).findFirst();
    }

    private void meet(DeadlineKind kind, String ref, LocalDate on) {
        replaceDeadline(kind, ref, d -> d.metOn(on));
    }

    private void replaceDeadline(DeadlineKind kind, String ref, UnaryOperator<Deadline> change) {
        openDeadline(kind, ref).ifPresent(open ->
                deadlines.replaceAll(d -> d.id().equals(open.id()) ? change.apply(d) : d));
    }

    private void replaceAllOpen(DeadlineKind kind, UnaryOperator<Deadline> change) {
        deadlines.replaceAll(d -> d.kind() == kind && d.isOpen() ? change.apply(d) : d);
    }

    private void waiveOpen(String reason) {
        deadlines.replaceAll(d -> d.isOpen() ? d.waived(reason) : d);
    }

    /**
     * How a message names the project among others (an annual plan's list): by its name, or — for a classified
     * project, whose name never goes into a message (Art. 27) — by the start of its number.
     */
    private String label() {
        return profile.classified() ? "「涉密项目（" + id.toString().substring(0, 8) + "）」" : "「" + profile.name() + "」";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Called by the persistence adapter after a successful save. */
    public void markSaved(long newVersion) {
        this.version = newVersion;
    }

    // ---------------------------------------------------------------- reading

    public ProjectId id() {
        return id;
    }

    public UnitId unit() {
        return unit;
    }

    public String policyId() {
        return policyId;
    }

    public long version() {
        return version;
    }

    public ProjectProfile profile() {
        return profile;
    }

    public ProjectState state() {
        return state;
    }

    public boolean isClassified() {
        return profile.classified();
    }

    public boolean isSupplementary() {
        return supplementary != null;
    }

    public LocalDate createdOn() {
        return createdOn;
    }

    public LocalDate declaredOn() {
        return declaredOn;
    }

    public Optional<PlanInclusion> plan() {
        return Optional.ofNullable(plan);
    }

    public Optional<LocalDate> substantiveStartOn() {
        return Optional.ofNullable(substantiveStartOn);
    }

    public Optional<LocalDate> trialStartOn() {
        return Optional.ofNullable(trialStartOn);
    }

    public List<Contract> contracts() {
        return List.copyOf(contracts);
    }

    public List<ChangeRequest> changes() {
        return List.copyOf(changes);
    }

    public List<Acceptance> acceptances() {
        return List.copyOf(acceptances);
    }

    public Optional<Termination> termination() {
        return Optional.ofNullable(termination);
    }

    public List<Deadline> deadlines() {
        return List.copyOf(deadlines);
    }

    @Override
    public String toString() {
        return "Project[" + id + ", " + unit + ", " + state + "]";
    }
}
