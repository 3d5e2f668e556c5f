package cn.egov.projects.persistence.project;

import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.project.ChangeRequest;
import cn.egov.projects.domain.project.SecurityReview;
import cn.egov.projects.domain.project.SituationReport;

import java.math.BigDecimal;
import java.time.LocalDate;
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

    /**
     * The child rows of a project as {@code findChildren} reads them, in its order: the inverse of {@link #assemble}
     * (a test checks {@code assemble(project, disassemble(rows))} equals {@code rows} on every journey).
     */
    public static List<ChildRow> disassemble(ProjectRows r) {
        List<ChildRow> out = new ArrayList<>();
        r.budgetLines().forEach(x -> out.add(row(BUDGET_LINE, 0, x.seq()).s1(x.item()).n1(x.amount())
                .b1(x.supervision()).build()));
        r.scopeItems().forEach(x -> out.add(row(SCOPE_ITEM, 0, x.seq()).s1(x.item()).build()));
        r.performanceGoals().forEach(x -> out.add(row(PERFORMANCE_GOAL, 0, x.seq()).s1(x.item()).build()));
        r.people().forEach(x -> out.add(row(PERSON, 0, PersonRow.LEADER.equals(x.duty()) ? 0 : 1).s1(x.duty())
                .s2(x.name()).s3(x.mobile()).s4(x.email()).build()));
        r.reviews().forEach(x -> out.add(row(REVIEW, 0, x.seq()).s1(x.opinion()).d1(x.reviewedOn())
                .b1(x.approved()).build()));
        r.reviewExperts().forEach(x -> out.add(row(REVIEW_EXPERT, x.parentSeq(), x.seq()).s1(x.item()).build()));
        if (r.fundingOpinion() != null) {
            FundingOpinionRow x = r.fundingOpinion();
            out.add(row(FUNDING_OPINION, 0, 0).s1(x.opinion()).d1(x.opinionOn()).n1(x.amount()).build());
        }
        if (r.approval() != null) {
            ApprovalRow x = r.approval();
            out.add(row(APPROVAL, 0, 0).s1(x.reference()).d1(x.approvedOn()).n1(x.approvedBudget()).build());
        }
        if (r.planInclusion() != null) {
            PlanInclusionRow x = r.planInclusion();
            out.add(row(PLAN_INCLUSION, 0, 0).s1(x.reference()).d1(x.includedOn()).i1(x.planYear())
                    .b1(x.addition()).build());
        }
        if (r.implementationPlan() != null) {
            ImplementationPlanRow x = r.implementationPlan();
            out.add(row(IMPLEMENTATION_PLAN, 0, 0).s1(x.schedule()).d1(x.submittedOn()).n1(x.budget()).build());
        }
        r.implementationScopeItems().forEach(x -> out.add(row(IMPLEMENTATION_SCOPE_ITEM, 0, x.seq()).s1(x.item())
                .build()));
        r.preProcurementReviews().forEach(x -> out.add(row(PRE_PROCUREMENT_REVIEW, 0, x.seq()).s1(x.opinion())
                .d1(x.reviewedOn()).b1(x.passed()).build()));
        r.contracts().forEach(x -> out.add(row(CONTRACT, 0, x.seq()).s1(x.contractNumber()).s2(x.supplier())
                .d1(x.signedOn()).d2(x.warrantyEnd()).d3(x.filedOn()).n1(x.amount()).build()));
        r.progressReports().forEach(x -> out.add(row(PROGRESS_REPORT, 0, x.seq()).s1(x.summary())
                .d1(x.reportedOn()).i1(x.percentComplete()).build()));
        r.changeRequests().forEach(x -> out.add(row(CHANGE_REQUEST, 0, x.seq()).s1(x.description())
                .s2(x.status() == null ? null : x.status().name()).s3(x.decision()).d1(x.requestedOn())
                .d2(x.decidedOn()).n1(x.newBudget()).u1(x.id()).build()));
        r.changeScopeItems().forEach(x -> out.add(row(CHANGE_SCOPE_ITEM, x.parentSeq(), x.seq()).s1(x.item())
                .build()));
        r.situationReports().forEach(x -> out.add(row(SITUATION_REPORT, 0, x.seq())
                .s1(x.kind() == null ? null : x.kind().name()).s2(x.reason()).d1(x.reportedOn()).b1(x.toBureau())
                .b2(x.toFinance()).build()));
        r.securityReviews().forEach(x -> out.add(row(SECURITY_REVIEW, 0, x.seq())
                .s1(x.kind() == null ? null : x.kind().name()).s2(x.opinion()).d1(x.reviewedOn()).b1(x.passed())
                .build()));
        if (r.selfInspection() != null) {
            SelfInspectionRow x = r.selfInspection();
            out.add(row(SELF_INSPECTION, 0, 0).s1(x.contentCompletion()).s2(x.resourceCatalogue())
                    .s3(x.performanceGoals()).d1(x.inspectedOn()).build());
        }
        r.acceptances().forEach(x -> out.add(row(ACCEPTANCE, 0, x.seq()).s1(x.conclusion()).d1(x.heldOn())
                .b1(x.passed()).b2(x.late()).build()));
        r.acceptanceExperts().forEach(x -> out.add(row(ACCEPTANCE_EXPERT, x.parentSeq(), x.seq()).s1(x.item())
                .build()));
        r.acceptanceDocuments().forEach(x -> out.add(row(ACCEPTANCE_DOCUMENT, x.parentSeq(), x.seq()).s1(x.item())
                .build()));
        if (r.termination() != null) {
            TerminationRow x = r.termination();
            out.add(row(TERMINATION, 0, 0).s1(x.reason()).s2(x.notice()).d1(x.terminatedOn())
                    .d2(x.fundsRecoveredOn()).n1(x.fundsRecovered()).build());
        }
        r.deadlines().forEach(x -> out.add(row(DEADLINE, 0, x.seq()).s1(x.kind().name()).s2(x.ref())
                .s3(x.waivedReason()).d1(x.startDate()).d2(x.dueDate()).d3(x.metOn()).b1(x.provisional())
                .u1(x.id()).build()));
        out.sort(ORDER);
        return out;
    }

    private static Slots row(int part, int parentSeq, int seq) {
        return new Slots(part, parentSeq, seq);
    }

    /** A {@link ChildRow} filled slot by slot. */
    private static final class Slots {
        private final int part;
        private final int parentSeq;
        private final int seq;
        private String s1;
        private String s2;
        private String s3;
        private String s4;
        private LocalDate d1;
        private LocalDate d2;
        private LocalDate d3;
        private BigDecimal n1;
        private Integer i1;
        private Boolean b1;
        private Boolean b2;
        private UUID u1;

        Slots(int part, int parentSeq, int seq) {
            this.part = part;
            this.parentSeq = parentSeq;
            this.seq = seq;
        }

        Slots s1(String v) {
            s1 = v;
            return this;
        }

        Slots s2(String v) {
            s2 = v;
            return this;
        }

        Slots s3(String v) {
            s3 = v;
            return this;
        }

        Slots s4(String v) {
            s4 = v;
            return this;
        }

        Slots d1(LocalDate v) {
            d1 = v;
            return this;
        }

        Slots d2(LocalDate v) {
            d2 = v;
            return this;
        }

        Slots d3(LocalDate v) {
            d3 = v;
            return this;
        }

        Slots n1(BigDecimal v) {
            n1 = v;
            return this;
        }

        Slots i1(int v) {
            i1 = v;
            return this;
        }

        Slots b1(boolean v) {
            b1 = v;
            return this;
        }

        Slots b2(boolean v) {
            b2 = v;
            return this;
        }

        Slots u1(UUID v) {
            u1 = v;
            return this;
        }

        ChildRow build() {
            return new ChildRow(part, parentSeq, seq, s1, s2, s3, s4, d1, d2, d3, n1, i1, b1, b2, u1);
        }
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
