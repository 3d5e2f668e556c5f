package cn.egov.projects.persistence;

import cn.egov.projects.application.error.ConcurrentChangeException;
import cn.egov.projects.application.port.out.ListProjectsPort;
import cn.egov.projects.application.port.out.LoadProjectPort;
import cn.egov.projects.application.view.Page;
import cn.egov.projects.application.view.ProjectListFilter;
import cn.egov.projects.application.port.out.ProjectListScope;
import cn.egov.projects.application.view.ProjectSummary;
import cn.egov.projects.application.port.out.SaveProjectPort;
import cn.egov.projects.domain.deadline.Deadline;
import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.persistence.crypto.FieldCipher;
import cn.egov.projects.persistence.mybatis.Sessions;
import cn.egov.projects.persistence.mybatis.SqlErrors;
import cn.egov.projects.persistence.project.DeadlineRow;
import cn.egov.projects.persistence.project.DocumentText;
import cn.egov.projects.persistence.project.ListCriteria;
import cn.egov.projects.persistence.project.ProjectDao;
import cn.egov.projects.persistence.project.ProjectDocuments;
import cn.egov.projects.persistence.project.ProjectRow;
import cn.egov.projects.persistence.project.ProjectSummaryRow;
import cn.egov.projects.persistence.project.StoredProject;
import org.apache.ibatis.exceptions.PersistenceException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Projects in the database ({@link LoadProjectPort}, {@link SaveProjectPort}, {@link ListProjectsPort}): each
 * project one {@code project} row holding its {@link ProjectDocuments document} and the columns queries need, and
 * one {@code deadline} row per deadline, in the use case's transaction when one is open.
 *
 * <p>{@link #load} reads the row's document in one statement. {@link #insert} stores a new project at version 1.
 * {@link #update} is optimistic: one {@code UPDATE … SET document = ?, version = version + 1, … WHERE id = ? AND
 * version = ?}; when it matches no row it throws {@link ConcurrentChangeException} before anything else is written.
 * When the transaction loaded or saved the project at that version and the row's other columns ({@link
 * ProjectRow.Columns}) are as the snapshot says, the update writes only the state and the document (most steps
 * change nothing else). Otherwise the deadline rows are brought in line with the document in the same transaction:
 * only those that differ from the stored rows are written (most saves change one deadline or none). The stored rows are those of
 * the document as this transaction loaded or saved it at the version the update found (the rows are always
 * derived from the document in the transaction that writes it), and are read only when this transaction did
 * neither. Both call {@link Project#markSaved} with the new version.
 *
 * <p>Whatever else writes a project's row or deadline rows must keep them derived from its document, as
 * {@link ProjectRow#of} and {@link DeadlineRow#of} derive them.
 */
public final class ProjectPersistenceAdapter implements LoadProjectPort, SaveProjectPort, ListProjectsPort {

    private final Sessions sessions;
    private final FieldCipher cipher;
    private final boolean rememberRecords;

    /**
     * @param rememberRecords whether a document's records are written {@link ProjectDocuments#write(Project.Snapshot,
     *                        FieldCipher, boolean) remembering their JSON}: where the database gives a document back
     *                        as it was written, so that the next save of the project finds the same records again
     */
    ProjectPersistenceAdapter(Sessions sessions, FieldCipher cipher, boolean rememberRecords) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.rememberRecords = rememberRecords;
    }

    @Override
    public Optional<Project> load(ProjectId id) {
        Objects.requireNonNull(id, "id");
        StoredProject stored = sessions.call(session -> session.getMapper(ProjectDao.class).findProject(id.value()));
        if (stored == null) {
            return Optional.empty();
        }
        Known known = documents.get(id.value());
        Project.Snapshot snapshot;
        if (known != null && known.version() == stored.version() && known.document().sameAs(stored.document())) {
            snapshot = known.snapshot(); // the very document read or written here before: not parsed again
        } else {
            snapshot = ProjectDocuments.read(id.value(), stored.version(), stored.document(), cipher);
            documentsRead.increment();
            keepOnceCommitted(id.value(), stored.version(), stored.document(), snapshot);
        }
        remember(id.value(), stored.version(), snapshot);
        Project project = Project.restore(snapshot);
        project.markSaved(stored.version());
        return Optional.of(project);
    }

    /**
     * Some projects' documents as this process last read or wrote them, with what they read as, so that loading the
     * very same text again (same version, equal text: a change behind the application's back shows) skips parsing
     * and decrypting it. Kept only after the commit, so that a rolled-back save is never taken for the stored one.
     * PostgreSQL gives a JSONB document back in its own layout, so there only a document read before is found again.
     * Bounded: emptied when full.
     */
    private final Map<UUID, Known> documents = new java.util.concurrent.ConcurrentHashMap<>();

    private final java.util.concurrent.atomic.LongAdder documentsRead = new java.util.concurrent.atomic.LongAdder();

    /** How many projects' documents {@link #documents} holds at most. */
    static final int DOCUMENTS_KEPT = 512;

    private record Known(long version, DocumentText document, Project.Snapshot snapshot) {
    }

    private void keepOnceCommitted(UUID id, long version, DocumentText document, Project.Snapshot snapshot) {
        sessions.afterCommit(() -> {
            if (documents.size() >= DOCUMENTS_KEPT) {
                documents.clear();
            }
            documents.merge(id, new Known(version, document, snapshot),
                    (old, now) -> now.version() >= old.version() ? now : old);
        });
    }

    /** Whether this adapter's saves remember their records' JSON: for tests. */
    boolean remembersRecords() {
        return rememberRecords;
    }

    /** How many documents this adapter has parsed (not found in {@link #documents}): for tests. */
    long documentsRead() {
        return documentsRead.sum();
    }

    /**
     * What is stored of each project this transaction loaded or saved, by project: its deadline rows and its row's
     * columns besides the state and the document, at a version.
     */
    private record Stored(long version, List<DeadlineRow> deadlines, ProjectRow.Columns columns) {
    }

    private static final Object STORED_DEADLINES = new Object();

    @SuppressWarnings("unchecked")
    private Optional<Map<UUID, Stored>> storedInThisTransaction() {
        return sessions.transactionResource(STORED_DEADLINES, Map.class, HashMap::new).map(m -> (Map<UUID, Stored>) m);
    }

    /**
     * How many projects' rows a transaction keeps: a use case loads one or a few; a transaction that reads many
     * (a report, a pass over every project) keeps the first ones only, and a save of another reads its rows.
     */
    static final int REMEMBERED_PER_TRANSACTION = 32;

    private void remember(UUID id, long version, Project.Snapshot snapshot) {
        storedInThisTransaction().ifPresent(m -> remember(m, id, new Stored(version, deadlineRows(snapshot),
                ProjectRow.Columns.of(snapshot))));
    }

    private static void remember(Map<UUID, Stored> known, UUID id, Stored stored) {
        if (known.size() < REMEMBERED_PER_TRANSACTION || known.containsKey(id)) {
            known.put(id, stored);
        }
    }

    @Override
    public void insert(Project project) {
        Project.Snapshot snapshot = project.snapshot();
        ProjectRow row = ProjectRow.of(snapshot, cipher, rememberRecords);
        List<DeadlineRow> deadlines = deadlineRows(snapshot);
        try {
            sessions.call(session -> {
                ProjectDao dao = session.getMapper(ProjectDao.class);
                dao.insertProject(row);
                insertDeadlines(session, dao, deadlines);
                return null;
            });
            storedInThisTransaction().ifPresent(m -> remember(m, row.id(), new Stored(1, deadlines,
                    ProjectRow.Columns.of(snapshot))));
            keepOnceCommitted(row.id(), 1, row.document(), snapshot);
        } catch (PersistenceException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new ConcurrentChangeException("project " + project.id() + " already exists");
            }
            throw e;
        }
        project.markSaved(1);
    }

    @Override
    public void update(Project project) {
        long expected = project.version();
        Project.Snapshot snapshot = project.snapshot();
        UUID id = snapshot.id().value();
        DocumentText document = ProjectDocuments.write(snapshot, cipher, rememberRecords);
        ProjectRow.Columns columns = ProjectRow.Columns.of(snapshot);
        List<DeadlineRow> deadlines = deadlineRows(snapshot);
        Optional<Map<UUID, Stored>> known = storedInThisTransaction();
        // taken out while the rows are written: put back only once they are
        Stored before = known.map(m -> m.remove(id)).orElse(null);
        Stored stored = before != null && before.version() == expected ? before : null;
        try {
            sessions.call(session -> {
                ProjectDao dao = session.getMapper(ProjectDao.class);
                // the columns of the version this transaction knows are derived from its document: when they are
                // what this snapshot says, the row differs in its state and document only (most steps)
                int updated = stored != null && stored.columns().equals(columns)
                        ? dao.updateStateAndDocument(new ProjectRow.StateAndDocument(id, expected, snapshot.state(),
                        document))
                        : dao.updateProject(ProjectRow.of(snapshot, cipher, document));
                if (updated != 1) {
                    throw new ConcurrentChangeException("project " + project.id() + " is no longer at version "
                            + expected);
                }
                writeDeadlines(session, dao, id, stored != null ? stored.deadlines() : dao.findDeadlines(id),
                        deadlines);
                return null;
            });
            known.ifPresent(m -> remember(m, id, new Stored(expected + 1, deadlines, columns)));
            keepOnceCommitted(id, expected + 1, document, snapshot);
        } catch (PersistenceException e) {
            if (SqlErrors.isConcurrencyConflict(e)) {
                throw new ConcurrentChangeException("project " + project.id() + " is being changed by another request");
            }
            throw e;
        }
        project.markSaved(expected + 1);
    }

    @Override
    public Page<ProjectSummary> list(ProjectListScope scope, ProjectListFilter filter, int page, int size) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(filter, "filter");
        if (page < 1 || size < 1) {
            throw new IllegalArgumentException("page and size start at 1: page " + page + ", size " + size);
        }
        String[] text = ListCriteria.textPatterns(filter.text().orElse(null));
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
                (long) (page - 1) * size,
                scope.drafts(), text[0], text[1], text[2]);
        return sessions.call(session -> {
            ProjectDao dao = session.getMapper(ProjectDao.class);
            long total = dao.count(criteria);
            List<ProjectSummary> items = dao.list(criteria).stream().map(ProjectPersistenceAdapter::summary).toList();
            return new Page<>(items, page, size, total);
        });
    }

    // ---------------------------------------------------------------- deadline rows

    private static List<DeadlineRow> deadlineRows(Project.Snapshot snapshot) {
        UUID id = snapshot.id().value();
        List<Deadline> deadlines = snapshot.deadlines();
        List<DeadlineRow> rows = new ArrayList<>(deadlines.size());
        for (int seq = 0; seq < deadlines.size(); seq++) {
            rows.add(DeadlineRow.of(id, seq, deadlines.get(seq)));
        }
        return rows;
    }

    /**
     * Makes the project's deadline rows, {@code storedRows}, equal {@code wanted}: deletes the rows of deadlines the
     * project no longer has, rewrites those that changed and inserts the new ones. When a row would take a place
     * ({@code seq}) that another kept row still holds (deadlines reordered), every row is deleted and inserted again
     * instead, as the places are unique per project.
     */
    /**
     * Inserts deadline rows: on a database server several in one statement (one round trip); in the embedded database,
     * which runs each in process, row by row with one static statement (a statement built for each number of rows
     * costs more to build and parse than the rows to insert).
     */
    private static void insertDeadlines(org.apache.ibatis.session.SqlSession session, ProjectDao dao,
                                        List<DeadlineRow> rows) {
        if (rows.size() == 1 || (rows.size() > 1 && "h2".equals(session.getConfiguration().getDatabaseId()))) {
            rows.forEach(dao::insertDeadline);
        } else if (!rows.isEmpty()) {
            dao.insertDeadlines(rows);
        }
    }

    private static void writeDeadlines(org.apache.ibatis.session.SqlSession session, ProjectDao dao, UUID projectId,
                                       List<DeadlineRow> storedRows, List<DeadlineRow> wanted) {
        Map<UUID, DeadlineRow> stored = new HashMap<>();
        for (DeadlineRow row : storedRows) {
            stored.put(row.id(), row);
        }
        Set<UUID> wantedIds = new HashSet<>();
        List<DeadlineRow> changed = new ArrayList<>();
        List<DeadlineRow> added = new ArrayList<>();
        for (DeadlineRow row : wanted) {
            wantedIds.add(row.id());
            DeadlineRow before = stored.get(row.id());
            if (before == null) {
                added.add(row);
            } else if (!before.equals(row)) {
                changed.add(row);
            }
        }
        List<UUID> removed = stored.keySet().stream().filter(id -> !wantedIds.contains(id)).sorted().toList();
        Set<Integer> keptPlaces = new HashSet<>();
        stored.values().stream().filter(row -> wantedIds.contains(row.id())).forEach(row -> keptPlaces.add(row.seq()));
        boolean placesMove = changed.stream().anyMatch(row -> stored.get(row.id()).seq() != row.seq())
                || added.stream().anyMatch(row -> keptPlaces.contains(row.seq()));
        if (!placesMove) {
            if (!removed.isEmpty()) {
                dao.deleteDeadlines(projectId, removed);
            }
            // a row not where the stored rows said (changed besides the application): every row is written anew
            placesMove = !changed.stream().allMatch(row -> dao.updateDeadline(row) == 1);
        }
        if (placesMove) {
            dao.deleteAllDeadlines(projectId);
            insertDeadlines(session, dao, wanted);
            return;
        }
        insertDeadlines(session, dao, added);
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
