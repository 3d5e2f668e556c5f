package cn.egov.projects.domain.deadline;

import cn.egov.projects.domain.TimeOrderedIds;
import cn.egov.projects.domain.calendar.Due;
import cn.egov.projects.domain.calendar.PeriodArithmetic;
import cn.egov.projects.domain.calendar.Term;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.rule.Articles;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Computes the due days of RULES.md §5 under one policy pack and the official working-day calendar:
 * periods per 《民法典》第二百零一至二百零三条 (the starting day not counted, month ends, a last day on a rest day
 * moved to the next working day) and minimum periods (Art. 22) not extended by rest days.
 */
public final class DeadlineCalculator {

    private final PolicyPack pack;
    private final PeriodArithmetic arithmetic;

    public DeadlineCalculator(PolicyPack pack, PeriodArithmetic arithmetic) {
        this.pack = Objects.requireNonNull(pack, "pack");
        this.arithmetic = Objects.requireNonNull(arithmetic, "arithmetic");
    }

    public PolicyPack pack() {
        return pack;
    }

    /** The period a deadline runs under this pack. */
    public Term termOf(DeadlineKind kind) {
        return kind.termIn(pack).orElseThrow(() ->
                new IllegalArgumentException(kind + " falls on a date of its own, not after a period"));
    }

    public Due due(DeadlineKind kind, LocalDate start) {
        return arithmetic.due(start, termOf(kind));
    }

    /** A new open deadline whose clock starts on {@code start}. */
    public Deadline open(DeadlineKind kind, String ref, LocalDate start) {
        Due due = due(kind, start);
        return Deadline.open(TimeOrderedIds.next(), kind, ref, start, due.date(), due.provisional());
    }

    /** A deadline that falls on a fixed date (warranty end, window closing), moved off a rest day. */
    public Deadline openOnDate(DeadlineKind kind, String ref, LocalDate start, LocalDate date) {
        LocalDate due = arithmetic.calendar().firstWorkingDayOnOrAfter(date);
        return Deadline.open(TimeOrderedIds.next(), kind, ref, start, due, arithmetic.calendar().isProvisional(due)
                || arithmetic.calendar().isProvisional(date));
    }

    /** Art. 22: the first day acceptance may be held after a trial run that started on {@code trialStart}. */
    public LocalDate earliestAcceptance(LocalDate trialStart, boolean softwareDevelopment) {
        return arithmetic.earliestAfterMinimum(trialStart, pack.trialMinimumFor(softwareDevelopment));
    }

    public Calculation compute(CalculationKind kind, LocalDate start, boolean softwareDevelopment) {
        String article = pack.articleZh(kind.provision());
        if (kind == CalculationKind.EARLIEST_ACCEPTANCE) {
            return new Calculation(kind, start, earliestAcceptance(start, softwareDevelopment), false, article,
                    pack.trialMinimumFor(softwareDevelopment));
        }
        DeadlineKind deadline = kind.deadline().orElseThrow();
        Due due = due(deadline, start);
        return new Calculation(kind, start, due.date(), due.provisional(), article, termOf(deadline));
    }
}
