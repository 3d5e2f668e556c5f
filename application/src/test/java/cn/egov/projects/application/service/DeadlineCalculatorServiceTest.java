package cn.egov.projects.application.service;

import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.application.fake.FakeWorld;
import cn.egov.projects.application.port.in.ComputeDeadlineQuery;
import cn.egov.projects.domain.deadline.Calculation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeadlineCalculatorServiceTest {

    private final FakeWorld world = new FakeWorld(LocalDate.of(2026, 11, 27));

    @ParameterizedTest(name = "{0} 自 {1}（软件开发={2}）→ {3}，{4}")
    @CsvSource({
            "CONTRACT_FILING,     2024-09-27, false, 2024-10-12, 第十四条, false",
            "ACCEPTANCE_REPORT,   2025-09-26, false, 2025-10-13, 第二十五条, false",
            "IMPL_PLAN,           2024-01-31, false, 2024-02-29, 第十三条, false",
            "IMPL_PLAN,           2026-01-23, false, 2026-02-24, 第十三条, false",
            "FINAL_ACCOUNTS,      2023-11-30, false, 2024-02-29, 第二十六条, false",
            "SUBSTANTIVE_START,   2024-02-29, false, 2025-02-28, 第十七条, false",
            "ACCEPTANCE_LIMIT,    2026-12-01, false, 2027-12-01, 第二十二条, true",
            "PROGRESS_REPORT,     2024-07-01, false, 2024-10-08, 第十六条, false",
            "EARLIEST_ACCEPTANCE, 2024-01-15, false, 2024-02-16, 第二十二条, false",
            "EARLIEST_ACCEPTANCE, 2024-01-15, true,  2024-03-16, 第二十二条, false",
    })
    @DisplayName("期限计算器按太仓政策包和官方日历给出到期日")
    void computesDueDays(String kind, String start, boolean software, String due, String article, boolean provisional) {
        Calculation c = world.calculator.compute(ComputeDeadlineQuery.parse(kind, start, String.valueOf(software)));
        assertThat(c.due()).isEqualTo(LocalDate.parse(due));
        assertThat(c.article()).isEqualTo(article);
        assertThat(c.provisional()).isEqualTo(provisional);
        assertThat(c.start()).isEqualTo(LocalDate.parse(start));
    }

    @Test
    @DisplayName("未知期限类型、格式错误的日期和错误的软件标志都指明字段")
    void badInputNamesTheField() {
        assertThatThrownBy(() -> ComputeDeadlineQuery.parse("WARRANTY_END", "2024-01-01", null))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> {
                    assertThat(e.field()).isEqualTo("kind");
                    assertThat(e.messageZh()).contains("CONTRACT_FILING");
                });
        assertThatThrownBy(() -> ComputeDeadlineQuery.parse("IMPL_PLAN", "2024-02-30", null))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> assertThat(e.field()).isEqualTo("start"));
        assertThatThrownBy(() -> ComputeDeadlineQuery.parse("IMPL_PLAN", null, null))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> assertThat(e.field()).isEqualTo("start"));
        assertThatThrownBy(() -> ComputeDeadlineQuery.parse("IMPL_PLAN", "2024-01-01", "yes"))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> assertThat(e.field()).isEqualTo("software"));
    }
}
