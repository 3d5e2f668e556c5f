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
 * Funding, approval and the plan (Art. 8, 9, 10, 11, 12, 13): Finance's opinion, the government's approval, the
 * annual plan and the implementation plan that must match the declaration.
 * A part of the {@link Project} aggregate: it holds no state of its own but the steps of its stage and the
 * invariants they check, on the root's state, in the root's transaction.
 */
final class FundingAndPlan {

    private final Project p;

    FundingAndPlan(Project p) {
        this.p = p;
    }

    Outcome proposeFunding(FundingOpinion opinion, PolicyPack pack) {
        if (p.supplementary != null) {
            return Outcome.refused(pack.orderViolation(Provision.SUPPLEMENTARY,
                    "追加项目经可行性评审后由实施单位报市政府同意，不经年度资金安排意见"));
        }
        if (p.state.ordinal() < ProjectState.REVIEWED.ordinal()) {
            return Outcome.refused(pack.violation(RuleCode.ART8_REVIEW_REQUIRED,
                    "项目当前状态为「" + p.state.zh() + "」，尚无专家评审意见"));
        }
        return p.transition(Step.PROPOSE_FUNDING, pack, p.requireStep(Step.PROPOSE_FUNDING, pack), ProjectState.FUNDING_PROPOSED,
                () -> p.funding = opinion);
    }

    Outcome recordApproval(GovernmentApproval decision, PolicyPack pack) {
        if (p.supplementary != null) {
            if (p.state != ProjectState.REVIEWED) {
                return Outcome.refused(pack.violation(RuleCode.ART10_SUPPLEMENTARY,
                        "项目当前状态为「" + p.state.zh() + "」，须先经可行性评审通过"));
            }
        } else if (p.state != ProjectState.FUNDING_PROPOSED) {
            if (p.state.ordinal() < ProjectState.FUNDING_PROPOSED.ordinal()) {
                return Outcome.refused(pack.violation(RuleCode.ART8_REVIEW_REQUIRED,
                        "项目当前状态为「" + p.state.zh() + "」，市财政局尚未提出资金安排意见"));
            }
            return Outcome.refused(pack.orderViolation(Provision.REVIEW_AND_APPROVAL, "项目当前状态为「" + p.state.zh() + "」，不能录入市政府审定意见"));
        }
        return p.transition(Step.RECORD_APPROVAL, pack, Outcome.allowed(), ProjectState.APPROVED, () -> p.approval = decision);
    }

    Outcome includeInPlan(PlanInclusion inclusion, DeadlineCalculator calc) {
        PolicyPack pack = calc.pack();
        if (p.state != ProjectState.APPROVED) {
            if (p.state.ordinal() < ProjectState.APPROVED.ordinal() || p.state == ProjectState.REJECTED) {
                return Outcome.refused(pack.violation(RuleCode.ART9_NOT_FUNDED,
                        p.label() + "当前状态为「" + p.state.zh() + "」，财政预算尚未落实"));
            }
            return Outcome.refused(pack.orderViolation(Provision.ANNUAL_PLAN, p.label() + "已列入实施计划"));
        }
        if (!inclusion.addition() && inclusion.planYear() != p.profile.planYear()) {
            return Outcome.refused(pack.orderViolation(Provision.ANNUAL_PLAN, p.label() + "申报的计划年度为"
                    + p.profile.planYear() + "年，不能列入" + inclusion.planYear() + "年度实施计划"));
        }
        if (inclusion.addition() != (p.supplementary != null)) {
            return Outcome.refused(pack.violation(RuleCode.ART10_SUPPLEMENTARY, p.supplementary != null
                    ? "追加项目应追加列入年度实施计划"
                    : "集中申报的项目应随年度实施计划下达，不作追加"));
        }
        return p.transition((p.supplementary != null ? Step.ADD_TO_PLAN : Step.ISSUE_PLAN), pack, Outcome.allowed(), ProjectState.PLANNED, () -> {
            p.plan = inclusion;
            p.deadlines.add(calc.open(DeadlineKind.IMPL_PLAN, null, inclusion.on()));
            p.deadlines.add(calc.open(DeadlineKind.SUBSTANTIVE_START, null, inclusion.on()));
        });
    }

    Outcome reportHigherLevelFunding(LocalDate today, PolicyPack pack) {
        if (p.profile.funding() != FundingSource.HIGHER_LEVEL) {
            return Outcome.refused(pack.orderViolation(Provision.HIGHER_LEVEL_FUNDING, "本项目为市级财政性资金项目，无需按" + pack.articleZh(Provision.HIGHER_LEVEL_FUNDING) + "报送"));
        }
        if (p.higherLevelReportedOn != null) {
            return Outcome.refused(pack.orderViolation(Provision.HIGHER_LEVEL_FUNDING, "已于" + p.higherLevelReportedOn + "报送"));
        }
        Outcome order = p.requireStep(Step.REPORT_HIGHER_LEVEL_FUNDING, pack);
        if (order.isRefused()) {
            return order;
        }
        return p.apply(Step.REPORT_HIGHER_LEVEL_FUNDING, pack, Outcome.allowed(), () -> p.higherLevelReportedOn = today);
    }

    Outcome submitImplementationPlan(ImplementationPlan plan, PolicyPack pack) {
        if (!p.state.isInPlan()) {
            return Outcome.refused(pack.violation(RuleCode.ART12_NOT_IN_PLAN,
                    "项目当前状态为「" + p.state.zh() + "」，尚未列入已下达的实施计划"));
        }
        Outcome order = p.requireStep(Step.SUBMIT_IMPLEMENTATION_PLAN, pack);
        if (order.isRefused()) {
            return order;
        }
        List<Violation> found = new ArrayList<>();
        if (p.profile.funding() == FundingSource.HIGHER_LEVEL && p.higherLevelReportedOn == null) {
            found.add(pack.violation(RuleCode.ART11_REPORT_FIRST, "请先报送上级统筹安排资金的相关情况"));
        }
        List<String> agreed = p.agreedScope();
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
        Money budget = p.agreedBudget();
        if (plan.budget().exceeds(budget)) {
            found.add(pack.violation(RuleCode.ART13_PLAN_INCONSISTENT,
                    "实施方案预算" + plan.budget().toChinese() + "超出批复预算" + budget.toChinese()));
        }
        return p.transition(Step.SUBMIT_IMPLEMENTATION_PLAN, pack, Outcome.of(found), ProjectState.IMPLEMENTING, () -> {
            p.implementationPlan = plan;
            p.meet(DeadlineKind.IMPL_PLAN, null, plan.submittedOn());
        });
    }
}
