package cn.egov.projects.persistence.project;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DateTimeException;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("文档中的日期读取与标准ISO解析一致")
class ProjectDocumentDaysTest {

    @Test
    @DisplayName("1999至2101年的每一天（含闰年2月29日、月末、年末）读回原日期")
    void everyDayReadsBack() {
        for (LocalDate d = LocalDate.of(1999, 1, 1); d.isBefore(LocalDate.of(2102, 1, 1)); d = d.plusDays(1)) {
            assertThat(ProjectDocuments.day(d.toString())).isEqualTo(d);
        }
        assertThat(ProjectDocuments.day("0001-01-01")).isEqualTo(LocalDate.of(1, 1, 1));
        assertThat(ProjectDocuments.day("+10000-01-01")).isEqualTo(LocalDate.of(10000, 1, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-02-29", "2024-02-30", "2025-13-01", "2025-00-10", "2025-04-31", "2025-4-1",
            "2025/04/01", "20250401", "２０２５-04-01", "2025-04-0a", "", "2025-04-01T00:00"})
    @DisplayName("不存在或格式不对的日期被拒绝，与LocalDate.parse相同")
    void badDaysAreRefused(String text) {
        assertThatThrownBy(() -> LocalDate.parse(text)).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> ProjectDocuments.day(text)).isInstanceOf(DateTimeException.class);
    }
}
