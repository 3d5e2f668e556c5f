package cn.egov.projects.persistence;

import cn.egov.projects.application.error.ConcurrentChangeException;
import cn.egov.projects.domain.catalog.Category;
import cn.egov.projects.domain.deadline.Deadline;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ProjectProfile;
import cn.egov.projects.domain.project.UnitId;
import org.apache.ibatis.exceptions.PersistenceException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract of {@code LoadProjectPort} and {@code SaveProjectPort}: exact round trips and optimistic locking. */
abstract class ProjectStoreContractTest extends PersistenceContractTest {

    private final List<Project.Snapshot> saved = new ArrayList<>();

    private static UnitId newUnit() {
        return new UnitId("U-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** Saves the project (insert when new, update otherwise) and checks that it loads back exactly as it is. */
    private Consumer<Project> saveAndCompare() {
        return project -> {
            long before = project.version();
            if (before == 0) {
                adapters.projects().insert(project);
            } else {
                adapters.projects().update(project);
            }
            assertThat(project.version()).isEqualTo(before + 1);
            Project.Snapshot expected = project.snapshot();
            Project.Snapshot loaded = adapters.projects().load(project.id()).orElseThrow().snapshot();
            assertThat(loaded).isEqualTo(expected);
            saved.add(expected);
        };
    }

    private Project draft(UnitId unit) {
        Project p = Project.draft(ProjectId.random(), unit,
                Lifecycles.profile("测试项目", 2025, false, Category.BUSINESS_SYSTEM), Lifecycles.PACK.id(),
                LocalDate.of(2024, 7, 1));
        adapters.projects().insert(p);
        return p;
    }

    @Test
    @DisplayName("新项目保存后版本为1，读回的快照与保存时完全相同")
    void insertGivesVersionOne() {
        Project p = Project.draft(ProjectId.random(), newUnit(),
                Lifecycles.profile("太仓市智慧警务平台", 2025, false, Category.BUSINESS_SYSTEM), Lifecycles.PACK.id(),
                LocalDate.of(2024, 7, 10));
        adapters.projects().insert(p);
        assertThat(p.version()).isEqualTo(1);
        assertThat(adapters.projects().load(p.id()).orElseThrow().snapshot()).isEqualTo(p.snapshot());
    }

    @Test
    @DisplayName("项目走完整个生命周期，每一步保存后读回都与内存中的项目完全相同")
    void fullLifeRoundTrips() {
        Project p = Lifecycles.fullLife(newUnit(), saveAndCompare());
        assertThat(p.version()).isGreaterThan(30);
        assertThat(adapters.projects().load(p.id()).orElseThrow().snapshot()).isEqualTo(p.snapshot());
    }

    @Test
    @DisplayName("追加申报、涉密、上级资金、中止、终止和资金收回的项目每一步都原样读回")
    void supplementaryTerminatedRoundTrips() {
        Lifecycles.supplementaryTerminated(newUnit(), saveAndCompare());
    }

    @Test
    @DisplayName("实质性启动例外和豁免期限的项目、评审未通过的项目和未填责任人的草稿都原样读回")
    void otherJourneysRoundTrip() {
        Lifecycles.plannedWithExceptions(newUnit(), saveAndCompare());
        Lifecycles.rejected(newUnit(), saveAndCompare());
    }

    @Test
    @DisplayName("各条生命周期合起来让快照的每个字段都有值，往返测试没有遗漏任何字段")
    void journeysExerciseEveryField() {
        List<Project.Snapshot> all = new ArrayList<>();
        Consumer<Project> collect = p -> {
            p.markSaved(p.version() + 1);
            all.add(p.snapshot());
        };
        Lifecycles.fullLife(newUnit(), collect);
        Lifecycles.supplementaryTerminated(newUnit(), collect);
        Lifecycles.plannedWithExceptions(newUnit(), collect);
        Lifecycles.rejected(newUnit(), collect);

        Map<String, Boolean> filled = new TreeMap<>();
        all.forEach(s -> walk("Snapshot", s, filled));
        Set<String> neverFilled = new TreeSet<>();
        filled.forEach((path, seen) -> {
            if (!seen) {
                neverFilled.add(path);
            }
        });
        assertThat(filled).hasSizeGreaterThan(100);
        assertThat(neverFilled).as("fields no journey gives a value").isEmpty();
    }

    /** Marks each record component path as filled when it holds something other than null/empty/false/0. */
    private static void walk(String path, Object value, Map<String, Boolean> filled) {
        if (value == null || !value.getClass().isRecord()) {
            return;
        }
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            String child = path + "." + component.getName();
            Object v;
            try {
                v = component.getAccessor().invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(child, e);
            }
            filled.merge(child, hasValue(v), Boolean::logicalOr);
            if (v instanceof Collection<?> items) {
                items.forEach(item -> walk(child + "[]", item, filled));
            } else {
                walk(child, v, filled);
            }
        }
    }

    private static boolean hasValue(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n) {
            return n.longValue() != 0;
        }
        return true;
    }

    @Test
    @DisplayName("读取不存在的项目得到空结果")
    void loadingAnUnknownProjectFindsNothing() {
        assertThat(adapters.projects().load(ProjectId.random())).isEmpty();
    }

    @Test
    @DisplayName("同一项目不能插入两次")
    void insertingTwiceIsRefused() {
        Project p = draft(newUnit());
        Project again = Project.restore(p.snapshot());
        assertThatThrownBy(() -> adapters.projects().insert(again)).isInstanceOf(ConcurrentChangeException.class);
        assertThat(adapters.projects().load(p.id()).orElseThrow().snapshot()).isEqualTo(p.snapshot());
    }

    @Test
    @DisplayName("按过期版本保存被拒绝，数据库中的项目保持不变")
    void staleUpdateIsRefusedAndChangesNothing() {
        Project p = draft(newUnit());
        Project mine = adapters.projects().load(p.id()).orElseThrow();
        Project theirs = adapters.projects().load(p.id()).orElseThrow();

        ProjectProfile renamed = withName(mine.profile(), "我的修改");
        assertThat(mine.editDraft(renamed, Lifecycles.PACK).isRefused()).isFalse();
        adapters.projects().update(mine);
        assertThat(mine.version()).isEqualTo(2);

        assertThat(theirs.editDraft(withName(theirs.profile(), "他人的修改"), Lifecycles.PACK).isRefused()).isFalse();
        assertThatThrownBy(() -> adapters.projects().update(theirs)).isInstanceOf(ConcurrentChangeException.class);
        assertThat(theirs.version()).isEqualTo(1);

        Project stored = adapters.projects().load(p.id()).orElseThrow();
        assertThat(stored.snapshot()).isEqualTo(mine.snapshot());
        assertThat(stored.profile().name()).isEqualTo("我的修改");
    }

    @Test
    @DisplayName("更新一个不存在的项目按并发修改处理")
    void updatingAMissingProjectIsAConcurrentChange() {
        Project ghost = Project.draft(ProjectId.random(), newUnit(),
                Lifecycles.profile("不存在", 2025, false, Category.BUSINESS_SYSTEM), Lifecycles.PACK.id(),
                LocalDate.of(2024, 7, 1));
        ghost.markSaved(1);
        assertThatThrownBy(() -> adapters.projects().update(ghost)).isInstanceOf(ConcurrentChangeException.class);
        assertThat(adapters.projects().load(ghost.id())).isEmpty();
    }

    @Test
    @DisplayName("两个线程同时按同一版本保存，只有一个成功，另一个得到并发修改异常")
    void twoThreadsUpdatingTheSameVersionOnlyOneWins() throws Exception {
        Project p = draft(newUnit());
        Project first = adapters.projects().load(p.id()).orElseThrow();
        Project second = adapters.projects().load(p.id()).orElseThrow();
        first.editDraft(withName(first.profile(), "线程一"), Lifecycles.PACK);
        second.editDraft(withName(second.profile(), "线程二"), Lifecycles.PACK);

        CountDownLatch firstUpdated = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> one = pool.submit(() -> {
                try {
                    return adapters.transactions().inTransaction(() -> {
                        adapters.projects().update(first);
                        firstUpdated.countDown();
                        sleep(300); // the second thread meets the row while this transaction still holds it
                        return "won";
                    });
                } catch (ConcurrentChangeException e) {
                    firstUpdated.countDown();
                    return "lost";
                }
            });
            Future<String> two = pool.submit(() -> {
                firstUpdated.await(10, TimeUnit.SECONDS);
                try {
                    return adapters.transactions().inTransaction(() -> {
                        adapters.projects().update(second);
                        return "won";
                    });
                } catch (ConcurrentChangeException e) {
                    return "lost";
                }
            });
            List<String> results = List.of(one.get(30, TimeUnit.SECONDS), two.get(30, TimeUnit.SECONDS));
            assertThat(results).containsExactlyInAnyOrder("won", "lost");
            Project winner = results.get(0).equals("won") ? first : second;
            Project stored = adapters.projects().load(p.id()).orElseThrow();
            assertThat(stored.version()).isEqualTo(2);
            assertThat(stored.snapshot()).isEqualTo(winner.snapshot());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("子表写入失败时整个保存回滚，项目行和子表都保持原样")
    void aFailedChildWriteRollsBackTheWholeSave() {
        Project planned = Lifecycles.plannedWithExceptions(newUnit(), saveAndCompare());
        Project other = draft(newUnit());
        Project.Snapshot before = other.snapshot();
        // the last deadline row is one the database refuses (a check this test adds): the insert of the deadline
        // rows fails last, after the project's row was updated
        String refused = "refused-" + UUID.randomUUID();
        execute("ALTER TABLE deadline ADD CONSTRAINT deadline_test_refused CHECK (ref IS NULL OR ref <> '"
                + refused + "')");
        List<Deadline> clash = new ArrayList<>(planned.deadlines());
        Deadline last = clash.get(clash.size() - 1);
        clash.add(Deadline.open(UUID.randomUUID(), last.kind(), refused, last.start(), last.due(), false));
        Project.Snapshot s = other.snapshot();
        Project broken = Project.restore(new Project.Snapshot(s.id(), s.unit(), s.policyId(), s.version(),
                withName(s.profile(), "不应保存"), s.state(), s.suspendedFrom(), s.createdOn(), s.declaredOn(),
                s.supplementary(), s.higherLevelReportedOn(), s.reviews(), s.funding(), s.approval(), s.plan(),
                s.implementationPlan(), s.preProcurementReviews(), s.noProcurementReason(), s.substantiveStartOn(),
                s.contracts(), s.progressReports(), s.changes(), s.situationReports(), s.securityReviews(),
                s.trialStartOn(), s.selfInspection(), s.acceptances(), s.operatingFrom(), s.acceptanceReportOn(),
                s.finalAccountsOn(), s.finalAccountsAmount(), s.termination(), s.maintenanceArrangement(), clash));

        try {
            assertThatThrownBy(() -> adapters.projects().update(broken)).isInstanceOf(PersistenceException.class);
        } finally {
            execute("ALTER TABLE deadline DROP CONSTRAINT deadline_test_refused");
        }
        assertThat(broken.version()).isEqualTo(1);
        assertThat(adapters.projects().load(other.id()).orElseThrow().snapshot()).isEqualTo(before);
        assertThat(adapters.projects().load(planned.id()).orElseThrow().snapshot()).isEqualTo(planned.snapshot());
    }

    private void execute(String sql) {
        try (java.sql.Connection c = database.dataSource().getConnection();
             java.sql.Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("长名称、生僻字和表情符号原样保存")
    void textIsKeptExactly() {
        String start = "𠀀𪚥龘靐齉爩".repeat(10) + "😀🏛️";
        String name = start + "测".repeat(200 - start.length());
        assertThat(name).hasSize(200);
        Project p = Project.draft(ProjectId.random(), newUnit(),
                withName(Lifecycles.profile("x", 2025, false, Category.BUSINESS_SYSTEM), name), Lifecycles.PACK.id(),
                LocalDate.of(2024, 7, 1));
        adapters.projects().insert(p);
        assertThat(adapters.projects().load(p.id()).orElseThrow().profile().name()).isEqualTo(name);
    }

    static ProjectProfile withName(ProjectProfile p, String name) {
        return new ProjectProfile(name, p.planYear(), p.category(), p.nature(), p.serviceKind(), p.supervisedProject(),
                p.softwareDevelopment(), p.funding(), p.classified(), p.usesCryptography(), p.scopeItems(),
                p.performanceGoals(), p.budgetLines(), p.people());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
