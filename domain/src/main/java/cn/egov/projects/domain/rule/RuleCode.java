package cn.egov.projects.domain.rule;

/**
 * Every rule of the measures as a stable machine code with the article it comes from.
 * The wording staff see comes from the policy pack in force (Taicang's by default).
 */
public enum RuleCode {
    ART2_OUT_OF_SCOPE(2, Severity.REFUSAL),
    ART3_OWN_UNIT(3, Severity.REFUSAL),
    ART4_ROLE(4, Severity.REFUSAL),
    ART4_CYBERSEC_REVIEW(4, Severity.REFUSAL),
    ART4_CRYPTO_REVIEW(4, Severity.REFUSAL),
    /** The Bureau's reuse and duplicate-construction opinion is given while the declaration is under review. */
    ART6_REUSE_REVIEW_CLOSED(6, Severity.REFUSAL),
    /** The Bureau's yearly performance evaluation covers the projects of the year's plan and their units. */
    ART4_PERFORMANCE_EVALUATION(4, Severity.REFUSAL),
    ART7_WINDOW_CLOSED(7, Severity.REFUSAL),
    ART8_REVIEW_REQUIRED(8, Severity.REFUSAL),
    /** The Bureau draws the review experts; the project's unit neither names, removes nor, during review, sees them. */
    ART8_REVIEW_EXPERTS(8, Severity.REFUSAL),
    ART9_NOT_FUNDED(9, Severity.REFUSAL),
    ART10_SUPPLEMENTARY(10, Severity.REFUSAL),
    ART11_REPORT_FIRST(11, Severity.REFUSAL),
    ART12_NOT_IN_PLAN(12, Severity.REFUSAL),
    ART13_PLAN_INCONSISTENT(13, Severity.REFUSAL),
    ART13_PRE_PROCUREMENT(13, Severity.REFUSAL),
    ART14_CONTRACT_OVER_BUDGET(14, Severity.REFUSAL),
    ART15_SUPERVISION_REQUIRED(15, Severity.REFUSAL),
    /** Not a refusal: the project is flagged for termination (Art. 17 says 原则上). */
    ART17_NO_SUBSTANTIVE_START(17, Severity.FLAG),
    ART17_DELAY_REPORT(17, Severity.REFUSAL),
    ART18_CHANGE_BEFORE_TENDER(18, Severity.REFUSAL),
    /** After the tender: additions within the pack's share of the contracts (政府采购法第四十九条). */
    ART18_CHANGE_AFTER_TENDER(18, Severity.REFUSAL),
    ART19_RESPONSIBLE_PEOPLE(19, Severity.REFUSAL),
    ART21_NOT_ACCEPTED(21, Severity.REFUSAL),
    ART22_TRIAL_TOO_SHORT(22, Severity.REFUSAL),
    /** Not a refusal: an acceptance after the one-year limit is recorded as late. */
    ART22_TRIAL_TOO_LONG(22, Severity.FLAG),
    ART23_SELF_INSPECTION(23, Severity.REFUSAL),
    /** The resource catalogue of a project that has ended (办结, 终止, 评审未通过) no longer changes. */
    ART23_CATALOGUE_CLOSED(23, Severity.REFUSAL),
    /** Two resources of one project's catalogue may not bear the same name. */
    ART23_CATALOGUE_NAME_TAKEN(23, Severity.REFUSAL),
    /** A project's catalogue holds a bounded number of resources. */
    ART23_CATALOGUE_FULL(23, Severity.REFUSAL),
    /** A declaration states its performance goals, each with kind and target, whose achievement Art. 23 reports. */
    ART23_PERFORMANCE_GOALS(23, Severity.REFUSAL),
    ART24_EXPERTS(24, Severity.REFUSAL),
    ART27_CLASSIFIED(27, Severity.REFUSAL),
    /** The action is not open in the project's present state; cites the article of the action tried. */
    LIFECYCLE_ORDER(0, Severity.REFUSAL),
    /** A stated day lies before a step already recorded that must come first; cites the article of the action. */
    DATES_OUT_OF_ORDER(0, Severity.REFUSAL);

    /** Whether a rule refuses the action or only flags it for the Bureau. */
    public enum Severity { REFUSAL, FLAG }

    private final int article;
    private final Severity severity;

    RuleCode(int article, Severity severity) {
        this.article = article;
        this.severity = severity;
    }

    /** Whether the rule cites the article of the action tried rather than one of its own (no pack wording). */
    public boolean citesAction() {
        return this == LIFECYCLE_ORDER || this == DATES_OUT_OF_ORDER;
    }

    /** The article number, or 0 for the codes that cite the action tried ({@link #citesAction()}). */
    public int article() {
        return article;
    }

    public Severity severity() {
        return severity;
    }
}
