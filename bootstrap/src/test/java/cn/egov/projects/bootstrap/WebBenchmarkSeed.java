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
import java.sql.SQLException;
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
 * <p>{@code java -cp … cn.egov.projects.bootstrap.WebBenchmarkSeed <h2 file base> <projects> <ids file> [copies]}: with
 * copies, every table's rows of those projects are then copied that many times under derived ids (set-based SQL), so
 * that 4,000 projects made by the use cases become 100,000.
 */
public final class WebBenchmarkSeed {

    private static final Logger LOG = LoggerFactory.getLogger(WebBenchmarkSeed.class);

    private WebBenchmarkSeed() {
    }

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]).toAbsolutePath();
        int projects = Integer.parseInt(args[1]);
        Path idsFile = Path.of(args[2]);
        int copies = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        String password = System.getenv().getOrDefault("EGOV_BENCH_PASSWORD", "bench-password-123");
        StaffBrowserIT.TestClock clock = new StaffBrowserIT.TestClock(LocalDate.of(2024, 8, 20));
        Settings settings = Settings.parse(List.of("--db-url", "jdbc:h2:file:" + db
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"), Map.of());
        try (Application app = Application.open(settings, clock)) {
            var accounts = app.accounts();
            accounts.createAccount(null, new CreateAccountCommand("bench-admin", "管理员", Role.ADMIN,
                    new UnitId("TC-DSJ"), null, null, password.toCharArray()));
            Caller admin = new Caller(accounts.authenticate("bench-admin", password.toCharArray()).orElseThrow(),
                    "seed", "-");
            accounts.createAccount(admin, new CreateAccountCommand("bench-bdb", "大数据局", Role.BDB_OFFICER,
                    new UnitId("TC-DSJ"), null, null, password.toCharArray()));
            accounts.createAccount(admin, new CreateAccountCommand("bench-unit", "经办人员", Role.UNIT_STAFF,
                    new UnitId("TC-U00"), null, null, password.toCharArray()));
            Caller bdb = new Caller(accounts.authenticate("bench-bdb", password.toCharArray()).orElseThrow(),
                    "seed", "-");
            app.useCases().openDeclarationWindow().openWindow(bdb, new OpenDeclarationWindowCommand(2025,
                    LocalDate.of(2024, 7, 1), LocalDate.of(2024, 9, 30)));
            List<String> ids = Collections.synchronizedList(new ArrayList<>(projects));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            long started = System.nanoTime();
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int part = t;
                parts.add(pool.submit(() -> {
                    for (int n = part; n < projects; n += 4) {
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
            copy(c, copies);
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

    /**
     * Multiplies the projects written through the use cases: {@code copies} copies of each, in every table that
     * holds project rows, under ids derived from the original's (SHA-256 of id and copy number).
     */
    private static void copy(Connection c, int copies) throws SQLException {
        if (copies == 0) {
            return;
        }
        long started = System.nanoTime();
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getColumns(null, "public", "%", "project_id")) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME");
                if (!table.equals("audit_record") && !table.equals("document") && !tables.contains(table)) {
                    tables.add(table);
                }
            }
        }
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE bench_original AS SELECT id FROM project");
            for (int k = 1; k <= copies; k++) {
                copyTable(c, s, "project", "id", k);
                for (String table : tables) {
                    copyTable(c, s, table, "project_id", k);
                }
                c.commit();
                LOG.info("copy {} of {} written ({} s)", k, copies, (System.nanoTime() - started) / 1_000_000_000);
            }
            s.execute("DROP TABLE bench_original");
            s.execute("ANALYZE");
            c.commit();
        }
    }

    private static void copyTable(Connection c, Statement s, String table, String key, int k) throws SQLException {
        List<String> columns = new ArrayList<>();
        List<String> uuids = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getColumns(null, "public", table, "%")) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME"));
                if ("UUID".equalsIgnoreCase(rs.getString("TYPE_NAME"))) {
                    uuids.add(rs.getString("COLUMN_NAME"));
                }
            }
        }
        StringBuilder select = new StringBuilder();
        for (String col : columns) {
            if (select.length() > 0) {
                select.append(", ");
            }
            boolean derive = col.equals(key) || col.equals("id") && uuids.contains("id");
            // a copy's child rows have ids of their own: the original's snapshot of them does not describe it
            select.append(col.equals("children_snapshot") ? "NULL" : derive ? derived(col, k) : col);
        }
        s.executeUpdate("INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + select + " FROM "
                + table + " WHERE " + key + " IN (SELECT id FROM bench_original)");
    }

    private static String derived(String column, int k) {
        String h = "RAWTOHEX(HASH('SHA-256', CAST(" + column + " AS VARCHAR) || ':" + k + "'))";
        return "CAST(SUBSTRING(" + h + ", 1, 8) || '-' || SUBSTRING(" + h + ", 9, 4) || '-' || SUBSTRING(" + h
                + ", 13, 4) || '-' || SUBSTRING(" + h + ", 17, 4) || '-' || SUBSTRING(" + h + ", 21, 12) AS UUID)";
    }

    private static ProjectProfile profile(int n) {
        return new ProjectProfile("基准测试项目" + n, 2025, Category.values()[n % Category.values().length], Nature.NEW,
                null, null, n % 3 == 0, FundingSource.MUNICIPAL, false, false, List.of("平台建设", "数据对接"),
                List.of("办事时间缩短30%"), List.of(new BudgetLine("平台建设", Money.yuan("500000"), false)),
                new AccountablePeople(new Person("李分管", "13900000001", "leader@bench.gov.cn"),
                        new Person("王经办", "13900000002", "staff@bench.gov.cn")));
    }
}
