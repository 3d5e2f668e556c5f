package cn.egov.projects.bootstrap;

import cn.egov.projects.application.account.AccountService;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.CreateAccountCommand;
import cn.egov.projects.application.port.in.CreateDraftCommand;
import cn.egov.projects.application.port.in.CreateUnitCommand;
import cn.egov.projects.application.port.in.SecondFactorUseCase;
import cn.egov.projects.application.view.OtpAlgorithm;
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
import cn.egov.projects.application.port.in.RecordReuseOpinionCommand;
import cn.egov.projects.application.port.in.RecordReviewCommand;
import cn.egov.projects.application.port.in.RegisterResourceCommand;
import cn.egov.projects.application.port.in.ResourceFields;
import cn.egov.projects.application.port.in.RecordSecurityReviewCommand;
import cn.egov.projects.application.port.in.ReportSituationCommand;
import cn.egov.projects.application.port.in.SignContractCommand;
import cn.egov.projects.application.port.in.StartReviewCommand;
import cn.egov.projects.application.port.in.StartTrialRunCommand;
import cn.egov.projects.application.port.in.SubmitImplementationPlanCommand;
import cn.egov.projects.application.port.in.TerminateProjectCommand;
import cn.egov.projects.application.view.Unit;
import cn.egov.projects.domain.access.Actor;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.catalog.Category;
import cn.egov.projects.domain.catalog.FundingSource;
import cn.egov.projects.domain.catalog.Nature;
import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.project.AccountablePeople;
import cn.egov.projects.domain.project.Attainment;
import cn.egov.projects.domain.project.GoalAchievement;
import cn.egov.projects.domain.project.GoalAssessment;
import cn.egov.projects.domain.project.GoalKind;
import cn.egov.projects.domain.project.PerformanceGoal;
import cn.egov.projects.domain.project.BudgetLine;
import cn.egov.projects.domain.project.Person;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ProjectProfile;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.project.SecurityReview;
import cn.egov.projects.domain.project.SituationReport;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.domain.resource.Openness;
import cn.egov.projects.domain.resource.ResourceEntry;
import cn.egov.projects.domain.resource.ResourceKind;
import cn.egov.projects.domain.resource.ReuseVerdict;
import cn.egov.projects.domain.resource.SharingType;
import cn.egov.projects.web.UseCases;
import cn.egov.projects.web.routes.LifecycleUseCases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * {@code --demo}: fills an empty database with sample units, accounts (one random password for all of them, written
 * to the log as a demonstration password) and projects in every state of the lifecycle, by driving the real use
 * cases on past days of a {@link DemoClock}. Never runs on a database that has accounts already.
 */
final class DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    /** Who the demonstration accounts are: username, name, role, unit. */
    static final List<String[]> ACCOUNTS = List.of(
            new String[]{"admin", "系统管理员", "ADMIN", "TC-DSJ"},
            new String[]{"secadmin", "安全保密管理员", "SECURITY_ADMIN", "TC-DSJ"},
            new String[]{"auditadmin", "安全审计员", "AUDIT_ADMIN", "TC-DSJ"},
            new String[]{"bdb", "陈大数据", "BDB_OFFICER", "TC-DSJ"},
            new String[]{"bdb-secret", "蒋经办（涉密项目）", "BDB_OFFICER", "TC-DSJ"},
            new String[]{"expert", "钱专家", "EXPERT", "TC-ZJK"},
            new String[]{"finance", "周财政", "FINANCE", "TC-CZJ"},
            new String[]{"audit", "吴审计", "AUDIT", "TC-SJJ"},
            new String[]{"cybersec", "郑网信", "CYBERSEC", "TC-WXB"},
            new String[]{"secrecy", "冯保密", "SECRECY", "TC-BMJ"},
            new String[]{"gaj", "王经办（公安局）", "UNIT_STAFF", "TC-GAJ"},
            new String[]{"gaj-leader", "李分管（公安局）", "UNIT_LEADER", "TC-GAJ"},
            new String[]{"wjw", "赵经办（卫健委）", "UNIT_STAFF", "TC-WJW"},
            new String[]{"jyj", "孙经办（教育局）", "UNIT_STAFF", "TC-JYJ"});

    private static final String[][] UNITS = {
            {"TC-DSJ", "太仓市大数据管理局", "AUTHORITY"}, {"TC-CZJ", "太仓市财政局", "AUTHORITY"},
            {"TC-SJJ", "太仓市审计局", "AUTHORITY"}, {"TC-WXB", "中共太仓市委网信办", "AUTHORITY"},
            {"TC-BMJ", "太仓市国家保密局", "AUTHORITY"},
            {"TC-ZJK", "太仓市电子政务项目评审专家库", "AUTHORITY"}, {"TC-GAJ", "太仓市公安局", "IMPLEMENTING"},
            {"TC-WJW", "太仓市卫生健康委员会", "IMPLEMENTING"}, {"TC-JYJ", "太仓市教育局", "IMPLEMENTING"}};

    private static final String[] NAMES = {"智慧公安视频解析平台", "全民健康信息平台（二期）", "智慧校园统一身份认证",
            "警务数据治理", "基层医疗影像云", "教育资源公共服务平台", "交通违法非现场执法系统", "卫生监督移动执法",
            "中小学食堂监管平台", "社区警务APP", "公共卫生应急指挥系统", "教育督导信息系统", "110接处警系统升级",
            "电子健康档案开放", "学籍管理系统迁移", "警用地理信息平台", "家庭医生签约服务系统", "校园安防联网"};

    private final DemoClock clock;
    private final UseCases useCases;
    private final Web web;
    private final AccountService accounts;

    DemoData(DemoClock clock, UseCases useCases, Web web, AccountService accounts) {
        this.clock = clock;
        this.useCases = useCases;
        this.web = web;
        this.accounts = accounts;
    }

    /**
     * Writes the demonstration data when the database is empty.
     *
     * @param empty whether the database holds no account yet
     * @return whether data were written
     */
    boolean fillIfEmpty(BooleanSupplier empty, LocalDate today) {
        return fillIfEmpty(empty, today, password());
    }

    /** As {@link #fillIfEmpty(BooleanSupplier, LocalDate)}, with the accounts' password given (tests). */
    boolean fillIfEmpty(BooleanSupplier empty, LocalDate today, String password) {
        if (!empty.getAsBoolean()) {
            LOG.info("--demo: the database already has accounts; no demonstration data written");
            return false;
        }
        Map<String, SecondFactorUseCase.Enrolment> secrets = new LinkedHashMap<>();
        Map<String, Caller> people;
        try {
            people = people(password);
            projects(people, today);
            // the three administrators sign in with a one-time code too; SHA1 so that any authenticator app will do
            for (String[] a : ACCOUNTS) {
                if (Role.valueOf(a[2]).isAdministrator()) {
                    secrets.put(a[0], web.workplace().secondFactor().enrolByOperator(
                            people.get(a[0]).actor().userId(), OtpAlgorithm.SHA1, "--demo"));
                }
            }
        } finally {
            clock.release();
        }
        // DEMO ONLY: the accounts are usable at once — their password counts as chosen by their owners today, and
        // they count as active today (the data were written on past days of the demonstration clock)
        people.values().forEach(p -> accounts.demoOnlyWaivePasswordChange(p.actor().userId()));
        LOG.warn("================ DEMO ONLY — 演示数据，仅供演示 ================");
        LOG.warn("demo accounts: {} — password of every demo account: {}",
                ACCOUNTS.stream().map(a -> a[0] + "(" + a[2] + ")").toList(), password);
        secrets.forEach((user, otp) -> LOG.warn("demo {}: TOTP secret (base32) {} — algorithm {}, 6 digits, 30 s — {}",
                user, otp.secretBase32(), otp.algorithm().name(), otp.uri()));
        LOG.warn("never use --demo with real data; create real accounts with create-admin and the admin pages");
        LOG.warn("================================================================");
        return true;
    }

    private static String password() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        while (true) {
            // upper and lower case and a symbol: three classes of the password policy whatever follows
            StringBuilder b = new StringBuilder("Demo-");
            for (int i = 0; i < 12; i++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String candidate = b.toString();
            String lower = candidate.toLowerCase(java.util.Locale.ROOT);
            if (ACCOUNTS.stream().noneMatch(a -> lower.contains(a[0].toLowerCase(java.util.Locale.ROOT)))) {
                return candidate;
            }
        }
    }

    private Map<String, Caller> people(String password) {
        Map<String, Caller> people = new LinkedHashMap<>();
        String[] first = ACCOUNTS.get(0);
        accounts.createAccount(null, account(first, password));
        Caller admin = signIn(first[0], password);
        people.put(first[0], admin);
        for (String[] u : UNITS) {
            web.units().createUnit(admin, new CreateUnitCommand(u[0], u[1], Unit.Kind.valueOf(u[2])));
        }
        // the first of each of the three administrators (三员分立) as create-admin makes them; the security
        // administrator then grants every other role
        for (String[] a : ACCOUNTS.subList(1, ACCOUNTS.size())) {
            if (Role.valueOf(a[2]).isAdministrator()) {
                accounts.createAccount(null, account(a, password));
                people.put(a[0], signIn(a[0], password));
            }
        }
        Caller security = people.get("secadmin");
        for (String[] a : ACCOUNTS.subList(1, ACCOUNTS.size())) {
            if (!Role.valueOf(a[2]).isAdministrator()) {
                accounts.createAccount(security, account(a, password));
                people.put(a[0], signIn(a[0], password));
            }
        }
        return people;
    }

    private static CreateAccountCommand account(String[] a, String password) {
        return new CreateAccountCommand(a[0], a[1], Role.valueOf(a[2]), new UnitId(a[3]), "13900000000",
                a[0] + "@demo.taicang.gov.cn", password.toCharArray());
    }

    /** The person as their account stands now: named to projects since they signed in, say. */
    private Caller current(Caller caller) {
        return new Caller(accounts.current(caller.actor().userId()).orElseThrow(), caller.requestId(),
                caller.sourceAddress());
    }

    private Caller signIn(String username, String password) {
        Actor actor = accounts.authenticate(username, password.toCharArray()).orElseThrow();
        return new Caller(actor, "demo", "-");
    }

    /** The last step each demonstration project takes, by the state it ends in. */
    private static final ProjectState[] TARGETS = {ProjectState.DRAFT, ProjectState.DECLARED,
            ProjectState.UNDER_REVIEW, ProjectState.REVIEWED, ProjectState.FUNDING_PROPOSED, ProjectState.APPROVED,
            ProjectState.PLANNED, ProjectState.IMPLEMENTING, ProjectState.PROCUREMENT, ProjectState.CONTRACTED,
            ProjectState.TRIAL_RUN, ProjectState.ACCEPTANCE_PENDING, ProjectState.ACCEPTED, ProjectState.OPERATING,
            ProjectState.CLOSED, ProjectState.SUSPENDED, ProjectState.TERMINATED, ProjectState.REJECTED};

    /** The demonstration projects' performance goals (Art. 23), one of each kind. */
    private static final PerformanceGoal INTERFACES = PerformanceGoal.of("新增数据共享接口", GoalKind.OUTPUT, "≥20个");
    private static final PerformanceGoal TIME_SAVED = PerformanceGoal.of("办事时间缩短比例", GoalKind.BENEFIT, "≥30%");
    private static final PerformanceGoal SATISFACTION = PerformanceGoal.of("群众满意度", GoalKind.SATISFACTION, "≥95%");

    private record Demo(ProjectId id, ProjectState target, Caller unit, int step) {
    }

    private static int lastStep(ProjectState target) {
        return switch (target) {
            case DRAFT -> 0;
            case DECLARED -> 1;
            case UNDER_REVIEW -> 2;
            case REVIEWED, REJECTED -> 3;
            case FUNDING_PROPOSED -> 4;
            case APPROVED -> 5;
            case PLANNED, TERMINATED -> 6;
            case IMPLEMENTING -> 7;
            case PROCUREMENT -> 8;
            case CONTRACTED, SUSPENDED -> 9;
            case TRIAL_RUN -> 10;
            case ACCEPTANCE_PENDING -> 11;
            case ACCEPTED -> 12;
            case OPERATING -> 13;
            case CLOSED -> 14;
        };
    }

    private void projects(Map<String, Caller> people, LocalDate today) {
        // the declaration year D: its window (Q3 of D) and the following plan year lie wholly in the past
        int d = today.isBefore(LocalDate.of(today.getYear(), 8, 1)) ? today.getYear() - 2 : today.getYear() - 1;
        Caller bdb = people.get("bdb");
        Caller finance = people.get("finance");
        Caller cybersec = people.get("cybersec");
        LifecycleUseCases l = web.lifecycle();
        on(LocalDate.of(d, 7, 1));
        useCases.openDeclarationWindow().openWindow(bdb, new OpenDeclarationWindowCommand(d + 1,
                LocalDate.of(d, 7, 1), LocalDate.of(d, 9, 30)));
        String[] units = {"gaj", "wjw", "jyj"};
        List<Demo> demos = new ArrayList<>();
        on(LocalDate.of(d, 8, 20));
        for (int i = 0; i < TARGETS.length; i++) {
            Caller unit = people.get(units[i % units.length]);
            ProjectId id = useCases.createDraft().createDraft(unit, new CreateDraftCommand(
                    profile(NAMES[i], d + 1, false, i)));
            demos.add(new Demo(id, TARGETS[i], unit, lastStep(TARGETS[i])));
        }
        ProjectId secret = useCases.createDraft().createDraft(people.get("gaj"), new CreateDraftCommand(
                profile("涉密专网改造", d + 1, true, 0)));
        step(1, demos, LocalDate.of(d, 8, 20), p -> useCases.declareProject().declare(p.unit(),
                new DeclareProjectCommand(p.id(), null)));
        run("declare classified", () -> useCases.declareProject().declare(people.get("gaj"),
                new DeclareProjectCommand(secret, null)));
        // the secrecy office names into the classified project's 知悉范围 one Bureau officer, Finance, the Cyberspace
        // office and Audit (Art. 4, 27); the others of their roles (bdb) keep finding nothing
        // once the security administrator has cleared them (涉密资格)
        for (String named : List.of("bdb-secret", "finance", "cybersec", "audit")) {
            run("clear " + named, () -> web.workplace().clearances().grant(people.get("secadmin"),
                    people.get(named).actor().userId()));
            run("name " + named + " into the classified project's scope", () -> web.workplace().assignments().assign(
                    people.get("secrecy"), secret, people.get(named).actor().userId()));
        }
        // the units catalogue the resources their projects build (Art. 23)
        UUID login = catalogue(demos);
        step(2, demos, LocalDate.of(d, 10, 9), p -> {
            l.startReview().startReview(bdb, new StartReviewCommand(p.id(), null));
            // the Bureau draws the expert who reviews it (Art. 8)
            web.workplace().assignments().assign(bdb, p.id(), people.get("expert").actor().userId());
        });
        // the classified project is reviewed by the Bureau officer named into its scope, as the account stands now
        // (the callers above signed in before they were named)
        Caller secretBureau = current(people.get("bdb-secret"));
        run("classified review", () -> l.startReview().startReview(secretBureau, new StartReviewCommand(secret,
                null)));
        // during the review the Bureau finds that the sign-on can reuse another project's (Art. 1, 6)
        on(LocalDate.of(d, 10, 15));
        run("reuse opinion", () -> web.workplace().reuseOpinions().record(bdb, new RecordReuseOpinionCommand(
                demos.get(2).id(), ReuseVerdict.PARTIAL_REUSE, "统一身份认证部分应复用教育资源公共服务平台已建的统一身份认证接口，"
                + "不再重复建设；其余建设内容无重复", List.of(new RecordReuseOpinionCommand.Similar(demos.get(5).id(), login)))));
        step(3, demos, LocalDate.of(d, 10, 20), p -> l.recordReview().recordReview(bdb, new RecordReviewCommand(
                p.id(), null, p.target() != ProjectState.REJECTED, List.of("张明", "李华", "王芳"),
                p.target() == ProjectState.REJECTED ? "建设内容与已有系统重复，不予通过" : "建设必要，方案可行")));
        run("classified review opinion", () -> l.recordReview().recordReview(secretBureau, new RecordReviewCommand(
                secret, null, true, List.of("张明", "李华", "王芳"), "建设必要，方案可行")));
        Money budget = Money.yuan("500000");
        step(4, demos, LocalDate.of(d, 11, 14), p -> l.proposeFunding().proposeFunding(finance,
                new ProposeFundingCommand(p.id(), null, budget, "同意安排市级财政资金")));
        // Finance, named into its scope, gives the classified project its funding opinion too
        run("classified funding opinion", () -> l.proposeFunding().proposeFunding(current(finance),
                new ProposeFundingCommand(secret, null, budget, "同意安排市级财政资金")));
        step(5, demos, LocalDate.of(d, 12, 18), p -> l.recordApproval().recordApproval(bdb,
                new RecordApprovalCommand(p.id(), null, budget, "太政复〔" + d + "〕88号")));
        on(LocalDate.of(d + 1, 1, 23));
        List<ProjectId> planned = demos.stream().filter(p -> p.step() >= 6).map(Demo::id).toList();
        run("issue the plan", () -> l.issuePlan().issuePlan(bdb, new IssueAnnualPlanCommand(d + 1,
                "太政办〔" + (d + 1) + "〕5号", planned)));
        step(7, demos, LocalDate.of(d + 1, 2, 17), p -> l.submitImplementationPlan().submitImplementationPlan(
                p.unit(), new SubmitImplementationPlanCommand(p.id(), null, List.of("平台建设", "数据对接"), budget,
                        "3月完成采购，5月上线试运行")));
        step(8, demos, LocalDate.of(d + 1, 3, 3), p -> l.preProcurementReview().reviewBeforeProcurement(bdb,
                new PreProcurementReviewCommand(p.id(), null, true, "同意进入采购")));
        for (Demo p : demos) {
            if (p.step() >= 9) {
                // the contracted project signs three days ago: its filing deadline is due soon
                LocalDate signed = p.target() == ProjectState.CONTRACTED ? today.minusDays(3)
                        : LocalDate.of(d + 1, 4, 24);
                on(signed);
                run(p.target() + " sign", () -> l.signContract().signContract(p.unit(), new SignContractCommand(
                        p.id(), null, "HT-" + (d + 1) + "-" + p.id().toString().substring(0, 4), "苏州某信息技术有限公司",
                        Money.yuan("480000"), signed, signed.plusYears(3))));
                if (p.target() != ProjectState.CONTRACTED) {
                    on(LocalDate.of(d + 1, 4, 28));
                    run(p.target() + " file", () -> l.fileContract().fileContract(p.unit(), new FileContractCommand(
                            p.id(), null, "HT-" + (d + 1) + "-" + p.id().toString().substring(0, 4))));
                }
            }
        }
        for (Demo p : demos) {
            if (p.target() == ProjectState.SUSPENDED) {
                on(LocalDate.of(d + 1, 5, 10));
                run("suspend", () -> l.reportSituation().reportSituation(p.unit(), new ReportSituationCommand(p.id(),
                        null, SituationReport.Kind.SUSPENSION, "上级部署调整，暂停实施", true, true)));
            }
            if (p.target() == ProjectState.TERMINATED) {
                on(LocalDate.of(d + 1, 3, 10));
                run("terminate", () -> l.terminate().terminate(bdb, new TerminateProjectCommand(p.id(), null,
                        "需求已由省级平台覆盖", "通报：项目终止，资金收回")));
            }
        }
        step(10, demos, LocalDate.of(d + 1, 5, 6), p -> l.startTrialRun().startTrialRun(p.unit(),
                new StartTrialRunCommand(p.id(), null, LocalDate.of(d + 1, 5, 6))));
        step(11, demos, LocalDate.of(d + 1, 5, 20), p -> l.recordSecurityReview().recordSecurityReview(cybersec,
                new RecordSecurityReviewCommand(p.id(), null, SecurityReview.Kind.CYBERSECURITY, true,
                        "符合网络安全要求")));
        step(11, demos, LocalDate.of(d + 1, 6, 9), p -> l.fileSelfInspection().fileSelfInspection(p.unit(),
                new FileSelfInspectionCommand(p.id(), null, "全部建设内容已完成", "已整理资源目录12项", "绩效目标基本达成",
                        List.of(GoalAchievement.reported(INTERFACES.indicator(), "24个", Attainment.MET, null),
                                GoalAchievement.reported(TIME_SAVED.indicator(), "26%", Attainment.PARTLY_MET,
                                        "部分事项仍需线下核验材料"),
                                GoalAchievement.reported(SATISFACTION.indicator(), "96.5%", Attainment.MET, null)))));
        step(12, demos, LocalDate.of(d + 1, 6, 15), p -> l.recordAcceptance().recordAcceptance(p.unit(),
                new RecordAcceptanceCommand(p.id(), null, LocalDate.of(d + 1, 6, 15), true,
                        List.of("张明", "李华", "王芳"), web.pack().acceptanceDocuments(), "同意通过验收",
                        List.of(new GoalAssessment(TIME_SAVED.indicator(), Attainment.PARTLY_MET,
                                "抽查办件平均缩短约26%，未达到30%目标")))));
        step(13, demos, LocalDate.of(d + 1, 6, 18), p -> l.putIntoOperation().putIntoOperation(p.unit(),
                new PutIntoOperationCommand(p.id(), null)));
        step(14, demos, LocalDate.of(d + 1, 6, 22), p -> l.fileAcceptanceReport().fileAcceptanceReport(p.unit(),
                new FileAcceptanceReportCommand(p.id(), null)));
        step(14, demos, LocalDate.of(d + 1, 7, 10), p -> l.fileFinalAccounts().fileFinalAccounts(finance,
                new FileFinalAccountsCommand(p.id(), null, Money.yuan("478000"))));
        LOG.info("--demo: {} sample projects written, one in each state, and a classified one with its funding opinion",
                demos.size());
    }

    /**
     * Registers sample resources in the catalogues of three projects (the police's video platform and data
     * governance, education's public service platform).
     *
     * @return the id of education's single sign-on interface, or null when it could not be registered
     */
    private UUID catalogue(List<Demo> demos) {
        register(demos.get(0), "公安视频结构化数据库", ResourceKind.DATA, "太仓市公安局", SharingType.CONDITIONAL,
                "经公安机关审批后按需共享", Openness.NOT_OPEN);
        register(demos.get(3), "警务数据共享接口", ResourceKind.INTERFACE, "太仓市公安局", SharingType.CONDITIONAL,
                "限政法委、城管等部门按授权调用", Openness.NOT_OPEN);
        register(demos.get(5), "教育资源目录库", ResourceKind.DATA, "太仓市教育局", SharingType.UNCONDITIONAL, null,
                Openness.OPEN);
        return register(demos.get(5), "教育统一身份认证接口", ResourceKind.INTERFACE, "太仓市教育局",
                SharingType.UNCONDITIONAL, null, Openness.NOT_OPEN);
    }

    private UUID register(Demo p, String name, ResourceKind kind, String owner, SharingType sharing, String condition,
                          Openness openness) {
        try {
            return web.workplace().resourceCatalogue().register(p.unit(), new RegisterResourceCommand(p.id(),
                    ResourceFields.description(name, kind, owner, null, sharing, condition, openness), null))
                    .entries().stream().filter(e -> e.name().equals(name)).map(ResourceEntry::id).findFirst()
                    .orElse(null);
        } catch (RuntimeException e) {
            LOG.warn("--demo: registering a resource refused: {}", e.getMessage());
            return null;
        }
    }

    private interface Step {
        void apply(Demo demo);
    }

    private void step(int n, List<Demo> demos, LocalDate day, Step step) {
        on(day);
        for (Demo p : demos) {
            if (p.step() >= n) {
                run(p.target() + " step " + n, () -> step.apply(p));
            }
        }
    }

    private void on(LocalDate day) {
        clock.set(day);
    }

    private static void run(String what, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warn("--demo: {} refused: {}", what, e.getMessage());
        }
    }

    private static ProjectProfile profile(String name, int planYear, boolean classified, int i) {
        Category category = Category.values()[i % Category.values().length];
        return new ProjectProfile(name, planYear, category, Nature.NEW, null, null, false, FundingSource.MUNICIPAL,
                classified, false, List.of("平台建设", "数据对接"), List.of(INTERFACES, TIME_SAVED, SATISFACTION),
                List.of(new BudgetLine("平台建设", Money.yuan("500000"), false)),
                new AccountablePeople(new Person("李分管", "13900000001", "leader@demo.taicang.gov.cn"),
                        new Person("王经办", "13900000002", "staff@demo.taicang.gov.cn")));
    }
}
