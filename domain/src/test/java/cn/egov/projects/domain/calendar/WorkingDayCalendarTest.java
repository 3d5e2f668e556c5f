package cn.egov.projects.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("官方工作日历：国务院办公厅节假日安排通知")
class WorkingDayCalendarTest {

    private final WorkingDayCalendar calendar = WorkingDayCalendar.official();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    @DisplayName("内置2021至2026年的通知，2027年尚未持有")
    void heldYears() {
        assertThat(calendar.heldYears()).containsExactly(2021, 2022, 2023, 2024, 2025, 2026);
        for (int year = 2021; year <= 2026; year++) {
            assertThat(calendar.isHeld(year)).as("year %d", year).isTrue();
        }
        assertThat(calendar.isHeld(2020)).isFalse();
        assertThat(calendar.isHeld(2027)).isFalse();
    }

    @Test
    @DisplayName("持有年份的集合不可修改")
    void heldYearsIsUnmodifiable() {
        assertThatThrownBy(() -> calendar.heldYears().add(2027))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(calendar.isHeld(2027)).isFalse();
    }

    @Test
    @DisplayName("各年的通知出处与数据表一致")
    void notices() {
        assertThat(calendar.arrangement(2021).orElseThrow().notice()).isEqualTo("gov.cn 2020-11/25 content_5564127");
        assertThat(calendar.arrangement(2023).orElseThrow().notice()).isEqualTo("gov.cn 2022-12/08 content_5730844");
        assertThat(calendar.arrangement(2024).orElseThrow().notice()).isEqualTo("gov.cn 202310 content_6911528");
        assertThat(calendar.arrangement(2026).orElseThrow().notice()).isEqualTo("gov.cn 202511 content_7047091");
        assertThat(calendar.arrangement(2027)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("通知列出的放假日是休息日（含工作日放假和周末放假）")
    @ValueSource(strings = {
            "2021-01-01", "2021-02-11", "2021-02-17", "2021-04-05", "2021-05-05", "2021-06-14", "2021-09-20", "2021-10-07",
            "2022-01-03", "2022-01-31", "2022-02-04", "2022-04-04", "2022-05-04", "2022-06-03", "2022-09-12", "2022-10-07",
            "2022-12-31", "2023-01-02", "2023-01-27", "2023-04-05", "2023-05-03", "2023-06-23", "2023-09-29", "2023-10-06",
            "2024-01-01", "2024-02-12", "2024-02-16", "2024-04-04", "2024-05-03", "2024-06-10", "2024-09-16", "2024-10-07",
            "2025-01-01", "2025-01-28", "2025-02-04", "2025-04-04", "2025-05-05", "2025-06-02", "2025-10-08",
            "2026-01-02", "2026-02-16", "2026-02-23", "2026-04-06", "2026-05-05", "2026-06-19", "2026-09-25", "2026-10-07"})
    void listedRestDays(String day) {
        assertThat(calendar.isRestDay(d(day))).isTrue();
        assertThat(calendar.isWorkingDay(d(day))).isFalse();
        assertThat(calendar.isProvisional(d(day))).isFalse();
    }

    @ParameterizedTest(name = "{0} {1}")
    @DisplayName("每一个调休上班的周六、周日都是工作日")
    @CsvSource({
            "2021-02-07, SUNDAY", "2021-02-20, SATURDAY", "2021-04-25, SUNDAY", "2021-05-08, SATURDAY",
            "2021-09-18, SATURDAY", "2021-09-26, SUNDAY", "2021-10-09, SATURDAY",
            "2022-01-29, SATURDAY", "2022-01-30, SUNDAY", "2022-04-02, SATURDAY", "2022-04-24, SUNDAY",
            "2022-05-07, SATURDAY", "2022-10-08, SATURDAY", "2022-10-09, SUNDAY",
            "2023-01-28, SATURDAY", "2023-01-29, SUNDAY", "2023-04-23, SUNDAY", "2023-05-06, SATURDAY",
            "2023-06-25, SUNDAY", "2023-10-07, SATURDAY", "2023-10-08, SUNDAY",
            "2024-02-04, SUNDAY", "2024-02-18, SUNDAY", "2024-04-07, SUNDAY", "2024-04-28, SUNDAY",
            "2024-05-11, SATURDAY", "2024-09-14, SATURDAY", "2024-09-29, SUNDAY", "2024-10-12, SATURDAY",
            "2025-01-26, SUNDAY", "2025-02-08, SATURDAY", "2025-04-27, SUNDAY", "2025-09-28, SUNDAY",
            "2025-10-11, SATURDAY",
            "2026-01-04, SUNDAY", "2026-02-14, SATURDAY", "2026-02-28, SATURDAY", "2026-05-09, SATURDAY",
            "2026-09-20, SUNDAY", "2026-10-10, SATURDAY"})
    void workedWeekendDays(String day, DayOfWeek dayOfWeek) {
        assertThat(d(day).getDayOfWeek()).isEqualTo(dayOfWeek);
        assertThat(calendar.isWorkingDay(d(day))).isTrue();
        assertThat(calendar.isRestDay(d(day))).isFalse();
    }

    @Test
    @DisplayName("2023年通知的元旦假期从2022-12-31（周六）开始，2022-12-30（周五）照常上班")
    void newYearRestStartsInPreviousYear() {
        assertThat(calendar.isRestDay(d("2022-12-31"))).isTrue();
        assertThat(calendar.isRestDay(d("2023-01-01"))).isTrue();
        assertThat(calendar.isRestDay(d("2023-01-02"))).isTrue();
        assertThat(calendar.isWorkingDay(d("2022-12-30"))).isTrue();
        assertThat(calendar.isWorkingDay(d("2023-01-03"))).isTrue();
        assertThat(calendar.arrangement(2023).orElseThrow().restDays()).contains(d("2022-12-31"));
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("未调休的普通周末是休息日")
    @ValueSource(strings = {"2021-03-06", "2022-03-13", "2023-07-15", "2024-03-02", "2024-03-03",
            "2024-10-13", "2025-02-09", "2025-07-19", "2026-03-01", "2026-11-28"})
    void ordinaryWeekends(String day) {
        assertThat(calendar.isRestDay(d(day))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("未放假的普通周一至周五是工作日")
    @ValueSource(strings = {"2021-03-08", "2022-06-06", "2023-04-06", "2024-02-09", "2024-02-19",
            "2024-10-08", "2025-02-05", "2025-10-09", "2026-02-24", "2026-12-31"})
    void ordinaryWeekdays(String day) {
        assertThat(calendar.isWorkingDay(d(day))).isTrue();
    }

    @Test
    @DisplayName("2027年尚无通知：周一至周五按工作日计、周末按休息日计，且均为暂定")
    void unheldYearIsProvisional() {
        // 2027-01-01 is a Friday: computed as working even though New Year's Day will surely be a rest day.
        assertThat(calendar.isWorkingDay(d("2027-01-01"))).isTrue();
        assertThat(calendar.isWorkingDay(d("2027-02-08"))).isTrue();
        assertThat(calendar.isWorkingDay(d("2027-10-01"))).isTrue();
        assertThat(calendar.isRestDay(d("2027-01-02"))).isTrue();
        assertThat(calendar.isRestDay(d("2027-01-03"))).isTrue();
        assertThat(calendar.isProvisional(d("2027-01-01"))).isTrue();
        assertThat(calendar.isProvisional(d("2027-12-31"))).isTrue();
        assertThat(calendar.isProvisional(d("2026-12-31"))).isFalse();
    }

    @ParameterizedTest(name = "{0}年有{1}个工作日")
    @DisplayName("各年工作日总数与按数据表手工计算一致")
    @CsvSource({"2021, 250", "2022, 249", "2023, 249", "2024, 251", "2025, 248", "2026, 248"})
    void workingDaysPerYear(int year, int expected) {
        PeriodArithmetic arithmetic = new PeriodArithmetic(calendar);
        assertThat(arithmetic.workingDaysBetween(LocalDate.of(year - 1, 12, 31), LocalDate.of(year, 12, 31)))
                .isEqualTo(expected);
    }

    @Test
    @DisplayName("从某日起的第一个工作日：节假日顺延到节后，工作日与调休周末保持不变")
    void firstWorkingDayOnOrAfter() {
        assertThat(calendar.firstWorkingDayOnOrAfter(d("2024-10-01"))).isEqualTo(d("2024-10-08"));
        assertThat(calendar.firstWorkingDayOnOrAfter(d("2024-09-28"))).isEqualTo(d("2024-09-29"));
        assertThat(calendar.firstWorkingDayOnOrAfter(d("2024-10-12"))).isEqualTo(d("2024-10-12"));
        assertThat(calendar.firstWorkingDayOnOrAfter(d("2025-01-28"))).isEqualTo(d("2025-02-05"));
        assertThat(calendar.firstWorkingDayOnOrAfter(d("2022-12-31"))).isEqualTo(d("2023-01-03"));
        assertThat(calendar.firstWorkingDayOnOrAfter(d("2027-01-02"))).isEqualTo(d("2027-01-04"));
    }

    @Test
    @DisplayName("载入2027年安排后，2027年的日期不再暂定，所列放假日为休息日、调休周末为工作日")
    void withYearsAddsAYear() {
        // A hypothetical arrangement, only for this test.
        YearArrangement y2027 = new YearArrangement(2027, "test 2027",
                Set.of(d("2027-01-01"), d("2027-02-08"), d("2027-02-09")),
                Set.of(d("2027-02-06")));
        WorkingDayCalendar extended = calendar.withYears(List.of(y2027));

        assertThat(extended.isHeld(2027)).isTrue();
        assertThat(extended.heldYears()).containsExactly(2021, 2022, 2023, 2024, 2025, 2026, 2027);
        assertThat(extended.isProvisional(d("2027-03-15"))).isFalse();
        assertThat(extended.isRestDay(d("2027-01-01"))).isTrue();
        assertThat(extended.isRestDay(d("2027-02-08"))).isTrue();
        assertThat(extended.isWorkingDay(d("2027-02-06"))).isTrue();
        assertThat(extended.isWorkingDay(d("2027-02-10"))).isTrue();
        // the earlier years are kept
        assertThat(extended.isRestDay(d("2024-10-01"))).isTrue();
        // the original calendar is unchanged
        assertThat(calendar.isHeld(2027)).isFalse();
        assertThat(calendar.isWorkingDay(d("2027-01-01"))).isTrue();
    }

    @Test
    @DisplayName("载入同一年份的新安排时替换原安排")
    void withYearsReplacesAYear() {
        YearArrangement replacement = new YearArrangement(2024, "corrected", Set.of(d("2024-10-02")), Set.of());
        WorkingDayCalendar replaced = calendar.withYears(List.of(replacement));

        assertThat(replaced.isWorkingDay(d("2024-10-01"))).isTrue();
        assertThat(replaced.isRestDay(d("2024-10-02"))).isTrue();
        assertThat(replaced.isRestDay(d("2024-10-12"))).isTrue();
        assertThat(replaced.arrangement(2024).orElseThrow().notice()).isEqualTo("corrected");
        assertThat(calendar.isRestDay(d("2024-10-01"))).isTrue();
    }

    @Test
    @DisplayName("同一年份给出两次，或两份通知对同一天说法相反，均被拒绝")
    void conflictingArrangementsAreRejected() {
        YearArrangement a = new YearArrangement(2030, "a", Set.of(), Set.of());
        YearArrangement b = new YearArrangement(2030, "b", Set.of(), Set.of());
        assertThatThrownBy(() -> WorkingDayCalendar.of(List.of(a, b)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2030");

        // 2022-12-31 is a Saturday: the 2023 notice makes it a rest day.
        YearArrangement worked = new YearArrangement(2022, "x", Set.of(), Set.of(d("2022-12-31")));
        assertThatThrownBy(() -> calendar.withYears(List.of(worked)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2022-12-31");
    }

    @Test
    @DisplayName("空日历按周一至周五计算，所有年份都暂定")
    void emptyCalendar() {
        WorkingDayCalendar empty = WorkingDayCalendar.of(List.of());
        assertThat(empty.heldYears()).isEmpty();
        assertThat(empty.isWorkingDay(d("2024-10-01"))).isTrue();
        assertThat(empty.isRestDay(d("2024-10-12"))).isTrue();
        assertThat(empty.isProvisional(d("2024-10-01"))).isTrue();
    }
}
