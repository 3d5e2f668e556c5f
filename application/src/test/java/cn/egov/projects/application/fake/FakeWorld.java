package cn.egov.projects.application.fake;

import cn.egov.projects.application.account.AccountService;
import cn.egov.projects.application.account.PasswordHasher;
import cn.egov.projects.application.account.UnitService;
import cn.egov.projects.application.service.AcceptanceService;
import cn.egov.projects.application.service.ApprovalService;
import cn.egov.projects.application.service.DeadlineCalculatorService;
import cn.egov.projects.application.service.DeclarationService;
import cn.egov.projects.application.service.ImplementationService;
import cn.egov.projects.application.service.OversightService;
import cn.egov.projects.application.service.PerformanceService;
import cn.egov.projects.application.service.Ports;
import cn.egov.projects.application.service.ProjectQueryService;
import cn.egov.projects.domain.calendar.WorkingDayCalendar;
import cn.egov.projects.domain.policy.PolicyHistory;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.policy.PolicyPacks;

import java.time.LocalDate;

/** Every output port as an in-memory fake, wired to the real services, for use-case and adapter tests. */
public final class FakeWorld {

    public final InMemoryProjects projects = new InMemoryProjects();
    public final InMemoryWindows windows = new InMemoryWindows();
    public final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    public final RecordingReminders reminders = new RecordingReminders();
    public final InMemoryDocuments documents = new InMemoryDocuments();
    public final InMemoryAccounts accounts = new InMemoryAccounts();
    public final InMemoryUnits units = new InMemoryUnits();
    public final InMemoryResources resources = new InMemoryResources(projects);
    public final InMemoryPerformanceGrades grades = new InMemoryPerformanceGrades();
    public final InMemoryExperts experts = new InMemoryExperts();
    public final SnapshotTransactions transactions;
    public final FixedClock clock;
    public final Ports ports;
    public final DeclarationService declarations;
    public final ApprovalService approvals;
    public final ImplementationService implementation;
    public final OversightService oversight;
    public final AcceptanceService acceptance;
    public final PerformanceService performance;
    public final ProjectQueryService queries;
    public final DeadlineCalculatorService calculator;
    public final AccountService accountService;
    public final UnitService unitService;
    /** The one pack in force in this world. */
    public final PolicyPack pack;

    public FakeWorld(LocalDate today) {
        this(today, PolicyPacks.taicang());
    }

    public FakeWorld(LocalDate today, PolicyPack pack) {
        this.pack = pack;
        this.clock = new FixedClock(today);
        this.transactions = new SnapshotTransactions(projects, windows, audit, reminders, documents, accounts, units,
                resources, grades, experts);
        WorkingDayCalendar calendar = WorkingDayCalendar.official();
        PolicyHistory history = PolicyHistory.of(pack);
        this.ports = new Ports(projects, projects, projects, windows, audit, reminders, clock, () -> calendar,
                () -> history, transactions);
        this.declarations = new DeclarationService(ports);
        this.approvals = new ApprovalService(ports);
        this.implementation = new ImplementationService(ports);
        this.oversight = new OversightService(ports);
        this.acceptance = new AcceptanceService(ports);
        this.performance = new PerformanceService(ports, grades);
        this.queries = new ProjectQueryService(ports);
        this.calculator = new DeadlineCalculatorService(ports.policies(), ports.calendar(), clock);
        this.accountService = new AccountService(accounts, audit, clock, transactions, new PasswordHasher(1000), pack);
        this.unitService = new UnitService(units, audit, clock, transactions, pack);
    }
}
