package cn.egov.projects.domain.calendar;

/** The unit in which a {@link Term} is counted. */
public enum TermUnit {
    /** Working days of the official calendar (工作日). */
    WORKING_DAYS,
    /** Calendar days (日). */
    DAYS,
    /** Months (月), ending on the corresponding day per 《民法典》第二百零二条. */
    MONTHS,
    /** Years (年), ending on the corresponding day per 《民法典》第二百零二条. */
    YEARS
}
