package cn.egov.projects.bootstrap;

import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.CreateAccountCommand;
import cn.egov.projects.application.port.in.CreateDraftCommand;
import cn.egov.projects.application.port.in.DeclareProjectCommand;
import cn.egov.projects.application.port.in.OpenDeclarationWindowCommand;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.catalog.Category;
import cn.egov.projects.domain.catalog.FundingSource;
import cn.egov.projects.domain.catalog.Nature;
import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.project.AccountablePeople;
import cn.egov.projects.domain.project.BudgetLine;
import cn.egov.projects.domain.project.GoalKind;
import cn.egov.projects.domain.project.PerformanceGoal;
import cn.egov.projects.domain.project.Person;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ProjectProfile;
import cn.egov.projects.domain.project.UnitId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Seeds the web benchmark's database through the real use cases (BENCHMARKS.md, "Web"): accounts {@code bench-bdb}
 * and {@code bench-unit} (password from {@code EGOV_BENCH_PASSWORD}), the 2025 declaration window, and N projects
 * created and declared by twelve units, each in one transaction per step, as the staff would. Writes the ids of the
 * declared projects, one per line, for the transition benchmark.
 *
 * <p>{@code java -cp … cn.egov.projects.bootstrap.WebBenchmarkSeed <h2 file base> <projects> <ids file>}, by
 * {@value #THREADS} threads side by side (each commit waits for the disk, so many at once share its writes): 100,000
 * projects take a few minutes. (Projects are documents whose ids are inside them, so rows are no longer copied in SQL.)
 */
public final class WebBenchmarkSeed {

    private static final Logger LOG = LoggerFactory.getLogger(WebBenchmarkSeed.class);
    private static final int THREADS = 16;

    private WebBenchmarkSeed() {
    }

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]).toAbsolutePath();
        int projects = Integer.parseInt(args[1]);
        Path idsFile = Path.of(args[2]);
        String password = System.getenv().getOrDefault("EGOV_BENCH_PASSWORD", "Bench-Password-123");
        StaffBrowserIT.TestClock clock = new StaffBrowserIT.TestClock(LocalDate.of(2024, 8, 20));
        Settings settings = Settings.parse(List.of("--db-url", "jdbc:h2:file:" + db
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"), Map.of());
        try (Application app = Application.open(settings, clock)) {
            var accounts = app.accounts();
            accounts.createAccount(null, new CreateAccountCommand("bench-admin", "管理员", Role.ADMIN,
                    new UnitId("TC-DSJ"), null, null, password.toCharArray()));
            Caller admin = new Caller(accounts.authenticate("bench-admin", password.toCharArray()).orElseThrow(),
                    "seed", "-");
            // the Bureau's role is granted by the security administrator, not the system administrator (三员分立)
            accounts.createAccount(null, new CreateAccountCommand("bench-secadmin", "安全保密管理员", Role.SECURITY_ADMIN,
                    new UnitId("TC-DSJ"), null, null, password.toCharArray()));
            Caller secadmin = new Caller(accounts.authenticate("bench-secadmin", password.toCharArray())
                    .orElseThrow(), "seed", "-");
            AccountsForTests.ready(accounts, secadmin, new CreateAccountCommand("bench-bdb", "大数据局", Role.BDB_OFFICER,
                    new UnitId("TC-DSJ"), null, null, password.toCharArray()));
            AccountsForTests.ready(accounts, admin, new CreateAccountCommand("bench-unit", "经办人员", Role.UNIT_STAFF,
                    new UnitId("TC-U00"), null, null, password.toCharArray()));
            Caller bdb = new Caller(accounts.authenticate("bench-bdb", password.toCharArray()).orElseThrow(),
                    "seed", "-");
            app.useCases().openDeclarationWindow().openWindow(bdb, new OpenDeclarationWindowCommand(2025,
                    LocalDate.of(2024, 8, 20), LocalDate.of(2024, 9, 30)));
            List<String> ids = Collections.synchronizedList(new ArrayList<>(projects));
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            long started = System.nanoTime();
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int part = t;
                parts.add(pool.submit(() -> {
                    for (int n = part; n < projects; n += THREADS) {
                        UnitId unit = new UnitId(String.format("TC-U%02d", n % 12));
                        Caller staff = new Caller(new cn.egov.projects.domain.access.Actor("seed-" + unit.code(),
                                "经办", Role.UNIT_STAFF, unit, java.util.Set.of()), "seed", "-");
                        ProjectId id = app.useCases().createDraft().createDraft(staff,
                                new CreateDraftCommand(profile(n)));
                        app.useCases().declareProject().declare(staff, new DeclareProjectCommand(id, null));
                        ids.add(id.toString());
                        if (n % 10_000 == 0) {
                            LOG.info("seeded {} of {} ({} s)", n, projects, (System.nanoTime() - started) / 1_000_000_000);
                        }
                    }
                }));
            }
            for (Future<?> f : parts) {
                f.get();
            }
            pool.shutdown();
            LOG.info("seeded {} declared projects in {} s", projects, (System.nanoTime() - started) / 1_000_000_000);
        }
        String url = "jdbc:h2:file:" + db + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        List<String> ids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "", "")) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM project")) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        Collections.shuffle(ids);
        try {
            Files.write(idsFile, ids);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.info("{} declared projects in the database, ids in {}", ids.size(), idsFile);
    }

    private static ProjectProfile profile(int n) {
        return new ProjectProfile("基准测试项目" + n, 2025, Category.values()[n % Category.values().length], Nature.NEW,
                null, null, n % 3 == 0, FundingSource.MUNICIPAL, false, false, List.of("平台建设", "数据对接"),
                List.of(PerformanceGoal.of("办事时间缩短比例", GoalKind.BENEFIT, "≥30%")), List.of(new BudgetLine("平台建设", Money.yuan("500000"), false)),
                new AccountablePeople(new Person("李分管", "13900000001", "leader@bench.gov.cn"),
                        new Person("王经办", "13900000002", "staff@bench.gov.cn")));
    }
}
