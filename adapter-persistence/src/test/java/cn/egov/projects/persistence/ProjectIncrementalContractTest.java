package cn.egov.projects.persistence;

import cn.egov.projects.application.error.ConcurrentChangeException;
import cn.egov.projects.domain.catalog.Category;
import cn.egov.projects.domain.deadline.Deadline;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.persistence.project.ChildRows;
import cn.egov.projects.persistence.project.ChildrenSnapshot;
import cn.egov.projects.persistence.project.ProjectRows;
import org.apache.ibatis.plugin.Interceptor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * Loading in one statement (the row with its children's snapshot; two without one) and writing only what changed:
 * a project loaded inside a transaction and saved there stores exactly what a full rewrite stores, in a handful of
 * statements, and still loses no concurrent update.
 */
abstract class ProjectIncrementalContractTest extends PersistenceContractTest {

    private final StatementCounter counter = new StatementCounter();

    @Override
    protected List<Interceptor> plugins() {
        return List.of(counter);
    }

    private static UnitId newUnit() {
        return new UnitId("I-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private PersistenceAdapters perTable() {
        return new PersistenceAdapters(database, ProjectPersistenceAdapter.Strategy.PER_TABLE);
    }

    /** What one step cost: the statements of the load and of the update in its transaction. */
    private record StepCost(int progressReports, List<String> load, List<String> update) {
    }

    /**
     * Saves each step as a use case does (load in a transaction, then update there), records the statements, and
     * checks that both ways of reading give back exactly the project in memory.
     */
    private Consumer<Project> saveAsAUseCase(List<StepCost> costs) {
        PersistenceAdapters reference = perTable();
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
                    costs.add(new StepCost(project.snapshot().progressReports().size(), load, counter.statements()));
                    return null;
                });
            }
            assertThat(project.version()).isEqualTo(before + 1);
            assertThat(queryLong("SELECT child_parts FROM project WHERE id = ?", project.id().value()))
                    .as("child_parts").isEqualTo(ChildRows.partsOf(ProjectRows.of(project.snapshot(), 1)));
            assertThat(adapters.projects().load(project.id()).orElseThrow().snapshot()).isEqualTo(project.snapshot());
            assertThat(reference.projects().load(project.id()).orElseThrow().snapshot())
                    .isEqualTo(project.snapshot());
            // the children's snapshot takes the rows apart and puts them together again exactly
            ProjectRows rows = ProjectRows.of(project.snapshot(), project.version());
            assertThat(ChildRows.assemble(rows.project(), ChildrenSnapshot.decode(ChildrenSnapshot.of(rows),
                    project.id().value(), project.version()).orElseThrow())).isEqualTo(rows);
        };
    }

    @Test
    @DisplayName("每条生命周期的每一步在事务中读取并只写入变化的部分，读回与内存中的项目完全相同")
    void everyJourneyRoundTripsWritingOnlyChanges() {
        List<StepCost> costs = new ArrayList<>();
        Lifecycles.fullLife(newUnit(), saveAsAUseCase(costs));
        Lifecycles.supplementaryTerminated(newUnit(), saveAsAUseCase(costs));
        Lifecycles.plannedWithExceptions(newUnit(), saveAsAUseCase(costs));
        Lifecycles.rejected(newUnit(), saveAsAUseCase(costs));

        assertThat(costs).hasSizeGreaterThan(50);
        assertThat(costs).allSatisfy(c -> {
            // the row carries its children's snapshot: no child table is read
            assertThat(c.load()).containsExactly("findStoredProject");
            assertThat(c.update()).first().isEqualTo("updateProject");
            // never every table again: the full rewrite runs 19 deletes and up to 24 inserts
            assertThat(c.update()).hasSizeLessThanOrEqualTo(7).doesNotContain("deleteBudgetLines");
        });
    }

    /** Sets columns of a project row with plain JDBC, bypassing the adapters (rows of an older release, say). */
    private void setRow(ProjectId id, String assignments, Object... values) {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE project SET " + assignments + " WHERE id = ?")) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.setObject(values.length + 1, id.value());
            assertThat(ps.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Project saved(Project project) {
        if (project.version() == 0) {
            adapters.projects().insert(project);
        } else {
            adapters.projects().update(project);
        }
        return project;
    }

    @Test
    @DisplayName("没有子表快照（升级前写入的行）或快照无法识别时从子表读取，结果同样准确；补写快照后一条语句读取")
    void rowsWithoutASnapshotAreReadFromTheChildTables() {
        Project p = Lifecycles.fullLife(newUnit(), this::saved);
        setRow(p.id(), "children_snapshot = NULL");

        counter.start();
        assertThat(adapters.projects().load(p.id()).orElseThrow().snapshot()).isEqualTo(p.snapshot());
        assertThat(counter.statements()).first().isEqualTo("findStoredProject");
        assertThat(counter.statements()).contains("findChildren");

        setRow(p.id(), "children_snapshot = ?", (Object) new byte[] {99, 1, 2, 3});
        assertThat(adapters.projects().load(p.id()).orElseThrow().snapshot()).isEqualTo(p.snapshot());
        assertThat(adapters.projects().fillChildrenSnapshots(List.of(p.id()))).isEqualTo(1);

        // a version raised by whatever changed the tables besides the application: the snapshot is not the rows'
        setRow(p.id(), "children_snapshot = NULL");
        adapters.projects().fillChildrenSnapshots(List.of(p.id()));
        setRow(p.id(), "version = version + 1");
        counter.start();
        Project bumped = adapters.projects().load(p.id()).orElseThrow();
        assertThat(counter.statements()).contains("findChildren");
        assertThat(bumped.snapshot().deadlines()).isEqualTo(p.snapshot().deadlines());
        setRow(p.id(), "version = version - 1");

        setRow(p.id(), "children_snapshot = NULL");
        assertThat(adapters.projects().fillChildrenSnapshots(List.of(p.id(), ProjectId.random()))).isEqualTo(1);
        assertThat(adapters.projects().fillChildrenSnapshots(List.of(p.id()))).isZero();
        counter.start();
        assertThat(adapters.projects().load(p.id()).orElseThrow().snapshot()).isEqualTo(p.snapshot());
        assertThat(counter.statements()).containsExactly("findStoredProject");
    }

    @Test
    @DisplayName("逐表方式（对照基准）保存时不写快照，之后从子表读取，结果同样准确")
    void aSaveWithoutSnapshotIsReadFromTheTables() {
        PersistenceAdapters reference = perTable();
        Project p = Lifecycles.plannedWithExceptions(newUnit(), this::saved);
        reference.transactions().inTransaction(() -> {
            reference.projects().update(reference.projects().load(p.id()).orElseThrow());
            return null;
        });
        assertThat(queryLong("SELECT COUNT(*) FROM project WHERE id = ? AND children_snapshot IS NULL",
                p.id().value())).isEqualTo(1);
        counter.start();
        Project loaded = adapters.projects().load(p.id()).orElseThrow();
        assertThat(counter.statements()).contains("findChildren");
        assertThat(loaded.snapshot().deadlines()).isEqualTo(p.snapshot().deadlines());
        assertThat(loaded.snapshot().profile()).isEqualTo(p.snapshot().profile());
    }

    @Test
    @DisplayName("子表标记未知（升级前写入的行）时读取全部子表，结果同样准确，下次保存后标记补齐")
    void rowsWithoutKnownPartsAreReadWhole() {
        Project p = Lifecycles.supplementaryTerminated(newUnit(), this::saved);
        int parts = ChildRows.partsOf(ProjectRows.of(p.snapshot(), 1));
        assertThat(parts).isNotZero().isNotEqualTo(ChildRows.ALL_PARTS);
        setRow(p.id(), "child_parts = ?, children_snapshot = NULL", ChildRows.ALL_PARTS);
        counter.start();
        assertThat(adapters.projects().load(p.id()).orElseThrow().snapshot()).isEqualTo(p.snapshot());
        assertThat(counter.statements()).contains("findChildren");

        adapters.transactions().inTransaction(() -> {
            Project loaded = adapters.projects().load(p.id()).orElseThrow();
            adapters.projects().update(loaded);
            return null;
        });
        assertThat(queryLong("SELECT child_parts FROM project WHERE id = ?", p.id().value())).isEqualTo(parts);
        assertThat(queryLong("SELECT COUNT(*) FROM project WHERE id = ? AND children_snapshot IS NOT NULL",
                p.id().value())).isEqualTo(1);
    }

    @Test
    @DisplayName("报送进度报告只写项目行、一条进度报告和从被满足的期限起的期限行")
    void aProgressReportWritesFourStatements() {
        List<StepCost> costs = new ArrayList<>();
        Lifecycles.fullLife(newUnit(), saveAsAUseCase(costs));
        StepCost report = costs.stream().filter(c -> c.progressReports() == 1).findFirst().orElseThrow();
        assertThat(report.update())
                .containsExactly("updateProject", "insertProgressReports", "deleteDeadlines", "insertDeadlines");
    }

    @Test
    @DisplayName("PostgreSQL上一次保存的所有写入一次发送（项目行在前）；H2上逐条执行")
    void onPostgreSqlASaveIsOneRoundTrip() {
        List<List<List<String>>> batchesPerSave = new ArrayList<>();
        Lifecycles.fullLife(newUnit(), project -> {
            if (project.version() == 0) {
                adapters.projects().insert(project);
                return;
            }
            adapters.transactions().inTransaction(() -> {
                adapters.projects().load(project.id()).orElseThrow();
                counter.start();
                adapters.projects().update(project);
                batchesPerSave.add(counter.batches());
                return null;
            });
        });
        assertThat(batchesPerSave).hasSizeGreaterThan(10);
        if (database.settings().isPostgreSql()) {
            assertThat(batchesPerSave).allSatisfy(batches -> {
                assertThat(batches).hasSize(1);
                assertThat(batches.get(0)).first().isEqualTo("updateProject");
            });
            assertThat(batchesPerSave).anySatisfy(batches -> assertThat(batches.get(0)).hasSizeGreaterThan(2));
        } else {
            assertThat(batchesPerSave).allSatisfy(batches -> assertThat(batches).isEmpty());
        }
    }

    @Test
    @DisplayName("逐表读取和全部重写的方式（对照基准）与之存储完全相同的数据")
    void thePerTableBaselineStoresTheSame() {
        PersistenceAdapters reference = perTable();
        Project p = Lifecycles.fullLife(newUnit(), project -> {
            if (project.version() == 0) {
                reference.projects().insert(project);
            } else {
                reference.transactions().inTransaction(() -> {
                    reference.projects().load(project.id()).orElseThrow();
                    counter.start();
                    reference.projects().update(project);
                    assertThat(counter.statements()).contains("deleteBudgetLines", "deleteDeadlines");
                    return null;
                });
            }
            assertThat(adapters.projects().load(project.id()).orElseThrow().snapshot())
                    .isEqualTo(project.snapshot());
        });
        counter.start();
        reference.projects().load(p.id());
        assertThat(counter.statements()).hasSize(25);
    }

    @Test
    @DisplayName("同一事务中连续两次保存同一项目，第二次在第一次的基础上只写变化的部分")
    void twoSavesInOneTransaction() {
        Project p = Lifecycles.plannedWithExceptions(newUnit(), project -> {
            if (project.version() == 0) {
                adapters.projects().insert(project);
            } else {
                adapters.projects().update(project);
            }
        });
        assertThat(p.deadlines()).hasSizeGreaterThan(1);
        Project last = adapters.transactions().inTransaction(() -> {
            Project loaded = adapters.projects().load(p.id()).orElseThrow();
            List<Deadline> deadlines = new ArrayList<>(loaded.deadlines());
            deadlines.set(1, deadlines.get(1).isOpen() ? deadlines.get(1).metOn(LocalDate.of(2025, 2, 1))
                    : Deadline.open(deadlines.get(1).id(), deadlines.get(1).kind(), null, deadlines.get(1).start(),
                    deadlines.get(1).due(), false));
            Project first = Snapshots.with(loaded, loaded.state(), deadlines);
            counter.start();
            adapters.projects().update(first);
            assertThat(counter.statements()).containsExactly("updateProject", "deleteDeadlines", "insertDeadlines");
            Project second = Snapshots.with(first, first.state(), first.deadlines().subList(0, 1));
            counter.start();
            adapters.projects().update(second);
            assertThat(counter.statements()).containsExactly("updateProject", "deleteDeadlines");
            return second;
        });
        assertThat(adapters.projects().load(p.id()).orElseThrow().snapshot()).isEqualTo(last.snapshot());
        assertThat(last.version()).isEqualTo(p.version() + 2);
        assertThat(last.deadlines()).hasSize(1);
    }

    @Test
    @DisplayName("事务回滚后不再沿用其中记住的行：下一个事务读取并保存的结果仍然准确")
    void rememberedRowsEndWithTheTransaction() {
        Project p = Project.draft(ProjectId.random(), newUnit(),
                Lifecycles.profile("回滚后再保存", 2025, false, Category.BUSINESS_SYSTEM), Lifecycles.PACK.id(),
                LocalDate.of(2024, 7, 1));
        adapters.projects().insert(p);
        IllegalStateException boom = new IllegalStateException("boom");
        assertThatThrownBy(() -> adapters.transactions().inTransaction(() -> {
            Project loaded = adapters.projects().load(p.id()).orElseThrow();
            loaded.editDraft(ProjectStoreContractTest.withName(loaded.profile(), "回滚的名称"), Lifecycles.PACK);
            adapters.projects().update(loaded);
            throw boom;
        })).isSameAs(boom);

        Project saved = adapters.transactions().inTransaction(() -> {
            Project loaded = adapters.projects().load(p.id()).orElseThrow();
            assertThat(loaded.version()).isEqualTo(1);
            loaded.editDraft(ProjectStoreContractTest.withName(loaded.profile(), "提交的名称"), Lifecycles.PACK);
            adapters.projects().update(loaded);
            return loaded;
        });
        assertThat(adapters.projects().load(p.id()).orElseThrow().snapshot()).isEqualTo(saved.snapshot());
        assertThat(saved.profile().name()).isEqualTo("提交的名称");
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
