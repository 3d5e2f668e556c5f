package cn.egov.projects.domain.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Period arithmetic per 《民法典》第二百零一至二百零四条 on a {@link WorkingDayCalendar}.
 *
 * <ul>
 *   <li>第二百零一条: the starting day is not counted; the period runs from the next day.</li>
 *   <li>第二百零二条: a period in months or years ends on the corresponding day of the final month,
 *       or on that month's last day when it has no corresponding day.</li>
 *   <li>第二百零三条: when the last day is a statutory holiday, the period ends on the day after the
 *       holiday ends, here the first working day of the official calendar (which may be a worked
 *       Saturday or Sunday, 调休上班).</li>
 *   <li>第二百零四条: these rules apply unless a law provides or the parties agree otherwise.</li>
 * </ul>
 * A period counted in working days ends on its n-th working day strictly after the start.
 */
public final class PeriodArithmetic {

    private final WorkingDayCalendar calendar;

    public PeriodArithmetic(WorkingDayCalendar calendar) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /** The calendar this arithmetic counts on. */
    public WorkingDayCalendar calendar() {
        return calendar;
    }

    /**
     * The last day of a period that must be met (a deadline) starting on {@code start}. It is
     * provisional when a day consulted (for working days every day after start up to the due
     * date, otherwise every day from the corresponding day to the due date) lies in a year whose
     * notice is not held.
     */
    public Due due(LocalDate start, Term term) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(term, "term");
        try {
            if (term.unit() == TermUnit.WORKING_DAYS) {
                LocalDate date = nthWorkingDayAfter(start, term.amount());
                return new Due(date, touchesUnheldYear(start.plusDays(1), date));
            }
            LocalDate end = correspondingDay(start, term);
            LocalDate date = calendar.firstWorkingDayOnOrAfter(end);
            return new Due(date, touchesUnheldYear(end, date));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(term.toChinese() + " from " + start + " leaves the supported dates", e);
        }
    }

    /**
     * The earliest day on which a minimum period starting on {@code start} has fully elapsed: the
     * day after its last day, the last day NOT being extended for rest days (a trial run of at
     * least 1个月 from 2024-01-15 ends 2024-02-15, so acceptance is allowed from 2024-02-16).
     * For working days: the day after the n-th working day after start.
     */
    public LocalDate earliestAfterMinimum(LocalDate start, Term minimum) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(minimum, "minimum");
        try {
            LocalDate end = minimum.unit() == TermUnit.WORKING_DAYS
                    ? nthWorkingDayAfter(start, minimum.amount())
                    : correspondingDay(start, minimum);
            return end.plusDays(1);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(minimum.toChinese() + " from " + start + " leaves the supported dates", e);
        }
    }

    /**
     * The number of working days in {@code (fromExclusive, toInclusive]}; 0 when both are equal.
     *
     * @throws IllegalArgumentException when {@code toInclusive} is before {@code fromExclusive} or
     *                                  the span exceeds about a thousand years
     */
    public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        Objects.requireNonNull(fromExclusive, "fromExclusive");
        Objects.requireNonNull(toInclusive, "toInclusive");
        if (toInclusive.isBefore(fromExclusive)) {
            throw new IllegalArgumentException(toInclusive + " is before " + fromExclusive);
        }
        if (ChronoUnit.DAYS.between(fromExclusive, toInclusive) > Term.MAX_DAYS) {
            throw new IllegalArgumentException("span " + fromExclusive + ".." + toInclusive
                    + " exceeds " + Term.MAX_DAYS + " days");
        }
        int count = 0;
        for (LocalDate day = fromExclusive.plusDays(1); !day.isAfter(toInclusive); day = day.plusDays(1)) {
            if (calendar.isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /** The corresponding day per 第二百零一、二百零二条, not yet moved off rest days. */
    private static LocalDate correspondingDay(LocalDate start, Term term) {
        // plusMonths/plusYears clamp to the month's last day when there is no corresponding day.
        return switch (term.unit()) {
            case DAYS -> start.plusDays(term.amount());
            case MONTHS -> start.plusMonths(term.amount());
            case YEARS -> start.plusYears(term.amount());
            case WORKING_DAYS -> throw new IllegalStateException("working days have no corresponding day");
        };
    }

    private LocalDate nthWorkingDayAfter(LocalDate start, int n) {
        LocalDate day = start;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (calendar.isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    private boolean touchesUnheldYear(LocalDate from, LocalDate to) {
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            if (!calendar.isHeld(year)) {
                return true;
            }
        }
        return false;
    }
}
