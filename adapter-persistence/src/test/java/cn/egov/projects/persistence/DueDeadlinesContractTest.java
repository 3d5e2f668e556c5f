package cn.egov.projects.persistence;

import cn.egov.projects.application.view.DueCursor;
import cn.egov.projects.application.view.DueDeadline;
import cn.egov.projects.domain.catalog.Category;
import cn.egov.projects.domain.deadline.Deadline;
import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ProjectProfile;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.project.UnitId;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract of {@code DueDeadlinesPort}: every open deadline due on or before a day, across projects, in the
 * order (due day, id), with its project and people, page by page. One data set, read by every test: open, met and
 * waived deadlines of a classified project, an ordinary one, a draft without people, and a day with many.
 */
abstract class DueDeadlinesContractTest extends PersistenceContractTest {

    private static final LocalDate DAY = LocalDate.of(2030, 3, 15);

    private Project ordinary;
    private Project classified;
    private Project draft;
    private Project busy;
    /** The open deadlines due on or before {@link #DAY}, in the order expected. */
    private List<UUID> expected;

    /** Ids ordered alike by PostgreSQL, H2 and Java (both halves small and positive). */
    private static UUID id(int n) {
        return new UUID(0x2030L, n);
    }

    private static Deadline open(int id, DeadlineKind kind, String due) {
        LocalDate day = LocalDate.parse(due);
        return Deadline.open(id(id), kind, null, day.minusMonths(1), day, false);
    }

    private static Project project(String name, boolean isClassified, boolean withPeople, ProjectState state,
                                   List<Deadline> deadlines) {
        ProjectProfile profile = Lifecycles.profile(name, 2030, isClassified, Category.BUSINESS_SYSTEM);
        if (!withPeople) {
            profile = new ProjectProfile(profile.name(), profile.planYear(), profile.category(), profile.nature(),
                    profile.serviceKind(), profile.supervisedProject(), profile.softwareDevelopment(),
                    profile.funding(), profile.classified(), profile.usesCryptography(), profile.scopeItems(),
                    profile.performanceGoals(), profile.budgetLines(), null);
        }
        Project p = Project.draft(ProjectId.random(), new UnitId("DUE-" + name.length()), profile,
                Lifecycles.PACK.id(), LocalDate.of(2029, 7, 1));
        return Snapshots.with(p, state, deadlines);
    }

    @BeforeAll
    void storeTheDataSet() {
        ordinary = project("普通项目", false, true, ProjectState.PLANNED, List.of(
                open(0x11, DeadlineKind.IMPL_PLAN, "2030-03-10"),
                open(0x12, DeadlineKind.SUBSTANTIVE_START, "2030-03-15"),
                open(0x13, DeadlineKind.CONTRACT_FILING, "2030-03-01").metOn(LocalDate.of(2030, 2, 27)),
                open(0x14, DeadlineKind.PROGRESS_REPORT, "2030-03-05").waived("已并入主体项目")));
        classified = project("涉密项目甲", true, true, ProjectState.CONTRACTED, List.of(
                open(0x05, DeadlineKind.CONTRACT_FILING, "2030-03-10"),
                open(0x06, DeadlineKind.PROGRESS_REPORT, "2030-03-16")));
        draft = project("未填责任人的草稿", false, false, ProjectState.DRAFT, List.of(
                open(0x20, DeadlineKind.WINDOW_CLOSING, "2030-03-10"),
                open(0x01, DeadlineKind.WINDOW_CLOSING, "2030-03-15")));
        List<Deadline> many = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            many.add(open(0x36 - i, DeadlineKind.PROGRESS_REPORT, "2030-03-12"));
        }
        busy = project("同日到期较多的项目", false, true, ProjectState.CONTRACTED, many);
        for (Project p : List.of(ordinary, classified, draft, busy)) {
            adapters.projects().insert(p);
        }
        expected = new ArrayList<>(List.of(id(0x05), id(0x11), id(0x20)));
        for (int i = 0x30; i <= 0x36; i++) {
            expected.add(id(i));
        }
        expected.addAll(List.of(id(0x01), id(0x12)));
    }

    private List<UUID> ids(List<DueDeadline> items) {
        return items.stream().map(d -> d.deadline().id()).toList();
    }

    private DueDeadline item(List<DueDeadline> items, int id) {
        return items.stream().filter(d -> d.deadline().id().equals(id(id))).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("只列出未完成且未豁免的期限，按到期日和编号排序，到期日当天的也列出")
    void openDeadlinesDueByTheDayInOrder() {
        List<DueDeadline> due = adapters.dueDeadlines().openDueOnOrBefore(DAY, null, 100);
        assertThat(ids(due)).containsExactlyElementsOf(expected);
        assertThat(due).allSatisfy(d -> {
            assertThat(d.deadline().isOpen()).isTrue();
            assertThat(d.deadline().due()).isBeforeOrEqualTo(DAY);
        });
        assertThat(ids(due)).doesNotContain(id(0x13), id(0x14), id(0x06));
    }

    @Test
    @DisplayName("到期日是查询日的次日的期限不列出；前一日查询时当天到期的也不列出")
    void theDayIsInclusiveAndNothingLaterIsListed() {
        assertThat(ids(adapters.dueDeadlines().openDueOnOrBefore(DAY.minusDays(1), null, 100)))
                .containsExactlyElementsOf(expected.subList(0, expected.size() - 2));
        assertThat(ids(adapters.dueDeadlines().openDueOnOrBefore(DAY, null, 100))).contains(id(0x01), id(0x12));
        assertThat(ids(adapters.dueDeadlines().openDueOnOrBefore(DAY.plusDays(1), null, 100))).contains(id(0x06));
        assertThat(adapters.dueDeadlines().openDueOnOrBefore(LocalDate.of(2030, 3, 9), null, 100)).isEmpty();
    }

    @Test
    @DisplayName("按游标分页：同一到期日的期限跨页时不重复、不遗漏")
    void keysetPagesAcrossEqualDueDays() {
        for (int size : new int[] {1, 2, 3, 5}) {
            List<UUID> read = new ArrayList<>();
            DueCursor cursor = null;
            int pages = 0;
            while (true) {
                List<DueDeadline> page = adapters.dueDeadlines().openDueOnOrBefore(DAY, cursor, size);
                assertThat(page).hasSizeLessThanOrEqualTo(size);
                if (page.isEmpty()) {
                    break;
                }
                pages++;
                read.addAll(ids(page));
                DueDeadline last = page.get(page.size() - 1);
                cursor = new DueCursor(last.deadline().due(), last.deadline().id());
            }
            assertThat(read).as("pages of %d", size).containsExactlyElementsOf(expected);
            assertThat(pages).isEqualTo((expected.size() + size - 1) / size);
        }
    }

    @Test
    @DisplayName("按到期日集合列出：只列集合中各日到期的未完成期限，已完成、已豁免的不列")
    void openDeadlinesDueOnChosenDays() {
        SortedSet<LocalDate> days = new TreeSet<>(List.of(LocalDate.of(2030, 3, 1), LocalDate.of(2030, 3, 5),
                LocalDate.of(2030, 3, 10), LocalDate.of(2030, 3, 15), LocalDate.of(2030, 3, 16)));
        assertThat(ids(adapters.dueDeadlines().openDueOn(days, null, 100)))
                .containsExactly(id(0x05), id(0x11), id(0x20), id(0x01), id(0x12), id(0x06));
        assertThat(adapters.dueDeadlines().openDueOn(new TreeSet<>(), null, 100)).isEmpty();
        assertThat(adapters.dueDeadlines().openDueOn(new TreeSet<>(List.of(LocalDate.of(2030, 3, 11))), null, 100))
                .isEmpty();
    }

    @Test
    @DisplayName("按到期日集合分页：跨越同一到期日和不相连的日期段时不重复、不遗漏")
    void keysetPagesOverChosenDays() {
        SortedSet<LocalDate> days = new TreeSet<>(List.of(LocalDate.of(2030, 3, 10), LocalDate.of(2030, 3, 11),
                LocalDate.of(2030, 3, 12), LocalDate.of(2030, 3, 15), LocalDate.of(2030, 3, 16)));
        List<UUID> all = new ArrayList<>(expected);
        all.add(id(0x06));
        for (int size : new int[] {1, 2, 3, 5, 11}) {
            List<UUID> read = new ArrayList<>();
            DueCursor cursor = null;
            while (true) {
                List<DueDeadline> page = adapters.dueDeadlines().openDueOn(days, cursor, size);
                assertThat(page).hasSizeLessThanOrEqualTo(size);
                read.addAll(ids(page));
                if (page.size() < size) {
                    break;
                }
                DueDeadline last = page.get(page.size() - 1);
                cursor = new DueCursor(last.deadline().due(), last.deadline().id());
            }
            assertThat(read).as("pages of %d", size).containsExactlyElementsOf(all);
        }
        assertThatThrownBy(() -> adapters.dueDeadlines().openDueOn(days, null, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("最早的未完成期限的到期日；已完成、已豁免的不算")
    void earliestOpenDueDay() {
        assertThat(adapters.dueDeadlines().earliestOpenDue()).contains(LocalDate.of(2030, 3, 10));
    }

    @Test
    @DisplayName("每条期限带有项目名称、单位、状态、政策包、涉密标记和两位责任人")
    void eachItemCarriesItsProjectAndPeople() {
        List<DueDeadline> due = adapters.dueDeadlines().openDueOnOrBefore(DAY, null, 100);

        DueDeadline secret = item(due, 0x05);
        assertThat(secret.projectId()).isEqualTo(classified.id());
        assertThat(secret.classified()).isTrue();
        assertThat(secret.projectName()).isEqualTo("涉密项目甲");
        assertThat(secret.unit()).isEqualTo(classified.unit());
        assertThat(secret.state()).isEqualTo(ProjectState.CONTRACTED);
        assertThat(secret.policyId()).isEqualTo(Lifecycles.PACK.id());
        assertThat(secret.deadline()).isEqualTo(classified.deadlines().get(0));
        assertThat(secret.leader()).isEqualTo(Lifecycles.people().leader());
        assertThat(secret.responsible()).isEqualTo(Lifecycles.people().responsible());

        DueDeadline plain = item(due, 0x12);
        assertThat(plain.classified()).isFalse();
        assertThat(plain.projectId()).isEqualTo(ordinary.id());
        assertThat(plain.state()).isEqualTo(ProjectState.PLANNED);
        assertThat(plain.deadline()).isEqualTo(ordinary.deadlines().get(1));
        assertThat(plain.leader()).isEqualTo(Lifecycles.people().leader());
    }

    @Test
    @DisplayName("尚未填写责任人的草稿，其期限的两位责任人为空")
    void aDraftWithoutPeopleHasNullPeople() {
        List<DueDeadline> due = adapters.dueDeadlines().openDueOnOrBefore(DAY, null, 100);
        for (int id : new int[] {0x20, 0x01}) {
            DueDeadline d = item(due, id);
            assertThat(d.projectId()).isEqualTo(draft.id());
            assertThat(d.state()).isEqualTo(ProjectState.DRAFT);
            assertThat(d.leader()).isNull();
            assertThat(d.responsible()).isNull();
        }
    }

    @Test
    @DisplayName("每页条数须在1至10000之间")
    void theLimitIsChecked() {
        assertThatThrownBy(() -> adapters.dueDeadlines().openDueOnOrBefore(DAY, null, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> adapters.dueDeadlines().openDueOnOrBefore(DAY, null, 10_001))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(adapters.dueDeadlines().openDueOnOrBefore(DAY, null, 10_000)).hasSize(expected.size());
    }

    @Test
    @DisplayName("期限在用例事务中或单独保存时完成、豁免后即不再列出")
    void aDeadlineMetOrWaivedLeavesTheList() {
        LocalDate day = LocalDate.of(2031, 1, 31);
        Project p = project("完成期限的项目", false, true, ProjectState.PLANNED, List.of(
                open(0x101, DeadlineKind.IMPL_PLAN, "2031-01-10"),
                open(0x102, DeadlineKind.SUBSTANTIVE_START, "2031-01-20")));
        adapters.projects().insert(p);
        assertThat(ids(adapters.dueDeadlines().openDueOnOrBefore(day, null, 100))).contains(id(0x101), id(0x102));

        // met inside a transaction (only the changed rows are written) ...
        adapters.transactions().inTransaction(() -> {
            Project loaded = adapters.projects().load(p.id()).orElseThrow();
            Project met = Snapshots.with(loaded, ProjectState.PLANNED, List.of(
                    loaded.deadlines().get(0).metOn(LocalDate.of(2031, 1, 9)), loaded.deadlines().get(1)));
            adapters.projects().update(met);
            return null;
        });
        assertThat(ids(adapters.dueDeadlines().openDueOnOrBefore(day, null, 100)))
                .doesNotContain(id(0x101)).contains(id(0x102));

        // ... and waived outside one (every child table rewritten)
        Project loaded = adapters.projects().load(p.id()).orElseThrow();
        Project waived = Snapshots.with(loaded, ProjectState.PLANNED, List.of(loaded.deadlines().get(0),
                loaded.deadlines().get(1).waived("机房搬迁")));
        adapters.projects().update(waived);
        assertThat(ids(adapters.dueDeadlines().openDueOnOrBefore(day, null, 100)))
                .doesNotContain(id(0x101), id(0x102));
    }

    @Test
    @DisplayName("数据库拒绝与完成日期、豁免理由不一致的“未完成”标记")
    void theDatabaseKeepsTheOpenFlagTrue() {
        UUID deadline = id(0x12);
        assertThatThrownBy(() -> {
            try (Connection c = database.dataSource().getConnection();
                 PreparedStatement ps = c.prepareStatement("UPDATE deadline SET met_on = ? WHERE id = ?")) {
                ps.setObject(1, LocalDate.of(2030, 3, 1));
                ps.setObject(2, deadline);
                ps.executeUpdate();
            }
        }).isInstanceOf(SQLException.class);
        assertThat(queryLong("SELECT COUNT(*) FROM deadline WHERE id = ? AND is_open AND met_on IS NULL", deadline))
                .isEqualTo(1);
    }

    @Test
    @DisplayName("升级到第4版时已有期限的“未完成”标记按完成日期和豁免理由补齐，查询使用新索引")
    void theMigrationBackfillsTheOpenFlag() throws SQLException {
        try (TestDatabase db = newEmptyTestDatabase()) {
            String vendor = db.isPostgreSql() ? "postgresql" : "h2";
            Flyway.configure(getClass().getClassLoader())
                    .dataSource(db.settings().url(), db.settings().user(), db.settings().password())
                    .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                    .target("3")
                    .load()
                    .migrate();
            UUID project = UUID.randomUUID();
            try (Connection c = DriverManager.getConnection(db.settings().url(), db.settings().user(),
                    db.settings().password()); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO project (id, unit, policy_id, version, name, plan_year, category, nature,"
                        + " software_development, funding_source, classified, uses_cryptography, total_investment,"
                        + " state, created_on, supplementary) VALUES ('" + project + "', 'U1', 'taicang-2021', 1,"
                        + " '旧项目', 2025, 'BUSINESS_SYSTEM', 'NEW', FALSE, 'MUNICIPAL', FALSE, FALSE, 100.00,"
                        + " 'PLANNED', DATE '2024-07-01', FALSE)");
                s.executeUpdate("INSERT INTO deadline (id, project_id, seq, kind, start_date, due_date, provisional,"
                        + " met_on, waived_reason) VALUES"
                        + " ('" + id(1) + "', '" + project + "', 0, 'IMPL_PLAN', DATE '2025-01-03', DATE '2025-02-03',"
                        + " FALSE, NULL, NULL),"
                        + " ('" + id(2) + "', '" + project + "', 1, 'SUBSTANTIVE_START', DATE '2025-01-03',"
                        + " DATE '2026-01-05', FALSE, DATE '2025-03-01', NULL),"
                        + " ('" + id(3) + "', '" + project + "', 2, 'CONTRACT_FILING', DATE '2025-01-03',"
                        + " DATE '2025-01-14', FALSE, NULL, '豁免')");
            }
            try (Database upgraded = Database.open(db.settings())) {
                assertThat(upgraded.schemaVersion()).isEqualTo(Migrations.latest(db.isPostgreSql()));
                try (Connection c = upgraded.dataSource().getConnection(); Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT id, is_open FROM deadline ORDER BY seq")) {
                    List<String> flags = new ArrayList<>();
                    while (rs.next()) {
                        flags.add(rs.getString(1) + "=" + rs.getBoolean(2));
                    }
                    assertThat(flags).containsExactly(id(1) + "=true", id(2) + "=false", id(3) + "=false");
                }
                PersistenceAdapters upgradedAdapters = new PersistenceAdapters(upgraded);
                assertThat(upgradedAdapters.dueDeadlines().openDueOnOrBefore(LocalDate.of(2027, 1, 1), null, 10))
                        .extracting(d -> d.deadline().id()).containsExactly(id(1));
                assertThat(plan(upgraded)).containsIgnoringCase("deadline_open_due_idx");
            }
        }
    }

    /** The database's plan of the first page's query, as text. */
    private static String plan(Database db) throws SQLException {
        String sql = "EXPLAIN SELECT d.id FROM deadline d JOIN project p ON p.id = d.project_id"
                + " WHERE d.is_open = TRUE AND d.due_date <= DATE '2027-01-01'"
                + " ORDER BY d.is_open, d.due_date, d.id LIMIT 50";
        StringBuilder text = new StringBuilder();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            if (db.settings().isPostgreSql()) {
                // a table of three rows would be scanned whole: make the planner show what it does at scale
                s.execute("SET enable_seqscan = off");
            }
            try (ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    text.append(rs.getString(1)).append('\n');
                }
            }
        }
        return text.toString();
    }

    @Test
    @DisplayName("找出有未完成的暂定期限的项目，已完成的暂定期限不算")
    void projectsWithOpenProvisionalDeadlinesAreFound() {
        LocalDate start = LocalDate.of(2031, 1, 5);
        Project provisional = project("暂定期限项目", false, true, ProjectState.PLANNED, List.of(
                Deadline.open(id(0x91), DeadlineKind.IMPL_PLAN, null, start, LocalDate.of(2031, 2, 5), true)));
        Project settled = project("暂定期限已完成", false, true, ProjectState.IMPLEMENTING, List.of(
                Deadline.open(id(0x92), DeadlineKind.IMPL_PLAN, null, start, LocalDate.of(2031, 2, 5), true)
                        .metOn(LocalDate.of(2031, 1, 20))));
        adapters.projects().insert(provisional);
        adapters.projects().insert(settled);

        assertThat(adapters.provisionalDeadlines().projectsWithOpenProvisionalDeadlines())
                .containsExactly(provisional.id());
    }
}
