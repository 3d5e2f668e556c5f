package cn.egov.projects.application.service;

import cn.egov.projects.application.error.NotFoundException;
import cn.egov.projects.application.error.RefusedException;
import cn.egov.projects.application.port.in.AddToPlanCommand;
import cn.egov.projects.application.port.in.AddToPlanUseCase;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.IssueAnnualPlanCommand;
import cn.egov.projects.application.port.in.IssueAnnualPlanUseCase;
import cn.egov.projects.application.port.in.ProposeFundingCommand;
import cn.egov.projects.application.port.in.ProposeFundingUseCase;
import cn.egov.projects.application.port.in.RecordApprovalCommand;
import cn.egov.projects.application.port.in.RecordApprovalUseCase;
import cn.egov.projects.application.port.in.RecordReviewCommand;
import cn.egov.projects.application.port.in.RecordReviewUseCase;
import cn.egov.projects.application.port.in.StartReviewCommand;
import cn.egov.projects.application.port.in.StartReviewUseCase;
import cn.egov.projects.application.port.in.TransitionResult;
import cn.egov.projects.domain.access.Action;
import cn.egov.projects.domain.project.FundingOpinion;
import cn.egov.projects.domain.project.GovernmentApproval;
import cn.egov.projects.domain.project.PlanInclusion;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ReviewOpinion;
import cn.egov.projects.domain.rule.Violation;

import java.util.ArrayList;
import java.util.List;

/** Expert review, funding opinion, the government's decision and the annual plan (Art. 8, 9, 10). */
public final class ApprovalService implements StartReviewUseCase, RecordReviewUseCase, ProposeFundingUseCase,
        RecordApprovalUseCase, IssueAnnualPlanUseCase, AddToPlanUseCase {

    private final Lifecycle lifecycle;
    /** The drawn review panels (Art. 8); null where reviewers are never drawn (their names are typed). */
    private final ExpertService experts;

    public ApprovalService(Ports ports) {
        this(ports, null);
    }

    /** With the expert pool: a project whose reviewers were drawn gets its review opinion from their opinions. */
    public ApprovalService(Ports ports, ExpertService experts) {
        this.lifecycle = new Lifecycle(ports);
        this.experts = experts;
    }

    @Override
    public TransitionResult startReview(Caller caller, StartReviewCommand command) {
        return lifecycle.run(caller, command, Action.START_REVIEW, "组织专家评审",
                (project, ctx) -> project.startReview(ctx.today(), ctx.pack()));
    }

    /**
     * The Bureau's review opinion (审核意见, Art. 8). When the project's reviewers were drawn from the pool, the
     * experts are the drawn panel's (the names typed are not used), every expert who has not declined — or at least
     * the pack's panel minimum — must have recorded an opinion, and the opinion recorded is the Bureau's followed by
     * the summary of theirs with the average score; the review then ends: the draw closes and its experts no longer
     * see the project. Without a draw the experts' names are typed, as before.
     */
    @Override
    public TransitionResult recordReview(Caller caller, RecordReviewCommand command) {
        if (experts == null) {
            return lifecycle.run(caller, command, Action.RECORD_REVIEW,
                    "评审意见：" + (command.approved() ? "通过" : "不通过") + "，专家" + command.experts().size() + "名",
                    (project, ctx) -> project.recordReview(new ReviewOpinion(ctx.today(), command.approved(),
                            command.experts(), command.opinion()), ctx.pack()));
        }
        List<String> ended = new ArrayList<>();
        TransitionResult result = lifecycle.run(caller, command, Action.RECORD_REVIEW,
                "评审意见：" + (command.approved() ? "通过" : "不通过"), (project, ctx) -> {
                    var panel = experts.reviewPanel(project, ctx.pack());
                    if (panel.isPresent() && panel.get().missing() != null) {
                        return cn.egov.projects.domain.rule.Outcome.refused(panel.get().missing());
                    }
                    ReviewOpinion opinion = panel.map(p -> new ReviewOpinion(ctx.today(), command.approved(),
                                    p.experts(), command.opinion() + "\n" + p.summaryZh()))
                            .orElseGet(() -> new ReviewOpinion(ctx.today(), command.approved(), command.experts(),
                                    command.opinion()));
                    var outcome = project.recordReview(opinion, ctx.pack());
                    if (!outcome.isRefused() && panel.isPresent()) {
                        ended.addAll(experts.reviewEnded(project));
                    }
                    return outcome;
                });
        experts.accessChanged(ended);
        return result;
    }

    @Override
    public TransitionResult proposeFunding(Caller caller, ProposeFundingCommand command) {
        return lifecycle.run(caller, command, Action.PROPOSE_FUNDING,
                "资金安排意见：" + command.amount().toChinese(),
                (project, ctx) -> project.proposeFunding(new FundingOpinion(ctx.today(), command.amount(),
                        command.opinion()), ctx.pack()));
    }

    @Override
    public TransitionResult recordApproval(Caller caller, RecordApprovalCommand command) {
        return lifecycle.run(caller, command, Action.RECORD_APPROVAL,
                "市政府审定（" + command.reference() + "），批复预算" + command.approvedBudget().toChinese(),
                (project, ctx) -> project.recordApproval(new GovernmentApproval(ctx.today(), command.approvedBudget(),
                        command.reference()), ctx.pack()));
    }

    /**
     * Issues the plan as one act (Art. 9): every named project enters it on the same day, or — when any of them
     * is refused — none does, and the refusal names each project refused.
     */
    @Override
    public List<TransitionResult> issuePlan(Caller caller, IssueAnnualPlanCommand command) {
        lifecycle.requireRole(caller, Action.ISSUE_PLAN);
        return lifecycle.ports().tx().inTransaction(() -> {
            List<TransitionResult> results = new ArrayList<>();
            List<Violation> refusals = new ArrayList<>();
            for (ProjectId id : command.projects()) {
                try {
                    results.add(lifecycle.runInTransaction(caller, id, null, Action.ISSUE_PLAN,
                            "列入" + command.planYear() + "年度实施计划（" + command.reference() + "）",
                            (project, ctx) -> project.includeInPlan(new PlanInclusion(ctx.today(), command.planYear(),
                                    false, command.reference()), ctx.calculator())));
                } catch (RefusedException e) {
                    refusals.addAll(e.violations());
                } catch (NotFoundException e) {
                    throw new NotFoundException("项目" + id + "不存在或不在您的办理范围内");
                }
            }
            if (!refusals.isEmpty()) {
                throw new RefusedException(refusals);
            }
            return results;
        });
    }

    @Override
    public TransitionResult addToPlan(Caller caller, AddToPlanCommand command) {
        return lifecycle.run(caller, command, Action.ADD_TO_PLAN, "追加列入实施计划（" + command.reference() + "）",
                (project, ctx) -> project.includeInPlan(new PlanInclusion(ctx.today(), ctx.today().getYear(), true,
                        command.reference()), ctx.calculator()));
    }
}
