package cn.egov.projects.application.service;

import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.FileAcceptanceReportCommand;
import cn.egov.projects.application.port.in.FileAcceptanceReportUseCase;
import cn.egov.projects.application.port.in.FileFinalAccountsCommand;
import cn.egov.projects.application.port.in.FileFinalAccountsUseCase;
import cn.egov.projects.application.port.in.FileSelfInspectionCommand;
import cn.egov.projects.application.port.in.FileSelfInspectionUseCase;
import cn.egov.projects.application.port.in.PutIntoOperationCommand;
import cn.egov.projects.application.port.in.PutIntoOperationUseCase;
import cn.egov.projects.application.port.in.RecordAcceptanceCommand;
import cn.egov.projects.application.port.in.RecordAcceptanceUseCase;
import cn.egov.projects.application.port.in.RecordMaintenanceCommand;
import cn.egov.projects.application.port.in.RecordMaintenanceUseCase;
import cn.egov.projects.application.port.in.StartTrialRunCommand;
import cn.egov.projects.application.port.in.StartTrialRunUseCase;
import cn.egov.projects.application.port.in.TransitionResult;
import cn.egov.projects.domain.access.Action;
import cn.egov.projects.domain.project.Acceptance;
import cn.egov.projects.domain.project.SelfInspection;

/** Trial run, self-inspection, acceptance, use, acceptance report, final accounts and O&amp;M (Art. 20–26). */
public final class AcceptanceService implements StartTrialRunUseCase, FileSelfInspectionUseCase,
        RecordAcceptanceUseCase, PutIntoOperationUseCase, FileAcceptanceReportUseCase, FileFinalAccountsUseCase,
        RecordMaintenanceUseCase {

    private final Lifecycle lifecycle;

    public AcceptanceService(Ports ports) {
        this.lifecycle = new Lifecycle(ports);
    }

    @Override
    public TransitionResult startTrialRun(Caller caller, StartTrialRunCommand command) {
        lifecycle.notInFuture(command.startedOn(), "startedOn", "试运行开始日期");
        return lifecycle.run(caller, command, Action.START_TRIAL_RUN, command.startedOn() + "上线试运行",
                (project, ctx) -> project.startTrialRun(command.startedOn(), ctx.calculator()));
    }

    @Override
    public TransitionResult fileSelfInspection(Caller caller, FileSelfInspectionCommand command) {
        return lifecycle.run(caller, command, Action.FILE_SELF_INSPECTION, "报送项目自查报告",
                (project, ctx) -> project.fileSelfInspection(new SelfInspection(ctx.today(),
                        command.contentCompletion(), command.resourceCatalogue(), command.performanceGoals(),
                        command.goalAchievements()), ctx.pack()));
    }

    @Override
    public TransitionResult recordAcceptance(Caller caller, RecordAcceptanceCommand command) {
        lifecycle.notInFuture(command.heldOn(), "heldOn", "验收日期");
        return lifecycle.run(caller, command, Action.RECORD_ACCEPTANCE, (Lifecycle.Summary) (project, ctx) ->
                command.heldOn() + project.nextAcceptanceStage(ctx.pack()).nameZh() + "：" + (command.passed() ? "通过"
                        : "不通过") + "，专家" + command.experts().size() + "名",
                (project, ctx) -> project.recordAcceptance(new Acceptance(command.heldOn(), command.passed(),
                        command.experts(), command.documents(), command.conclusion(), false,
                        command.goalAssessments()), ctx.calculator()));
    }

    @Override
    public TransitionResult putIntoOperation(Caller caller, PutIntoOperationCommand command) {
        return lifecycle.run(caller, command, Action.PUT_INTO_OPERATION, "投入使用",
                (project, ctx) -> project.putIntoOperation(ctx.today(), ctx.pack()));
    }

    @Override
    public TransitionResult fileAcceptanceReport(Caller caller, FileAcceptanceReportCommand command) {
        return lifecycle.run(caller, command, Action.FILE_ACCEPTANCE_REPORT, "报送验收报告",
                (project, ctx) -> project.fileAcceptanceReport(ctx.today(), ctx.pack()));
    }

    @Override
    public TransitionResult fileFinalAccounts(Caller caller, FileFinalAccountsCommand command) {
        return lifecycle.run(caller, command, Action.FILE_FINAL_ACCOUNTS, "竣工决算备案，决算金额" + command.amount().toChinese(),
                (project, ctx) -> project.fileFinalAccounts(ctx.today(), command.amount(), ctx.pack()));
    }

    @Override
    public TransitionResult recordMaintenance(Caller caller, RecordMaintenanceCommand command) {
        return lifecycle.run(caller, command, Action.RECORD_MAINTENANCE, "记录运维安排",
                (project, ctx) -> project.recordMaintenanceArrangement(command.arrangement(), ctx.today(), ctx.pack()));
    }
}
