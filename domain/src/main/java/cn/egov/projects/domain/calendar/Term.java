package cn.egov.projects.domain.calendar;

import java.util.Objects;

/**
 * A period of a whole number of units, e.g. 7个工作日 or 1个月 (《民法典》第二百零一条).
 * The amount is at least 1 and at most about a thousand years' worth of the unit.
 */
public record Term(int amount, TermUnit unit) {

    /** About a thousand years of days; larger amounts are taken as input errors. */
    static final int MAX_DAYS = 365_250;
    static final int MAX_MONTHS = 12_000;
    static final int MAX_YEARS = 1_000;

    public Term {
        Objects.requireNonNull(unit, "unit");
        if (amount < 1) {
            throw new IllegalArgumentException("term amount must be at least 1, got " + amount);
        }
        int max = switch (unit) {
            case WORKING_DAYS, DAYS -> MAX_DAYS;
            case MONTHS -> MAX_MONTHS;
            case YEARS -> MAX_YEARS;
        };
        if (amount > max) {
            throw new IllegalArgumentException(
                    "term amount " + amount + " " + unit + " exceeds the limit of " + max);
        }
    }

    public static Term workingDays(int amount) {
        return new Term(amount, TermUnit.WORKING_DAYS);
    }

    public static Term days(int amount) {
        return new Term(amount, TermUnit.DAYS);
    }

    public static Term months(int amount) {
        return new Term(amount, TermUnit.MONTHS);
    }

    public static Term years(int amount) {
        return new Term(amount, TermUnit.YEARS);
    }

    /** The term as written in Chinese documents: "7个工作日", "10日", "1个月", "1年". */
    public String toChinese() {
        return switch (unit) {
            case WORKING_DAYS -> amount + "个工作日";
            case DAYS -> amount + "日";
            case MONTHS -> amount + "个月";
            case YEARS -> amount + "年";
        };
    }
}
