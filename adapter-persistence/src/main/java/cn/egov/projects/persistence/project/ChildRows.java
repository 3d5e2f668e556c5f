package cn.egov.projects.persistence.project;

import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.project.ChangeRequest;
import cn.egov.projects.domain.project.SecurityReview;
import cn.egov.projects.domain.project.SituationReport;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Puts a project's rows together from the {@link ChildRow}s of {@code ProjectDao.findChildren}: the part numbers
 * below are the ones the statement gives each child table, and each part's slots are read back into its row
 * record. The result equals what one statement per table reads (a test compares the two on every journey).
 * {@link #partsOf} gives the bits of {@code project.child_parts}: which parts hold rows, and so which tables
 * {@code findChildren} reads.
 */
public final class ChildRows {

    static final int BUDGET_LINE = 1;
    static final int SCOPE_ITEM = 2;
    static final int PERFORMANCE_GOAL = 3;
    static final int PERSON = 4;
    static final int REVIEW = 5;
    static final int REVIEW_EXPERT = 6;
    static final int FUNDING_OPINION = 7;
    static final int APPROVAL = 8;
    static final int PLAN_INCLUSION = 9;
    static final int IMPLEMENTATION_PLAN = 10;
    static final int IMPLEMENTATION_SCOPE_ITEM = 11;
    static final int PRE_PROCUREMENT_REVIEW = 12;
    static final int CONTRACT = 13;
    static final int PROGRESS_REPORT = 14;
    static final int CHANGE_REQUEST = 15;
    static final int CHANGE_SCOPE_ITEM = 16;
    static final int SITUATION_REPORT = 17;
    static final int SECURITY_REVIEW = 18;
    static final int SELF_INSPECTION = 19;
    static final int ACCEPTANCE = 20;
    static final int ACCEPTANCE_EXPERT = 21;
    static final int ACCEPTANCE_DOCUMENT = 22;
    static final int TERMINATION = 23;
    static final int DEADLINE = 24;

    /** Every part: what a project row written before {@code child_parts} existed says (read every table). */
    public static final int ALL_PARTS = (1 << DEADLINE) - 1;

    private static final Comparator<ChildRow> ORDER = Comparator.comparingInt(ChildRow::part)
            .thenComparingInt(ChildRow::parentSeq)
            .thenComparingInt(ChildRow::seq);

    private ChildRows() {
    }

    /** The rows of the project whose {@code project} row is {@code project} and whose child rows are {@code rows}. */
    public static ProjectRows assemble(ProjectRow project, List<ChildRow> rows) {
        UUID id = project.id();
        List<ChildRow> sorted = new ArrayList<>(rows);
        sorted.sort(ORDER);

        List<BudgetLineRow> budgetLines = new ArrayList<>();
        List<ItemRow> scopeItems = new ArrayList<>();
        List<ItemRow> performanceGoals = new ArrayList<>();
        List<PersonRow> people = new ArrayList<>();
        List<ReviewRow> reviews = new ArrayList<>();
        List<NestedItemRow> reviewExperts = new ArrayList<>();
        FundingOpinionRow fundingOpinion = null;
        ApprovalRow approval = null;
        PlanInclusionRow planInclusion = null;
        ImplementationPlanRow implementationPlan = null;
        List<ItemRow> implementationScopeItems = new ArrayList<>();
        List<PreProcurementReviewRow> preProcurementReviews = new ArrayList<>();
        List<ContractRow> contracts = new ArrayList<>();
        List<ProgressReportRow> progressReports = new ArrayList<>();
        List<ChangeRequestRow> changeRequests = new ArrayList<>();
        List<NestedItemRow> changeScopeItems = new ArrayList<>();
        List<SituationReportRow> situationReports = new ArrayList<>();
        List<SecurityReviewRow> securityReviews = new ArrayList<>();
        SelfInspectionRow selfInspection = null;
        List<AcceptanceRow> acceptances = new ArrayList<>();
        List<NestedItemRow> acceptanceExperts = new ArrayList<>();
        List<NestedItemRow> acceptanceDocuments = new ArrayList<>();
        TerminationRow termination = null;
        List<DeadlineRow> deadlines = new ArrayList<>();

        for (ChildRow r : sorted) {
            switch (r.part()) {
                case BUDGET_LINE -> budgetLines.add(new BudgetLineRow(id, r.seq(), r.s1(), r.n1(), flag(r.b1())));
                case SCOPE_ITEM -> scopeItems.add(new ItemRow(id, r.seq(), r.s1()));
                case PERFORMANCE_GOAL -> performanceGoals.add(new ItemRow(id, r.seq(), r.s1()));
                case PERSON -> people.add(new PersonRow(id, r.s1(), r.s2(), r.s3(), r.s4()));
                case REVIEW -> reviews.add(new ReviewRow(id, r.seq(), r.d1(), flag(r.b1()), r.s1()));
                case REVIEW_EXPERT -> reviewExperts.add(new NestedItemRow(id, r.parentSeq(), r.seq(), r.s1()));
                case FUNDING_OPINION -> fundingOpinion = new FundingOpinionRow(id, r.d1(), r.n1(), r.s1());
                case APPROVAL -> approval = new ApprovalRow(id, r.d1(), r.n1(), r.s1());
                case PLAN_INCLUSION -> planInclusion = new PlanInclusionRow(id, r.d1(), r.i1(), flag(r.b1()), r.s1());
                case IMPLEMENTATION_PLAN -> implementationPlan = new ImplementationPlanRow(id, r.d1(), r.n1(), r.s1());
                case IMPLEMENTATION_SCOPE_ITEM -> implementationScopeItems.add(new ItemRow(id, r.seq(), r.s1()));
                case PRE_PROCUREMENT_REVIEW -> preProcurementReviews.add(
                        new PreProcurementReviewRow(id, r.seq(), r.d1(), flag(r.b1()), r.s1()));
                case CONTRACT -> contracts.add(
                        new ContractRow(id, r.seq(), r.s1(), r.s2(), r.n1(), r.d1(), r.d2(), r.d3()));
                case PROGRESS_REPORT -> progressReports.add(
                        new ProgressReportRow(id, r.seq(), r.d1(), r.i1(), r.s1()));
                case CHANGE_REQUEST -> changeRequests.add(new ChangeRequestRow(id, r.seq(), r.u1(), r.d1(), r.s1(),
                        r.n1(), r.s2() == null ? null : ChangeRequest.Status.valueOf(r.s2()), r.d2(), r.s3()));
                case CHANGE_SCOPE_ITEM -> changeScopeItems.add(new NestedItemRow(id, r.parentSeq(), r.seq(), r.s1()));
                case SITUATION_REPORT -> situationReports.add(new SituationReportRow(id, r.seq(), r.d1(),
                        r.s1() == null ? null : SituationReport.Kind.valueOf(r.s1()), r.s2(), flag(r.b1()),
                        flag(r.b2())));
                case SECURITY_REVIEW -> securityReviews.add(new SecurityReviewRow(id, r.seq(), r.d1(),
                        r.s1() == null ? null : SecurityReview.Kind.valueOf(r.s1()), flag(r.b1()), r.s2()));
                case SELF_INSPECTION -> selfInspection = new SelfInspectionRow(id, r.d1(), r.s1(), r.s2(), r.s3());
                case ACCEPTANCE -> acceptances.add(
                        new AcceptanceRow(id, r.seq(), r.d1(), flag(r.b1()), r.s1(), flag(r.b2())));
                case ACCEPTANCE_EXPERT -> acceptanceExperts.add(
                        new NestedItemRow(id, r.parentSeq(), r.seq(), r.s1()));
                case ACCEPTANCE_DOCUMENT -> acceptanceDocuments.add(
                        new NestedItemRow(id, r.parentSeq(), r.seq(), r.s1()));
                case TERMINATION -> termination = new TerminationRow(id, r.d1(), r.s1(), r.s2(), r.d2(), r.n1());
                case DEADLINE -> deadlines.add(new DeadlineRow(r.u1(), id, r.seq(), DeadlineKind.valueOf(r.s1()),
                        r.s2(), r.d1(), r.d2(), flag(r.b1()), r.d3(), r.s3()));
                default -> throw new IllegalStateException("unknown part " + r.part() + " of project " + id);
            }
        }
        return new ProjectRows(project, budgetLines, scopeItems, performanceGoals, people, reviews, reviewExperts,
                fundingOpinion, approval, planInclusion, implementationPlan, implementationScopeItems,
                preProcurementReviews, contracts, progressReports, changeRequests, changeScopeItems, situationReports,
                securityReviews, selfInspection, acceptances, acceptanceExperts, acceptanceDocuments, termination,
                deadlines);
    }

    /** The bits of the parts that hold rows: bit {@code n - 1} for part {@code n}. */
    public static int partsOf(ProjectRows r) {
        int parts = 0;
        parts |= bit(BUDGET_LINE, !r.budgetLines().isEmpty());
        parts |= bit(SCOPE_ITEM, !r.scopeItems().isEmpty());
        parts |= bit(PERFORMANCE_GOAL, !r.performanceGoals().isEmpty());
        parts |= bit(PERSON, !r.people().isEmpty());
        parts |= bit(REVIEW, !r.reviews().isEmpty());
        parts |= bit(REVIEW_EXPERT, !r.reviewExperts().isEmpty());
        parts |= bit(FUNDING_OPINION, r.fundingOpinion() != null);
        parts |= bit(APPROVAL, r.approval() != null);
        parts |= bit(PLAN_INCLUSION, r.planInclusion() != null);
        parts |= bit(IMPLEMENTATION_PLAN, r.implementationPlan() != null);
        parts |= bit(IMPLEMENTATION_SCOPE_ITEM, !r.implementationScopeItems().isEmpty());
        parts |= bit(PRE_PROCUREMENT_REVIEW, !r.preProcurementReviews().isEmpty());
        parts |= bit(CONTRACT, !r.contracts().isEmpty());
        parts |= bit(PROGRESS_REPORT, !r.progressReports().isEmpty());
        parts |= bit(CHANGE_REQUEST, !r.changeRequests().isEmpty());
        parts |= bit(CHANGE_SCOPE_ITEM, !r.changeScopeItems().isEmpty());
        parts |= bit(SITUATION_REPORT, !r.situationReports().isEmpty());
        parts |= bit(SECURITY_REVIEW, !r.securityReviews().isEmpty());
        parts |= bit(SELF_INSPECTION, r.selfInspection() != null);
        parts |= bit(ACCEPTANCE, !r.acceptances().isEmpty());
        parts |= bit(ACCEPTANCE_EXPERT, !r.acceptanceExperts().isEmpty());
        parts |= bit(ACCEPTANCE_DOCUMENT, !r.acceptanceDocuments().isEmpty());
        parts |= bit(TERMINATION, r.termination() != null);
        parts |= bit(DEADLINE, !r.deadlines().isEmpty());
        return parts;
    }

    private static int bit(int part, boolean present) {
        return present ? 1 << (part - 1) : 0;
    }

    private static boolean flag(Boolean value) {
        if (value == null) {
            throw new IllegalStateException("a NOT NULL boolean column read as null");
        }
        return value;
    }
}
