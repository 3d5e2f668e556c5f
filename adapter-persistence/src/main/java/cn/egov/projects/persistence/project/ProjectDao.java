package cn.egov.projects.persistence.project;

import org.apache.ibatis.annotations.Param;

import java.util.List;
import java.util.UUID;

/**
 * The MyBatis mapper of projects ({@code ProjectDao.xml}). Children are read all at once ({@link #findChildren}) or
 * table by table, ordered by their position; the {@code insert…} methods of lists must not be called with an empty
 * list.
 */
public interface ProjectDao {

    // ---------------------------------------------------------------- the project row

    ProjectRow findProject(@Param("id") UUID id);

    /** @param childrenSnapshot the {@link ChildrenSnapshot} of the project's rows, or null for none */
    void insertProject(@Param("row") ProjectRow row, @Param("childrenSnapshot") byte[] childrenSnapshot);

    /** Sets every column from {@code row} where the stored version is {@code expectedVersion}; 0 when it is not. */
    int updateProject(@Param("row") ProjectRow row, @Param("expectedVersion") long expectedVersion,
                      @Param("childrenSnapshot") byte[] childrenSnapshot);

    /** The project row with its children's snapshot (null when it has none). */
    StoredProject findStoredProject(@Param("id") UUID id);

    /** Gives a project a children's snapshot read from its tables, if it is still at {@code version}; 1 if so. */
    int fillChildrenSnapshot(@Param("id") UUID id, @Param("version") long version,
                             @Param("childrenSnapshot") byte[] childrenSnapshot);

    List<ProjectSummaryRow> list(ListCriteria criteria);

    long count(ListCriteria criteria);

    // ---------------------------------------------------------------- reading the children

    /**
     * Every child row of the project in the parts {@code parts} names, in one statement (see {@link ChildRows}), in
     * no particular order; {@code parts} must not be 0.
     */
    List<ChildRow> findChildren(@Param("id") UUID id, @Param("parts") int parts);

    // one statement per table: what {@link ChildRows#assemble} must equal (and the baseline the benchmark measures)

    List<BudgetLineRow> findBudgetLines(@Param("id") UUID id);

    List<ItemRow> findScopeItems(@Param("id") UUID id);

    List<ItemRow> findPerformanceGoals(@Param("id") UUID id);

    List<PersonRow> findPeople(@Param("id") UUID id);

    List<ReviewRow> findReviews(@Param("id") UUID id);

    List<NestedItemRow> findReviewExperts(@Param("id") UUID id);

    FundingOpinionRow findFundingOpinion(@Param("id") UUID id);

    ApprovalRow findApproval(@Param("id") UUID id);

    PlanInclusionRow findPlanInclusion(@Param("id") UUID id);

    ImplementationPlanRow findImplementationPlan(@Param("id") UUID id);

    List<ItemRow> findImplementationScopeItems(@Param("id") UUID id);

    List<PreProcurementReviewRow> findPreProcurementReviews(@Param("id") UUID id);

    List<ContractRow> findContracts(@Param("id") UUID id);

    List<ProgressReportRow> findProgressReports(@Param("id") UUID id);

    List<ChangeRequestRow> findChangeRequests(@Param("id") UUID id);

    List<NestedItemRow> findChangeScopeItems(@Param("id") UUID id);

    List<SituationReportRow> findSituationReports(@Param("id") UUID id);

    List<SecurityReviewRow> findSecurityReviews(@Param("id") UUID id);

    SelfInspectionRow findSelfInspection(@Param("id") UUID id);

    List<AcceptanceRow> findAcceptances(@Param("id") UUID id);

    List<NestedItemRow> findAcceptanceExperts(@Param("id") UUID id);

    List<NestedItemRow> findAcceptanceDocuments(@Param("id") UUID id);

    TerminationRow findTermination(@Param("id") UUID id);

    List<DeadlineRow> findDeadlines(@Param("id") UUID id);

    // ---------------------------------------------------------------- removing children before writing them again
    // (a list's rows from fromSeq on, 0 for all; the lists inside lists go with their parent rows: ON DELETE CASCADE)

    void deleteBudgetLines(@Param("id") UUID id, @Param("fromSeq") int fromSeq);

    void deleteScopeItems(@Param("id") UUID id, @Param("fromSeq") int fromSeq);

    void deletePerformanceGoals(@Param("id") UUID id, @Param("fromSeq") int fromSeq);

    void deletePeople(@Param("id") UUID id);

    void deleteReviews(@Param("id") UUID id, @Param("fromSeq") int fromSeq);

    void deleteFundingOpinion(@Param("id") UUID id);

    void deleteApproval(@Param("id") UUID id);

    void deletePlanInclusion(@Param("id") UUID id);

    void deleteImplementationPlan(@Param("id") UUID id);

    void deletePreProcurementReviews(@Param("id") UUID id, @Param("fromSeq") int fromSeq);

    void deleteContracts(@Param("id") UUID id, @Param("fromSeq") int fromSeq);

    void deleteProgressReports(@Param("id") UUID id, @Param("fromSeq") int fromSeq);

    void deleteChangeRequests(@Param("id") UUID id, @Param("fromSeq") int fromSeq);

    void deleteSituationReports(@Param("id") UUID id, @Param("fromSeq") int fromSeq);

    void deleteSecurityReviews(@Param("id") UUID id, @Param("fromSeq") int fromSeq);

    void deleteSelfInspection(@Param("id") UUID id);

    void deleteAcceptances(@Param("id") UUID id, @Param("fromSeq") int fromSeq);

    void deleteTermination(@Param("id") UUID id);

    void deleteDeadlines(@Param("id") UUID id, @Param("fromSeq") int fromSeq);

    // ---------------------------------------------------------------- writing the children

    void insertBudgetLines(@Param("rows") List<BudgetLineRow> rows);

    void insertScopeItems(@Param("rows") List<ItemRow> rows);

    void insertPerformanceGoals(@Param("rows") List<ItemRow> rows);

    void insertPeople(@Param("rows") List<PersonRow> rows);

    void insertReviews(@Param("rows") List<ReviewRow> rows);

    void insertReviewExperts(@Param("rows") List<NestedItemRow> rows);

    void insertFundingOpinion(FundingOpinionRow row);

    void insertApproval(ApprovalRow row);

    void insertPlanInclusion(PlanInclusionRow row);

    void insertImplementationPlan(ImplementationPlanRow row);

    void insertImplementationScopeItems(@Param("rows") List<ItemRow> rows);

    void insertPreProcurementReviews(@Param("rows") List<PreProcurementReviewRow> rows);

    void insertContracts(@Param("rows") List<ContractRow> rows);

    void insertProgressReports(@Param("rows") List<ProgressReportRow> rows);

    void insertChangeRequests(@Param("rows") List<ChangeRequestRow> rows);

    void insertChangeScopeItems(@Param("rows") List<NestedItemRow> rows);

    void insertSituationReports(@Param("rows") List<SituationReportRow> rows);

    void insertSecurityReviews(@Param("rows") List<SecurityReviewRow> rows);

    void insertSelfInspection(SelfInspectionRow row);

    void insertAcceptances(@Param("rows") List<AcceptanceRow> rows);

    void insertAcceptanceExperts(@Param("rows") List<NestedItemRow> rows);

    void insertAcceptanceDocuments(@Param("rows") List<NestedItemRow> rows);

    void insertTermination(TerminationRow row);

    void insertDeadlines(@Param("rows") List<DeadlineRow> rows);
}
