package cn.egov.projects.domain.project;

import cn.egov.projects.domain.deadline.Deadline;
import cn.egov.projects.domain.deadline.DeadlineCalculator;
import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.declaration.DeclarationWindow;
import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.rule.Outcome;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives a project through its life step by step, each step asserted allowed, so that a test can start from the
 * state it is about. Dates default to a plan year's calendar: declared on 15 September of the year before,
 * included in the plan on 3 January, implementation plan on 20 January, pre-procurement review on 10 February,
 * contract on 14 March.
 */
public final class Journey {

    public final PolicyPack pack;
    public final DeadlineCalculator calc;
    public final Project project;
    private final int planYear;

    private Journey(Project project, PolicyPack pack) {
        this.pack = pack;
        this.calc = Fixtures.calculator(pack);
        this.project = project;
        this.planYear = project.profile().planYear();
    }

    public static Journey of(ProjectProfile profile, PolicyPack pack) {
        Project p = Project.draft(ProjectId.random(), Fixtures.UNIT, profile, pack.id(),
                LocalDate.of(profile.planYear() - 1, 7, 10));
        return new Journey(p, pack);
    }

    public static Journey of(ProjectProfile profile, PolicyPack pack, UnitId unit) {
        Project p = Project.draft(ProjectId.random(), unit, profile, pack.id(),
                LocalDate.of(profile.planYear() - 1, 7, 10));
        return new Journey(p, pack);
    }

    /** September of the year before the plan year lies in both shipped packs' window months. */
    public DeclarationWindow window() {
        return new DeclarationWindow(planYear, LocalDate.of(planYear - 1, 9, 1), LocalDate.of(planYear - 1, 9, 30));
    }

    public static Outcome ok(Outcome outcome) {
        assertThat(outcome.isRefused()).as("refused: %s", outcome.violations()).isFalse();
        return outcome;
    }

    private boolean before(ProjectState target) {
        return project.state().ordinal() < target.ordinal();
    }

    public Journey declared() {
        if (!before(ProjectState.DECLARED)) {
            return this;
        }
        ok(project.declare(LocalDate.of(planYear - 1, 9, 15), Optional.of(window()), pack));
        return this;
    }

    public Journey underReview() {
        declared();
        if (!before(ProjectState.UNDER_REVIEW)) {
            return this;
        }
        ok(project.startReview(LocalDate.of(planYear - 1, 10, 10), pack));
        return this;
    }

    public Journey reviewed() {
        underReview();
        if (!before(ProjectState.REVIEWED)) {
            return this;
        }
        ok(project.recordReview(new ReviewOpinion(LocalDate.of(planYear - 1, 10, 20), true, Fixtures.THREE_EXPERTS,
                "同意立项"), pack));
        return this;
    }

    public Journey fundingProposed() {
        reviewed();
        if (!before(ProjectState.FUNDING_PROPOSED)) {
            return this;
        }
        ok(project.proposeFunding(new FundingOpinion(LocalDate.of(planYear - 1, 11, 15),
                project.profile().totalInvestment(), "建议安排"), pack));
        return this;
    }

    public Journey approved() {
        fundingProposed();
        if (!before(ProjectState.APPROVED)) {
            return this;
        }
        ok(project.recordApproval(new GovernmentApproval(LocalDate.of(planYear - 1, 12, 20),
                project.profile().totalInvestment(), "市政府常务会议纪要"), pack));
        return this;
    }

    public Journey planned() {
        return planned(LocalDate.of(planYear, 1, 3));
    }

    public Journey planned(LocalDate on) {
        approved();
        if (!before(ProjectState.PLANNED)) {
            return this;
        }
        ok(project.includeInPlan(new PlanInclusion(on, planYear, false, "太政办〔" + planYear + "〕1号"), calc));
        return this;
    }

    public ImplementationPlan matchingPlan(LocalDate on) {
        return new ImplementationPlan(on, project.profile().scopeItems(), project.profile().totalInvestment(),
                "按季度推进");
    }

    public Journey implementing() {
        planned();
        if (!before(ProjectState.IMPLEMENTING)) {
            return this;
        }
        ok(project.submitImplementationPlan(matchingPlan(LocalDate.of(planYear, 1, 20)), pack));
        return this;
    }

    public Journey inProcurement() {
        implementing();
        if (!before(ProjectState.PROCUREMENT)) {
            return this;
        }
        ok(project.recordPreProcurementReview(new PreProcurementReview(LocalDate.of(planYear, 2, 10), true, "同意采购"),
                pack));
        return this;
    }

    public Journey contracted() {
        inProcurement();
        if (!before(ProjectState.CONTRACTED)) {
            return this;
        }
        ok(project.signContract(new Contract("HT-" + planYear + "-001", "苏州某信息技术有限公司",
                project.profile().totalInvestment(), LocalDate.of(planYear, 3, 14), null, null), calc));
        return this;
    }

    /** A contracted project (or one already further on) goes live on trial. */
    public Journey onTrial(LocalDate start) {
        contracted();
        ok(project.startTrialRun(start, calc));
        return this;
    }

    public Journey awaitingAcceptance(LocalDate selfInspectedOn) {
        ok(project.fileSelfInspection(Fixtures.completeSelfInspection(selfInspectedOn), pack));
        return this;
    }

    public Journey cybersecReviewed(LocalDate on) {
        ok(project.recordSecurityReview(new SecurityReview(on, SecurityReview.Kind.CYBERSECURITY, true, "通过"), pack));
        return this;
    }

    public Journey cryptoReviewed(LocalDate on) {
        ok(project.recordSecurityReview(new SecurityReview(on, SecurityReview.Kind.CRYPTOGRAPHY, true, "通过"), pack));
        return this;
    }

    /** An acceptance with the panel and documents the journey's pack asks for. */
    public Acceptance acceptance(LocalDate heldOn, boolean passed) {
        boolean example = pack.id().startsWith("example");
        return new Acceptance(heldOn, passed, example ? Fixtures.FIVE_EXPERTS : Fixtures.THREE_EXPERTS,
                example ? Fixtures.EXAMPLE_DOCUMENTS : Fixtures.TAICANG_DOCUMENTS, passed ? "验收通过" : "验收不通过",
                false);
    }

    public Deadline deadline(DeadlineKind kind) {
        List<Deadline> found = project.deadlines().stream().filter(x -> x.kind() == kind).toList();
        assertThat(found).as("deadlines of kind %s", kind).hasSize(1);
        return found.get(0);
    }

    public List<Deadline> deadlines(DeadlineKind kind) {
        return project.deadlines().stream().filter(x -> x.kind() == kind).toList();
    }

    public Money yuan(String text) {
        return Money.yuan(text);
    }
}
