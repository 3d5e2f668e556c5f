package cn.egov.projects.web.routes;

import cn.egov.projects.application.port.in.AccountAdminUseCase;
import cn.egov.projects.application.port.in.AnnualPlanUseCase;
import cn.egov.projects.application.port.in.AuditSearchUseCase;
import cn.egov.projects.application.port.in.CalendarFeedUseCase;
import cn.egov.projects.application.port.in.ComplianceUseCase;
import cn.egov.projects.application.port.in.DocumentUseCase;
import cn.egov.projects.application.port.in.GradePerformanceUseCase;
import cn.egov.projects.application.port.in.ExpertPoolUseCase;
import cn.egov.projects.application.port.in.ExpertReviewUseCase;
import cn.egov.projects.application.port.in.IdempotencyUseCase;
import cn.egov.projects.application.port.in.MyDeadlinesUseCase;
import cn.egov.projects.application.port.in.PerformanceEvaluationUseCase;
import cn.egov.projects.application.port.in.ProjectAssignmentUseCase;
import cn.egov.projects.application.port.in.ProjectPageUseCase;
import cn.egov.projects.application.port.in.PersonalDataUseCase;
import cn.egov.projects.application.port.in.SecurityAuditUseCase;
import cn.egov.projects.application.port.in.SecurityEventUseCase;
import cn.egov.projects.application.port.in.ResourceCatalogueUseCase;
import cn.egov.projects.application.port.in.SecondFactorUseCase;
import cn.egov.projects.application.port.in.SecurityPolicyUseCase;
import cn.egov.projects.application.port.in.ReuseOpinionUseCase;
import cn.egov.projects.application.port.in.SignInUseCase;
import cn.egov.projects.application.port.in.ClearanceUseCase;
import cn.egov.projects.application.port.in.SimilarProjectsUseCase;
import cn.egov.projects.application.port.in.StatisticsUseCase;
import cn.egov.projects.application.port.in.UnitUseCase;

/** The use cases of the staff's working place besides the lifecycle actions, as interfaces only. */
public record WorkplaceUseCases(
        SignInUseCase signIn,
        ProjectPageUseCase projectPage,
        MyDeadlinesUseCase myDeadlines,
        ComplianceUseCase compliance,
        AuditSearchUseCase auditSearch,
        AnnualPlanUseCase annualPlan,
        CalendarFeedUseCase calendarFeed,
        IdempotencyUseCase idempotency,
        AccountAdminUseCase accountAdmin,
        UnitUseCase units,
        DocumentUseCase documents,
        ProjectAssignmentUseCase assignments,
        SecurityAuditUseCase securityAudit,
        SecurityEventUseCase securityEvents,
        ResourceCatalogueUseCase resourceCatalogue,
        SimilarProjectsUseCase similarProjects,
        ReuseOpinionUseCase reuseOpinions,
        PerformanceEvaluationUseCase performance,
        GradePerformanceUseCase grading,
        ExpertPoolUseCase expertPool,
        ExpertReviewUseCase expertReviews,
        StatisticsUseCase statistics,
        SecondFactorUseCase secondFactor,
        SecurityPolicyUseCase securityPolicy,
        PersonalDataUseCase personalData,
        ClearanceUseCase clearances) {

    /** Picks each use case from the objects that implement it. */
    public static WorkplaceUseCases of(Object... implementations) {
        return new WorkplaceUseCases(LifecycleUseCases.find(implementations, SignInUseCase.class),
                LifecycleUseCases.find(implementations, ProjectPageUseCase.class),
                LifecycleUseCases.find(implementations, MyDeadlinesUseCase.class),
                LifecycleUseCases.find(implementations, ComplianceUseCase.class),
                LifecycleUseCases.find(implementations, AuditSearchUseCase.class),
                LifecycleUseCases.find(implementations, AnnualPlanUseCase.class),
                LifecycleUseCases.find(implementations, CalendarFeedUseCase.class),
                LifecycleUseCases.find(implementations, IdempotencyUseCase.class),
                LifecycleUseCases.find(implementations, AccountAdminUseCase.class),
                LifecycleUseCases.find(implementations, UnitUseCase.class),
                LifecycleUseCases.find(implementations, DocumentUseCase.class),
                LifecycleUseCases.find(implementations, ProjectAssignmentUseCase.class),
                LifecycleUseCases.find(implementations, SecurityAuditUseCase.class),
                LifecycleUseCases.find(implementations, SecurityEventUseCase.class),
                LifecycleUseCases.find(implementations, ResourceCatalogueUseCase.class),
                LifecycleUseCases.find(implementations, SimilarProjectsUseCase.class),
                LifecycleUseCases.find(implementations, ReuseOpinionUseCase.class),
                LifecycleUseCases.find(implementations, PerformanceEvaluationUseCase.class),
                LifecycleUseCases.find(implementations, GradePerformanceUseCase.class),
                LifecycleUseCases.find(implementations, ExpertPoolUseCase.class),
                LifecycleUseCases.find(implementations, ExpertReviewUseCase.class),
                LifecycleUseCases.find(implementations, StatisticsUseCase.class),
                LifecycleUseCases.find(implementations, SecondFactorUseCase.class),
                LifecycleUseCases.find(implementations, SecurityPolicyUseCase.class),
                LifecycleUseCases.find(implementations, PersonalDataUseCase.class),
                LifecycleUseCases.find(implementations, ClearanceUseCase.class));
    }
}
