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

    final ProjectId id;
    final UnitId unit;
    String policyId;
    long version;
    ProjectProfile profile;
    ProjectState state;
    ProjectState suspendedFrom;

    LocalDate createdOn;
    LocalDate declaredOn;
    Supplementary supplementary;
    LocalDate higherLevelReportedOn;
    final List<ReviewOpinion> reviews;
    FundingOpinion funding;
    GovernmentApproval approval;
    PlanInclusion plan;
    ImplementationPlan implementationPlan;
    final List<PreProcurementReview> preProcurementReviews;
    String noProcurementReason;
    LocalDate substantiveStartOn;
    final List<Contract> contracts;
    final List<ProgressReport> progressReports;
    final List<ChangeRequest> changes;
    final List<SituationReport> situationReports;
    final List<SecurityReview> securityReviews;
    LocalDate trialStartOn;
    SelfInspection selfInspection;
    final List<Acceptance> acceptances;
    LocalDate operatingFrom;
    LocalDate acceptanceReportOn;
    LocalDate finalAccountsOn;
    Money finalAccountsAmount;
    Termination termination;
    String maintenanceArrangement;
    final List<Deadline> deadlines;

    // the parts of the project by stage, each holding its steps and their invariants; the state is the root's
    private final DeclarationAndReview declarationPart = new DeclarationAndReview(this);
    private final FundingAndPlan fundingPart = new FundingAndPlan(this);
    private final ImplementationAndProcurement implementationPart = new ImplementationAndProcurement(this);
    private final AcceptanceAndClosing acceptancePart = new AcceptanceAndClosing(this);

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
        return declarationPart.editDraft(newProfile, pack);
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
        return declarationPart.declare(today, window, pack);
    }

    /**
     * Declares an off-window project that must be carried out this year (Art. 10): it needs the requirement that
     * makes it necessary and a feasibility study; the Bureau then reviews its feasibility.
     */
    public Outcome declareSupplementary(LocalDate today, Supplementary request, PolicyPack pack) {
        return declarationPart.declareSupplementary(today, request, pack);
    }

    // ---------------------------------------------------------------- review, funding, approval (Art. 8, 10)

    /** The Bureau starts the expert review of a declaration (Art. 8) or the feasibility review (Art. 10). */
    public Outcome startReview(LocalDate today, PolicyPack pack) {
        return declarationPart.startReview(today, pack);
    }

    /** The Bureau records the experts' opinion (Art. 8); a negative opinion ends the project as rejected. */
    public Outcome recordReview(ReviewOpinion opinion, PolicyPack pack) {
        return declarationPart.recordReview(opinion, pack);
    }

    /** Finance's funding opinion, which needs the expert review opinion first (Art. 8). */
    public Outcome proposeFunding(FundingOpinion opinion, PolicyPack pack) {
        return fundingPart.proposeFunding(opinion, pack);
    }

    /**
     * The government's decision (市政府审定, Art. 8), which needs Finance's funding opinion; for an off-window
     * project, its consent to the addition (Art. 10), which needs the Bureau's positive feasibility review.
     */
    public Outcome recordApproval(GovernmentApproval decision, PolicyPack pack) {
        return fundingPart.recordApproval(decision, pack);
    }

    // ---------------------------------------------------------------- the plan (Art. 9, 10, 17, 13)

    /**
     * Puts the project in the annual plan being issued (Art. 9) — only with its budget in place — or adds an
     * approved off-window project to the plan (Art. 10). The date starts the implementation-plan and
     * substantive-start clocks.
     */
    public Outcome includeInPlan(PlanInclusion inclusion, DeadlineCalculator calc) {
        return fundingPart.includeInPlan(inclusion, calc);
    }

    /** A fully higher-level-funded project is reported to the Bureau before implementation (Art. 11). */
    public Outcome reportHigherLevelFunding(LocalDate today, PolicyPack pack) {
        return fundingPart.reportHigherLevelFunding(today, pack);
    }

    /**
     * The unit submits its implementation plan (Art. 13): only for a project in an issued plan (Art. 12); its
     * content must match the declaration and its budget stay within the approved one (a difference needs an
     * approved change, Art. 18); a higher-level-funded project must have been reported first (Art. 11).
     */
    public Outcome submitImplementationPlan(ImplementationPlan plan, PolicyPack pack) {
        return fundingPart.submitImplementationPlan(plan, pack);
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
    Money budgetAtTender() {
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
        return implementationPart.recordPreProcurementReview(review, pack);
    }

    /**
     * A project that needs no procurement records why and when it started (RULES.md §3): that is its substantive
     * start (Art. 17).
     */
    public Outcome recordStartWithoutProcurement(String reason, LocalDate startedOn, DeadlineCalculator calc) {
        return implementationPart.recordStartWithoutProcurement(reason, startedOn, calc);
    }

    /**
     * The unit records a signed contract (Art. 14): only after the pre-procurement review (Art. 13) and within
     * the approved budget. The first contract is the substantive start (Art. 17); each contract must be filed with
     * the Bureau within the pack's working days.
     */
    public Outcome signContract(Contract contract, DeadlineCalculator calc) {
        return implementationPart.signContract(contract, calc);
    }

    /** The unit files a signed contract with the Bureau (Art. 14); a late filing is recorded as late. */
    public Outcome fileContract(String number, LocalDate today, PolicyPack pack) {
        return implementationPart.fileContract(number, today, pack);
    }

    // ---------------------------------------------------------------- implementation (Art. 16, 17, 18)

    /** A progress report (Art. 16) meets the open one and starts the next interval. */
    public Outcome reportProgress(ProgressReport report, DeadlineCalculator calc) {
        return implementationPart.reportProgress(report, calc);
    }

    /**
     * A change of goals or content (Art. 18). Before tender it needs the Bureau's approval and may not raise the
     * budget (declare anew instead); after tender it is recorded as handled under the Government Procurement Law,
     * and may raise the budget by no more than the pack's share of the contracts (政府采购法第四十九条: 10 %).
     */
    public Outcome requestChange(ChangeRequest request, PolicyPack pack) {
        return implementationPart.requestChange(request, pack);
    }

    /** The Bureau approves or refuses a pending change (Art. 18). */
    public Outcome decideChange(UUID changeId, boolean approved, LocalDate today, String opinion, PolicyPack pack) {
        return implementationPart.decideChange(changeId, approved, today, opinion, pack);
    }

    /**
     * A written report (Art. 17) that the project cannot finish on time, is suspended or is to be terminated;
     * it must give reasons and go to both the Bureau and Finance. A suspension suspends the project; a
     * termination report awaits the Bureau's decision.
     */
    public Outcome reportSituation(SituationReport report, PolicyPack pack) {
        return implementationPart.reportSituation(report, pack);
    }

    /** A suspended project resumes where it was (Art. 17). */
    public Outcome resume(LocalDate today, PolicyPack pack) {
        return implementationPart.resume(today, pack);
    }

    /**
     * The Bureau terminates the project (Art. 17), recording the notice (通报); every open deadline is waived and
     * the funds are to be recovered by Finance.
     */
    public Outcome terminate(LocalDate today, String reason, String notice, PolicyPack pack) {
        return implementationPart.terminate(today, reason, notice, pack);
    }

    /** Finance records the recovery of a terminated project's funds (Art. 17). */
    public Outcome recordFundRecovery(LocalDate today, Money amount, PolicyPack pack) {
        return implementationPart.recordFundRecovery(today, amount, pack);
    }

    /**
     * The Bureau records a reasoned exception to the Art. 17 one-year start limit ("原则上终止"): the
     * substantive-start deadline is waived with the reason.
     */
    public Outcome recordStartException(String reason, PolicyPack pack) {
        return implementationPart.recordStartException(reason, pack);
    }

    /** The Bureau waives an open deadline with a reason. */
    public Outcome waiveDeadline(UUID deadlineId, String reason, PolicyPack pack) {
        return implementationPart.waiveDeadline(deadlineId, reason, pack);
    }

    // ---------------------------------------------------------------- reviews of Art. 4

    /** The Cyberspace office's security review, or the crypto-application review (Art. 4). */
    public Outcome recordSecurityReview(SecurityReview review, PolicyPack pack) {
        return implementationPart.recordSecurityReview(review, pack);
    }

    Outcome reviewGates(Gate gate, PolicyPack pack) {
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

    boolean hasPassedReview(SecurityReview.Kind kind) {
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
        return acceptancePart.startTrialRun(startedOn, calc);
    }

    /**
     * The unit's self-inspection report (Art. 23): content completion, resource catalogue, and the achievement of
     * every declared performance goal, goal by goal (value reached, met or not, why not).
     */
    public Outcome fileSelfInspection(SelfInspection report, PolicyPack pack) {
        return acceptancePart.fileSelfInspection(report, pack);
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
        return acceptancePart.recordAcceptance(acceptance, calc);
    }

    /**
     * The stage of acceptance the project holds next under its pack: the one after the latest stage a passed
     * acceptance of the project recorded, or the first. Once every stage has passed, the last stage.
     */
    public AcceptanceStage nextAcceptanceStage(PolicyPack pack) {
        return acceptancePart.nextAcceptanceStage(pack);
    }

    /**
     * How many of the pack's stages of acceptance the project has passed, in order: up to and including the latest
     * stage a passed acceptance recorded (an acceptance stored without a stage was the last stage).
     */
    public int passedAcceptanceStages(PolicyPack pack) {
        return acceptancePart.passedAcceptanceStages(pack);
    }

    /** The project is put into use (Art. 21) — only after a passed acceptance. */
    public Outcome putIntoOperation(LocalDate today, PolicyPack pack) {
        return acceptancePart.putIntoOperation(today, pack);
    }

    /** The acceptance report to the Bureau (Art. 25); a late one is recorded as late. */
    public Outcome fileAcceptanceReport(LocalDate today, PolicyPack pack) {
        return acceptancePart.fileAcceptanceReport(today, pack);
    }

    /** The final accounts filed with Finance (Art. 26); a late filing is recorded as late. */
    public Outcome fileFinalAccounts(LocalDate today, Money amount, PolicyPack pack) {
        return acceptancePart.fileFinalAccounts(today, amount, pack);
    }

    /**
     * After the free warranty the unit keeps the system running (Art. 20): it records how operation and
     * maintenance are arranged (its own staff, an O&amp;M contract, or next year's O&amp;M project), which meets the
     * warranty-end reminders.
     */
    public Outcome recordMaintenanceArrangement(String arrangement, LocalDate today, PolicyPack pack) {
        return acceptancePart.recordMaintenanceArrangement(arrangement, today, pack);
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
    static Outcome notBefore(PolicyPack pack, Provision provision, String statedZh, LocalDate stated, Map<String, LocalDate> steps) {
        return notBefore(detail -> pack.dateOrderViolation(provision, detail), statedZh, stated, steps);
    }

    /** As above, the refusal worded by the given citation (e.g. a stage of acceptance's own article). */
    static Outcome notBefore(java.util.function.Function<String, Violation> refusal, String statedZh,
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

    Map<String, LocalDate> stepsBeforeStart() {
        Map<String, LocalDate> steps = new LinkedHashMap<>();
        steps.put("列入实施计划", plan == null ? null : plan.on());
        steps.put("报送实施方案", implementationPlan == null ? null : implementationPlan.submittedOn());
        preProcurementReviews.stream().filter(PreProcurementReview::passed).reduce((a, b) -> b)
                .ifPresent(r -> steps.put("实施前评审通过", r.on()));
        return steps;
    }

    static Outcome suspendedRefusal(PolicyPack pack, Provision provision) {
        return Outcome.refused(pack.orderViolation(provision, "项目已中止实施，请先恢复实施"));
    }

    /**
     * Refuses the step when the state table does not open it on this project now, citing the step's article; the
     * one check of state that every step makes (see {@link StateTable}).
     */
    Outcome requireStep(Step step, PolicyPack pack) {
        StateTable.Row row = StateTable.row(step);
        if (row.opens(snapshot())) {
            return Outcome.allowed();
        }
        return Outcome.refused(pack.orderViolation(row.provision(),
                "项目当前状态为「" + state.zh() + "」，不能" + row.zh()));
    }

    Outcome transition(Step step, PolicyPack pack, Outcome checks, ProjectState next) {
        return transition(step, pack, checks, next, () -> { });
    }

    Outcome transition(Step step, PolicyPack pack, Outcome checks, ProjectState next, Runnable effect) {
        return apply(step, pack, checks, () -> {
            effect.run();
            state = next;
        });
    }

    /**
     * Takes the step when the checks allow it and the state table opens it: whatever a step found first, nothing
     * changes unless the table says the step may be taken now.
     */
    Outcome apply(Step step, PolicyPack pack, Outcome checks, Runnable effect) {
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

    Optional<Deadline> openDeadline(DeadlineKind kind, String ref) {
        return deadlines.stream().filter(d -> d.kind() == kind && d.isOpen() && Objects.equals(d.ref(), ref)).findFirst();
    }

    void meet(DeadlineKind kind, String ref, LocalDate on) {
        replaceDeadline(kind, ref, d -> d.metOn(on));
    }

    void replaceDeadline(DeadlineKind kind, String ref, UnaryOperator<Deadline> change) {
        openDeadline(kind, ref).ifPresent(open ->
                deadlines.replaceAll(d -> d.id().equals(open.id()) ? change.apply(d) : d));
    }

    void replaceAllOpen(DeadlineKind kind, UnaryOperator<Deadline> change) {
        deadlines.replaceAll(d -> d.kind() == kind && d.isOpen() ? change.apply(d) : d);
    }

    void waiveOpen(String reason) {
        deadlines.replaceAll(d -> d.isOpen() ? d.waived(reason) : d);
    }

    /**
     * How a message names the project among others (an annual plan's list): by its name, or — for a classified
     * project, whose name never goes into a message (Art. 27) — by its {@link ProjectId#shortNumber short number}.
     */
    String label() {
        return profile.classified() ? "「涉密项目（" + id.shortNumber() + "）」" : "「" + profile.name() + "」";
    }

    static boolean blank(String s) {
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
