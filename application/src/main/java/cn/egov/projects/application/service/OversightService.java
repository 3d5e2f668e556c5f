package cn.egov.projects.application.service;

import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.RecordFundRecoveryCommand;
import cn.egov.projects.application.port.in.RecordFundRecoveryUseCase;
import cn.egov.projects.application.port.in.RecordSecurityReviewCommand;
import cn.egov.projects.application.port.in.RecordSecurityReviewUseCase;
import cn.egov.projects.application.port.in.RecordStartExceptionCommand;
import cn.egov.projects.application.port.in.RecordStartExceptionUseCase;
import cn.egov.projects.application.port.in.TerminateProjectCommand;
import cn.egov.projects.application.port.in.TerminateProjectUseCase;
import cn.egov.projects.application.port.in.TransitionResult;
import cn.egov.projects.application.port.in.WaiveDeadlineCommand;
import cn.egov.projects.application.port.in.WaiveDeadlineUseCase;
import cn.egov.projects.domain.access.Action;
import cn.egov.projects.domain.project.SecurityReview;

/** The authorities' oversight: termination, fund recovery, exceptions, waivers and the Art. 4 reviews. */
public final class OversightService implements TerminateProjectUseCase, RecordFundRecoveryUseCase,
        RecordStartExceptionUseCase, WaiveDeadlineUseCase, RecordSecurityReviewUseCase {

    private final Lifecycle lifecycle;

    public OversightService(Ports ports) {
        this.lifecycle = new Lifecycle(ports);
    }

    @Override
    public TransitionResult terminate(Caller caller, TerminateProjectCommand command) {
        return lifecycle.run(caller, command, Action.TERMINATE, "终止项目",
                (project, ctx) -> project.terminate(ctx.today(), command.reason(), command.notice(), ctx.pack()));
    }

    @Override
    public TransitionResult recordFundRecovery(Caller caller, RecordFundRecoveryCommand command) {
        return lifecycle.run(caller, command, Action.RECORD_FUND_RECOVERY, "收回项目资金" + command.amount().toChinese(),
                (project, ctx) -> project.recordFundRecovery(ctx.today(), command.amount(), ctx.pack()));
    }

    @Override
    public TransitionResult recordStartException(Caller caller, RecordStartExceptionCommand command) {
        return lifecycle.run(caller, command, Action.RECORD_START_EXCEPTION, "未实质性启动的例外处理",
                (project, ctx) -> project.recordStartException(command.reason(), ctx.pack()));
    }

    @Override
    public TransitionResult waiveDeadline(Caller caller, WaiveDeadlineCommand command) {
        return lifecycle.run(caller, command, Action.WAIVE_DEADLINE, "豁免期限",
                (project, ctx) -> project.waiveDeadline(command.deadlineId(), command.reason(), ctx.pack()));
    }

    @Override
    public TransitionResult recordSecurityReview(Caller caller, RecordSecurityReviewCommand command) {
        Action action = command.kind() == SecurityReview.Kind.CYBERSECURITY
                ? Action.RECORD_CYBERSEC_REVIEW : Action.RECORD_CRYPTO_REVIEW;
        return lifecycle.run(caller, command, action, command.kind().zh() + "：" + (command.passed() ? "通过" : "不通过"),
                (project, ctx) -> project.recordSecurityReview(new SecurityReview(ctx.today(), command.kind(),
                        command.passed(), command.opinion()), ctx.pack()));
    }
}
