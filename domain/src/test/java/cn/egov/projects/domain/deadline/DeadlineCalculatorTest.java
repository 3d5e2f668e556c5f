package cn.egov.projects.domain.deadline;

import cn.egov.projects.domain.calendar.PeriodArithmetic;
import cn.egov.projects.domain.calendar.Term;
import cn.egov.projects.domain.calendar.WorkingDayCalendar;
import cn.egov.projects.domain.policy.PolicyPacks;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Due days under Taicang's pack and the official calendar. Every expected day is worked out by hand from
 * docs/CALENDAR.md; the comments show the count.
 */
@DisplayName("法定期限的计算（太仓办法）")
class DeadlineCalculatorTest {

    private final DeadlineCalculator calc =
            new DeadlineCalculator(PolicyPacks.taicang(), new PeriodArithmetic(WorkingDayCalendar.official()));

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private Calculation compute(CalculationKind kind, String start) {
        return calc.compute(kind, d(start), false);
    }

    @Nested
    @DisplayName("第十三条 实施方案：计划下达后一个月")
    class ImplementationPlan {

        @Test
        @DisplayName("2024-01-31下达计划的，到期日为2024-02-29（闰年二月没有31日，取月末）")
        void monthEndOfALeapFebruary() {
            Calculation c = compute(CalculationKind.IMPL_PLAN, "2024-01-31");

            assertThat(c.due()).isEqualTo(d("2024-02-29"));
            assertThat(c.provisional()).isFalse();
            assertThat(c.article()).isEqualTo("第十三条");
            assertThat(c.term()).isEqualTo(Term.months(1));
            assertThat(c.start()).isEqualTo(d("2024-01-31"));
        }

        @Test
        @DisplayName("2025-01-31下达计划的，到期日为2025-02-28")
        void monthEndOfAnOrdinaryFebruary() {
            assertThat(compute(CalculationKind.IMPL_PLAN, "2025-01-31").due()).isEqualTo(d("2025-02-28"));
        }

        @Test
        @DisplayName("2026-01-20下达计划的，对应日2026-02-20在春节假期中，顺延至节后第一个工作日2026-02-24")
        void springFestival2026Rolls() {
            // 2026 Spring Festival rest days 02-15..02-23; 02-24 is a Tuesday
            assertThat(compute(CalculationKind.IMPL_PLAN, "2026-01-20").due()).isEqualTo(d("2026-02-24"));
        }

        @Test
        @DisplayName("2024-09-01下达计划的，对应日2024-10-01在国庆假期中，顺延至2024-10-08")
        void nationalDay2024Rolls() {
            // 2024 National Day rest days 10-01..10-07; 10-08 is a Tuesday
            assertThat(compute(CalculationKind.IMPL_PLAN, "2024-09-01").due()).isEqualTo(d("2024-10-08"));
        }

        @Test
        @DisplayName("2025-01-03下达计划的，对应日2025-02-03在春节假期中，顺延至2025-02-05")
        void springFestival2025Rolls() {
            // 2025 Spring Festival rest days 01-28..02-04
            assertThat(compute(CalculationKind.IMPL_PLAN, "2025-01-03").due()).isEqualTo(d("2025-02-05"));
        }

        @Test
        @DisplayName("对应日是调休上班的星期日的，不顺延：2025-12-04下达的到期日为2026-01-04")
        void workedSundayIsNotRolled() {
            // 2026-01-04 is a Sunday worked under the 2026 notice
            assertThat(compute(CalculationKind.IMPL_PLAN, "2025-12-04").due()).isEqualTo(d("2026-01-04"));
        }
    }

    @Nested
    @DisplayName("第十四条 合同报送：签订后七个工作日")
    class ContractFiling {

        @Test
        @DisplayName("2024-09-27签订的合同，应于2024-10-12（调休上班的星期六）前报送")
        void acrossNationalDay2024() {
            // 09-29 Sun worked (1), 09-30 (2), 10-01..07 rest, 10-08 (3), 10-09 (4), 10-10 (5), 10-11 (6), 10-12 Sat worked (7)
            Calculation c = compute(CalculationKind.CONTRACT_FILING, "2024-09-27");

            assertThat(c.due()).isEqualTo(d("2024-10-12"));
            assertThat(c.term()).isEqualTo(Term.workingDays(7));
            assertThat(c.article()).isEqualTo("第十四条");
            assertThat(c.provisional()).isFalse();
        }

        @Test
        @DisplayName("2025-01-24签订的合同，跨春节假期应于2025-02-10前报送")
        void acrossSpringFestival2025() {
            // 01-26 Sun worked (1), 01-27 (2), 01-28..02-04 rest, 02-05 (3), 02-06 (4), 02-07 (5), 02-08 Sat worked (6),
            // 02-09 Sun rest, 02-10 (7)
            assertThat(compute(CalculationKind.CONTRACT_FILING, "2025-01-24").due()).isEqualTo(d("2025-02-10"));
        }

        @Test
        @DisplayName("2025-03-14签订的合同，没有节假日时应于2025-03-25前报送")
        void ordinaryWeeks() {
            // 03-17..03-21 (5), 03-24 (6), 03-25 (7)
            assertThat(compute(CalculationKind.CONTRACT_FILING, "2025-03-14").due()).isEqualTo(d("2025-03-25"));
        }

        @Test
        @DisplayName("2026-12-28签订的合同跨入尚无放假安排的2027年，按周一至周五计算并标为暂定")
        void into2027IsProvisional() {
            // 12-29 (1), 12-30 (2), 12-31 (3), 2027-01-01 Fri counted Monday-Friday (4), 01-04 (5), 01-05 (6), 01-06 (7)
            Calculation c = compute(CalculationKind.CONTRACT_FILING, "2026-12-28");

            assertThat(c.due()).isEqualTo(d("2027-01-06"));
            assertThat(c.provisional()).isTrue();
        }
    }

    @Nested
    @DisplayName("第十六条 进度报告：每三个月")
    class ProgressReport {

        @Test
        @DisplayName("2024-03-15开始计算的，对应日2024-06-15是星期六，顺延至2024-06-17")
        void weekendRolls() {
            Calculation c = compute(CalculationKind.PROGRESS_REPORT, "2024-03-15");

            assertThat(c.due()).isEqualTo(d("2024-06-17"));
            assertThat(c.article()).isEqualTo("第十六条");
            assertThat(c.term()).isEqualTo(Term.months(3));
        }

        @Test
        @DisplayName("2025-06-10报送进度的，下次应于2025-09-10前报送")
        void plainThreeMonths() {
            assertThat(compute(CalculationKind.PROGRESS_REPORT, "2025-06-10").due()).isEqualTo(d("2025-09-10"));
        }
    }

    @Nested
    @DisplayName("第十七条 实质性启动：列入计划后一年")
    class SubstantiveStart {

        @Test
        @DisplayName("2024-02-29列入计划的，到期日为2025-02-28")
        void leapDayPlusOneYear() {
            Calculation c = compute(CalculationKind.SUBSTANTIVE_START, "2024-02-29");

            assertThat(c.due()).isEqualTo(d("2025-02-28"));
            assertThat(c.article()).isEqualTo("第十七条");
            assertThat(c.term()).isEqualTo(Term.years(1));
        }

        @Test
        @DisplayName("2025-01-03列入计划的，对应日2026-01-03在元旦假期中，顺延至调休上班的2026-01-04（星期日）")
        void newYear2026RollsToAWorkedSunday() {
            assertThat(compute(CalculationKind.SUBSTANTIVE_START, "2025-01-03").due()).isEqualTo(d("2026-01-04"));
        }
    }

    @Nested
    @DisplayName("第二十二条 验收期限：试运行开始后一年")
    class AcceptanceLimit {

        @Test
        @DisplayName("2024-05-31开始试运行的，对应日2025-05-31在端午假期中，顺延至2025-06-03")
        void dragonBoatRolls() {
            Calculation c = compute(CalculationKind.ACCEPTANCE_LIMIT, "2024-05-31");

            assertThat(c.due()).isEqualTo(d("2025-06-03"));
            assertThat(c.article()).isEqualTo("第二十二条");
            assertThat(c.provisional()).isFalse();
        }

        @Test
        @DisplayName("2025-03-10开始试运行的，到期日为2026-03-10，不是暂定")
        void into2026IsFinal() {
            Calculation c = compute(CalculationKind.ACCEPTANCE_LIMIT, "2025-03-10");

            assertThat(c.due()).isEqualTo(d("2026-03-10"));
            assertThat(c.provisional()).isFalse();
        }

        @Test
        @DisplayName("2026-03-10开始试运行的，到期日落在2027-03-10，标为暂定")
        void into2027IsProvisional() {
            Calculation c = compute(CalculationKind.ACCEPTANCE_LIMIT, "2026-03-10");

            assertThat(c.due()).isEqualTo(d("2027-03-10"));
            assertThat(c.provisional()).isTrue();
        }

        @Test
        @DisplayName("2026-03-13开始试运行的，对应日2027-03-13是星期六，顺延至2027-03-15并标为暂定")
        void weekendIn2027RollsAndIsProvisional() {
            Calculation c = compute(CalculationKind.ACCEPTANCE_LIMIT, "2026-03-13");

            assertThat(c.due()).isEqualTo(d("2027-03-15"));
            assertThat(c.provisional()).isTrue();
        }
    }

    @Nested
    @DisplayName("第二十五条 验收报告：验收后七个工作日")
    class AcceptanceReport {

        @Test
        @DisplayName("2025-09-26验收的，跨国庆中秋假期应于2025-10-13前报送验收报告")
        void acrossNationalDay2025() {
            // 09-28 Sun worked (1), 09-29 (2), 09-30 (3), 10-01..10-08 rest, 10-09 (4), 10-10 (5),
            // 10-11 Sat worked (6), 10-12 Sun rest, 10-13 (7)
            Calculation c = compute(CalculationKind.ACCEPTANCE_REPORT, "2025-09-26");

            assertThat(c.due()).isEqualTo(d("2025-10-13"));
            assertThat(c.article()).isEqualTo("第二十五条");
            assertThat(c.term()).isEqualTo(Term.workingDays(7));
        }

        @Test
        @DisplayName("2025-09-30验收的，应于2025-10-16前报送验收报告")
        void startingOnTheEveOfTheHoliday() {
            // 10-01..10-08 rest; 10-09 Thu (1), 10-10 Fri (2), 10-11 Sat worked (3), 10-12 Sun rest,
            // 10-13 Mon (4), 10-14 (5), 10-15 (6), 10-16 Thu (7)
            assertThat(compute(CalculationKind.ACCEPTANCE_REPORT, "2025-09-30").due()).isEqualTo(d("2025-10-16"));
        }
    }

    @Nested
    @DisplayName("第二十六条 竣工决算：验收后三个月")
    class FinalAccounts {

        @Test
        @DisplayName("2023-11-30验收的，到期日为2024-02-29")
        void intoALeapFebruary() {
            Calculation c = compute(CalculationKind.FINAL_ACCOUNTS, "2023-11-30");

            assertThat(c.due()).isEqualTo(d("2024-02-29"));
            assertThat(c.article()).isEqualTo("第二十六条");
            assertThat(c.term()).isEqualTo(Term.months(3));
        }

        @Test
        @DisplayName("2024-05-31验收的，对应日2024-08-31是星期六，顺延至星期一2024-09-02")
        void monthEndOnAWeekendRollsToMonday() {
            assertThat(compute(CalculationKind.FINAL_ACCOUNTS, "2024-05-31").due()).isEqualTo(d("2024-09-02"));
        }
    }

    @Nested
    @DisplayName("第二十二条 最早验收日：试运行最短期限不因节假日顺延")
    class EarliestAcceptance {

        @Test
        @DisplayName("非软件开发项目2024-01-15开始试运行的，最早2024-02-16验收")
        void oneMonth() {
            Calculation c = calc.compute(CalculationKind.EARLIEST_ACCEPTANCE, d("2024-01-15"), false);

            assertThat(c.due()).isEqualTo(d("2024-02-16"));
            assertThat(c.article()).isEqualTo("第二十二条");
            assertThat(c.term()).isEqualTo(Term.months(1));
            assertThat(c.provisional()).isFalse();
            assertThat(CalculationKind.EARLIEST_ACCEPTANCE.deadline()).isEmpty();
        }

        @Test
        @DisplayName("软件开发项目2024-01-15开始试运行的，最早2024-03-16（星期六）验收")
        void twoMonthsForSoftware() {
            Calculation c = calc.compute(CalculationKind.EARLIEST_ACCEPTANCE, d("2024-01-15"), true);

            assertThat(c.due()).isEqualTo(d("2024-03-16"));
            assertThat(c.term()).isEqualTo(Term.months(2));
        }

        @Test
        @DisplayName("试运行2024-01-10开始的，最短期限届满日2024-02-10虽在春节假期中也不顺延，2024-02-11即可验收")
        void restDaysDoNotExtendTheMinimum() {
            // 2024-01-10 + 1 month = 2024-02-10, in the Spring Festival rest days 02-10..02-17
            assertThat(calc.earliestAcceptance(d("2024-01-10"), false)).isEqualTo(d("2024-02-11"));
        }
    }

    @Nested
    @DisplayName("固定日期和输入")
    class FixedDates {

        @Test
        @DisplayName("免费维保期届满日在春节假期中的，提醒日顺延至2026-02-24")
        void warrantyEndRollsOffTheHoliday() {
            Deadline w = calc.openOnDate(DeadlineKind.WARRANTY_END, "HT-2025-001", d("2025-03-14"), d("2026-02-16"));

            assertThat(w.due()).isEqualTo(d("2026-02-24"));
            assertThat(w.provisional()).isFalse();
            assertThat(w.ref()).isEqualTo("HT-2025-001");
        }

        @Test
        @DisplayName("免费维保期届满日在2027年的，标为暂定")
        void warrantyEndIn2027IsProvisional() {
            assertThat(calc.openOnDate(DeadlineKind.WARRANTY_END, "HT-2025-001", d("2025-03-14"), d("2027-03-31"))
                    .provisional()).isTrue();
        }

        @Test
        @DisplayName("维保期届满和申报期截止没有计算期间")
        void fixedDatesHaveNoTerm() {
            assertThatThrownBy(() -> calc.termOf(DeadlineKind.WARRANTY_END)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> calc.termOf(DeadlineKind.WINDOW_CLOSING)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        @DisplayName("新开的期限记录起算日、到期日，尚未完成")
        void openedDeadlineCarriesItsDays() {
            Deadline dl = calc.open(DeadlineKind.CONTRACT_FILING, "HT-2024-009", d("2024-09-27"));

            assertThat(dl.kind()).isEqualTo(DeadlineKind.CONTRACT_FILING);
            assertThat(dl.ref()).isEqualTo("HT-2024-009");
            assertThat(dl.start()).isEqualTo(d("2024-09-27"));
            assertThat(dl.due()).isEqualTo(d("2024-10-12"));
            assertThat(dl.isOpen()).isTrue();
            assertThat(dl.statusOn(d("2024-10-12"))).isEqualTo(DeadlineStatus.PENDING);
        }

        @Test
        @DisplayName("计算种类只认完整的名称")
        void kindsParseByExactName() {
            assertThat(CalculationKind.parse("CONTRACT_FILING")).contains(CalculationKind.CONTRACT_FILING);
            assertThat(CalculationKind.parse("contract_filing")).isEmpty();
            assertThat(CalculationKind.parse("WARRANTY_END")).isEmpty();
        }
    }
}
