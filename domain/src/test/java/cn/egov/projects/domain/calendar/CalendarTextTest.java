package cn.egov.projects.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("日历文本格式的读写")
class CalendarTextTest {

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static String officialText() throws IOException {
        try (InputStream in = WorkingDayCalendar.class.getResourceAsStream("official-calendar.txt")) {
            assertThat(in).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    @DisplayName("读取含注释、空行、日期区间和调休日的年份块")
    void parsesABlock() {
        String text = """
                # 国务院办公厅关于2024年部分节假日安排的通知

                year 2024 notice gov.cn 202310 content_6911528
                rest 2024-01-01
                rest 2024-02-10..2024-02-17
                  # 调休
                work 2024-02-04
                """;
        List<YearArrangement> years = CalendarText.parse(text);

        assertThat(years).hasSize(1);
        YearArrangement y = years.get(0);
        assertThat(y.year()).isEqualTo(2024);
        assertThat(y.notice()).isEqualTo("gov.cn 202310 content_6911528");
        assertThat(y.restDays()).containsExactly(d("2024-01-01"), d("2024-02-10"), d("2024-02-11"), d("2024-02-12"),
                d("2024-02-13"), d("2024-02-14"), d("2024-02-15"), d("2024-02-16"), d("2024-02-17"));
        assertThat(y.workingWeekendDays()).containsExactly(d("2024-02-04"));
    }

    @Test
    @DisplayName("读取多个年份块，接受Windows换行和BOM")
    void parsesSeveralBlocksWithCrLf() {
        String text = "\uFEFFyear 2030 notice a\r\nrest 2030-01-01\r\n\r\nyear 2031 notice b c\r\nwork 2031-01-04\r\n";
        List<YearArrangement> years = CalendarText.parse(text);

        assertThat(years).containsExactly(
                new YearArrangement(2030, "a", Set.of(d("2030-01-01")), Set.of()),
                new YearArrangement(2031, "b c", Set.of(), Set.of(d("2031-01-04"))));
    }

    @Test
    @DisplayName("写出的文本把连续放假日合并为区间，读回后与原安排相等")
    void formatsAndRoundTrips() {
        YearArrangement y = new YearArrangement(2024, "gov.cn 202310 content_6911528",
                Set.of(d("2024-10-03"), d("2024-10-01"), d("2024-10-02"), d("2024-06-10")),
                Set.of(d("2024-10-12"), d("2024-09-29")));
        String text = CalendarText.format(List.of(y));

        assertThat(text).isEqualTo("""
                year 2024 notice gov.cn 202310 content_6911528
                rest 2024-06-10
                rest 2024-10-01..2024-10-03
                work 2024-09-29
                work 2024-10-12
                """);
        assertThat(CalendarText.parse(text)).containsExactly(y);
    }

    @Test
    @DisplayName("内置数据读出后写出再读回，结果不变")
    void officialDataRoundTrips() throws IOException {
        List<YearArrangement> years = CalendarText.parse(officialText());

        assertThat(years).extracting(YearArrangement::year).containsExactly(2021, 2022, 2023, 2024, 2025, 2026);
        assertThat(CalendarText.parse(CalendarText.format(years))).isEqualTo(years);
        assertThat(WorkingDayCalendar.of(years).heldYears()).isEqualTo(WorkingDayCalendar.official().heldYears());
    }

    @Test
    @DisplayName("内置数据各年的放假日数、调休日数与数据表一致")
    void officialDataCounts() throws IOException {
        List<YearArrangement> years = CalendarText.parse(officialText());
        // rest days: 2021 3+7+3+5+3+3+7; 2022 3+7+3+5+3+3+7; 2023 3+7+1+5+3+8;
        // 2024 1+8+3+5+1+3+7; 2025 1+8+3+5+3+8; 2026 3+9+3+5+3+3+7
        assertThat(years).extracting(y -> y.restDays().size()).containsExactly(31, 31, 27, 28, 28, 33);
        assertThat(years).extracting(y -> y.workingWeekendDays().size()).containsExactly(7, 7, 7, 8, 5, 6);
    }

    @Test
    @DisplayName("空文本得到空列表")
    void emptyText() {
        assertThat(CalendarText.parse("")).isEmpty();
        assertThat(CalendarText.parse("# only a comment\n\n")).isEmpty();
        assertThat(CalendarText.format(List.of())).isEmpty();
    }

    @Test
    @DisplayName("不存在的日期报错并指出行号")
    void badDate() {
        CalendarFormatException e = catchThrowableOfType(CalendarFormatException.class,
                () -> CalendarText.parse("year 2024 notice x\nrest 2024-01-01\nrest 2024-02-30\n"));
        assertThat(e.lineNumber()).isEqualTo(3);
        assertThat(e.getMessage()).startsWith("line 3:").contains("2024-02-30");
    }

    @Test
    @DisplayName("未知关键字报错并指出行号")
    void unknownKeyword() {
        CalendarFormatException e = catchThrowableOfType(CalendarFormatException.class,
                () -> CalendarText.parse("# c\nyear 2024 notice x\nholiday 2024-01-01\n"));
        assertThat(e.lineNumber()).isEqualTo(3);
        assertThat(e.reason()).contains("holiday");
    }

    @Test
    @DisplayName("把周一至周五列为调休上班日报错并指出行号和日期")
    void workOnAWeekday() {
        // 2024-02-05 is a Monday
        CalendarFormatException e = catchThrowableOfType(CalendarFormatException.class,
                () -> CalendarText.parse("year 2024 notice x\nwork 2024-02-04\nwork 2024-02-05\n"));
        assertThat(e.lineNumber()).isEqualTo(3);
        assertThat(e.reason()).contains("2024-02-05").contains("MONDAY");
    }

    @Test
    @DisplayName("其他格式错误均报错并指出行号")
    void otherMalformedLines() {
        assertLineError("rest 2024-01-01\n", 1);                                  // before any year
        assertLineError("year 2024\n", 1);                                        // no notice
        assertLineError("year 20x4 notice x\n", 1);                               // not a year
        assertLineError("year 2024 notice x\nrest 2024-02-17..2024-02-10\n", 2);  // reversed range
        assertLineError("year 2024 notice x\nrest 2026-01-01\n", 2);              // outside 2023..2025
        assertLineError("year 2024 notice x\nrest 2024-01-01 2024-01-02\n", 2);   // two dates
        assertLineError("year 2024 notice x\nrest\n", 2);                         // no date
        assertLineError("year 2024 notice x\nwork 2024-02-03..2024-02-04\n", 2);  // work range
        assertLineError("year 2024 notice x\nrest 2024-02-04\nwork 2024-02-04\n", 3); // both
        assertLineError("year 2024 notice x\nwork 2024-02-04\nrest 2024-02-01..2024-02-05\n", 3);
        assertLineError("year 2024 notice x\nrest 2024-01-01\nrest 2024-01-01\n", 3); // twice
        assertLineError("year 2024 notice x\n\nyear 2024 notice y\n", 3);         // year twice
        assertLineError("year 2024 notice x\nrest 2024-1-1\n", 2);                // not ISO
    }

    private static void assertLineError(String text, int line) {
        assertThatThrownBy(() -> CalendarText.parse(text))
                .as(text)
                .isInstanceOf(CalendarFormatException.class)
                .hasMessageStartingWith("line " + line + ":")
                .satisfies(e -> assertThat(((CalendarFormatException) e).lineNumber()).isEqualTo(line));
    }
}
