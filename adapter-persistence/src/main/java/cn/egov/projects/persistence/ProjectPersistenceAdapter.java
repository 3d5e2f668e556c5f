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
import cn.egov.projects.persistence.project.ListCriteria;
import cn.egov.projects.persistence.project.ProjectDao;
import cn.egov.projects.persistence.project.ProjectRow;
import cn.egov.projects.persistence.project.ProjectRows;
import cn.egov.projects.persistence.project.ProjectSummaryRow;
import org.apache.ibatis.exceptions.PersistenceException;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Projects in the database ({@link LoadProjectPort}, {@link SaveProjectPort}, {@link ListProjectsPort}): the
 * {@code project} row and its child tables, in the use case's transaction when one is open.
 *
 * <p>{@link #insert} stores a new project at version 1. {@link #update} is optimistic: it updates the row only where
 * the stored version is still the project's ({@code WHERE id = ? AND version = ?}), then replaces the child rows; when
 * no row matched it throws {@link ConcurrentChangeException} before anything was written. Both call
 * {@link Project#markSaved} with the new version.
 */
public final class ProjectPersistenceAdapter implements LoadProjectPort, SaveProjectPort, ListProjectsPort {

    private final Sessions sessions;

    ProjectPersistenceAdapter(Sessions sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public Optional<Project> load(ProjectId id) {
        Objects.requireNonNull(id, "id");
        return sessions.call(session -> read(session.getMapper(ProjectDao.class), id.value()))
                .map(rows -> Project.restore(rows.toSnapshot()));
    }

    @Override
    public void insert(Project project) {
        ProjectRows rows = ProjectRows.of(project.snapshot(), 1);
        try {
            sessions.call(session -> {
                ProjectDao dao = session.getMapper(ProjectDao.class);
                dao.insertProject(rows.project());
                writeChildren(dao, rows);
                return null;
            });
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
        long next = expected + 1;
        ProjectRows rows = ProjectRows.of(project.snapshot(), next);
        try {
            sessions.call(session -> {
                ProjectDao dao = session.getMapper(ProjectDao.class);
                if (dao.updateProject(rows.project(), expected) != 1) {
                    throw new ConcurrentChangeException("project " + project.id()
                            + " is no longer at version " + expected);
                }
                deleteChildren(dao, rows.project().id());
                writeChildren(dao, rows);
                return null;
            });
        } catch (PersistenceException e) {
            if (SqlErrors.isConcurrencyConflict(e)) {
                throw new ConcurrentChangeException("project " + project.id() + " is being changed by another request");
            }
            throw e;
        }
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

    private static Optional<ProjectRows> read(ProjectDao dao, UUID id) {
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

    /** Removes every child row of a project (lists inside lists go with their parents: ON DELETE CASCADE). */
    private static void deleteChildren(ProjectDao dao, UUID id) {
        dao.deleteBudgetLines(id);
        dao.deleteScopeItems(id);
        dao.deletePerformanceGoals(id);
        dao.deletePeople(id);
        dao.deleteReviews(id);
        dao.deleteFundingOpinion(id);
        dao.deleteApproval(id);
        dao.deletePlanInclusion(id);
        dao.deleteImplementationPlan(id);
        dao.deletePreProcurementReviews(id);
        dao.deleteContracts(id);
        dao.deleteProgressReports(id);
        dao.deleteChangeRequests(id);
        dao.deleteSituationReports(id);
        dao.deleteSecurityReviews(id);
        dao.deleteSelfInspection(id);
        dao.deleteAcceptances(id);
        dao.deleteTermination(id);
        dao.deleteDeadlines(id);
    }

    private static void writeChildren(ProjectDao dao, ProjectRows rows) {
        if (!rows.budgetLines().isEmpty()) {
            dao.insertBudgetLines(rows.budgetLines());
        }
        if (!rows.scopeItems().isEmpty()) {
            dao.insertScopeItems(rows.scopeItems());
        }
        if (!rows.performanceGoals().isEmpty()) {
            dao.insertPerformanceGoals(rows.performanceGoals());
        }
        if (!rows.people().isEmpty()) {
            dao.insertPeople(rows.people());
        }
        if (!rows.reviews().isEmpty()) {
            dao.insertReviews(rows.reviews());
        }
        if (!rows.reviewExperts().isEmpty()) {
            dao.insertReviewExperts(rows.reviewExperts());
        }
        if (rows.fundingOpinion() != null) {
            dao.insertFundingOpinion(rows.fundingOpinion());
        }
        if (rows.approval() != null) {
            dao.insertApproval(rows.approval());
        }
        if (rows.planInclusion() != null) {
            dao.insertPlanInclusion(rows.planInclusion());
        }
        if (rows.implementationPlan() != null) {
            dao.insertImplementationPlan(rows.implementationPlan());
            if (!rows.implementationScopeItems().isEmpty()) {
                dao.insertImplementationScopeItems(rows.implementationScopeItems());
            }
        }
        if (!rows.preProcurementReviews().isEmpty()) {
            dao.insertPreProcurementReviews(rows.preProcurementReviews());
        }
        if (!rows.contracts().isEmpty()) {
            dao.insertContracts(rows.contracts());
        }
        if (!rows.progressReports().isEmpty()) {
            dao.insertProgressReports(rows.progressReports());
        }
        if (!rows.changeRequests().isEmpty()) {
            dao.insertChangeRequests(rows.changeRequests());
        }
        if (!rows.changeScopeItems().isEmpty()) {
            dao.insertChangeScopeItems(rows.changeScopeItems());
        }
        if (!rows.situationReports().isEmpty()) {
            dao.insertSituationReports(rows.situationReports());
        }
        if (!rows.securityReviews().isEmpty()) {
            dao.insertSecurityReviews(rows.securityReviews());
        }
        if (rows.selfInspection() != null) {
            dao.insertSelfInspection(rows.selfInspection());
        }
        if (!rows.acceptances().isEmpty()) {
            dao.insertAcceptances(rows.acceptances());
        }
        if (!rows.acceptanceExperts().isEmpty()) {
            dao.insertAcceptanceExperts(rows.acceptanceExperts());
        }
        if (!rows.acceptanceDocuments().isEmpty()) {
            dao.insertAcceptanceDocuments(rows.acceptanceDocuments());
        }
        if (rows.termination() != null) {
            dao.insertTermination(rows.termination());
        }
        if (!rows.deadlines().isEmpty()) {
            dao.insertDeadlines(rows.deadlines());
        }
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
