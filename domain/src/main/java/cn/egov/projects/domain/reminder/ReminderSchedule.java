package cn.egov.projects.domain.reminder;

import cn.egov.projects.domain.calendar.WorkingDayCalendar;
import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.policy.PolicyPack;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The days a deadline's reminders fall on, under a policy pack's reminder offsets and overdue repeat interval and the
 * official working-day calendar (RULES.md §5):
 * <ul>
 *   <li>before and on the due day, to the {@link Audience#RESPONSIBLE 责任人}, at each offset (Taicang: 7, 3, 1 and 0
 *       days before); a reminder day that is a rest day moves to the previous working day, never before the day the
 *       deadline's clock started — so staff hear of a deadline that falls just after a holiday before the holiday,
 *       not during it. Offsets landing on the same working day give one reminder (the one nearest the due day);</li>
 *   <li>once overdue, to the {@link Audience#LEADER 分管领导} and the {@link Audience#BUREAU Bureau}: on the first
 *       working day after the due day, then every {@code overdueRepeatDays} days from it, each moved to the next
 *       working day, for as long as the deadline stays open;</li>
 *   <li>reminder-only kinds ({@link DeadlineKind#WARRANTY_END}, {@link DeadlineKind#WINDOW_CLOSING}) are not
 *       escalated as overdue.</li>
 * </ul>
 * Whether a deadline is still open is the caller's question: a met, waived or terminated deadline has no reminders.
 */
public final class ReminderSchedule {

    /** The longest run of rest days a reminder may have to move across (Spring Festival: 9 days) plus margin. */
    public static final int MAX_SHIFT_DAYS = 15;

    private final List<Integer> offsetsDays;
    private final int overdueRepeatDays;
    private final WorkingDayCalendar calendar;

    public ReminderSchedule(List<Integer> offsetsDays, int overdueRepeatDays, WorkingDayCalendar calendar) {
        this.offsetsDays = List.copyOf(new TreeSet<>(Objects.requireNonNull(offsetsDays, "offsetsDays")).descendingSet());
        for (int offset : this.offsetsDays) {
            if (offset < 0) {
                throw new IllegalArgumentException("a reminder offset cannot be negative: " + offset);
            }
        }
        if (overdueRepeatDays < 1) {
            throw new IllegalArgumentException("overdueRepeatDays must be at least 1: " + overdueRepeatDays);
        }
        this.overdueRepeatDays = overdueRepeatDays;
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    public static ReminderSchedule of(PolicyPack pack, WorkingDayCalendar calendar) {
        return new ReminderSchedule(pack.reminderOffsetsDays(), pack.overdueRepeatDays(), calendar);
    }

    /** The largest offset: how many days (plus {@link #MAX_SHIFT_DAYS}) before its due day a deadline matters. */
    public int maxOffsetDays() {
        return offsetsDays.isEmpty() ? 0 : offsetsDays.get(0);
    }

    public static boolean escalates(DeadlineKind kind) {
        return kind != DeadlineKind.WARRANTY_END && kind != DeadlineKind.WINDOW_CLOSING;
    }

    /** The reminders before and on the due day, earliest first, one per working day. */
    public List<Reminder> beforeDue(DeadlineKind kind, LocalDate start, LocalDate due) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(due, "due");
        TreeMap<LocalDate, Reminder> byDay = new TreeMap<>();
        for (int offset : offsetsDays) {
            LocalDate nominal = due.minusDays(offset);
            if (nominal.isBefore(start)) {
                continue;
            }
            LocalDate day = previousWorkingDayOnOrBefore(nominal, start);
            if (day == null) {
                // only rest days between the start and the nominal day: the first working day after it
                day = calendar.firstWorkingDayOnOrAfter(nominal);
                if (day.isAfter(due)) {
                    continue;
                }
            }
            int offsetDays = (int) ChronoUnit.DAYS.between(day, due);
            // offsets come largest first: a later one on the same day is nearer the due day and replaces it
            byDay.put(day, new Reminder(day, offsetDays, Audience.RESPONSIBLE));
        }
        return List.copyOf(byDay.values());
    }

    /** The first overdue escalation day: the first working day after the due day. */
    public LocalDate firstEscalationDay(LocalDate due) {
        return calendar.firstWorkingDayOnOrAfter(due.plusDays(1));
    }

    /** The escalations (one per audience) of the first overdue day; empty for a reminder-only kind. */
    public List<Reminder> firstEscalation(DeadlineKind kind, LocalDate due) {
        if (!escalates(kind)) {
            return List.of();
        }
        return escalationsOn(firstEscalationDay(due), due);
    }

    /**
     * Everything falling on {@code day} for an open deadline: a reminder before or on the due day, or the
     * escalations of an overdue day (the first, or a repeat).
     */
    public List<Reminder> on(LocalDate day, DeadlineKind kind, LocalDate start, LocalDate due) {
        Objects.requireNonNull(day, "day");
        if (!day.isAfter(due)) {
            if (day.isBefore(due.minusDays(maxOffsetDays() + MAX_SHIFT_DAYS))) {
                return List.of();
            }
            for (Reminder r : beforeDue(kind, start, due)) {
                if (r.day().equals(day)) {
                    return List.of(r);
                }
            }
            return List.of();
        }
        if (!escalates(kind) || !isEscalationDay(day, due)) {
            return List.of();
        }
        return escalationsOn(day, due);
    }

    /**
     * Whether a deadline due on {@code due} may have a reminder on {@code day}, whatever its kind and start: true for
     * every pair for which {@link #on} gives something, and for few others. It lets the daily pass read from the
     * database only the deadlines due on the days that matter — not every overdue deadline and every deadline of the
     * coming weeks.
     *
     * <p>Every reminder falls on a working day. Before the due day, an offset's nominal day {@code due - offset}
     * moves back to the previous working day (or, when only rest days lie between the start and it, forward to the
     * next one): so the nominal day lies between the rest days just before {@code day} and those just after it.
     * After the due day it is an escalation day exactly when {@link #on} says so.
     */
    public boolean mayRemindOn(LocalDate day, LocalDate due) {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(due, "due");
        if (!calendar.isWorkingDay(day)) {
            return false;
        }
        if (day.isAfter(due)) {
            return isEscalationDay(day, due);
        }
        LocalDate from = day;
        while (!calendar.isWorkingDay(from.minusDays(1)) && ChronoUnit.DAYS.between(from, day) < MAX_SHIFT_DAYS) {
            from = from.minusDays(1);
        }
        LocalDate to = day;
        while (!calendar.isWorkingDay(to.plusDays(1)) && ChronoUnit.DAYS.between(day, to) < MAX_SHIFT_DAYS) {
            to = to.plusDays(1);
        }
        for (int offset : offsetsDays) {
            LocalDate nominal = due.minusDays(offset);
            if (!nominal.isBefore(from) && !nominal.isAfter(to)) {
                return true;
            }
        }
        return false;
    }

    /** All reminders from {@code from} to {@code to} (inclusive), earliest first; escalations repeat up to {@code to}. */
    public List<Reminder> between(LocalDate from, LocalDate to, DeadlineKind kind, LocalDate start, LocalDate due) {
        List<Reminder> all = new ArrayList<>();
        for (Reminder r : beforeDue(kind, start, due)) {
            if (!r.day().isBefore(from) && !r.day().isAfter(to)) {
                all.add(r);
            }
        }
        if (escalates(kind)) {
            LocalDate first = firstEscalationDay(due);
            LocalDate previous = null;
            for (long k = 0; ; k++) {
                LocalDate nominal = first.plusDays(k * overdueRepeatDays);
                if (nominal.isAfter(to)) {
                    break;
                }
                LocalDate day = calendar.firstWorkingDayOnOrAfter(nominal);
                if (day.equals(previous) || day.isAfter(to)) {
                    continue;
                }
                previous = day;
                if (!day.isBefore(from)) {
                    all.addAll(escalationsOn(day, due));
                }
            }
        }
        return all;
    }

    private boolean isEscalationDay(LocalDate day, LocalDate due) {
        if (!calendar.isWorkingDay(day)) {
            return false;
        }
        LocalDate first = firstEscalationDay(due);
        if (day.isBefore(first)) {
            return false;
        }
        long since = ChronoUnit.DAYS.between(first, day);
        // the nominal day of a repeat lies at most MAX_SHIFT_DAYS before the working day it moves to
        long kMax = since / overdueRepeatDays;
        long kMin = Math.max(0, (since - MAX_SHIFT_DAYS) / overdueRepeatDays - 1);
        for (long k = kMax; k >= kMin; k--) {
            if (calendar.firstWorkingDayOnOrAfter(first.plusDays(k * overdueRepeatDays)).equals(day)) {
                return true;
            }
        }
        return false;
    }

    private static List<Reminder> escalationsOn(LocalDate day, LocalDate due) {
        int offset = (int) ChronoUnit.DAYS.between(day, due);
        return List.of(new Reminder(day, offset, Audience.LEADER), new Reminder(day, offset, Audience.BUREAU));
    }

    /** The last working day on or before {@code day} that is not before {@code floor}, or null. */
    private LocalDate previousWorkingDayOnOrBefore(LocalDate day, LocalDate floor) {
        LocalDate candidate = day;
        while (!candidate.isBefore(floor)) {
            if (calendar.isWorkingDay(candidate)) {
                return candidate;
            }
            candidate = candidate.minusDays(1);
        }
        return null;
    }
}
