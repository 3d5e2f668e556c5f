package cn.egov.projects.persistence;

import cn.egov.projects.application.error.ConcurrentChangeException;
import cn.egov.projects.domain.catalog.Category;
import cn.egov.projects.domain.deadline.Deadline;
import cn.egov.projects.domain.project.Person;
import cn.egov.projects.domain.project.PerformanceGoal;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.persistence.project.ProjectDocuments;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.ibatis.plugin.Interceptor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A project as one document in its row: loaded in one statement, saved with one versioned {@code UPDATE} and only
 * the deadline rows that changed; the row's columns and the deadline rows always say what the document says; the
 * document's layout (format number, exact amounts, ISO days, no version) as later releases will find it.
 */
abstract class ProjectDocumentContractTest extends PersistenceContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StatementCounter counter = new StatementCounter();

    @Override
    protected List<Interceptor> plugins() {
        return List.of(counter);
    }

    private static UnitId newUnit() {
        return new UnitId("I-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** What one step cost: the statements of the load and of the update in its transaction. */
    private record StepCost(List<String> load, List<String> update) {
    }

    /**
     * Saves each step as a use case does (load in a transaction, then update there), records the statements, and
     * checks that the project loads back exactly and that its row's columns and deadline rows match it.
     */
    private Consumer<Project> saveAsAUseCase(List<StepCost> costs) {
        return project -> {
            long before = project.version();
            if (before == 0) {
                adapters.projects().insert(project);
            } else {
                adapters.transactions().inTransaction(() -> {
                    counter.start();
                    Project stored = adapters.projects().load(project.id()).orElseThrow();
                    List<String> load = counter.statements();
                    assertThat(stored.version()).isEqualTo(before);
                    counter.start();
                    adapters.projects().update(project);
                    costs.add(new StepCost(load, counter.statements()));
                    return null;
                });
            }
            assertThat(project.version()).isEqualTo(before + 1);
            assertThat(adapters.projects().load(project.id()).orElseThrow().snapshot()).isEqualTo(project.snapshot());
            assertProjectionsMatch(project);
        };
    }

    /**
     * The row's columns and the deadline rows, read with plain JDBC (in the transaction when one is open), are what
     * the project says.
     */
    private void assertProjectionsMatch(Project project) {
        Project.Snapshot s = project.snapshot();
        try (Connection c = database.transactionAwareDataSource().getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT version, unit, policy_id, name, plan_year, category,"
                    + " nature, classified, total_investment, state, created_on, leader_name, leader_mobile,"
                    + " leader_email, responsible_name, responsible_mobile, responsible_email FROM project WHERE id = ?")) {
                ps.setObject(1, s.id().value());
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    Person leader = s.profile().people() == null ? null : s.profile().people().leader();
                    Person responsible = s.profile().people() == null ? null : s.profile().people().responsible();
                    assertThat(List.of(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                            rs.getString(6), rs.getString(7), rs.getBoolean(8), rs.getBigDecimal(9), rs.getString(10),
                            rs.getObject(11, LocalDate.class))).isEqualTo(List.of(s.version(), s.unit().code(),
                            s.policyId(), s.profile().name(), s.profile().planYear(), s.profile().category().name(),
                            s.profile().nature().name(), s.profile().classified(),
                            s.profile().totalInvestment().toBigDecimal(), s.state().name(), s.createdOn()));
                    // the contacts are encrypted (SM4-GCM, bound to this project's row and each column)
                    var cipher = cn.egov.projects.persistence.crypto.FieldCipher.ephemeral();
                    String row = s.id().value().toString();
                    for (int i : new int[] {13, 14, 16, 17}) {
                        assertThat(rs.getString(i)).satisfiesAnyOf(v -> assertThat(v).isNull(),
                                v -> assertThat(v).startsWith("sm4gcm:v1:"));
                    }
                    assertThat(new String[] {rs.getString(12),
                            cipher.decrypt(cn.egov.projects.persistence.project.ProjectRow.LEADER_MOBILE, row, rs.getString(13)),
                            cipher.decrypt(cn.egov.projects.persistence.project.ProjectRow.LEADER_EMAIL, row, rs.getString(14)), rs.getString(15),
                            cipher.decrypt(cn.egov.projects.persistence.project.ProjectRow.RESPONSIBLE_MOBILE, row, rs.getString(16)),
                            cipher.decrypt(cn.egov.projects.persistence.project.ProjectRow.RESPONSIBLE_EMAIL, row, rs.getString(17))}).containsExactly(
                            leader == null ? null : leader.name(), leader == null ? null : leader.mobile(),
                            leader == null ? null : leader.email(), responsible == null ? null : responsible.name(),
                            responsible == null ? null : responsible.mobile(),
                            responsible == null ? null : responsible.email());
                }
            }
            List<String> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, id, kind, ref, start_date, due_date,"
                    + " provisional, met_on, waived_reason, is_open FROM deadline WHERE project_id = ? ORDER BY seq")) {
                ps.setObject(1, s.id().value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(rs.getInt(1) + " " + rs.getObject(2, UUID.class) + " " + rs.getString(3) + " "
                                + rs.getString(4) + " " + rs.getObject(5, LocalDate.class) + " "
                                + rs.getObject(6, LocalDate.class) + " " + rs.getBoolean(7) + " "
                                + rs.getObject(8, LocalDate.class) + " " + rs.getString(9) + " " + rs.getBoolean(10));
                    }
                }
            }
            List<String> expected = new ArrayList<>();
            for (int seq = 0; seq < s.deadlines().size(); seq++) {
                Deadline d = s.deadlines().get(seq);
                expected.add(seq + " " + d.id() + " " + d.kind() + " " + d.ref() + " " + d.start() + " " + d.due() + " "
                        + d.provisional() + " " + d.metOn() + " " + d.waivedReason() + " " + d.isOpen());
            }
            assertThat(rows).as("deadline rows").isEqualTo(expected);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("每条生命周期的每一步在事务中读取（一条语句）并保存（一条带版本的更新加变化的期限行），读回完全相同")
    void everyJourneyRoundTripsInFewStatements() {
        List<StepCost> costs = new ArrayList<>();
        Lifecycles.fullLife(newUnit(), saveAsAUseCase(costs));
        Lifecycles.supplementaryTerminated(newUnit(), saveAsAUseCase(costs));
        Lifecycles.plannedWithExceptions(newUnit(), saveAsAUseCase(costs));
        Lifecycles.rejected(newUnit(), saveAsAUseCase(costs));

        assertThat(costs).hasSizeGreaterThan(50);
        assertThat(costs).allSatisfy(c -> {
            assertThat(c.load()).containsExactly("findProject");
            // the stored deadline rows are those of the document this transaction loaded: not read again
            assertThat(c.update().get(0)).isIn("updateProject", "updateStateAndDocument");
            assertThat(c.update()).doesNotContain("findDeadlines");
            assertThat(inserts(c.update())).hasSizeLessThanOrEqualTo(5);
        });
        // most steps change no deadline or a few: nothing but the row and the deadline rows that changed is written
        // a step that changes none of the row's other columns writes its state and document only; one that does (a
        // draft edited, a budget approved) the whole row
        assertThat(costs).anySatisfy(c -> assertThat(c.update()).containsExactly("updateStateAndDocument"));
        assertThat(costs).anySatisfy(c -> assertThat(c.update()).startsWith("updateProject"));
        assertThat(costs).anySatisfy(c -> assertThat(c.update()).contains("updateDeadline"));
        assertThat(costs).anySatisfy(c -> assertThat(inserts(c.update())).contains("insertDeadlines"));
    }

    @Test
    @DisplayName("同一事务中连续保存：改一个期限只改写它那一行，删去期限只删除那些行，调换顺序时整体重写")
    void onlyTheDeadlineRowsThatChangeAreWritten() {
        Project p = Lifecycles.fullLife(newUnit(), this::saved);
        assertThat(p.deadlines()).hasSizeGreaterThan(2);
        Project last = adapters.transactions().inTransaction(() -> {
            Project loaded = adapters.projects().load(p.id()).orElseThrow();
            List<Deadline> deadlines = new ArrayList<>(loaded.deadlines());
            deadlines.set(1, deadlines.get(1).isOpen() ? deadlines.get(1).metOn(LocalDate.of(2025, 2, 1))
                    : Deadline.open(deadlines.get(1).id(), deadlines.get(1).kind(), null, deadlines.get(1).start(),
                    deadlines.get(1).due(), false));
            Project first = Snapshots.with(loaded, loaded.state(), deadlines);
            counter.start();
            adapters.projects().update(first);
            assertThat(counter.statements()).containsExactly("updateStateAndDocument", "updateDeadline");
            assertProjectionsMatch(first);

            List<Deadline> reversed = new ArrayList<>(first.deadlines());
            Collections.reverse(reversed);
            Project second = Snapshots.with(first, first.state(), reversed);
            counter.start();
            adapters.projects().update(second);
            assertThat(inserts(counter.statements()))
                    .containsExactly("updateStateAndDocument", "deleteAllDeadlines", "insertDeadlines");
            assertProjectionsMatch(second);

            Project third = Snapshots.with(second, second.state(), second.deadlines().subList(0, 1));
            counter.start();
            adapters.projects().update(third);
            assertThat(counter.statements()).containsExactly("updateStateAndDocument", "deleteDeadlines");
            assertProjectionsMatch(third);
            return third;
        });
        assertThat(adapters.projects().load(p.id()).orElseThrow().snapshot()).isEqualTo(last.snapshot());
        assertThat(last.version()).isEqualTo(p.version() + 3);
        assertThat(last.deadlines()).hasSize(1);
        assertProjectionsMatch(last);

        // a transaction that neither loaded nor saved the project reads its stored rows before writing
        Project fourth = adapters.transactions().inTransaction(() -> {
            Project next = Snapshots.with(last, last.state(), p.deadlines().subList(0, 2));
            counter.start();
            adapters.projects().update(next);
            assertThat(counter.statements()).startsWith("updateProject", "findDeadlines");
            return next;
        });
        assertProjectionsMatch(fourth);
        assertThat(adapters.projects().load(p.id()).orElseThrow().snapshot()).isEqualTo(fourth.snapshot());
    }

    @Test
    @DisplayName("同一事务中读取后保存：各列未变时只写状态和文档，改了名称时写整行；两种写法之后各列都与文档一致")
    void aSaveThatChangesNoOtherColumnWritesTheStateAndTheDocumentOnly() {
        Project draft = Project.draft(ProjectId.random(), newUnit(),
                Lifecycles.profile("列不变的项目", 2025, false, Category.BUSINESS_SYSTEM), Lifecycles.PACK.id(),
                LocalDate.of(2024, 7, 1));
        adapters.projects().insert(draft);
        Project last = adapters.transactions().inTransaction(() -> {
            Project loaded = adapters.projects().load(draft.id()).orElseThrow();
            counter.start();
            adapters.projects().update(loaded);
            assertThat(counter.statements()).containsExactly("updateStateAndDocument");
            assertProjectionsMatch(loaded);

            assertThat(loaded.editDraft(ProjectStoreContractTest.withName(loaded.profile(), "改名之后的项目"),
                    Lifecycles.PACK).isRefused()).isFalse();
            counter.start();
            adapters.projects().update(loaded);
            assertThat(counter.statements()).containsExactly("updateProject");
            assertProjectionsMatch(loaded);

            // the columns this transaction knows now are the renamed ones
            Project declared = Snapshots.with(loaded, ProjectState.DECLARED, loaded.deadlines());
            counter.start();
            adapters.projects().update(declared);
            assertThat(counter.statements()).containsExactly("updateStateAndDocument");
            assertProjectionsMatch(declared);
            return declared;
        });
        assertThat(last.version()).isEqualTo(4);
        assertThat(adapters.projects().load(draft.id()).orElseThrow().snapshot()).isEqualTo(last.snapshot());
        assertProjectionsMatch(last);

        // a save in a transaction that did not load the project writes the whole row
        Project again = adapters.transactions().inTransaction(() -> {
            Project next = Snapshots.with(last, ProjectState.DRAFT, last.deadlines());
            counter.start();
            adapters.projects().update(next);
            assertThat(counter.statements()).containsExactly("updateProject", "findDeadlines");
            return next;
        });
        assertProjectionsMatch(again);
    }

    @Test
    @DisplayName("期限行以（项目，序号）为键；行被应用之外改动了位置时，保存整体重写期限行，仍与文档一致")
    void deadlineRowsAreKeyedByProjectAndPlaceAndMovedRowsAreWrittenAnew() throws Exception {
        try (Connection c = database.dataSource().getConnection();
             ResultSet rs = c.getMetaData().getPrimaryKeys(null, null, "deadline")) {
            List<String> key = new ArrayList<>();
            while (rs.next()) {
                key.add(rs.getShort("KEY_SEQ") - 1, rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
            }
            assertThat(key).containsExactly("project_id", "seq");
        }
        Project p = Lifecycles.fullLife(newUnit(), this::saved);
        int open = p.deadlines().indexOf(p.deadlines().stream().filter(Deadline::isOpen).findFirst().orElseThrow());
        Project last = adapters.transactions().inTransaction(() -> {
            Project loaded = adapters.projects().load(p.id()).orElseThrow();
            // after the load (whose rows the transaction keeps), the rows are moved besides the application
            try (Connection c = database.transactionAwareDataSource().getConnection();
                 PreparedStatement ps = c.prepareStatement("UPDATE deadline SET seq = seq + 100 WHERE project_id = ?")) {
                ps.setObject(1, p.id().value());
                assertThat(ps.executeUpdate()).isEqualTo(p.deadlines().size());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            List<Deadline> deadlines = new ArrayList<>(loaded.deadlines());
            deadlines.set(open, deadlines.get(open).metOn(LocalDate.of(2026, 3, 2)));
            Project changed = Snapshots.with(loaded, loaded.state(), deadlines);
            counter.start();
            adapters.projects().update(changed);
            assertThat(inserts(counter.statements())).containsExactly("updateStateAndDocument", "updateDeadline",
                    "deleteAllDeadlines", "insertDeadlines");
            return changed;
        });
        assertProjectionsMatch(last);
        assertThat(adapters.projects().load(p.id()).orElseThrow().snapshot()).isEqualTo(last.snapshot());
    }

    @Test
    @DisplayName("一个事务读取很多项目时只记住前面一些的期限行；保存后面的项目时读取其期限行，结果同样准确")
    void aTransactionOfManyProjectsKeepsTheRowsOfTheFirstOnly() {
        int many = ProjectPersistenceAdapter.REMEMBERED_PER_TRANSACTION + 3;
        List<Project> projects = new ArrayList<>();
        for (int i = 0; i < many; i++) {
            projects.add(Lifecycles.plannedWithExceptions(newUnit(), this::saved));
        }
        adapters.transactions().inTransaction(() -> {
            List<Project> loaded = projects.stream()
                    .map(p -> adapters.projects().load(p.id()).orElseThrow()).toList();
            Project first = loaded.get(0);
            Project last = loaded.get(many - 1);
            counter.start();
            adapters.projects().update(Snapshots.with(first, first.state(), first.deadlines().subList(0, 1)));
            assertThat(counter.statements()).doesNotContain("findDeadlines");
            counter.start();
            Project lastChanged = Snapshots.with(last, last.state(), last.deadlines().subList(0, 1));
            adapters.projects().update(lastChanged);
            assertThat(counter.statements()).startsWith("updateProject", "findDeadlines");
            assertProjectionsMatch(lastChanged);
            return null;
        });
    }

    @Test
    @DisplayName("读取后被另一事务保存的项目，本事务再保存时被拒绝，期限行保持另一事务写入的样子")
    void aSaveOverAnotherTransactionsSaveIsRefusedAndLeavesItsRows() throws Exception {
        Project p = Lifecycles.fullLife(newUnit(), this::saved);
        ExecutorService elsewhere = Executors.newSingleThreadExecutor();
        try {
            assertThatThrownBy(() -> adapters.transactions().inTransaction(() -> {
                Project loaded = adapters.projects().load(p.id()).orElseThrow();
                Project other = waitFor(elsewhere.submit(() -> adapters.transactions().inTransaction(() -> {
                    Project again = adapters.projects().load(p.id()).orElseThrow();
                    Project changed = Snapshots.with(again, again.state(), again.deadlines().subList(0, 1));
                    adapters.projects().update(changed);
                    return changed;
                })));
                assertThat(other.version()).isEqualTo(p.version() + 1);
                adapters.projects().update(Snapshots.with(loaded, loaded.state(), List.of()));
                return null;
            })).isInstanceOf(ConcurrentChangeException.class);
        } finally {
            elsewhere.shutdownNow();
        }
        Project stored = adapters.projects().load(p.id()).orElseThrow();
        assertThat(stored.version()).isEqualTo(p.version() + 1);
        assertThat(stored.deadlines()).hasSize(1);
        assertProjectionsMatch(stored);
    }

    @Test
    @DisplayName("文档带格式号、不含版本号；金额为精确的字符串，日期为ISO格式，中文不转义")
    void theDocumentLayout() throws Exception {
        Project p = Lifecycles.fullLife(newUnit(), this::saved);
        String text = document(p.id());
        JsonNode doc = JSON.readTree(text);
        assertThat(doc.get("format").asInt()).isEqualTo(ProjectDocuments.FORMAT);
        assertThat(doc.has("version")).isFalse();
        assertThat(doc.get("id").asText()).isEqualTo(p.id().toString());
        assertThat(doc.get("unit").asText()).isEqualTo(p.unit().code());
        JsonNode line = doc.get("profile").get("budgetLines").get(0);
        assertThat(line.get("amount").isTextual()).isTrue();
        assertThat(line.get("amount").asText())
                .isEqualTo(p.profile().budgetLines().get(0).amount().toBigDecimal().toPlainString());
        assertThat(doc.get("createdOn").asText()).isEqualTo(p.snapshot().createdOn().toString());
        assertThat(doc.get("deadlines").get(0).get("due").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(doc.get("deadlines").get(0).has("open")).as("derived accessors are not state").isFalse();
        assertThat(text).contains(p.profile().name()).doesNotContain("\\u");
        assertThat(storedAsJsonObject(p.id())).as("the database holds a JSON object, not a JSON string").isTrue();
    }

    @Test
    @DisplayName("项目名称含引号、反斜杠、换行与非常用汉字时，文档仍是数据库中的合法JSON对象，读回一字不差")
    void textThatNeedsEscapingSurvives() throws Exception {
        String name = "“智慧\"城市\"”\\平台\n二期\t𠀀工程</script>";
        Project p = Project.draft(ProjectId.random(), newUnit(),
                Lifecycles.profile(name, 2025, false, cn.egov.projects.domain.catalog.Category.BUSINESS_SYSTEM),
                Lifecycles.PACK.id(), Lifecycles.d("2024-07-10"));
        saved(p);
        assertThat(p.editDraft(Lifecycles.profile(name + "（修改）", 2025, false,
                cn.egov.projects.domain.catalog.Category.BUSINESS_SYSTEM), Lifecycles.PACK).isRefused()).isFalse();
        saved(p);
        name = name + "（修改）";
        assertThat(storedAsJsonObject(p.id())).isTrue();
        assertThat(JSON.readTree(document(p.id())).get("profile").get("name").asText()).isEqualTo(name);
        assertThat(adapters.projects().load(p.id()).orElseThrow().profile().name()).isEqualTo(name);
    }

    private static <T> T waitFor(Future<T> result) {
        try {
            return result.get(1, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Whether the database itself takes the stored document for a JSON object. */
    private boolean storedAsJsonObject(ProjectId id) {
        String sql = database.settings().isPostgreSql()
                ? "SELECT jsonb_typeof(document) = 'object' FROM project WHERE id = ?"
                : "SELECT document IS JSON OBJECT FROM project WHERE id = ?";
        try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    @DisplayName("后续版本写入的文档格式不能读取时明确报错，不会读出残缺的项目")
    void aDocumentOfALaterFormatIsRefused() throws Exception {
        Project p = Lifecycles.plannedWithExceptions(newUnit(), this::saved);
        com.fasterxml.jackson.databind.node.ObjectNode doc =
                (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(document(p.id()));
        doc.put("format", ProjectDocuments.FORMAT + 1);
        setDocument(p.id(), JSON.writeValueAsString(doc));
        assertThatThrownBy(() -> adapters.projects().load(p.id()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("format " + (ProjectDocuments.FORMAT + 1));
    }

    @Test
    @DisplayName("再次读取未变的文档不再解析；文档被绕过应用改动（版本号不变）后照库中内容读取；回滚的保存不被当作库中内容")
    void anUnchangedDocumentIsNotParsedAgainButAChangedOneIs() throws Exception {
        Project p = Lifecycles.fullLife(newUnit(), this::saved);
        ProjectPersistenceAdapter projects = adapters.projects();
        Project first = projects.load(p.id()).orElseThrow();
        long parsed = projects.documentsRead();

        Project again = projects.load(p.id()).orElseThrow();
        assertThat(projects.documentsRead()).as("found again, not parsed").isEqualTo(parsed);
        assertThat(again.snapshot()).isEqualTo(first.snapshot());
        assertThat(again).isNotSameAs(first);

        // a save rolled back leaves the stored document as it was
        assertThatThrownBy(() -> adapters.transactions().inTransaction(() -> {
            Project changed = projects.load(p.id()).orElseThrow();
            projects.update(changed);
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");
        assertThat(projects.load(p.id()).orElseThrow().version()).isEqualTo(first.version());

        // changed behind the application's back, the version left as it was: read from the database
        com.fasterxml.jackson.databind.node.ObjectNode doc =
                (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(document(p.id()));
        doc.put("maintenanceArrangement", "改由信息中心运维");
        setDocument(p.id(), JSON.writeValueAsString(doc));
        Project reread = projects.load(p.id()).orElseThrow();
        assertThat(projects.documentsRead()).isGreaterThan(parsed);
        assertThat(reread.snapshot().maintenanceArrangement()).isEqualTo("改由信息中心运维");
        assertThat(reread.version()).isEqualTo(first.version());
    }

    @Test
    @DisplayName("保存沿用未变记录的JSON只在文档原样读回的内置数据库上；一个项目读出再存、再读，三次快照相同")
    void savesRememberTheirRecordsOnlyWhereDocumentsComeBackAsWritten() {
        ProjectPersistenceAdapter projects = adapters.projects();
        assertThat(projects.remembersRecords()).isEqualTo(!database.settings().isPostgreSql());
        Project p = Lifecycles.fullLife(newUnit(), this::saved);
        Project loaded = projects.load(p.id()).orElseThrow();
        projects.update(loaded);
        Project savedAgain = projects.load(p.id()).orElseThrow();
        projects.update(savedAgain);
        Project third = projects.load(p.id()).orElseThrow();
        assertThat(third.version()).isEqualTo(p.version() + 2);
        assertThat(savedAgain.snapshot()).usingRecursiveComparison().ignoringFields("version")
                .isEqualTo(p.snapshot());
        assertThat(third.snapshot()).usingRecursiveComparison().ignoringFields("version").isEqualTo(p.snapshot());
    }

    @Test
    @DisplayName("第1版格式的文档（绩效目标为一行文字）读取时升级：每行成为没有类别和目标值的指标；再次保存时按当前格式写入")
    void aDocumentOfFormatOneWithTextGoalsIsUpgraded() throws Exception {
        Project p = Lifecycles.fullLife(newUnit(), this::saved);
        com.fasterxml.jackson.databind.node.ObjectNode doc =
                (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(document(p.id()));
        // as release 1 wrote it: goals as lines of text, no goal-by-goal achievements or assessments
        doc.put("format", 1);
        com.fasterxml.jackson.databind.node.ObjectNode profile =
                (com.fasterxml.jackson.databind.node.ObjectNode) doc.get("profile");
        profile.putArray("performanceGoals").add("办件时间缩短30%").add("群众满意度不低于95%");
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.get("selfInspection")).remove("goalAchievements");
        doc.get("acceptances").forEach(a -> ((com.fasterxml.jackson.databind.node.ObjectNode) a)
                .remove("goalAssessments"));
        setDocument(p.id(), JSON.writeValueAsString(doc));

        Project loaded = adapters.projects().load(p.id()).orElseThrow();
        assertThat(loaded.profile().performanceGoals()).containsExactly(
                PerformanceGoal.untargeted("办件时间缩短30%"), PerformanceGoal.untargeted("群众满意度不低于95%"));
        assertThat(loaded.profile().performanceGoals()).noneMatch(PerformanceGoal::hasTarget);
        assertThat(loaded.snapshot().selfInspection().goalAchievements()).isEmpty();
        assertThat(loaded.acceptances()).allSatisfy(a -> assertThat(a.goalAssessments()).isEmpty());
        assertThat(loaded.snapshot()).usingRecursiveComparison().ignoringFields("profile.performanceGoals",
                "selfInspection.goalAchievements", "acceptances.goalAssessments").isEqualTo(p.snapshot());

        adapters.projects().update(loaded);
        JsonNode saved = JSON.readTree(document(p.id()));
        assertThat(saved.get("format").asInt()).isEqualTo(ProjectDocuments.FORMAT).isEqualTo(2);
        assertThat(saved.get("profile").get("performanceGoals").get(0).get("indicator").asText())
                .isEqualTo("办件时间缩短30%");
        assertThat(adapters.projects().load(p.id()).orElseThrow().profile().performanceGoals())
                .isEqualTo(loaded.profile().performanceGoals());
    }

    @Test
    @DisplayName("绩效目标、逐项达成情况和专家意见按记录原样保存：目标值为精确的数，中文不转义")
    void goalsAndTheirAchievementRoundTrip() throws Exception {
        Project p = Lifecycles.fullLife(newUnit(), this::saved);
        JsonNode doc = JSON.readTree(document(p.id()));
        JsonNode goal = doc.get("profile").get("performanceGoals").get(0);
        assertThat(goal.get("indicator").asText()).isEqualTo(Lifecycles.GOAL.indicator());
        assertThat(goal.get("kind").asText()).isEqualTo("BENEFIT");
        assertThat(goal.get("comparison").asText()).isEqualTo("AT_LEAST");
        assertThat(goal.get("targetValue").decimalValue()).isEqualByComparingTo("30");
        assertThat(goal.get("unit").asText()).isEqualTo("%");
        assertThat(doc.get("selfInspection").get("goalAchievements")).hasSize(2);
        Project loaded = adapters.projects().load(p.id()).orElseThrow();
        assertThat(loaded.snapshot()).usingRecursiveComparison().isEqualTo(p.snapshot());
        assertThat(loaded.acceptances().get(1).goalAssessments()).hasSize(2);
    }

    /** The stored document's text, read with plain JDBC. */
    /**
     * The statements with the deadline rows' inserts as one: a database server takes them in one statement
     * ({@code insertDeadlines}, or {@code insertDeadline} for one row), the embedded database row by row.
     */
    private static List<String> inserts(List<String> statements) {
        List<String> out = new ArrayList<>();
        for (String s : statements) {
            String name = s.equals("insertDeadline") ? "insertDeadlines" : s;
            if (!(name.equals("insertDeadlines") && !out.isEmpty() && out.get(out.size() - 1).equals(name))) {
                out.add(name);
            }
        }
        return out;
    }

    private String document(ProjectId id) {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT document FROM project WHERE id = ?")) {
            ps.setObject(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Replaces the stored document with plain JDBC, bypassing the adapters (a later release's, say). */
    private void setDocument(ProjectId id, String text) {
        String value = database.settings().isPostgreSql() ? "CAST(? AS JSONB)" : "? FORMAT JSON";
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE project SET document = " + value + " WHERE id = ?")) {
            ps.setString(1, text);
            ps.setObject(2, id.value());
            assertThat(ps.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void saved(Project project) {
        if (project.version() == 0) {
            adapters.projects().insert(project);
        } else {
            adapters.projects().update(project);
        }
    }

    @Test
    @DisplayName("事务回滚后文档和期限行保持原样，下一个事务读取并保存的结果仍然准确")
    void aRolledBackSaveLeavesNothing() {
        Project p = Lifecycles.plannedWithExceptions(newUnit(), this::saved);
        Project.Snapshot before = p.snapshot();
        IllegalStateException boom = new IllegalStateException("boom");
        assertThatThrownBy(() -> adapters.transactions().inTransaction(() -> {
            Project loaded = adapters.projects().load(p.id()).orElseThrow();
            List<Deadline> deadlines = new ArrayList<>(loaded.deadlines());
            deadlines.set(0, deadlines.get(0).waived("回滚的豁免"));
            Project changed = Snapshots.with(loaded, loaded.state(), deadlines.subList(0, 2));
            adapters.projects().update(changed);
            throw boom;
        })).isSameAs(boom);
        assertThat(adapters.projects().load(p.id()).orElseThrow().snapshot()).isEqualTo(before);
        assertProjectionsMatch(p);

        Project saved = adapters.transactions().inTransaction(() -> {
            Project loaded = adapters.projects().load(p.id()).orElseThrow();
            assertThat(loaded.version()).isEqualTo(p.version());
            Project changed = renamed(loaded, "提交的名称");
            adapters.projects().update(changed);
            return changed;
        });
        assertThat(adapters.projects().load(p.id()).orElseThrow().snapshot()).isEqualTo(saved.snapshot());
        assertThat(saved.profile().name()).isEqualTo("提交的名称");
        assertProjectionsMatch(saved);
    }

    @Test
    @DisplayName("两个事务各自读取后同时保存：只有一个成功，存储的正是它的结果，没有丢失更新")
    void twoTransactionsThatLoadedTheSameVersionOneWins() throws Exception {
        Project planned = Lifecycles.plannedWithExceptions(newUnit(), project -> {
            if (project.version() == 0) {
                adapters.projects().insert(project);
            } else {
                adapters.projects().update(project);
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                long version = adapters.projects().load(planned.id()).orElseThrow().version();
                CyclicBarrier bothLoaded = new CyclicBarrier(2);
                List<Future<Project>> results = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    String name = "第" + round + "轮线程" + t;
                    results.add(pool.submit(() -> {
                        try {
                            return adapters.transactions().inTransaction(() -> {
                                Project loaded = adapters.projects().load(planned.id()).orElseThrow();
                                Project changed = renamed(loaded, name);
                                await(bothLoaded);
                                adapters.projects().update(changed);
                                return changed;
                            });
                        } catch (ConcurrentChangeException e) {
                            return null;
                        }
                    }));
                }
                List<Project> winners = new ArrayList<>();
                for (Future<Project> f : results) {
                    Project r = f.get(30, TimeUnit.SECONDS);
                    if (r != null) {
                        winners.add(r);
                    }
                }
                assertThat(winners).as("round %d", round).hasSize(1);
                Project stored = adapters.projects().load(planned.id()).orElseThrow();
                assertThat(stored.version()).isEqualTo(version + 1);
                assertThat(stored.snapshot()).isEqualTo(winners.get(0).snapshot());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Project renamed(Project p, String name) {
        Project.Snapshot s = p.snapshot();
        return Project.restore(new Project.Snapshot(s.id(), s.unit(), s.policyId(), s.version(),
                ProjectStoreContractTest.withName(s.profile(), name), s.state(), s.suspendedFrom(), s.createdOn(),
                s.declaredOn(), s.supplementary(), s.higherLevelReportedOn(), s.reviews(), s.funding(), s.approval(),
                s.plan(), s.implementationPlan(), s.preProcurementReviews(), s.noProcurementReason(),
                s.substantiveStartOn(), s.contracts(), s.progressReports(), s.changes(), s.situationReports(),
                s.securityReviews(), s.trialStartOn(), s.selfInspection(), s.acceptances(), s.operatingFrom(),
                s.acceptanceReportOn(), s.finalAccountsOn(), s.finalAccountsAmount(), s.termination(),
                s.maintenanceArrangement(), s.deadlines()));
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
