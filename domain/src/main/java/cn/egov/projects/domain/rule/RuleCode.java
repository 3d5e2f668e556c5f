package cn.egov.projects.domain.rule;

/**
 * Every rule of the measures as a stable machine code (its name recalls the article of Taicang's measures it was
 * first written from). The article a refusal cites and the wording staff see come from the policy pack in force
 * ({@code PolicyPack.rules()}; Taicang's by default), so another municipality numbers and words them its own way.
 */
public enum RuleCode {
    ART2_OUT_OF_SCOPE(Severity.REFUSAL),
    ART3_OWN_UNIT(Severity.REFUSAL),
    ART4_ROLE(Severity.REFUSAL),
    ART4_CYBERSEC_REVIEW(Severity.REFUSAL),
    ART4_CRYPTO_REVIEW(Severity.REFUSAL),
    /** The Bureau's reuse and duplicate-construction opinion is given while the declaration is under review. */
    ART6_REUSE_REVIEW_CLOSED(Severity.REFUSAL),
    /** The Bureau's yearly performance evaluation covers the projects of the year's plan and their units. */
    ART4_PERFORMANCE_EVALUATION(Severity.REFUSAL),
    ART7_WINDOW_CLOSED(Severity.REFUSAL),
    ART8_REVIEW_REQUIRED(Severity.REFUSAL),
    /** The Bureau draws the review experts; the project's unit neither names, removes nor, during review, sees them. */
    ART8_REVIEW_EXPERTS(Severity.REFUSAL),
    ART9_NOT_FUNDED(Severity.REFUSAL),
    ART10_SUPPLEMENTARY(Severity.REFUSAL),
    ART11_REPORT_FIRST(Severity.REFUSAL),
    ART12_NOT_IN_PLAN(Severity.REFUSAL),
    ART13_PLAN_INCONSISTENT(Severity.REFUSAL),
    ART13_PRE_PROCUREMENT(Severity.REFUSAL),
    ART14_CONTRACT_OVER_BUDGET(Severity.REFUSAL),
    ART15_SUPERVISION_REQUIRED(Severity.REFUSAL),
    /** Not a refusal: the project is flagged for termination (Art. 17 says 原则上). */
    ART17_NO_SUBSTANTIVE_START(Severity.FLAG),
    ART17_DELAY_REPORT(Severity.REFUSAL),
    ART18_CHANGE_BEFORE_TENDER(Severity.REFUSAL),
    /** After the tender: additions within the pack's share of the contracts (政府采购法第四十九条). */
    ART18_CHANGE_AFTER_TENDER(Severity.REFUSAL),
    ART19_RESPONSIBLE_PEOPLE(Severity.REFUSAL),
    ART21_NOT_ACCEPTED(Severity.REFUSAL),
    ART22_TRIAL_TOO_SHORT(Severity.REFUSAL),
    /** Not a refusal: an acceptance after the one-year limit is recorded as late. */
    ART22_TRIAL_TOO_LONG(Severity.FLAG),
    ART23_SELF_INSPECTION(Severity.REFUSAL),
    /** The resource catalogue of a project that has ended (办结, 终止, 评审未通过) no longer changes. */
    ART23_CATALOGUE_CLOSED(Severity.REFUSAL),
    /** Two resources of one project's catalogue may not bear the same name. */
    ART23_CATALOGUE_NAME_TAKEN(Severity.REFUSAL),
    /** A project's catalogue holds a bounded number of resources. */
    ART23_CATALOGUE_FULL(Severity.REFUSAL),
    /** A declaration states its performance goals, each with kind and target, whose achievement Art. 23 reports. */
    ART23_PERFORMANCE_GOALS(Severity.REFUSAL),
    ART24_EXPERTS(Severity.REFUSAL),
    ART27_CLASSIFIED(Severity.REFUSAL),
    /** The action is not open in the project's present state; cites the article of the action tried. */
    LIFECYCLE_ORDER(Severity.REFUSAL),
    /** A stated day lies before a step already recorded that must come first; cites the article of the action. */
    DATES_OUT_OF_ORDER(Severity.REFUSAL);

    /** Whether a rule refuses the action or only flags it for the Bureau. */
    public enum Severity { REFUSAL, FLAG }

    private final Severity severity;

    RuleCode(Severity severity) {
        this.severity = severity;
    }

    /** Whether the rule cites the article of the action tried rather than one of its own (no pack wording). */
    public boolean citesAction() {
        return this == LIFECYCLE_ORDER || this == DATES_OUT_OF_ORDER;
    }

    public Severity severity() {
        return severity;
    }
}
