package cn.egov.projects.persistence;

import cn.egov.projects.application.error.ConcurrentChangeException;
import cn.egov.projects.application.fake.FixedClock;
import cn.egov.projects.application.fake.People;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.FileContractCommand;
import cn.egov.projects.application.port.in.ReportProgressCommand;
import cn.egov.projects.application.port.in.StartReviewCommand;
import cn.egov.projects.application.port.in.SubmitImplementationPlanCommand;
import cn.egov.projects.application.port.in.TransitionResult;
import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.application.port.out.AuditTrailPort;
import cn.egov.projects.application.port.out.LoadProjectPort;
import cn.egov.projects.application.port.out.ReminderPort;
import cn.egov.projects.application.service.ApprovalService;
import cn.egov.projects.application.service.ImplementationService;
import cn.egov.projects.application.service.Ports;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.calendar.WorkingDayCalendar;
import cn.egov.projects.domain.deadline.Deadline;
import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.policy.PolicyHistory;
import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.project.UnitId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real use cases (the application's services) over the real adapters: one transaction per use case, so a
 * failure after the state change and before the commit leaves no trace — no state change, no audit record, no
 * reminder — and two people acting on one project at once never silently overwrite each other.
 *
 * <p>The reminders are recorded by a {@link ReminderPort} of this test that writes, with plain JDBC through
 * {@code Database.transactionAwareDataSource()}, into a table of its own — as the reminder engine does — and can
 * be told to fail after writing.
 */
abstract class UseCaseContractTest extends PersistenceContractTest {

    private static final int RACES = 25;

    private final FixedClock clock = new FixedClock(LocalDate.of(2025, 1, 20));

    @BeforeAll
    void createTheReminderLog() throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE test_reminder_log (project_id UUID NOT NULL, deadline_id UUID NOT NULL,"
                    + " change VARCHAR(10) NOT NULL)");
        }
    }

    // ---------------------------------------------------------------- wiring

    /** Writes one row per deadline opened or closed, in the use case's transaction; fails afterwards on demand. */
    private final class LoggingReminders implements ReminderPort {
        private final boolean failAfterWriting;

        LoggingReminders(boolean failAfterWriting) {
            this.failAfterWriting = failAfterWriting;
        }

        @Override
        public void deadlinesChanged(Project project, List<Deadline> opened, List<Deadline> closed) {
            try (Connection c = database.transactionAwareDataSource().getConnection();
                 PreparedStatement ps = c.prepareStatement(
                         "INSERT INTO test_reminder_log (project_id, deadline_id, change) VALUES (?, ?, ?)")) {
                for (Deadline d : opened) {
                    add(ps, project, d, "OPENED");
                }
                for (Deadline d : closed) {
                    add(ps, project, d, "CLOSED");
                }
                ps.executeBatch();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            if (failAfterWriting) {
                throw new ReminderFailure();
            }
        }

        private void add(PreparedStatement ps, Project project, Deadline d, String change) throws SQLException {
            ps.setObject(1, project.id().value());
            ps.setObject(2, d.id());
            ps.setString(3, change);
            ps.addBatch();
        }
    }

    /** The failure injected after the state change and before the commit. */
    private static final class ReminderFailure extends RuntimeException {
        ReminderFailure() {
            super("the reminder engine failed inside the use case's transaction");
        }
    }

    /** Appends the record, then fails: the audit record is written, the commit never comes. */
    private final class FailingAudit implements AuditTrailPort {
        @Override
        public void append(AuditRecord record) {
            adapters.auditTrail().append(record);
            throw new AuditFailure();
        }

        @Override
        public List<AuditRecord> forProject(String projectId) {
            return adapters.auditTrail().forProject(projectId);
        }
    }

    private static final class AuditFailure extends RuntimeException {
        AuditFailure() {
            super("the audit trail failed after appending");
        }
    }

    private Ports ports(LoadProjectPort load, AuditTrailPort audit, ReminderPort reminders) {
        WorkingDayCalendar calendar = WorkingDayCalendar.official();
        PolicyHistory policies = PolicyHistory.of(PolicyPacks.taicang());
        return new Ports(load, adapters.projects(), adapters.projects(), adapters.windows(), audit, reminders, clock,
                () -> calendar, () -> policies, adapters.transactions());
    }

    private Ports ports(ReminderPort reminders) {
        return ports(adapters.projects(), adapters.auditTrail(), reminders);
    }

    /** Loads through the real adapter, then waits for the other thread to have loaded too: a real race. */
    private LoadProjectPort racingLoad(CyclicBarrier bothLoaded) {
        return id -> {
            Optional<Project> project = adapters.projects().load(id);
            try {
                bothLoaded.await(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the other thread never loaded", e);
            }
            return project;
        };
    }

    // ---------------------------------------------------------------- data

    /** A stored copy of the full-life journey's project at the first step that reaches {@code state}. */
    private Project storedAt(ProjectState state) {
        UnitId unit = new UnitId("UC-" + UUID.randomUUID().toString().substring(0, 8));
        Project[] captured = new Project[1];
        Consumer<Project> capture = p -> {
            if (captured[0] == null && p.state() == state) {
                captured[0] = p.copy();
            }
        };
        Lifecycles.fullLife(unit, capture);
        Project project = captured[0];
        adapters.projects().insert(project);
        return project;
    }

    private static Caller staffOf(Project project) {
        return People.caller("staff-" + project.unit().code(), Role.UNIT_STAFF, project.unit());
    }

    private long reminderRows(ProjectId project) {
        return queryLong("SELECT COUNT(*) FROM test_reminder_log WHERE project_id = ?", project.value());
    }

    private SubmitImplementationPlanCommand planCommand(Project project) {
        return new SubmitImplementationPlanCommand(project.id(), project.version(),
                List.of("平台软件开发", "数据治理", "等保测评"), Money.yuan("850000.00"), "按季度推进");
    }

    // ---------------------------------------------------------------- atomicity

    @Test
    @DisplayName("用例正常结束时状态变更、操作记录和提醒一并提交")
    void aUseCaseCommitsItsStateChangeAuditAndReminders() {
        clock.set(LocalDate.of(2025, 1, 20));
        Project planned = storedAt(ProjectState.PLANNED);
        ImplementationService service = new ImplementationService(ports(new LoggingReminders(false)));

        TransitionResult result = service.submitImplementationPlan(staffOf(planned), planCommand(planned));

        assertThat(result.state()).isEqualTo(ProjectState.IMPLEMENTING);
        Project stored = adapters.projects().load(planned.id()).orElseThrow();
        assertThat(stored.state()).isEqualTo(ProjectState.IMPLEMENTING);
        assertThat(stored.version()).isEqualTo(planned.version() + 1);
        assertThat(adapters.auditTrail().forProject(planned.id().toString())).singleElement()
                .satisfies(a -> {
                    assertThat(a.fromState()).isEqualTo(ProjectState.PLANNED);
                    assertThat(a.toState()).isEqualTo(ProjectState.IMPLEMENTING);
                });
        assertThat(reminderRows(planned.id())).isEqualTo(1);
    }

    @Test
    @DisplayName("提醒在状态变更之后、提交之前失败：项目、操作记录、提醒都不留痕迹")
    void aFailingReminderLeavesNoTrace() {
        clock.set(LocalDate.of(2025, 1, 20));
        Project planned = storedAt(ProjectState.PLANNED);
        Project.Snapshot before = adapters.projects().load(planned.id()).orElseThrow().snapshot();
        ImplementationService service = new ImplementationService(ports(new LoggingReminders(true)));

        assertThatThrownBy(() -> service.submitImplementationPlan(staffOf(planned), planCommand(planned)))
                .isInstanceOf(ReminderFailure.class);

        Project stored = adapters.projects().load(planned.id()).orElseThrow();
        assertThat(stored.snapshot()).isEqualTo(before);
        assertThat(stored.state()).isEqualTo(ProjectState.PLANNED);
        assertThat(stored.deadlines()).filteredOn(d -> d.kind() == DeadlineKind.IMPL_PLAN)
                .singleElement().satisfies(d -> assertThat(d.isOpen()).isTrue());
        assertThat(adapters.auditTrail().forProject(planned.id().toString())).isEmpty();
        assertThat(reminderRows(planned.id())).isZero();

        // and the same use case goes through afterwards, from the untouched version
        new ImplementationService(ports(new LoggingReminders(false)))
                .submitImplementationPlan(staffOf(planned), planCommand(planned));
        assertThat(adapters.projects().load(planned.id()).orElseThrow().state()).isEqualTo(ProjectState.IMPLEMENTING);
        assertThat(reminderRows(planned.id())).isEqualTo(1);
    }

    @Test
    @DisplayName("操作记录写入后用例失败：项目、操作记录都不留痕迹")
    void aFailureAfterTheAuditRecordLeavesNoTrace() {
        clock.set(LocalDate.of(2025, 1, 20));
        Project planned = storedAt(ProjectState.PLANNED);
        Project.Snapshot before = adapters.projects().load(planned.id()).orElseThrow().snapshot();
        ImplementationService service = new ImplementationService(
                ports(adapters.projects(), new FailingAudit(), new LoggingReminders(false)));

        assertThatThrownBy(() -> service.submitImplementationPlan(staffOf(planned), planCommand(planned)))
                .isInstanceOf(AuditFailure.class);

        assertThat(adapters.projects().load(planned.id()).orElseThrow().snapshot()).isEqualTo(before);
        assertThat(adapters.auditTrail().forProject(planned.id().toString())).isEmpty();
        assertThat(reminderRows(planned.id())).isZero();
    }

    // ---------------------------------------------------------------- concurrency

    /** Runs the two calls at once and returns their outcomes: the result, or the exception thrown. */
    private static List<Object> race(ExecutorService pool, Callable<TransitionResult> first,
                                     Callable<TransitionResult> second) throws Exception {
        List<Future<Object>> futures = new ArrayList<>();
        for (Callable<TransitionResult> call : List.of(first, second)) {
            futures.add(pool.submit(() -> {
                try {
                    return call.call();
                } catch (RuntimeException e) {
                    return e;
                }
            }));
        }
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> f : futures) {
            outcomes.add(f.get(60, TimeUnit.SECONDS));
        }
        return outcomes;
    }

    @Test
    @DisplayName("两人同时按同一版本组织评审：一人成功，另一人得到并发修改异常，只有一条操作记录")
    void theSameTransitionTwiceAtOnceSucceedsOnce() throws Exception {
        clock.set(LocalDate.of(2024, 10, 10));
        CyclicBarrier bothLoaded = new CyclicBarrier(2);
        ApprovalService racing = new ApprovalService(ports(racingLoad(bothLoaded), adapters.auditTrail(),
                new LoggingReminders(false)));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < RACES; i++) {
                Project declared = storedAt(ProjectState.DECLARED);
                StartReviewCommand command = new StartReviewCommand(declared.id(), declared.version());
                Caller one = People.caller("bdb-1", Role.BDB_OFFICER, People.BUREAU);
                Caller two = People.caller("bdb-2", Role.BDB_OFFICER, People.BUREAU);

                List<Object> outcomes = race(pool, () -> racing.startReview(one, command),
                        () -> racing.startReview(two, command));

                assertThat(outcomes).as("race %d", i)
                        .filteredOn(TransitionResult.class::isInstance).hasSize(1);
                assertThat(outcomes).as("race %d", i)
                        .filteredOn(ConcurrentChangeException.class::isInstance).hasSize(1);
                TransitionResult won = (TransitionResult) outcomes.stream()
                        .filter(TransitionResult.class::isInstance).findFirst().orElseThrow();
                Project stored = adapters.projects().load(declared.id()).orElseThrow();
                assertThat(stored.state()).isEqualTo(ProjectState.UNDER_REVIEW);
                assertThat(stored.version()).isEqualTo(declared.version() + 1).isEqualTo(won.version());
                List<AuditRecord> audit = adapters.auditTrail().forProject(declared.id().toString());
                assertThat(audit).singleElement().satisfies(a -> {
                    assertThat(a.toState()).isEqualTo(ProjectState.UNDER_REVIEW);
                    assertThat(a.userId()).isEqualTo(outcomes.get(0) instanceof TransitionResult ? "bdb-1" : "bdb-2");
                });
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("两人同时对同一项目办理不同事项：一人成功、另一人得到并发修改异常，存储的正是胜者的结果，没有丢失更新")
    void twoDifferentTransitionsAtOnceLoseNoUpdate() throws Exception {
        clock.set(LocalDate.of(2025, 3, 18));
        CyclicBarrier bothLoaded = new CyclicBarrier(2);
        ImplementationService racing = new ImplementationService(ports(racingLoad(bothLoaded),
                adapters.auditTrail(), new LoggingReminders(false)));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < RACES; i++) {
                Project contracted = storedAt(ProjectState.CONTRACTED);
                Caller staff = staffOf(contracted);
                // no expected version: only the optimistic save stands between the two
                BiFunction<Caller, ProjectId, TransitionResult> report = (c, id) -> racing.reportProgress(c,
                        new ReportProgressCommand(id, null, 30, "完成需求分析与设计"));
                BiFunction<Caller, ProjectId, TransitionResult> file = (c, id) -> racing.fileContract(c,
                        new FileContractCommand(id, null, "HT-2025-001"));

                List<Object> outcomes = race(pool, () -> report.apply(staff, contracted.id()),
                        () -> file.apply(staff, contracted.id()));

                assertThat(outcomes).as("race %d", i)
                        .filteredOn(TransitionResult.class::isInstance).hasSize(1);
                assertThat(outcomes).as("race %d", i)
                        .filteredOn(ConcurrentChangeException.class::isInstance).hasSize(1);
                boolean reportWon = outcomes.get(0) instanceof TransitionResult;
                Project stored = adapters.projects().load(contracted.id()).orElseThrow();
                assertThat(stored.version()).isEqualTo(contracted.version() + 1);
                Project.Snapshot s = stored.snapshot();
                assertThat(s.progressReports()).hasSize(reportWon ? 1 : 0);
                assertThat(s.contracts().get(0).filedOn()).isEqualTo(reportWon ? null : LocalDate.of(2025, 3, 18));
                assertThat(adapters.auditTrail().forProject(contracted.id().toString())).hasSize(1);
                assertThat(reminderRows(contracted.id())).isEqualTo(reportWon ? 2 : 1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
