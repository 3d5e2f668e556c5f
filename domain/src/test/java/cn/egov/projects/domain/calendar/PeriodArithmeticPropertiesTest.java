package cn.egov.projects.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

@Label("期间计算的性质（2021-01-01至2027-12-31，期间数量1至40）")
class PeriodArithmeticPropertiesTest {

    private static final LocalDate FIRST = LocalDate.of(2021, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2027, 12, 31);

    private final WorkingDayCalendar calendar = WorkingDayCalendar.official();
    private final PeriodArithmetic arithmetic = new PeriodArithmetic(calendar);

    @Provide
    Arbitrary<LocalDate> dates() {
        int span = (int) (LAST.toEpochDay() - FIRST.toEpochDay());
        return Arbitraries.integers().between(0, span).map(FIRST::plusDays);
    }

    /** The corresponding day of 《民法典》第二百零二条, computed field by field. */
    private static LocalDate correspondingDay(LocalDate start, int months) {
        YearMonth target = YearMonth.from(start).plusMonths(months);
        return target.atDay(Math.min(start.getDayOfMonth(), target.lengthOfMonth()));
    }

    @Property
    @Label("每种单位的到期日都是工作日")
    void dueIsAWorkingDay(@ForAll("dates") LocalDate start, @ForAll @IntRange(min = 1, max = 40) int amount,
                          @ForAll TermUnit unit) {
        LocalDate due = arithmetic.due(start, new Term(amount, unit)).date();
        assertThat(calendar.isWorkingDay(due)).as("%s + %d %s = %s", start, amount, unit, due).isTrue();
    }

    @Property
    @Label("到期日严格晚于起算日")
    void dueIsAfterStart(@ForAll("dates") LocalDate start, @ForAll @IntRange(min = 1, max = 40) int amount,
                         @ForAll TermUnit unit) {
        assertThat(arithmetic.due(start, new Term(amount, unit)).date()).isAfter(start);
    }

    @Property
    @Label("起算日后n个工作日的到期日，与起算日之间恰有n个工作日")
    void workingDaysAreCounted(@ForAll("dates") LocalDate start, @ForAll @IntRange(min = 1, max = 40) int n) {
        LocalDate due = arithmetic.due(start, Term.workingDays(n)).date();

        assertThat(arithmetic.workingDaysBetween(start, due)).isEqualTo(n);
        int counted = 0;
        for (LocalDate day = start.plusDays(1); !day.isAfter(due); day = day.plusDays(1)) {
            if (calendar.isWorkingDay(day)) {
                counted++;
            }
        }
        assertThat(counted).isEqualTo(n);
        assertThat(calendar.isWorkingDay(due)).isTrue();
    }

    @Property
    @Label("按月的到期日不早于对应日，其间被跳过的日子都是休息日")
    void monthsDueRollsOnlyOverRestDays(@ForAll("dates") LocalDate start,
                                        @ForAll @IntRange(min = 1, max = 40) int months) {
        LocalDate corresponding = correspondingDay(start, months);
        LocalDate due = arithmetic.due(start, Term.months(months)).date();

        assertThat(due).isAfterOrEqualTo(corresponding);
        for (LocalDate day = corresponding; day.isBefore(due); day = day.plusDays(1)) {
            assertThat(calendar.isRestDay(day)).as("%s skipped on the way to %s", day, due).isTrue();
        }
    }

    @Property
    @Label("按年的到期日等于对应月数的到期日")
    void yearsAreTwelveMonths(@ForAll("dates") LocalDate start, @ForAll @IntRange(min = 1, max = 40) int years) {
        LocalDate corresponding = correspondingDay(start, 12 * years);
        assertThat(arithmetic.due(start, Term.years(years)).date())
                .isEqualTo(arithmetic.due(start, Term.months(12 * years)).date())
                .isAfterOrEqualTo(corresponding);
    }

    @Property
    @Label("最短期间的最早日是对应日的次日，不因休息日顺延")
    void earliestAfterMinimumIsTheDayAfterTheCorrespondingDay(
            @ForAll("dates") LocalDate start, @ForAll @IntRange(min = 1, max = 40) int months) {
        assertThat(arithmetic.earliestAfterMinimum(start, Term.months(months)))
                .isEqualTo(correspondingDay(start, months).plusDays(1));
        assertThat(arithmetic.earliestAfterMinimum(start, Term.years(months)))
                .isEqualTo(correspondingDay(start, 12 * months).plusDays(1));
        assertThat(arithmetic.earliestAfterMinimum(start, Term.days(months)))
                .isEqualTo(start.plusDays(months + 1L));
    }

    @Property
    @Label("内置日历下，到期日落在2027年及以后时且仅在此时暂定")
    void provisionalExactlyWhenDueIsInAnUnheldYear(@ForAll("dates") LocalDate start,
                                                   @ForAll @IntRange(min = 1, max = 40) int amount,
                                                   @ForAll TermUnit unit) {
        Due due = arithmetic.due(start, new Term(amount, unit));
        assertThat(due.provisional()).isEqualTo(due.date().getYear() >= 2027);
    }
}
