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
 * The declaration and the expert review of a project (Art. 2, 7, 8, 10, 15, 19, 23): the checks a declaration must
 * pass and the review recorded on it.
 * A part of the {@link Project} aggregate: it holds no state of its own but the steps of its stage and the
 * invariants they check, on the root's state, in the root's transaction.
 */
final class DeclarationAndReview {

    private final Project p;

    DeclarationAndReview(Project p) {
        this.p = p;
    }

    Outcome editDraft(ProjectProfile newProfile, PolicyPack pack) {
        Outcome order = p.requireStep(Step.EDIT_DRAFT, pack);
        if (order.isRefused()) {
            return order;
        }
        p.profile = Objects.requireNonNull(newProfile, "profile");
        return Outcome.allowed();
    }

    Outcome declare(LocalDate today, Optional<DeclarationWindow> window, PolicyPack pack) {
        Outcome order = p.requireStep(Step.DECLARE, pack);
        if (order.isRefused()) {
            return order;
        }
        List<Violation> found = declarationChecks(pack);
        Optional<DeclarationWindow> ownYear = window.filter(w -> w.planYear() == p.profile.planYear());
        if (ownYear.isEmpty() || !ownYear.get().isOpenOn(today)) {
            found.add(pack.violation(RuleCode.ART7_WINDOW_CLOSED, ownYear
                    .map(w -> p.profile.planYear() + "年度集中申报期为" + w.opensOn() + "至" + w.closesOn()
                            + "，不在申报期内；确需当年实施的项目请按" + pack.articleZh(Provision.SUPPLEMENTARY) + "追加申报")
                    .orElse(p.profile.planYear() + "年度集中申报尚未启动；确需当年实施的项目请按" + pack.articleZh(Provision.SUPPLEMENTARY) + "追加申报")));
        }
        return p.apply(Step.DECLARE, pack, Outcome.of(found), () -> {
            p.state = ProjectState.DECLARED;
            p.declaredOn = today;
        });
    }

    Outcome declareSupplementary(LocalDate today, Supplementary request, PolicyPack pack) {
        Outcome order = p.requireStep(Step.DECLARE_SUPPLEMENTARY, pack);
        if (order.isRefused()) {
            return order;
        }
        List<Violation> found = declarationChecks(pack);
        if (request == null || Project.blank(request.requirement())) {
            found.add(pack.violation(RuleCode.ART10_SUPPLEMENTARY, "须注明国家、省、市的明确建设要求"));
        }
        if (request == null || Project.blank(request.feasibilityStudy())) {
            found.add(pack.violation(RuleCode.ART10_SUPPLEMENTARY, "须报送项目可行性研究方案"));
        }
        if (p.profile.planYear() != today.getYear()) {
            found.add(pack.violation(RuleCode.ART10_SUPPLEMENTARY,
                    "追加项目须在当年实施，计划年度应为" + today.getYear() + "年"));
        }
        return p.apply(Step.DECLARE_SUPPLEMENTARY, pack, Outcome.of(found), () -> {
            p.state = ProjectState.DECLARED;
            p.declaredOn = today;
            p.supplementary = request;
        });
    }

    private List<Violation> declarationChecks(PolicyPack pack) {
        List<Violation> found = new ArrayList<>();
        if (p.profile.people() == null) {
            found.add(pack.violation(RuleCode.ART19_RESPONSIBLE_PEOPLE, "申报前须填写分管领导和责任人及其联系方式"));
        }
        List<String> outOfScope = new ArrayList<>();
        for (BudgetLine line : p.profile.budgetLines()) {
            List<ScopeExclusion> kinds = pack.exclusionsOf(line.item(), line.kind());
            if (!kinds.isEmpty()) {
                outOfScope.add(line.item() + "（属" + kinds.get(0).kindZh() + "）");
            }
        }
        if (!outOfScope.isEmpty()) {
            found.add(pack.violation(RuleCode.ART2_OUT_OF_SCOPE, "不属于本办法项目的预算明细：" + String.join("、", outOfScope)));
        }
        List<String> emptySupervision = p.profile.budgetLines().stream()
                .filter(l -> l.supervision() && !l.isFundedSupervision()).map(BudgetLine::item).toList();
        if (!emptySupervision.isEmpty()) {
            found.add(pack.violation(RuleCode.ART15_SUPERVISION_REQUIRED,
                    "监理费用须列明实际金额，以下监理明细金额为零：" + String.join("、", emptySupervision)));
        }
        Money total = p.profile.totalInvestment();
        if (pack.requiresSupervision(p.profile.nature(), total) && !p.profile.budgetsSupervision()) {
            found.add(pack.violation(RuleCode.ART15_SUPERVISION_REQUIRED,
                    "本项目为" + p.profile.nature().zh() + "项目，总投资" + total.toChinese() + "，预算中未列监理费用"));
        }
        if (p.profile.isSupervisionService()) {
            // the same answer whatever project it names: one under the threshold, another p.unit's, or none at all
            found.add(pack.violation(RuleCode.ART15_SUPERVISION_REQUIRED,
                    "监理费用应包含在被监理项目的资金中，不得单独申报监理项目"));
        }
        found.addAll(goalChecks(pack));
        return found;
    }

    private List<Violation> goalChecks(PolicyPack pack) {
        List<PerformanceGoal> goals = p.profile.performanceGoals();
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

    Outcome startReview(LocalDate today, PolicyPack pack) {
        return p.transition(Step.START_REVIEW, pack, p.requireStep(Step.START_REVIEW, pack), ProjectState.UNDER_REVIEW);
    }

    Outcome recordReview(ReviewOpinion opinion, PolicyPack pack) {
        Outcome order = p.requireStep(Step.RECORD_REVIEW, pack);
        if (order.isRefused()) {
            return order;
        }
        if (opinion.experts().isEmpty()) {
            return Outcome.refused(pack.violation(RuleCode.ART8_REVIEW_REQUIRED, "评审意见须由专家作出，请填写评审专家"));
        }
        return p.apply(Step.RECORD_REVIEW, pack, order, () -> {
            p.reviews.add(opinion);
            p.state = opinion.approved() ? ProjectState.REVIEWED : ProjectState.REJECTED;
        });
    }
}
