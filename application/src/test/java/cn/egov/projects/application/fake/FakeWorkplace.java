package cn.egov.projects.application.fake;

import cn.egov.projects.application.view.AuditVerdict;
import cn.egov.projects.application.service.SecurityAuditService;
import cn.egov.projects.application.service.StatisticsService;

import cn.egov.projects.application.account.AccountAdminService;
import cn.egov.projects.application.account.SignInService;
import cn.egov.projects.application.service.CalendarFeedService;
import cn.egov.projects.application.service.ApprovalService;
import cn.egov.projects.application.service.DocumentService;
import cn.egov.projects.application.service.ExpertService;
import cn.egov.projects.application.service.IdempotencyService;
import cn.egov.projects.application.service.OversightReportService;
import cn.egov.projects.application.service.ProjectAssignmentService;
import cn.egov.projects.application.service.ProjectPageService;
import cn.egov.projects.application.service.ResourceCatalogueService;
import cn.egov.projects.application.service.ReuseOpinionService;
import cn.egov.projects.application.service.SimilarProjectsService;
import cn.egov.projects.application.service.ToDoService;
import cn.egov.projects.application.port.in.DocumentRules;
import cn.egov.projects.application.port.out.AccessChangesPort;
import cn.egov.projects.domain.policy.PolicyPacks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@link FakeWorld} and the services of the staff's working place over in-memory fakes: project pages, to-do lists,
 * the compliance dashboard, the audit search, calendar feeds, idempotency keys, sign-in with lockout, documents and
 * the administrator's account list, the people named to projects, resource catalogues, similar projects and reuse
 * opinions.
 */
public final class FakeWorkplace {

    public final FakeWorld world;
    public final InMemoryWorkplaceReads reads;
    public final InMemoryWorkplaceStores stores;
    public final InMemoryLoginAttempts loginAttempts = new InMemoryLoginAttempts();
    /** The accounts' one-time-code secrets and the security settings. */
    public final InMemorySecondFactors secondFactors = new InMemorySecondFactors();
    /** The time one-time codes are computed at: the test moves it on a step before each code it makes. */
    public final OtpClock otpClock = new OtpClock(java.time.Instant.parse("2024-08-15T02:00:00Z"));
    public final ProjectPageService pages;
    public final ToDoService toDo;
    public final OversightReportService oversightReports;
    public final StatisticsService statistics;
    public final CalendarFeedService calendarFeeds;
    public final IdempotencyService idempotency;
    public final SignInService signIn;
    public final DocumentService documents;
    public final AccountAdminService accountAdmin;
    /** The user ids whose access changed, in the order the services told. */
    public final List<String> accessChanged = Collections.synchronizedList(new ArrayList<>());
    public final ProjectAssignmentService assignments;
    public final cn.egov.projects.application.account.ClearanceService clearances;
    /** What the audit trail's check answers; a test sets it. */
    public volatile AuditVerdict auditVerdict =
            new AuditVerdict(true, 0, java.util.Optional.empty(), "intact");
    public final SecurityAuditService securityAudit;
    public final ResourceCatalogueService resourceCatalogue;
    public final SimilarProjectsService similarProjects;
    public final ReuseOpinionService reuseOpinions;
    /** The expert pool and draws (Art. 8, 24), and the review opinion that takes the drawn panel's opinions. */
    public final ExpertService experts;
    public final ApprovalService approvals;
    /** Told too when an account's access changes (a web test's sessions). */
    public volatile AccessChangesPort accessListener = AccessChangesPort.NONE;

    public FakeWorkplace(LocalDate today) {
        this(today, DocumentRules.standard());
    }

    public FakeWorkplace(LocalDate today, DocumentRules documentRules) {
        this(today, documentRules, cn.egov.projects.domain.policy.PolicyPacks.taicang());
    }

    /** A workplace whose projects are judged by another city's pack. */
    public FakeWorkplace(LocalDate today, DocumentRules documentRules, cn.egov.projects.domain.policy.PolicyPack pack) {
        this.world = new FakeWorld(today, pack);
        this.reads = new InMemoryWorkplaceReads(world.projects, world.audit);
        this.stores = new InMemoryWorkplaceStores(world.accounts);
        this.pages = new ProjectPageService(world.ports, world.documents, new InMemoryNames(world.accounts, world.units));
        this.toDo = new ToDoService(world.ports, reads);
        this.oversightReports = new OversightReportService(world.ports, reads, reads);
        this.statistics = new StatisticsService(world.ports, reads);
        this.securityAudit = new SecurityAuditService(world.ports, () -> auditVerdict);
        this.calendarFeeds = new CalendarFeedService(stores, stores, toDo, world.audit, world.clock,
                world.transactions, world.pack);
        this.idempotency = new IdempotencyService(stores, world.clock);
        this.signIn = new SignInService(world.accountService, loginAttempts, world.audit, world.clock,
                world.transactions, world.pack);
        this.documents = new DocumentService(world.ports, world.documents, documentRules);
        this.accountAdmin = new AccountAdminService(stores, world.audit, world.clock, world.transactions,
                PolicyPacks.taicang(), this::accessChanged);
        this.assignments = new ProjectAssignmentService(world.ports, world.accounts, world.accounts, world.accounts,
                this::accessChanged);
        this.clearances = new cn.egov.projects.application.account.ClearanceService(world.accounts, world.accounts,
                world.audit, world.clock, world.transactions, PolicyPacks.taicang(), this::accessChanged);
        this.resourceCatalogue = new ResourceCatalogueService(world.ports, world.resources);
        this.similarProjects = new SimilarProjectsService(world.ports, world.resources, world.resources);
        this.reuseOpinions = new ReuseOpinionService(world.ports, world.resources, world.resources);
        this.experts = new ExpertService(world.ports, world.accounts, world.accounts, this::accessChanged,
                world.experts, world.experts);
        this.approvals = new ApprovalService(world.ports, experts);
    }

    /** The second factor over this working place's stores, counting in the given sign-in throttle. */
    public cn.egov.projects.application.account.SecondFactorService secondFactor(
            cn.egov.projects.application.account.SignInThrottle throttle,
            cn.egov.projects.application.port.out.AccountLockedPort lockedOut) {
        return new cn.egov.projects.application.account.SecondFactorService(secondFactors, secondFactors,
                new TestOneTimeCodeMacs(), world.accounts, loginAttempts, world.audit, world.clock, otpClock,
                world.transactions, throttle, lockedOut, this::accessChanged, world.pack);
    }

    /**
     * Enrols the account with a second factor (HMAC-SM3 unless given) as its owner would, and returns the secret
     * (base32).
     */
    public String enrolSecondFactor(cn.egov.projects.application.port.in.Caller owner,
                                    cn.egov.projects.application.view.OtpAlgorithm algorithm) {
        var service = secondFactor(new cn.egov.projects.application.account.SignInThrottle(
                cn.egov.projects.application.account.SignInThrottle.Limits.standard()),
                cn.egov.projects.application.port.out.AccountLockedPort.NONE);
        var enrolment = service.beginEnrolment(owner, algorithm);
        var verdict = service.confirmEnrolment(owner, TotpCodes.at(enrolment.secretBase32(), enrolment.algorithm(),
                otpClock.nextStep()));
        if (!(verdict instanceof cn.egov.projects.application.port.in.SecondFactorUseCase.Accepted)) {
            throw new IllegalStateException("enrolment not confirmed: " + verdict);
        }
        return enrolment.secretBase32();
    }

    private void accessChanged(String userId) {
        accessChanged.add(userId);
        accessListener.accessChanged(userId);
    }
}
