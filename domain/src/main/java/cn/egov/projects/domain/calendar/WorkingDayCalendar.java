package cn.egov.projects.domain.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The official working-day calendar: a day is a working day when it is Monday to Friday and not
 * a rest day (放假) of a held notice, or when a held notice makes it a worked Saturday or Sunday
 * (调休上班). For a year whose notice is not held, days are computed Monday to Friday and are
 * {@linkplain #isProvisional(LocalDate) provisional}.
 *
 * <p>These rest days are the statutory holidays (法定休假日) by which 《民法典》第二百零三条 extends
 * the last day of a period. Immutable.
 */
public final class WorkingDayCalendar {

    private static final String OFFICIAL_RESOURCE = "official-calendar.txt";

    private final SortedMap<Integer, YearArrangement> years;
    /** Dates listed by any held notice: true for a worked weekend day, false for a rest day. */
    private final Map<LocalDate, Boolean> listed;

    private WorkingDayCalendar(SortedMap<Integer, YearArrangement> years) {
        this.years = Collections.unmodifiableSortedMap(years);
        Map<LocalDate, Boolean> map = new HashMap<>();
        Map<LocalDate, Integer> listedBy = new HashMap<>();
        for (YearArrangement arrangement : years.values()) {
            for (LocalDate day : arrangement.restDays()) {
                list(map, listedBy, day, false, arrangement.year());
            }
            for (LocalDate day : arrangement.workingWeekendDays()) {
                list(map, listedBy, day, true, arrangement.year());
            }
        }
        this.listed = Map.copyOf(map);
    }

    private static void list(Map<LocalDate, Boolean> map, Map<LocalDate, Integer> listedBy,
                             LocalDate day, boolean working, int year) {
        Boolean before = map.putIfAbsent(day, working);
        if (before != null && before != working) {
            throw new IllegalArgumentException(day + " is a " + (working ? "working" : "rest")
                    + " day in the notice for " + year + " but a " + (before ? "working" : "rest")
                    + " day in the notice for " + listedBy.get(day));
        }
        listedBy.putIfAbsent(day, year);
    }

    /** The built-in notices (see {@code official-calendar.txt}), loaded once. */
    public static WorkingDayCalendar official() {
        return Official.CALENDAR;
    }

    /**
     * A calendar holding the given years.
     *
     * @throws IllegalArgumentException if a year is given twice or two notices disagree on a day
     */
    public static WorkingDayCalendar of(Collection<YearArrangement> years) {
        Objects.requireNonNull(years, "years");
        return new WorkingDayCalendar(byYear(years));
    }

    /** A new calendar with the given years added; a year given replaces the same year held here. */
    public WorkingDayCalendar withYears(Collection<YearArrangement> more) {
        Objects.requireNonNull(more, "more");
        SortedMap<Integer, YearArrangement> merged = new TreeMap<>(years);
        merged.putAll(byYear(more));
        return new WorkingDayCalendar(merged);
    }

    private static SortedMap<Integer, YearArrangement> byYear(Collection<YearArrangement> years) {
        SortedMap<Integer, YearArrangement> map = new TreeMap<>();
        for (YearArrangement arrangement : years) {
            Objects.requireNonNull(arrangement, "arrangement");
            if (map.put(arrangement.year(), arrangement) != null) {
                throw new IllegalArgumentException("year " + arrangement.year() + " is given twice");
            }
        }
        return map;
    }

    public boolean isWorkingDay(LocalDate day) {
        Objects.requireNonNull(day, "day");
        Boolean working = listed.get(day);
        return working != null ? working : !YearArrangement.isWeekend(day);
    }

    public boolean isRestDay(LocalDate day) {
        return !isWorkingDay(day);
    }

    /** True when the holiday notice for that year is held. */
    public boolean isHeld(int year) {
        return years.containsKey(year);
    }

    public SortedSet<Integer> heldYears() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(years.keySet()));
    }

    /** The held arrangement of a year, e.g. to cite its notice. */
    public Optional<YearArrangement> arrangement(int year) {
        return Optional.ofNullable(years.get(year));
    }

    /** True when the day's year is not held, so the day was computed Monday to Friday. */
    public boolean isProvisional(LocalDate day) {
        return !isHeld(day.getYear());
    }

    public LocalDate firstWorkingDayOnOrAfter(LocalDate day) {
        Objects.requireNonNull(day, "day");
        LocalDate candidate = day;
        // Terminates: only finitely many days are listed, after them Monday to Friday work.
        while (!isWorkingDay(candidate)) {
            candidate = candidate.plusDays(1);
        }
        return candidate;
    }

    private static final class Official {
        static final WorkingDayCalendar CALENDAR = load();

        private static WorkingDayCalendar load() {
            try (InputStream in = WorkingDayCalendar.class.getResourceAsStream(OFFICIAL_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + OFFICIAL_RESOURCE + " is missing");
                }
                return of(CalendarText.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + OFFICIAL_RESOURCE, e);
            }
        }
    }
}
