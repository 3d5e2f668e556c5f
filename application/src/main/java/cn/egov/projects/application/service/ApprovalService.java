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

    public ApprovalService(Ports ports) {
        this.lifecycle = new Lifecycle(ports);
    }

    @Override
    public TransitionResult startReview(Caller caller, StartReviewCommand command) {
        return lifecycle.run(caller, command, Action.START_REVIEW, "组织专家评审",
                (project, ctx) -> project.startReview(ctx.today(), ctx.pack()));
    }

    @Override
    public TransitionResult recordReview(Caller caller, RecordReviewCommand command) {
        return lifecycle.run(caller, command, Action.RECORD_REVIEW,
                "评审意见：" + (command.approved() ? "通过" : "不通过") + "，专家" + command.experts().size() + "名",
                (project, ctx) -> project.recordReview(new ReviewOpinion(ctx.today(), command.approved(),
                        command.experts(), command.opinion()), ctx.pack()));
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
