package cn.egov.projects.persistence.project;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Writes a project's child rows: all of them ({@link #deleteAll} then {@link #insertAll}), or only what differs
 * from the rows the project was loaded with ({@link #writeChanges}).
 *
 * <p>A list is stored with {@code seq} 0, 1, 2, … in its order, so two versions of a list agree up to the first
 * position where they differ: {@link #writeChanges} deletes the stored rows from there on (with the lists inside
 * them, ON DELETE CASCADE) and inserts the new rows from there on. Appending a progress report is then one insert;
 * meeting a deadline and opening the next one rewrites the deadlines from the met one on. An optional part is
 * deleted and inserted again only when it changed.
 */
public final class ChildWrites {

    private ChildWrites() {
    }

    /** Removes every child row of a project (lists inside lists go with their parents: ON DELETE CASCADE). */
    public static void deleteAll(ProjectDao dao, UUID id) {
        dao.deleteBudgetLines(id, 0);
        dao.deleteScopeItems(id, 0);
        dao.deletePerformanceGoals(id, 0);
        dao.deletePeople(id);
        dao.deleteReviews(id, 0);
        dao.deleteFundingOpinion(id);
        dao.deleteApproval(id);
        dao.deletePlanInclusion(id);
        dao.deleteImplementationPlan(id);
        dao.deletePreProcurementReviews(id, 0);
        dao.deleteContracts(id, 0);
        dao.deleteProgressReports(id, 0);
        dao.deleteChangeRequests(id, 0);
        dao.deleteSituationReports(id, 0);
        dao.deleteSecurityReviews(id, 0);
        dao.deleteSelfInspection(id);
        dao.deleteAcceptances(id, 0);
        dao.deleteTermination(id);
        dao.deleteDeadlines(id, 0);
    }

    /** Inserts every child row of a project that has none stored. */
    public static void insertAll(ProjectDao dao, ProjectRows rows) {
        insertList(rows.budgetLines(), dao::insertBudgetLines);
        insertList(rows.scopeItems(), dao::insertScopeItems);
        insertList(rows.performanceGoals(), dao::insertPerformanceGoals);
        insertList(rows.people(), dao::insertPeople);
        insertList(rows.reviews(), dao::insertReviews);
        insertList(rows.reviewExperts(), dao::insertReviewExperts);
        insertSingle(rows.fundingOpinion(), dao::insertFundingOpinion);
        insertSingle(rows.approval(), dao::insertApproval);
        insertSingle(rows.planInclusion(), dao::insertPlanInclusion);
        if (rows.implementationPlan() != null) {
            dao.insertImplementationPlan(rows.implementationPlan());
            insertList(rows.implementationScopeItems(), dao::insertImplementationScopeItems);
        }
        insertList(rows.preProcurementReviews(), dao::insertPreProcurementReviews);
        insertList(rows.contracts(), dao::insertContracts);
        insertList(rows.progressReports(), dao::insertProgressReports);
        insertList(rows.changeRequests(), dao::insertChangeRequests);
        insertList(rows.changeScopeItems(), dao::insertChangeScopeItems);
        insertList(rows.situationReports(), dao::insertSituationReports);
        insertList(rows.securityReviews(), dao::insertSecurityReviews);
        insertSingle(rows.selfInspection(), dao::insertSelfInspection);
        insertList(rows.acceptances(), dao::insertAcceptances);
        insertList(rows.acceptanceExperts(), dao::insertAcceptanceExperts);
        insertList(rows.acceptanceDocuments(), dao::insertAcceptanceDocuments);
        insertSingle(rows.termination(), dao::insertTermination);
        insertList(rows.deadlines(), dao::insertDeadlines);
    }

    /**
     * Turns the stored child rows {@code before} (exactly what the database holds for the project) into
     * {@code after}, touching only the tables and positions that differ.
     */
    public static void writeChanges(ProjectDao dao, ProjectRows before, ProjectRows after) {
        UUID id = after.project().id();
        if (!before.project().id().equals(id)) {
            throw new IllegalArgumentException("rows of two projects: " + before.project().id() + ", " + id);
        }
        list(before.budgetLines(), after.budgetLines(), from -> dao.deleteBudgetLines(id, from),
                dao::insertBudgetLines);
        list(before.scopeItems(), after.scopeItems(), from -> dao.deleteScopeItems(id, from), dao::insertScopeItems);
        list(before.performanceGoals(), after.performanceGoals(), from -> dao.deletePerformanceGoals(id, from),
                dao::insertPerformanceGoals);
        if (!before.people().equals(after.people())) {
            dao.deletePeople(id);
            insertList(after.people(), dao::insertPeople);
        }
        listWithNested(before.reviews(), after.reviews(), from -> dao.deleteReviews(id, from), dao::insertReviews,
                new Nested(before.reviewExperts(), after.reviewExperts(), dao::insertReviewExperts));
        single(before.fundingOpinion(), after.fundingOpinion(), () -> dao.deleteFundingOpinion(id),
                dao::insertFundingOpinion);
        single(before.approval(), after.approval(), () -> dao.deleteApproval(id), dao::insertApproval);
        single(before.planInclusion(), after.planInclusion(), () -> dao.deletePlanInclusion(id),
                dao::insertPlanInclusion);
        if (!Objects.equals(before.implementationPlan(), after.implementationPlan())
                || !before.implementationScopeItems().equals(after.implementationScopeItems())) {
            if (before.implementationPlan() != null) {
                dao.deleteImplementationPlan(id);
            }
            if (after.implementationPlan() != null) {
                dao.insertImplementationPlan(after.implementationPlan());
                insertList(after.implementationScopeItems(), dao::insertImplementationScopeItems);
            }
        }
        list(before.preProcurementReviews(), after.preProcurementReviews(),
                from -> dao.deletePreProcurementReviews(id, from), dao::insertPreProcurementReviews);
        list(before.contracts(), after.contracts(), from -> dao.deleteContracts(id, from), dao::insertContracts);
        list(before.progressReports(), after.progressReports(), from -> dao.deleteProgressReports(id, from),
                dao::insertProgressReports);
        listWithNested(before.changeRequests(), after.changeRequests(), from -> dao.deleteChangeRequests(id, from),
                dao::insertChangeRequests,
                new Nested(before.changeScopeItems(), after.changeScopeItems(), dao::insertChangeScopeItems));
        list(before.situationReports(), after.situationReports(), from -> dao.deleteSituationReports(id, from),
                dao::insertSituationReports);
        list(before.securityReviews(), after.securityReviews(), from -> dao.deleteSecurityReviews(id, from),
                dao::insertSecurityReviews);
        single(before.selfInspection(), after.selfInspection(), () -> dao.deleteSelfInspection(id),
                dao::insertSelfInspection);
        listWithNested(before.acceptances(), after.acceptances(), from -> dao.deleteAcceptances(id, from),
                dao::insertAcceptances,
                new Nested(before.acceptanceExperts(), after.acceptanceExperts(), dao::insertAcceptanceExperts),
                new Nested(before.acceptanceDocuments(), after.acceptanceDocuments(), dao::insertAcceptanceDocuments));
        single(before.termination(), after.termination(), () -> dao.deleteTermination(id), dao::insertTermination);
        list(before.deadlines(), after.deadlines(), from -> dao.deleteDeadlines(id, from), dao::insertDeadlines);
    }

    // ---------------------------------------------------------------- parts

    /** The rows of a list inside the elements of another list, before and after, keyed by the element's seq. */
    private record Nested(List<NestedItemRow> before, List<NestedItemRow> after,
                          Consumer<List<NestedItemRow>> insert) {

        /** The seq of the first element whose inner list differs; {@link Integer#MAX_VALUE} when none does. */
        int firstAffectedParent() {
            int common = Math.min(before.size(), after.size());
            for (int i = 0; i < common; i++) {
                if (!before.get(i).equals(after.get(i))) {
                    return Math.min(before.get(i).parentSeq(), after.get(i).parentSeq());
                }
            }
            if (before.size() > common) {
                return before.get(common).parentSeq();
            }
            if (after.size() > common) {
                return after.get(common).parentSeq();
            }
            return Integer.MAX_VALUE;
        }

        void insertFrom(int parentSeq) {
            insertList(after.stream().filter(r -> r.parentSeq() >= parentSeq).toList(), insert);
        }
    }

    private static <R> void list(List<R> before, List<R> after, IntConsumer deleteFrom, Consumer<List<R>> insert) {
        listWithNested(before, after, deleteFrom, insert);
    }

    private static <R> void listWithNested(List<R> before, List<R> after, IntConsumer deleteFrom,
                                           Consumer<List<R>> insert, Nested... nested) {
        int from = firstDifference(before, after);
        for (Nested n : nested) {
            from = Math.min(from, n.firstAffectedParent());
        }
        if (from >= before.size() && from >= after.size()) {
            return;
        }
        if (from < before.size()) {
            deleteFrom.accept(from);
        }
        if (from < after.size()) {
            insert.accept(after.subList(from, after.size()));
        }
        for (Nested n : nested) {
            n.insertFrom(from);
        }
    }

    private static <R> int firstDifference(List<R> before, List<R> after) {
        int common = Math.min(before.size(), after.size());
        for (int i = 0; i < common; i++) {
            if (!before.get(i).equals(after.get(i))) {
                return i;
            }
        }
        return common;
    }

    private static <R> void single(R before, R after, Runnable delete, Consumer<R> insert) {
        if (Objects.equals(before, after)) {
            return;
        }
        if (before != null) {
            delete.run();
        }
        insertSingle(after, insert);
    }

    private static <R> void insertList(List<R> rows, Consumer<List<R>> insert) {
        if (!rows.isEmpty()) {
            insert.accept(rows);
        }
    }

    private static <R> void insertSingle(R row, Consumer<R> insert) {
        if (row != null) {
            insert.accept(row);
        }
    }
}
