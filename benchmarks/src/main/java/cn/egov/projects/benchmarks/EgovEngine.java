package cn.egov.projects.benchmarks;

import cn.egov.projects.application.account.AccountService;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.CreateAccountCommand;
import cn.egov.projects.application.port.in.CreateDraftCommand;
import cn.egov.projects.application.port.in.CreateUnitCommand;
import cn.egov.projects.application.port.in.DeclareProjectCommand;
import cn.egov.projects.application.port.in.FileAcceptanceReportCommand;
import cn.egov.projects.application.port.in.FileContractCommand;
import cn.egov.projects.application.port.in.FileFinalAccountsCommand;
import cn.egov.projects.application.port.in.FileSelfInspectionCommand;
import cn.egov.projects.application.port.in.IssueAnnualPlanCommand;
import cn.egov.projects.application.port.in.OpenDeclarationWindowCommand;
import cn.egov.projects.application.port.in.PreProcurementReviewCommand;
import cn.egov.projects.application.port.in.ProposeFundingCommand;
import cn.egov.projects.application.port.in.PutIntoOperationCommand;
import cn.egov.projects.application.port.in.RecordAcceptanceCommand;
import cn.egov.projects.application.port.in.RecordApprovalCommand;
import cn.egov.projects.application.port.in.RecordReviewCommand;
import cn.egov.projects.application.port.in.RecordSecurityReviewCommand;
import cn.egov.projects.application.port.in.ReportProgressCommand;
import cn.egov.projects.application.port.in.SignContractCommand;
import cn.egov.projects.application.port.in.StartReviewCommand;
import cn.egov.projects.application.port.in.StartTrialRunCommand;
import cn.egov.projects.application.port.in.SubmitImplementationPlanCommand;
import cn.egov.projects.application.port.in.TransitionResult;
import cn.egov.projects.application.view.Unit;
import cn.egov.projects.bootstrap.BenchApplication;
import cn.egov.projects.domain.access.Actor;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.catalog.Category;
import cn.egov.projects.domain.catalog.FundingSource;
import cn.egov.projects.domain.catalog.Nature;
import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.project.Attainment;
import cn.egov.projects.domain.project.GoalAchievement;
import cn.egov.projects.domain.project.GoalKind;
import cn.egov.projects.domain.project.PerformanceGoal;
import cn.egov.projects.domain.project.AccountablePeople;
import cn.egov.projects.domain.project.BudgetLine;
import cn.egov.projects.domain.project.Person;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ProjectProfile;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.project.SecurityReview;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.web.UseCases;
import cn.egov.projects.web.routes.LifecycleUseCases;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The application side: the services as {@code Main} wires them ({@link BenchApplication}), driven through their
 * use-case interfaces by the people who act at each step, as {@code DemoData} and the scenario test do: a unit's
 * staff, the Bureau, Finance and the Cyberspace office, each signed in once as a real account.
 */
final class EgovEngine implements Engine {

    private static final String PASSWORD = "bench-K7mQ2xW9pR4t";
    private static final List<String> EXPERTS = List.of("张明", "李华", "王芳");
    private static final Money BUDGET = Money.yuan("500000");

    private final String name;
    private final BenchApplication app;
    private final DayClock clock;
    private final UseCases useCases;
    private final LifecycleUseCases l;
    private final List<String> acceptanceDocuments;
    private final Caller unit;
    private final Caller bdb;
    private final Caller finance;
    private final Caller cybersec;
    private final AtomicLong serial = new AtomicLong();

    /**
     * Opens the database at {@code url} (an empty one: the schema is migrated, units, accounts and the 2025
     * declaration window are created through the use cases).
     */
    EgovEngine(String name, String url, String user, String password) {
        this.name = name;
        this.clock = new DayClock(Days.WINDOW_OPENS);
        this.app = BenchApplication.open(url, user, password, clock);
        this.useCases = app.useCases();
        this.l = app.lifecycle();
        this.acceptanceDocuments = app.pack().acceptanceDocuments();
        clock.set(Days.WINDOW_OPENS);
        AccountService accounts = app.accounts();
        accounts.createAccount(null, account("admin", "系统管理员", Role.ADMIN, "TC-DSJ"));
        Caller admin = signIn(accounts, "admin");
        String[][] units = {{"TC-DSJ", "太仓市大数据管理局", "AUTHORITY"}, {"TC-CZJ", "太仓市财政局", "AUTHORITY"},
                {"TC-WXB", "中共太仓市委网信办", "AUTHORITY"}, {"TC-GAJ", "太仓市公安局", "IMPLEMENTING"}};
        for (String[] u : units) {
            app.units().createUnit(admin, new CreateUnitCommand(u[0], u[1], Unit.Kind.valueOf(u[2])));
        }
        // 三员分立: the Bureau's role is granted by the security administrator
        accounts.createAccount(null, account("secadmin", "安全保密管理员", Role.SECURITY_ADMIN, "TC-DSJ"));
        accounts.createAccount(signIn(accounts, "secadmin"), account("bdb", "陈大数据", Role.BDB_OFFICER, "TC-DSJ"));
        accounts.createAccount(admin, account("finance", "周财政", Role.FINANCE, "TC-CZJ"));
        accounts.createAccount(admin, account("cybersec", "郑网信", Role.CYBERSEC, "TC-WXB"));
        accounts.createAccount(admin, account("gaj", "王经办（公安局）", Role.UNIT_STAFF, "TC-GAJ"));
        this.bdb = signIn(accounts, "bdb");
        this.finance = signIn(accounts, "finance");
        this.cybersec = signIn(accounts, "cybersec");
        this.unit = signIn(accounts, "gaj");
        useCases.openDeclarationWindow().openWindow(bdb, new OpenDeclarationWindowCommand(Days.PLAN_YEAR,
                Days.WINDOW_OPENS, Days.WINDOW_CLOSES));
    }

    private static CreateAccountCommand account(String username, String display, Role role, String unit) {
        return new CreateAccountCommand(username, display, role, new UnitId(unit), "13900000000",
                username + "@bench.taicang.gov.cn", PASSWORD.toCharArray());
    }

    private static Caller signIn(AccountService accounts, String username) {
        Actor actor = accounts.authenticate(username, PASSWORD.toCharArray()).orElseThrow();
        return new Caller(actor, "bench", "127.0.0.1");
    }

    @Override
    public String name() {
        return name;
    }

    /** The benchmark projects' performance goal (Art. 23). */
    static final PerformanceGoal GOAL = PerformanceGoal.of("警情处置时间缩短比例", GoalKind.BENEFIT, "≥20%");

    /** The self-inspection's report of {@link #GOAL}. */
    static final List<GoalAchievement> ACHIEVED = List.of(GoalAchievement.reported(GOAL.indicator(), "23%",
            Attainment.MET, null));

    static ProjectProfile profile(long n) {
        return new ProjectProfile("智慧公安数据平台 " + n, Days.PLAN_YEAR, Category.BUSINESS_SYSTEM, Nature.NEW, null,
                null, false, FundingSource.MUNICIPAL, false, false, List.of("数据汇聚平台", "警情分析系统"),
                List.of(GOAL), List.of(new BudgetLine("平台建设", BUDGET, false)),
                new AccountablePeople(new Person("李分管", "13900000001", "leader@bench.taicang.gov.cn"),
                        new Person("王经办", "13900000002", "staff@bench.taicang.gov.cn")));
    }

    @Override
    public void lifecycle() {
        ProjectId id = contracted();
        String contract = contractNumber(id);
        on(Days.CONTRACT_FILED);
        l.fileContract().fileContract(unit, new FileContractCommand(id, null, contract));
        on(Days.TRIAL);
        l.startTrialRun().startTrialRun(unit, new StartTrialRunCommand(id, null, Days.TRIAL));
        on(Days.SECURITY_REVIEW);
        l.recordSecurityReview().recordSecurityReview(cybersec, new RecordSecurityReviewCommand(id, null,
                SecurityReview.Kind.CYBERSECURITY, true, "符合网络安全要求"));
        on(Days.SELF_INSPECTION);
        l.fileSelfInspection().fileSelfInspection(unit, new FileSelfInspectionCommand(id, null,
                "全部建设内容已完成", "已整理资源目录32项", "警情处置时间缩短23%", ACHIEVED));
        on(Days.ACCEPTANCE);
        l.recordAcceptance().recordAcceptance(unit, new RecordAcceptanceCommand(id, null, Days.ACCEPTANCE, true,
                EXPERTS, acceptanceDocuments, "同意通过验收"));
        on(Days.OPERATION);
        l.putIntoOperation().putIntoOperation(unit, new PutIntoOperationCommand(id, null));
        on(Days.ACCEPTANCE_REPORT);
        l.fileAcceptanceReport().fileAcceptanceReport(unit, new FileAcceptanceReportCommand(id, null));
        on(Days.FINAL_ACCOUNTS);
        TransitionResult closed = l.fileFinalAccounts().fileFinalAccounts(finance,
                new FileFinalAccountsCommand(id, null, Money.yuan("478000")));
        if (closed.state() != ProjectState.CLOSED) {
            throw new IllegalStateException("the lifecycle ended in " + closed.state());
        }
    }

    private ProjectId draftAndDeclare() {
        on(Days.DRAFT);
        ProjectId id = useCases.createDraft().createDraft(unit, new CreateDraftCommand(profile(serial.incrementAndGet())));
        useCases.declareProject().declare(unit, new DeclareProjectCommand(id, null));
        return id;
    }

    /** A project brought to CONTRACTED through the use cases (10 calls): what the size series then reports on. */
    ProjectId contracted() {
        ProjectId id = draftAndDeclare();
        on(Days.REVIEW);
        l.startReview().startReview(bdb, new StartReviewCommand(id, null));
        l.recordReview().recordReview(bdb, new RecordReviewCommand(id, null, true, EXPERTS, "建设必要，方案可行"));
        on(Days.FUNDING);
        l.proposeFunding().proposeFunding(finance, new ProposeFundingCommand(id, null, BUDGET, "同意安排"));
        on(Days.APPROVAL);
        l.recordApproval().recordApproval(bdb, new RecordApprovalCommand(id, null, BUDGET, "太政复〔2024〕88号"));
        on(Days.PLAN);
        l.issuePlan().issuePlan(bdb, new IssueAnnualPlanCommand(Days.PLAN_YEAR, "太政办〔2025〕5号", List.of(id)));
        on(Days.IMPLEMENTATION_PLAN);
        l.submitImplementationPlan().submitImplementationPlan(unit, new SubmitImplementationPlanCommand(id, null,
                List.of("数据汇聚平台", "警情分析系统"), BUDGET, "2025年4月招标，9月上线试运行"));
        on(Days.PRE_PROCUREMENT);
        l.preProcurementReview().reviewBeforeProcurement(bdb, new PreProcurementReviewCommand(id, null, true, "同意采购"));
        on(Days.CONTRACT_ENTERED);
        l.signContract().signContract(unit, new SignContractCommand(id, null, contractNumber(id),
                "苏州某信息技术有限公司", Money.yuan("480000"), Days.CONTRACT_SIGNED, Days.WARRANTY_END));
        return id;
    }

    private static String contractNumber(ProjectId id) {
        return "HT-2025-" + id.toString().substring(0, 8);
    }

    /** One progress report on a contracted project: a transition that can be repeated on the same project. */
    void reportProgress(ProjectId id, int percent) {
        on(Days.PROGRESS);
        l.reportProgress().reportProgress(unit, new ReportProgressCommand(id, null, percent, "开发完成" + percent + "%"));
    }

    private void on(LocalDate day) {
        clock.set(day);
    }

    /** The application's own adapters over {@code database} (its keys): for storing projects beside it. */
    cn.egov.projects.persistence.PersistenceAdapters persistence(cn.egov.projects.persistence.Database database) {
        return app.persistence(database);
    }

    @Override
    public void close() {
        app.close();
    }
}
