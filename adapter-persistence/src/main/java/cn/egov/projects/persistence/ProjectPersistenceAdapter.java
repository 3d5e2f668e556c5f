package cn.egov.projects.persistence;

import cn.egov.projects.application.error.ConcurrentChangeException;
import cn.egov.projects.application.port.out.ListProjectsPort;
import cn.egov.projects.application.port.out.LoadProjectPort;
import cn.egov.projects.application.view.Page;
import cn.egov.projects.application.view.ProjectListFilter;
import cn.egov.projects.application.port.out.ProjectListScope;
import cn.egov.projects.application.view.ProjectSummary;
import cn.egov.projects.application.port.out.SaveProjectPort;
import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.persistence.mybatis.Sessions;
import cn.egov.projects.persistence.mybatis.SqlErrors;
import cn.egov.projects.persistence.mybatis.WriteBatch;
import cn.egov.projects.persistence.project.ChildRow;
import cn.egov.projects.persistence.project.ChildRows;
import cn.egov.projects.persistence.project.ChildWrites;
import cn.egov.projects.persistence.project.ChildrenSnapshot;
import cn.egov.projects.persistence.project.ListCriteria;
import cn.egov.projects.persistence.project.ProjectDao;
import cn.egov.projects.persistence.project.ProjectRow;
import cn.egov.projects.persistence.project.ProjectRows;
import cn.egov.projects.persistence.project.ProjectSummaryRow;
import cn.egov.projects.persistence.project.StoredProject;
import org.apache.ibatis.exceptions.PersistenceException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Projects in the database ({@link LoadProjectPort}, {@link SaveProjectPort}, {@link ListProjectsPort}): the
 * {@code project} row and its child tables, in the use case's transaction when one is open.
 *
 * <p>{@link #insert} stores a new project at version 1. {@link #update} is optimistic: it updates the row only where
 * the stored version is still the project's ({@code WHERE id = ? AND version = ?}), then writes the child rows; when
 * no row matched it throws {@link ConcurrentChangeException} before anything was written. Both call
 * {@link Project#markSaved} with the new version.
 *
 * <p>Reading and writing as {@link Strategy#INCREMENTAL} (the default): a project is loaded in one statement, its row
 * with the {@link ChildrenSnapshot} of its child rows that every save writes into it. A row without one (written
 * before the snapshot existed, or by the per-table baseline) is loaded in two: its row, then its child rows in one
 * {@code UNION ALL} over the tables its row's {@code child_parts} says hold rows.
 * On H2 the child tables are read one plain {@code SELECT} each instead: H2 keeps a session's parsed statements for
 * reuse only when they are plain selects — never a {@code UNION} — so the one large statement would be parsed again
 * on every load, which costs more than the in-process calls it saves.
 * Inside a transaction the rows it was loaded with are remembered under (id, version) until the transaction ends,
 * and an update of that version writes only the child rows that differ from them (see {@link ChildWrites}). That is
 * exact because the update succeeds only while the stored version is still the loaded one, and every write of a
 * project's rows goes through here and raises its version: whatever else writes a project's tables must raise its
 * version too. Without remembered rows (an update outside a transaction, or of a project not loaded in it) every
 * child table is rewritten.
 */
public final class ProjectPersistenceAdapter implements LoadProjectPort, SaveProjectPort, ListProjectsPort {

    /** How projects are read and written. */
    enum Strategy {
        /** One statement per child table on load; every child table deleted and inserted again on update. */
        PER_TABLE,
        /** Two statements on load; on update only the child rows that changed since the load in this transaction. */
        INCREMENTAL
    }

    private final Sessions sessions;
    private final Strategy strategy;
    /**
     * Whether the database is H2: then the child tables are read one statement each rather than in one
     * {@code UNION ALL}, and an update's writes run one by one rather than as one {@link WriteBatch}.
     */
    private final boolean h2;

    ProjectPersistenceAdapter(Sessions sessions, Strategy strategy, boolean h2) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        this.h2 = h2;
    }

    @Override
    public Optional<Project> load(ProjectId id) {
        Objects.requireNonNull(id, "id");
        return sessions.call(session -> {
            ProjectDao dao = session.getMapper(ProjectDao.class);
            Optional<ProjectRows> rows = strategy == Strategy.INCREMENTAL
                    ? readAtOnce(dao, id.value(), h2)
                    : readPerTable(dao, id.value());
            rows.ifPresent(this::remember);
            return rows;
        }).map(rows -> Project.restore(rows.toSnapshot()));
    }

    @Override
    public void insert(Project project) {
        ProjectRows rows = ProjectRows.of(project.snapshot(), 1);
        try {
            sessions.call(session -> {
                ProjectDao dao = session.getMapper(ProjectDao.class);
                dao.insertProject(rows.project(), snapshotOf(rows));
                ChildWrites.insertAll(dao, rows);
                return null;
            });
        } catch (PersistenceException e) {
            forget(project.id().value());
            if (SqlErrors.isUniqueViolation(e)) {
                throw new ConcurrentChangeException("project " + project.id() + " already exists");
            }
            throw e;
        }
        remember(rows);
        project.markSaved(1);
    }

    @Override
    public void update(Project project) {
        long expected = project.version();
        long next = expected + 1;
        ProjectRows rows = ProjectRows.of(project.snapshot(), next);
        UUID id = rows.project().id();
        ProjectRows stored = remembered(id, expected);
        try {
            sessions.call(session -> {
                // on PostgreSQL the row and its child rows go in one round trip, the row's update first: when it
                // matched no row the child writes are rolled back with the transaction this exception ends
                WriteBatch batch = h2 ? null : new WriteBatch(session.getConfiguration());
                ProjectDao dao = batch == null ? session.getMapper(ProjectDao.class) : batch.recorder(ProjectDao.class);
                int updated = dao.updateProject(rows.project(), expected, snapshotOf(rows));
                if (batch == null && updated != 1) {
                    throw conflict(project, expected);
                }
                if (stored == null) {
                    ChildWrites.deleteAll(dao, id);
                    ChildWrites.insertAll(dao, rows);
                } else {
                    ChildWrites.writeChanges(dao, stored, rows);
                }
                if (batch != null && batch.execute(session) != 1) {
                    throw conflict(project, expected);
                }
                return null;
            });
        } catch (PersistenceException e) {
            forget(id);
            if (SqlErrors.isConcurrencyConflict(e)) {
                throw new ConcurrentChangeException("project " + project.id() + " is being changed by another request");
            }
            if (!h2 && (SqlErrors.isUniqueViolation(e) || SqlErrors.isForeignKeyViolation(e))
                    && !isStoredAt(id, expected)) {
                // in a batch the child writes run even when the row's update matched nothing (another request
                // saved first, or the project is gone) and then collide with what is stored
                throw new ConcurrentChangeException("project " + project.id() + " is no longer at version "
                        + expected + " (" + SqlErrors.sqlState(e).orElse("?") + ")");
            }
            throw e;
        } catch (RuntimeException e) {
            forget(id);
            throw e;
        }
        remember(rows);
        project.markSaved(next);
    }

    @Override
    public Page<ProjectSummary> list(ProjectListScope scope, ProjectListFilter filter, int page, int size) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(filter, "filter");
        if (page < 1 || size < 1) {
            throw new IllegalArgumentException("page and size start at 1: page " + page + ", size " + size);
        }
        ListCriteria criteria = new ListCriteria(
                scope.unit().map(UnitId::code).orElse(null),
                scope.allClassified(),
                uuids(scope.classifiedAllowed()),
                scope.onlyThese().map(ProjectPersistenceAdapter::uuids).orElse(null),
                filter.planYear().orElse(null),
                filter.unit().map(UnitId::code).orElse(null),
                filter.state().orElse(null),
                filter.category().orElse(null),
                size,
                (long) (page - 1) * size);
        return sessions.call(session -> {
            ProjectDao dao = session.getMapper(ProjectDao.class);
            long total = dao.count(criteria);
            List<ProjectSummary> items = dao.list(criteria).stream().map(ProjectPersistenceAdapter::summary).toList();
            return new Page<>(items, page, size, total);
        });
    }

    // ---------------------------------------------------------------- rows

    /** Whether the committed row of the project is at the version (read apart from the failed transaction). */
    private boolean isStoredAt(UUID id, long version) {
        ProjectRow row = sessions.callApart(session -> session.getMapper(ProjectDao.class).findProject(id));
        return row != null && row.version() == version;
    }

    private static ConcurrentChangeException conflict(Project project, long expected) {
        return new ConcurrentChangeException("project " + project.id() + " is no longer at version " + expected);
    }

    /** The children's snapshot a save writes: the incremental adapter's; the per-table baseline keeps none. */
    private byte[] snapshotOf(ProjectRows rows) {
        return strategy == Strategy.INCREMENTAL ? ChildrenSnapshot.of(rows) : null;
    }

    /**
     * Gives the projects without a usable children's snapshot (rows written before the snapshot existed, or by an
     * older format, or whose version was raised besides the application) one, each read from its child tables; a
     * project saved meanwhile keeps the snapshot its save wrote. Each project in a short transaction of its own.
     *
     * @return how many projects got a snapshot
     */
    public int fillChildrenSnapshots(Collection<ProjectId> ids) {
        int filled = 0;
        for (ProjectId id : ids) {
            filled += sessions.call(session -> {
                ProjectDao dao = session.getMapper(ProjectDao.class);
                StoredProject stored = dao.findStoredProject(id.value());
                if (stored == null || ChildrenSnapshot.decode(stored.childrenSnapshot(), id.value(),
                        stored.project().version()).isPresent()) {
                    return 0;
                }
                ProjectRows rows = readTables(dao, stored.project(), h2);
                return dao.fillChildrenSnapshot(id.value(), rows.project().version(), ChildrenSnapshot.of(rows));
            });
        }
        return filled;
    }

    private static Optional<ProjectRows> readAtOnce(ProjectDao dao, UUID id, boolean partByPart) {
        StoredProject stored = dao.findStoredProject(id);
        if (stored == null) {
            return Optional.empty();
        }
        Optional<List<ChildRow>> snapshot = ChildrenSnapshot.decode(stored.childrenSnapshot(), id,
                stored.project().version());
        if (snapshot.isPresent()) {
            return Optional.of(ChildRows.assemble(stored.project(), snapshot.get()));
        }
        return Optional.of(readTables(dao, stored.project(), partByPart));
    }

    /** The rows of a project read from the child tables its {@code child_parts} name. */
    private static ProjectRows readTables(ProjectDao dao, ProjectRow project, boolean partByPart) {
        UUID id = project.id();
        int parts = project.childParts();
        if (parts == 0) {
            return ChildRows.assemble(project, List.of());
        }
        if (!partByPart) {
            return ChildRows.assemble(project, dao.findChildren(id, parts));
        }
        List<ChildRow> children = new ArrayList<>();
        for (int rest = parts; rest != 0; rest &= rest - 1) {
            children.addAll(dao.findChildren(id, Integer.lowestOneBit(rest)));
        }
        return ChildRows.assemble(project, children);
    }

    private static Optional<ProjectRows> readPerTable(ProjectDao dao, UUID id) {
        ProjectRow project = dao.findProject(id);
        if (project == null) {
            return Optional.empty();
        }
        return Optional.of(new ProjectRows(
                project,
                dao.findBudgetLines(id),
                dao.findScopeItems(id),
                dao.findPerformanceGoals(id),
                dao.findPeople(id),
                dao.findReviews(id),
                dao.findReviewExperts(id),
                dao.findFundingOpinion(id),
                dao.findApproval(id),
                dao.findPlanInclusion(id),
                dao.findImplementationPlan(id),
                dao.findImplementationScopeItems(id),
                dao.findPreProcurementReviews(id),
                dao.findContracts(id),
                dao.findProgressReports(id),
                dao.findChangeRequests(id),
                dao.findChangeScopeItems(id),
                dao.findSituationReports(id),
                dao.findSecurityReviews(id),
                dao.findSelfInspection(id),
                dao.findAcceptances(id),
                dao.findAcceptanceExperts(id),
                dao.findAcceptanceDocuments(id),
                dao.findTermination(id),
                dao.findDeadlines(id)));
    }

    // ---------------------------------------------------------------- rows remembered in the transaction

    /** The rows of the projects loaded or saved in one transaction, by id; each entry holds its version's rows. */
    private static final class Remembered {
        final Map<UUID, ProjectRows> byId = new HashMap<>();
    }

    private Optional<Remembered> transactionMemory() {
        if (strategy != Strategy.INCREMENTAL) {
            return Optional.empty();
        }
        return sessions.transactionResource(this, Remembered.class, Remembered::new);
    }

    private void remember(ProjectRows rows) {
        transactionMemory().ifPresent(m -> m.byId.put(rows.project().id(), rows));
    }

    private void forget(UUID id) {
        transactionMemory().ifPresent(m -> m.byId.remove(id));
    }

    /** The rows the project was loaded or saved with in this transaction at {@code version}, or null. */
    private ProjectRows remembered(UUID id, long version) {
        return transactionMemory()
                .map(m -> m.byId.get(id))
                .filter(rows -> rows.project().version() == version)
                .orElse(null);
    }

    private static ProjectSummary summary(ProjectSummaryRow row) {
        return new ProjectSummary(new ProjectId(row.id()), new UnitId(row.unit()), row.name(), row.planYear(),
                row.state(), row.category(), row.nature(), row.classified(), Money.of(row.totalInvestment()),
                row.createdOn(), row.version());
    }

    private static List<UUID> uuids(Set<ProjectId> ids) {
        return ids.stream().map(ProjectId::value).sorted(Comparator.naturalOrder()).toList();
    }
}
