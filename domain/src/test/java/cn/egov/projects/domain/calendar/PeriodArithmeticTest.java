package cn.egov.projects.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("期间计算（《民法典》第二百零一至二百零四条）")
class PeriodArithmeticTest {

    private final PeriodArithmetic arithmetic = new PeriodArithmetic(WorkingDayCalendar.official());

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static Due due(String date, boolean provisional) {
        return new Due(d(date), provisional);
    }

    @Nested
    @DisplayName("按工作日计算")
    class WorkingDays {

        @Test
        @DisplayName("合同2024-09-27签订，7个工作日后为调休上班的2024-10-12")
        void nationalDay2024() {
            // 09-29 Sun(worked) 09-30, [10-01..10-07 rest], 10-08 10-09 10-10 10-11, 10-12 Sat(worked)
            assertThat(arithmetic.due(d("2024-09-27"), Term.workingDays(7))).isEqualTo(due("2024-10-12", false));
        }

        @Test
        @DisplayName("2024-02-08起7个工作日跨越春节，到期日为2024-02-23")
        void springFestival2024() {
            // 02-09, [02-10..02-17 rest], 02-18 Sun(worked), 02-19 .. 02-23
            assertThat(arithmetic.due(d("2024-02-08"), Term.workingDays(7))).isEqualTo(due("2024-02-23", false));
        }

        @Test
        @DisplayName("2025-01-24起7个工作日跨越春节及两个调休日，到期日为2025-02-10")
        void springFestival2025() {
            // 01-26 Sun(worked), 01-27, [01-28..02-04 rest], 02-05 02-06 02-07, 02-08 Sat(worked), 02-10
            assertThat(arithmetic.due(d("2025-01-24"), Term.workingDays(7))).isEqualTo(due("2025-02-10", false));
        }

        @Test
        @DisplayName("2026-02-12起7个工作日跨越九天春节假期，到期日为调休上班的2026-02-28")
        void springFestival2026() {
            // 02-13, 02-14 Sat(worked), [02-15..02-23 rest], 02-24 .. 02-27, 02-28 Sat(worked)
            assertThat(arithmetic.due(d("2026-02-12"), Term.workingDays(7))).isEqualTo(due("2026-02-28", false));
        }

        @Test
        @DisplayName("2025-09-26起7个工作日跨越八天国庆中秋假期，到期日为2025-10-13")
        void nationalDay2025() {
            // 09-28 Sun(worked), 09-29, 09-30, [10-01..10-08 rest], 10-09, 10-10, 10-11 Sat(worked), 10-13
            assertThat(arithmetic.due(d("2025-09-26"), Term.workingDays(7))).isEqualTo(due("2025-10-13", false));
        }

        @Test
        @DisplayName("端午节后的调休周日计入工作日：2023-06-21起2个工作日为2023-06-26")
        void workedSunday() {
            assertThat(arithmetic.due(d("2023-06-21"), Term.workingDays(1))).isEqualTo(due("2023-06-25", false));
            assertThat(arithmetic.due(d("2023-06-21"), Term.workingDays(2))).isEqualTo(due("2023-06-26", false));
        }

        @Test
        @DisplayName("连续两天调休周末：2022-01-28起2个工作日为周日2022-01-30")
        void workedSaturdayAndSunday() {
            assertThat(arithmetic.due(d("2022-01-28"), Term.workingDays(2))).isEqualTo(due("2022-01-30", false));
        }

        @Test
        @DisplayName("跨元旦进入尚无通知的2027年，到期日暂定")
        void intoUnheldYear() {
            // 12-30, 12-31, 2027-01-01 Fri (no notice: counted as working), 01-04, 01-05
            assertThat(arithmetic.due(d("2026-12-29"), Term.workingDays(5))).isEqualTo(due("2027-01-05", true));
        }

        @Test
        @DisplayName("在2026年内到期的不暂定：2026-12-29起2个工作日为2026-12-31")
        void endsIn2026() {
            assertThat(arithmetic.due(d("2026-12-29"), Term.workingDays(2))).isEqualTo(due("2026-12-31", false));
        }

        @Test
        @DisplayName("两日之间的工作日数不含起日、含止日")
        void workingDaysBetween() {
            assertThat(arithmetic.workingDaysBetween(d("2024-09-27"), d("2024-10-12"))).isEqualTo(7);
            assertThat(arithmetic.workingDaysBetween(d("2024-09-30"), d("2024-10-07"))).isZero();
            assertThat(arithmetic.workingDaysBetween(d("2024-09-29"), d("2024-09-30"))).isEqualTo(1);
            assertThat(arithmetic.workingDaysBetween(d("2024-09-28"), d("2024-09-29"))).isEqualTo(1);
            assertThat(arithmetic.workingDaysBetween(d("2024-10-08"), d("2024-10-08"))).isZero();
        }

        @Test
        @DisplayName("止日早于起日时拒绝计算")
        void workingDaysBetweenRejectsReversedDates() {
            assertThatThrownBy(() -> arithmetic.workingDaysBetween(d("2024-10-12"), d("2024-09-27")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    @DisplayName("按月、按年、按日计算")
    class CalendarUnits {

        @Test
        @DisplayName("2024-01-31起1个月，到期月没有对应日，以月末日2024-02-29为最后一日")
        void monthEndLeapYear() {
            assertThat(arithmetic.due(d("2024-01-31"), Term.months(1))).isEqualTo(due("2024-02-29", false));
        }

        @Test
        @DisplayName("2025-01-31起1个月，以月末日2025-02-28（周五）为最后一日")
        void monthEndCommonYear() {
            assertThat(arithmetic.due(d("2025-01-31"), Term.months(1))).isEqualTo(due("2025-02-28", false));
        }

        @Test
        @DisplayName("对应日为周六时顺延到下周一：2024-05-15起1个月为2024-06-17")
        void weekendRollsForward() {
            // 2024-06-15 Sat, 06-16 Sun
            assertThat(arithmetic.due(d("2024-05-15"), Term.months(1))).isEqualTo(due("2024-06-17", false));
        }

        @Test
        @DisplayName("对应日落在国庆假期时顺延到节后第一个工作日：2024年为10-08，2025年为10-09")
        void nationalDayRollsForward() {
            assertThat(arithmetic.due(d("2024-09-03"), Term.months(1))).isEqualTo(due("2024-10-08", false));
            assertThat(arithmetic.due(d("2025-09-05"), Term.months(1))).isEqualTo(due("2025-10-09", false));
        }

        @Test
        @DisplayName("对应日为调休上班的周六时不顺延：2024-09-12起1个月为2024-10-12")
        void workedSaturdayStays() {
            assertThat(arithmetic.due(d("2024-09-12"), Term.months(1))).isEqualTo(due("2024-10-12", false));
            assertThat(arithmetic.due(d("2026-01-28"), Term.months(1))).isEqualTo(due("2026-02-28", false));
        }

        @Test
        @DisplayName("对应日为周六休息时顺延到调休上班的周日：2024-06-28起3个月为2024-09-29")
        void rollsOntoWorkedSunday() {
            // 2024-09-28 Sat rest, 09-29 Sun worked
            assertThat(arithmetic.due(d("2024-06-28"), Term.months(3))).isEqualTo(due("2024-09-29", false));
        }

        @Test
        @DisplayName("3个月跨年：2022-10-01起对应日2023-01-01在元旦假期，顺延到2023-01-03")
        void threeMonthsAcrossYears() {
            assertThat(arithmetic.due(d("2022-10-01"), Term.months(3))).isEqualTo(due("2023-01-03", false));
        }

        @Test
        @DisplayName("3个月跨年且对应日为月末落在春节：2024-10-31起为2025-02-05")
        void threeMonthsIntoSpringFestival() {
            // 2025-01-31 lies in 01-28..02-04
            assertThat(arithmetic.due(d("2024-10-31"), Term.months(3))).isEqualTo(due("2025-02-05", false));
            // Feb has no 30th: the month's last day, 2025-02-28 Fri
            assertThat(arithmetic.due(d("2024-11-30"), Term.months(3))).isEqualTo(due("2025-02-28", false));
        }

        @Test
        @DisplayName("2024-02-29起1年，到期年2月没有29日，以2025-02-28（周五、工作日）为最后一日")
        void yearFromLeapDay() {
            assertThat(arithmetic.due(d("2024-02-29"), Term.years(1))).isEqualTo(due("2025-02-28", false));
        }

        @Test
        @DisplayName("1年的对应日在国庆假期时顺延：2023-10-01起为2024-10-08")
        void yearIntoNationalDay() {
            assertThat(arithmetic.due(d("2023-10-01"), Term.years(1))).isEqualTo(due("2024-10-08", false));
        }

        @Test
        @DisplayName("1年后落入2027年的到期日暂定")
        void yearIntoUnheldYear() {
            assertThat(arithmetic.due(d("2026-03-15"), Term.years(1))).isEqualTo(due("2027-03-15", true));
            // 2027-03-13 Sat -> 03-15 Mon
            assertThat(arithmetic.due(d("2026-03-13"), Term.years(1))).isEqualTo(due("2027-03-15", true));
        }

        @Test
        @DisplayName("按日计算不含起日：2024-09-20起10日为2024-09-30，2024-09-21起10日顺延到2024-10-08")
        void days() {
            assertThat(arithmetic.due(d("2024-09-20"), Term.days(10))).isEqualTo(due("2024-09-30", false));
            assertThat(arithmetic.due(d("2024-09-21"), Term.days(10))).isEqualTo(due("2024-10-08", false));
        }

        @Test
        @DisplayName("按日计算到2026-12-31不暂定，到2027-01-01暂定")
        void daysAtTheEdgeOfHeldYears() {
            assertThat(arithmetic.due(d("2026-12-26"), Term.days(5))).isEqualTo(due("2026-12-31", false));
            assertThat(arithmetic.due(d("2026-12-26"), Term.days(6))).isEqualTo(due("2027-01-01", true));
        }

        @Test
        @DisplayName("顺延查询到未持有年份的日期时到期日暂定")
        void rollingIntoUnheldYearIsProvisional() {
            // A 2026 arrangement (hypothetical) making 2026-12-31 a rest day: the roll reaches 2027.
            WorkingDayCalendar calendar = WorkingDayCalendar.of(List.of(
                    new YearArrangement(2026, "test", Set.of(d("2026-12-31")), Set.of())));
            PeriodArithmetic custom = new PeriodArithmetic(calendar);
            assertThat(custom.due(d("2026-12-30"), Term.days(1))).isEqualTo(due("2027-01-01", true));
            assertThat(custom.due(d("2026-12-29"), Term.days(1))).isEqualTo(due("2026-12-30", false));
        }
    }

    @Nested
    @DisplayName("最短期间届满后的最早日（第二十二条试运行）")
    class EarliestAfterMinimum {

        @Test
        @DisplayName("2024-01-15开始试运行满1个月，2024-02-16起可验收，春节假期不顺延")
        void oneMonthTrialAcrossSpringFestival() {
            assertThat(arithmetic.earliestAfterMinimum(d("2024-01-15"), Term.months(1))).isEqualTo(d("2024-02-16"));
        }

        @Test
        @DisplayName("2024-01-31开始试运行满1个月，期间止于2024-02-29，2024-03-01起可验收")
        void oneMonthFromJanuary31LeapYear() {
            assertThat(arithmetic.earliestAfterMinimum(d("2024-01-31"), Term.months(1))).isEqualTo(d("2024-03-01"));
        }

        @Test
        @DisplayName("2025-01-31开始试运行满1个月，期间止于2025-02-28，2025-03-01（周六）起可验收")
        void oneMonthFromJanuary31CommonYear() {
            assertThat(arithmetic.earliestAfterMinimum(d("2025-01-31"), Term.months(1))).isEqualTo(d("2025-03-01"));
        }

        @Test
        @DisplayName("软件开发项目试运行满2个月：2024-08-01开始，2024-10-02起可验收，国庆假期不顺延")
        void twoMonthSoftwareTrial() {
            assertThat(arithmetic.earliestAfterMinimum(d("2024-08-01"), Term.months(2))).isEqualTo(d("2024-10-02"));
        }

        @Test
        @DisplayName("2023-12-31开始试运行满2个月，期间止于2024-02-29，2024-03-01起可验收")
        void twoMonthsFromDecember31() {
            assertThat(arithmetic.earliestAfterMinimum(d("2023-12-31"), Term.months(2))).isEqualTo(d("2024-03-01"));
        }

        @Test
        @DisplayName("最短7个工作日：2024-09-27开始，第7个工作日为2024-10-12，次日2024-10-13起满足")
        void workingDaysMinimum() {
            assertThat(arithmetic.earliestAfterMinimum(d("2024-09-27"), Term.workingDays(7))).isEqualTo(d("2024-10-13"));
        }
    }

    @Nested
    @DisplayName("期间与异常输入")
    class Terms {

        @Test
        @DisplayName("期间的中文写法")
        void chinese() {
            assertThat(Term.months(1).toChinese()).isEqualTo("1个月");
            assertThat(Term.workingDays(7).toChinese()).isEqualTo("7个工作日");
            assertThat(Term.years(1).toChinese()).isEqualTo("1年");
            assertThat(Term.days(10).toChinese()).isEqualTo("10日");
        }

        @Test
        @DisplayName("工厂方法给出对应的单位")
        void factories() {
            assertThat(Term.months(3)).isEqualTo(new Term(3, TermUnit.MONTHS));
            assertThat(Term.years(2)).isEqualTo(new Term(2, TermUnit.YEARS));
            assertThat(Term.workingDays(5)).isEqualTo(new Term(5, TermUnit.WORKING_DAYS));
            assertThat(Term.days(15)).isEqualTo(new Term(15, TermUnit.DAYS));
        }

        @Test
        @DisplayName("期间数量小于1或超过约一千年时拒绝")
        void absurdAmounts() {
            assertThatThrownBy(() -> Term.months(0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Term.days(-3)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Term.years(1001)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Term.months(12_001)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Term.workingDays(Integer.MAX_VALUE)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Term.days(400_000)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Term(1, null)).isInstanceOf(NullPointerException.class);
        }

        @Test
        @DisplayName("最大允许的期间仍能算完，超出日期范围时以参数错误拒绝")
        void largeButAllowedAmounts() {
            assertThat(arithmetic.due(d("2024-01-01"), Term.years(1000)).date()).isEqualTo(d("3024-01-01"));
            assertThat(arithmetic.due(d("2024-01-01"), Term.years(1000)).provisional()).isTrue();
            assertThat(arithmetic.due(d("2024-01-01"), Term.workingDays(365_250)).date()).isAfter(d("3000-01-01"));
            assertThatThrownBy(() -> arithmetic.due(LocalDate.MAX.minusDays(3), Term.days(10)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> arithmetic.workingDaysBetween(d("2024-01-01"), d("9999-01-01")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
