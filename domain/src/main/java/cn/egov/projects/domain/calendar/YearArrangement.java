package cn.egov.projects.domain.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One year's holiday arrangement as published by the State Council General Office
 * (国务院办公厅关于某年部分节假日安排的通知): the rest days (放假) and the Saturdays and Sundays
 * that are worked instead (调休上班). A notice may reach into the neighbouring years (the 2023
 * notice's New Year rest starts on 2022-12-31), so dates may lie from {@code year - 1} to
 * {@code year + 1}.
 *
 * <p>The sets are immutable sorted copies. A worked day must be a Saturday or Sunday, and no day
 * may be both a rest day and a worked day.
 *
 * @param year               the year the notice is for
 * @param notice             where the notice was published, e.g. "gov.cn 202310 content_6911528"
 * @param restDays           the days off listed by the notice
 * @param workingWeekendDays the Saturdays and Sundays the notice makes working days
 */
public record YearArrangement(int year, String notice, Set<LocalDate> restDays,
                              Set<LocalDate> workingWeekendDays) {

    /** The years an arrangement may be for. */
    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 2999;

    public YearArrangement {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new IllegalArgumentException(
                    "year " + year + " is outside " + MIN_YEAR + ".." + MAX_YEAR);
        }
        Objects.requireNonNull(notice, "notice");
        notice = notice.strip();
        if (notice.isEmpty()) {
            throw new IllegalArgumentException("the notice of year " + year + " is blank");
        }
        if (notice.indexOf('\n') >= 0 || notice.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("the notice of year " + year + " spans several lines");
        }
        restDays = sortedCopy(restDays, year, "rest day");
        workingWeekendDays = sortedCopy(workingWeekendDays, year, "working weekend day");
        for (LocalDate day : workingWeekendDays) {
            if (!isWeekend(day)) {
                throw new IllegalArgumentException("working weekend day " + day + " of year " + year
                        + " is a " + day.getDayOfWeek() + ", not a Saturday or Sunday");
            }
            if (restDays.contains(day)) {
                throw new IllegalArgumentException(
                        day + " of year " + year + " is listed both as a rest day and as a working day");
            }
        }
    }

    static boolean isWeekend(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    }

    private static SortedSet<LocalDate> sortedCopy(Set<LocalDate> days, int year, String what) {
        Objects.requireNonNull(days, what + "s");
        TreeSet<LocalDate> copy = new TreeSet<>();
        for (LocalDate day : days) {
            if (day == null) {
                throw new IllegalArgumentException("a " + what + " of year " + year + " is null");
            }
            if (day.getYear() < year - 1 || day.getYear() > year + 1) {
                throw new IllegalArgumentException(what + " " + day + " lies outside "
                        + (year - 1) + ".." + (year + 1) + " allowed for year " + year);
            }
            copy.add(day);
        }
        return Collections.unmodifiableSortedSet(copy);
    }
}
