package cn.egov.projects.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("一年的节假日安排")
class YearArrangementTest {

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    @DisplayName("调休上班日是周一至周五时拒绝，并在消息中写明日期")
    void workOnAWeekdayIsRejected() {
        // 2024-02-05 is a Monday
        assertThatThrownBy(() -> new YearArrangement(2024, "x", Set.of(), Set.of(d("2024-02-05"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2024-02-05")
                .hasMessageContaining("MONDAY");
    }

    @Test
    @DisplayName("同一天既是放假日又是调休上班日时拒绝")
    void bothRestAndWorkIsRejected() {
        assertThatThrownBy(() -> new YearArrangement(2024, "x", Set.of(d("2024-02-04")), Set.of(d("2024-02-04"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2024-02-04");
    }

    @Test
    @DisplayName("日期只能落在前一年至后一年之间")
    void datesMustLieNearTheYear() {
        assertThat(new YearArrangement(2023, "x", Set.of(d("2022-12-31")), Set.of()).restDays())
                .containsExactly(d("2022-12-31"));
        assertThat(new YearArrangement(2023, "x", Set.of(d("2024-01-01")), Set.of()).restDays())
                .containsExactly(d("2024-01-01"));
        assertThatThrownBy(() -> new YearArrangement(2023, "x", Set.of(d("2021-12-31")), Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2021-12-31");
        // 2025-01-04 is a Saturday
        assertThatThrownBy(() -> new YearArrangement(2023, "x", Set.of(), Set.of(d("2025-01-04"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2025-01-04");
    }

    @Test
    @DisplayName("通知出处不能为空，也不能跨行")
    void noticeIsRequired() {
        assertThatThrownBy(() -> new YearArrangement(2024, " ", Set.of(), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new YearArrangement(2024, "a\nb", Set.of(), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new YearArrangement(2024, null, Set.of(), Set.of()))
                .isInstanceOf(NullPointerException.class);
        assertThat(new YearArrangement(2024, "  gov.cn  ", Set.of(), Set.of()).notice()).isEqualTo("gov.cn");
    }

    @Test
    @DisplayName("保存防御性副本，原集合之后的修改不影响安排，返回的集合不可修改")
    void defensiveCopies() {
        Set<LocalDate> rest = new HashSet<>(Set.of(d("2024-10-01")));
        Set<LocalDate> work = new HashSet<>(Set.of(d("2024-10-12")));
        YearArrangement y = new YearArrangement(2024, "x", rest, work);
        rest.add(d("2024-10-02"));
        work.clear();

        assertThat(y.restDays()).containsExactly(d("2024-10-01"));
        assertThat(y.workingWeekendDays()).containsExactly(d("2024-10-12"));
        assertThatThrownBy(() -> y.restDays().add(d("2024-10-03"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> y.workingWeekendDays().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("空日期和离谱的年份被拒绝")
    void nullsAndAbsurdYears() {
        Set<LocalDate> withNull = new HashSet<>();
        withNull.add(null);
        assertThatThrownBy(() -> new YearArrangement(2024, "x", withNull, Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new YearArrangement(2024, "x", null, Set.of()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new YearArrangement(-5, "x", Set.of(), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new YearArrangement(100_000, "x", Set.of(), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
