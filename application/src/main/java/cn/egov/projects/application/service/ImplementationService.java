package cn.egov.projects.application.service;

import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.DecideChangeCommand;
import cn.egov.projects.application.port.in.DecideChangeUseCase;
import cn.egov.projects.application.port.in.FileContractCommand;
import cn.egov.projects.application.port.in.FileContractUseCase;
import cn.egov.projects.application.port.in.PreProcurementReviewCommand;
import cn.egov.projects.application.port.in.PreProcurementReviewUseCase;
import cn.egov.projects.application.port.in.RecordStartWithoutProcurementCommand;
import cn.egov.projects.application.port.in.RecordStartWithoutProcurementUseCase;
import cn.egov.projects.application.port.in.ReportHigherLevelFundingCommand;
import cn.egov.projects.application.port.in.ReportHigherLevelFundingUseCase;
import cn.egov.projects.application.port.in.ReportProgressCommand;
import cn.egov.projects.application.port.in.ReportProgressUseCase;
import cn.egov.projects.application.port.in.ReportSituationCommand;
import cn.egov.projects.application.port.in.ReportSituationUseCase;
import cn.egov.projects.application.port.in.RequestChangeCommand;
import cn.egov.projects.application.port.in.RequestChangeUseCase;
import cn.egov.projects.application.port.in.ResumeProjectCommand;
import cn.egov.projects.application.port.in.ResumeProjectUseCase;
import cn.egov.projects.application.port.in.SignContractCommand;
import cn.egov.projects.application.port.in.SignContractUseCase;
import cn.egov.projects.application.port.in.SubmitImplementationPlanCommand;
import cn.egov.projects.application.port.in.SubmitImplementationPlanUseCase;
import cn.egov.projects.application.port.in.TransitionResult;
import cn.egov.projects.domain.access.Action;
import cn.egov.projects.domain.project.ChangeRequest;
import cn.egov.projects.domain.project.Contract;
import cn.egov.projects.domain.project.ImplementationPlan;
import cn.egov.projects.domain.project.PreProcurementReview;
import cn.egov.projects.domain.project.ProgressReport;
import cn.egov.projects.domain.project.SituationReport;

import java.util.UUID;

/** Implementation: plan, procurement, contracts, progress, changes and reports (Art. 11, 13, 14, 16, 17, 18). */
public final class ImplementationService implements ReportHigherLevelFundingUseCase, SubmitImplementationPlanUseCase,
        PreProcurementReviewUseCase, RecordStartWithoutProcurementUseCase, SignContractUseCase, FileContractUseCase,
        ReportProgressUseCase, RequestChangeUseCase, DecideChangeUseCase, ReportSituationUseCase,
        ResumeProjectUseCase {

    private final Lifecycle lifecycle;

    public ImplementationService(Ports ports) {
        this.lifecycle = new Lifecycle(ports);
    }

    @Override
    public TransitionResult reportHigherLevelFunding(Caller caller, ReportHigherLevelFundingCommand command) {
        return lifecycle.run(caller, command, Action.REPORT_HIGHER_LEVEL_FUNDING, "报送上级统筹资金项目情况",
                (project, ctx) -> project.reportHigherLevelFunding(ctx.today(), ctx.pack()));
    }

    @Override
    public TransitionResult submitImplementationPlan(Caller caller, SubmitImplementationPlanCommand command) {
        return lifecycle.run(caller, command, Action.SUBMIT_IMPLEMENTATION_PLAN,
                "报送实施方案，预算" + command.budget().toChinese(),
                (project, ctx) -> project.submitImplementationPlan(new ImplementationPlan(ctx.today(),
                        command.scopeItems(), command.budget(), command.schedule()), ctx.pack()));
    }

    @Override
    public TransitionResult reviewBeforeProcurement(Caller caller, PreProcurementReviewCommand command) {
        return lifecycle.run(caller, command, Action.PRE_PROCUREMENT_REVIEW,
                "实施前评审：" + (command.passed() ? "通过" : "不通过"),
                (project, ctx) -> project.recordPreProcurementReview(new PreProcurementReview(ctx.today(),
                        command.passed(), command.opinion()), ctx.pack()));
    }

    @Override
    public TransitionResult recordStartWithoutProcurement(Caller caller, RecordStartWithoutProcurementCommand command) {
        lifecycle.notInFuture(command.startedOn(), "startedOn", "开工日期");
        return lifecycle.run(caller, command, Action.RECORD_START_WITHOUT_PROCUREMENT,
                "无需政府采购，" + command.startedOn() + "开工",
                (project, ctx) -> project.recordStartWithoutProcurement(command.reason(), command.startedOn(),
                        ctx.calculator()));
    }

    @Override
    public TransitionResult signContract(Caller caller, SignContractCommand command) {
        lifecycle.notInFuture(command.signedOn(), "signedOn", "合同签订日期");
        return lifecycle.run(caller, command, Action.SIGN_CONTRACT,
                "录入合同" + command.number() + "，金额" + command.amount().toChinese() + "，" + command.signedOn() + "签订",
                (project, ctx) -> project.signContract(new Contract(command.number(), command.supplier(),
                        command.amount(), command.signedOn(), command.warrantyEnd(), null), ctx.calculator()));
    }

    @Override
    public TransitionResult fileContract(Caller caller, FileContractCommand command) {
        return lifecycle.run(caller, command, Action.FILE_CONTRACT, "报送合同" + command.number(),
                (project, ctx) -> project.fileContract(command.number(), ctx.today(), ctx.pack()));
    }

    @Override
    public TransitionResult reportProgress(Caller caller, ReportProgressCommand command) {
        return lifecycle.run(caller, command, Action.REPORT_PROGRESS,
                "报送进度报告，完成" + command.percentComplete() + "%",
                (project, ctx) -> project.reportProgress(new ProgressReport(ctx.today(), command.percentComplete(),
                        command.summary()), ctx.calculator()));
    }

    @Override
    public TransitionResult requestChange(Caller caller, RequestChangeCommand command) {
        return lifecycle.run(caller, command, Action.REQUEST_CHANGE, "申请变更",
                (project, ctx) -> project.requestChange(new ChangeRequest(UUID.randomUUID(), ctx.today(),
                        command.description(), command.newScopeItems(), command.newBudget(),
                        ChangeRequest.Status.PENDING, null, null), ctx.pack()));
    }

    @Override
    public TransitionResult decideChange(Caller caller, DecideChangeCommand command) {
        return lifecycle.run(caller, command, Action.DECIDE_CHANGE, "变更申请：" + (command.approved() ? "同意" : "不同意"),
                (project, ctx) -> project.decideChange(command.changeId(), command.approved(), ctx.today(),
                        command.opinion(), ctx.pack()));
    }

    @Override
    public TransitionResult reportSituation(Caller caller, ReportSituationCommand command) {
        return lifecycle.run(caller, command, Action.REPORT_SITUATION, "报送书面报告：" + command.kind().zh(),
                (project, ctx) -> project.reportSituation(new SituationReport(ctx.today(), command.kind(),
                        command.reason(), command.toBureau(), command.toFinance()), ctx.pack()));
    }

    @Override
    public TransitionResult resume(Caller caller, ResumeProjectCommand command) {
        return lifecycle.run(caller, command, Action.RESUME, "恢复实施",
                (project, ctx) -> project.resume(ctx.today(), ctx.pack()));
    }
}
