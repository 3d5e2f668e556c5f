package cn.egov.projects.bootstrap;

import cn.egov.projects.application.account.AccountSecurityPolicies;
import cn.egov.projects.application.account.ClearanceService;
import cn.egov.projects.application.account.AccountAdminService;
import cn.egov.projects.application.account.AccountService;
import cn.egov.projects.application.account.ExportLimitService;
import cn.egov.projects.application.account.SecondFactorService;
import cn.egov.projects.application.account.SessionLimitService;
import cn.egov.projects.application.account.SignInService;
import cn.egov.projects.application.account.SignInThrottle;
import cn.egov.projects.application.account.UnitService;
import cn.egov.projects.application.port.out.ClockPort;
import cn.egov.projects.application.service.PersonalDataService;
import cn.egov.projects.application.service.AcceptanceService;
import cn.egov.projects.application.service.ApprovalService;
import cn.egov.projects.application.service.CalendarFeedService;
import cn.egov.projects.application.service.DeclarationService;
import cn.egov.projects.application.service.DocumentService;
import cn.egov.projects.application.service.IdempotencyService;
import cn.egov.projects.application.service.ImplementationService;
import cn.egov.projects.application.service.OversightReportService;
import cn.egov.projects.application.service.OversightService;
import cn.egov.projects.application.service.PerformanceService;
import cn.egov.projects.application.service.Ports;
import cn.egov.projects.application.service.ExpertService;
import cn.egov.projects.application.service.ProjectAssignmentService;
import cn.egov.projects.application.service.ProjectPageService;
import cn.egov.projects.application.service.SecurityAuditService;
import cn.egov.projects.application.service.SecurityEventService;
import cn.egov.projects.application.service.ResourceCatalogueService;
import cn.egov.projects.application.service.ReuseOpinionService;
import cn.egov.projects.application.service.SimilarProjectsService;
import cn.egov.projects.application.service.StatisticsService;
import cn.egov.projects.application.service.ToDoService;
import cn.egov.projects.domain.policy.PolicyHistory;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.persistence.PersistenceAdapters;
import cn.egov.projects.web.AccountSecurityUseCases;
import cn.egov.projects.web.WebSettings;
import cn.egov.projects.web.auth.AccessRevisions;
import cn.egov.projects.web.routes.LifecycleUseCases;
import cn.egov.projects.web.routes.WorkplaceUseCases;

/**
 * The services behind the staff's web application, wired with {@code new}: every lifecycle action, sign-in with
 * lockout, project pages, to-do lists, the oversight reports, calendar feeds, idempotency keys, accounts, units,
 * documents, the people named to projects, resource catalogues, similar projects, reuse opinions and the yearly
 * performance evaluation.
 */
record Web(LifecycleUseCases lifecycle, WorkplaceUseCases workplace, WebSettings settings, UnitService units,
           PolicyPack pack, AccessRevisions revisions, AccountSecurityUseCases accountSecurity,
           java.util.function.Supplier<PolicyPack> packInForce) {

    static Web wire(Settings settings, PersistenceAdapters persistence, Ports ports, AccountService accounts,
                    ClockPort clock, PolicyHistory policies) {
        // the pack at start (the demo data's); every service resolves the pack in force on the day of each action,
        // so that a pack that takes effect later is followed from its first day without a restart
        PolicyPack pack = policies.inForceOn(clock.today());
        cn.egov.projects.application.port.out.PolicyPort packs = () -> policies;
        var tx = persistence.transactions();
        var audit = persistence.auditTrail();
        var security = persistence.webSecurity();
        var reads = persistence.workplaceReads();
        WebSettings web = settings.web().web();
        // the services tell the web adapter's sessions when an account's access changes; the revisions are shared
        // with every other instance on this database. On the embedded H2 (one instance) the same database-backed
        // revisions, sessions and sign-in limits are used: one code path, and sessions outlive a restart
        AccessRevisions revisions = AccessRevisions.shared(persistence.sharedWebState());
        ToDoService toDo = new ToDoService(ports, reads);
        UnitService units = new UnitService(persistence.units(), audit, clock, tx, packs);
        ExpertService experts = new ExpertService(ports, persistence.accounts(), persistence.projectAssignments(),
                revisions, persistence.experts(), persistence.experts());
        LifecycleUseCases lifecycle = LifecycleUseCases.of(new DeclarationService(ports),
                new ApprovalService(ports, experts),
                new ImplementationService(ports), new OversightService(ports), new AcceptanceService(ports));
        // one throttle for passwords and one-time codes: wrong codes count like wrong passwords
        SignInThrottle throttle = SignInThrottle.shared(SignInThrottle.Limits.standard(),
                persistence.sharedWebState());
        // one-time codes follow the real time, as the authenticator apps do, never a simulated clock
        SecondFactorService secondFactor = new SecondFactorService(persistence.secondFactors(),
                persistence.secondFactors(), persistence.oneTimeCodeMacs(), persistence.accounts(), security, audit,
                clock, new SystemClock(), tx, throttle, revisions, revisions, packs);
        // the rate limits and the lockout are in the database, shared by every instance; the current password given
        // to change one meets them too
        SignInService signIn = new SignInService(accounts, security, audit, clock, tx, throttle, revisions, packs);
        accounts.checkCurrentPasswordsWith(signIn);
        WorkplaceUseCases workplace = WorkplaceUseCases.of(
                signIn,
                secondFactor,
                new ProjectPageService(ports, persistence.documents(), persistence.names()),
                toDo,
                new OversightReportService(ports, reads, reads),
                new CalendarFeedService(security, security, toDo, audit, clock, tx, packs),
                new IdempotencyService(security, clock),
                new AccountAdminService(security, audit, clock, tx, packs, revisions, persistence.passwordStates()),
                units,
                new DocumentService(ports, persistence.documents(), web.documents()),
                new ProjectAssignmentService(ports, persistence.accounts(), persistence.projectAssignments(),
                        persistence.clearances(),
                        revisions),
                new SecurityAuditService(ports, persistence.auditVerification()),
                new SecurityEventService(ports),
                new ResourceCatalogueService(ports, persistence.resourceCatalogues()),
                new SimilarProjectsService(ports, persistence.resourceCatalogues(), persistence.resourceCatalogues()),
                new ReuseOpinionService(ports, persistence.resourceCatalogues(), persistence.reuseOpinions()),
                new PerformanceService(ports, persistence.performanceGrades()),
                experts,
                new StatisticsService(ports, persistence.workplaceReads()),
                new PersonalDataService(ports, security),
                new ClearanceService(persistence.clearances(), persistence.accounts(), audit, clock, tx, packs,
                        revisions));

        // the password policy's changes, one session per administrator (a set number for others, every instance
        // counting the sessions in the database) and the export limits (counted there too)
        AccountSecurityUseCases accountSecurity = new AccountSecurityUseCases(accounts,
                new SessionLimitService(persistence.sharedWebState(), audit, clock, tx, java.time.Instant::now,
                        settings.accountSecurity().sessionLimit(), packs),
                new ExportLimitService(SignInThrottle.shared(ExportLimitService.limits(
                        settings.accountSecurity().exportLimit()), persistence.exportWindows()), audit, clock, tx, packs),
                AccountSecurityPolicies.describe(settings.accountSecurity().policy(),
                        settings.accountSecurity().sessionLimit(), settings.accountSecurity().exportLimit()));
        return new Web(lifecycle, workplace, web, units, pack, revisions, accountSecurity,
                () -> policies.inForceOn(clock.today()));
    }
}
