package cn.egov.projects.web.routes;

import cn.egov.projects.application.port.in.AddToPlanUseCase;
import cn.egov.projects.application.port.in.DecideChangeUseCase;
import cn.egov.projects.application.port.in.DeclareProjectUseCase;
import cn.egov.projects.application.port.in.DeclareSupplementaryUseCase;
import cn.egov.projects.application.port.in.EditDraftUseCase;
import cn.egov.projects.application.port.in.FileAcceptanceReportUseCase;
import cn.egov.projects.application.port.in.FileContractUseCase;
import cn.egov.projects.application.port.in.FileFinalAccountsUseCase;
import cn.egov.projects.application.port.in.FileSelfInspectionUseCase;
import cn.egov.projects.application.port.in.IssueAnnualPlanUseCase;
import cn.egov.projects.application.port.in.PreProcurementReviewUseCase;
import cn.egov.projects.application.port.in.ProposeFundingUseCase;
import cn.egov.projects.application.port.in.PutIntoOperationUseCase;
import cn.egov.projects.application.port.in.RecordAcceptanceUseCase;
import cn.egov.projects.application.port.in.RecordApprovalUseCase;
import cn.egov.projects.application.port.in.RecordFundRecoveryUseCase;
import cn.egov.projects.application.port.in.RecordMaintenanceUseCase;
import cn.egov.projects.application.port.in.RecordReviewUseCase;
import cn.egov.projects.application.port.in.RecordSecurityReviewUseCase;
import cn.egov.projects.application.port.in.RecordStartExceptionUseCase;
import cn.egov.projects.application.port.in.RecordStartWithoutProcurementUseCase;
import cn.egov.projects.application.port.in.ReportHigherLevelFundingUseCase;
import cn.egov.projects.application.port.in.ReportProgressUseCase;
import cn.egov.projects.application.port.in.ReportSituationUseCase;
import cn.egov.projects.application.port.in.RequestChangeUseCase;
import cn.egov.projects.application.port.in.ResumeProjectUseCase;
import cn.egov.projects.application.port.in.SignContractUseCase;
import cn.egov.projects.application.port.in.StartReviewUseCase;
import cn.egov.projects.application.port.in.StartTrialRunUseCase;
import cn.egov.projects.application.port.in.SubmitImplementationPlanUseCase;
import cn.egov.projects.application.port.in.TerminateProjectUseCase;
import cn.egov.projects.application.port.in.WaiveDeadlineUseCase;

import java.util.Arrays;

/** The use cases of the lifecycle actions, as interfaces only (one route each). */
public record LifecycleUseCases(
        EditDraftUseCase editDraft,
        DeclareProjectUseCase declare,
        DeclareSupplementaryUseCase declareSupplementary,
        StartReviewUseCase startReview,
        RecordReviewUseCase recordReview,
        ProposeFundingUseCase proposeFunding,
        RecordApprovalUseCase recordApproval,
        IssueAnnualPlanUseCase issuePlan,
        AddToPlanUseCase addToPlan,
        ReportHigherLevelFundingUseCase reportHigherLevelFunding,
        SubmitImplementationPlanUseCase submitImplementationPlan,
        PreProcurementReviewUseCase preProcurementReview,
        RecordStartWithoutProcurementUseCase recordStartWithoutProcurement,
        SignContractUseCase signContract,
        FileContractUseCase fileContract,
        ReportProgressUseCase reportProgress,
        RequestChangeUseCase requestChange,
        DecideChangeUseCase decideChange,
        ReportSituationUseCase reportSituation,
        ResumeProjectUseCase resume,
        TerminateProjectUseCase terminate,
        RecordFundRecoveryUseCase recordFundRecovery,
        RecordStartExceptionUseCase recordStartException,
        WaiveDeadlineUseCase waiveDeadline,
        RecordSecurityReviewUseCase recordSecurityReview,
        StartTrialRunUseCase startTrialRun,
        FileSelfInspectionUseCase fileSelfInspection,
        RecordAcceptanceUseCase recordAcceptance,
        PutIntoOperationUseCase putIntoOperation,
        FileAcceptanceReportUseCase fileAcceptanceReport,
        FileFinalAccountsUseCase fileFinalAccounts,
        RecordMaintenanceUseCase recordMaintenance) {

    /** Picks each use case from the objects that implement it (each service implements several). */
    public static LifecycleUseCases of(Object... implementations) {
        return new LifecycleUseCases(find(implementations, EditDraftUseCase.class),
                find(implementations, DeclareProjectUseCase.class),
                find(implementations, DeclareSupplementaryUseCase.class),
                find(implementations, StartReviewUseCase.class), find(implementations, RecordReviewUseCase.class),
                find(implementations, ProposeFundingUseCase.class),
                find(implementations, RecordApprovalUseCase.class),
                find(implementations, IssueAnnualPlanUseCase.class), find(implementations, AddToPlanUseCase.class),
                find(implementations, ReportHigherLevelFundingUseCase.class),
                find(implementations, SubmitImplementationPlanUseCase.class),
                find(implementations, PreProcurementReviewUseCase.class),
                find(implementations, RecordStartWithoutProcurementUseCase.class),
                find(implementations, SignContractUseCase.class), find(implementations, FileContractUseCase.class),
                find(implementations, ReportProgressUseCase.class), find(implementations, RequestChangeUseCase.class),
                find(implementations, DecideChangeUseCase.class),
                find(implementations, ReportSituationUseCase.class),
                find(implementations, ResumeProjectUseCase.class),
                find(implementations, TerminateProjectUseCase.class),
                find(implementations, RecordFundRecoveryUseCase.class),
                find(implementations, RecordStartExceptionUseCase.class),
                find(implementations, WaiveDeadlineUseCase.class),
                find(implementations, RecordSecurityReviewUseCase.class),
                find(implementations, StartTrialRunUseCase.class),
                find(implementations, FileSelfInspectionUseCase.class),
                find(implementations, RecordAcceptanceUseCase.class),
                find(implementations, PutIntoOperationUseCase.class),
                find(implementations, FileAcceptanceReportUseCase.class),
                find(implementations, FileFinalAccountsUseCase.class),
                find(implementations, RecordMaintenanceUseCase.class));
    }

    static <T> T find(Object[] implementations, Class<T> type) {
        return Arrays.stream(implementations).filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no implementation of " + type.getSimpleName()));
    }
}
