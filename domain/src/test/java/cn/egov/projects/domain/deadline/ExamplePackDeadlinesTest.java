package cn.egov.projects.domain.deadline;

import cn.egov.projects.domain.calendar.PeriodArithmetic;
import cn.egov.projects.domain.calendar.Term;
import cn.egov.projects.domain.calendar.WorkingDayCalendar;
import cn.egov.projects.domain.policy.PolicyPacks;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The same events judged under the example pack: the kernel gives other days with no code change. */
@DisplayName("同一事件在示例政策包下的法定期限")
class ExamplePackDeadlinesTest {

    private final PeriodArithmetic arithmetic = new PeriodArithmetic(WorkingDayCalendar.official());
    private final DeadlineCalculator taicang = new DeadlineCalculator(PolicyPacks.taicang(), arithmetic);
    private final DeadlineCalculator example = new DeadlineCalculator(PolicyPacks.example(), arithmetic);

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    @DisplayName("2024-09-27签订的合同，示例政策包五个工作日应于2024-10-10前报送，太仓办法为2024-10-12")
    void contractFilingFiveWorkingDays() {
        // 09-29 Sun worked (1), 09-30 (2), 10-08 (3), 10-09 (4), 10-10 (5)
        Calculation c = example.compute(CalculationKind.CONTRACT_FILING, d("2024-09-27"), false);

        assertThat(c.due()).isEqualTo(d("2024-10-10"));
        assertThat(c.term()).isEqualTo(Term.workingDays(5));
        assertThat(taicang.compute(CalculationKind.CONTRACT_FILING, d("2024-09-27"), false).due())
                .isEqualTo(d("2024-10-12"));
    }

    @Test
    @DisplayName("2024-03-15起算的进度报告，示例政策包每月一报，应于2024-04-15前报送")
    void progressMonthly() {
        assertThat(example.compute(CalculationKind.PROGRESS_REPORT, d("2024-03-15"), false).due())
                .isEqualTo(d("2024-04-15"));
    }

    @Test
    @DisplayName("2025-09-26验收的，示例政策包十个工作日应于2025-10-16前报送验收报告")
    void acceptanceReportTenWorkingDays() {
        // ... 10-13 (7), 10-14 (8), 10-15 (9), 10-16 (10)
        assertThat(example.compute(CalculationKind.ACCEPTANCE_REPORT, d("2025-09-26"), false).due())
                .isEqualTo(d("2025-10-16"));
    }

    @Test
    @DisplayName("2023-11-30验收的，示例政策包六个月应于2024-05-30前完成竣工决算")
    void finalAccountsSixMonths() {
        assertThat(example.compute(CalculationKind.FINAL_ACCOUNTS, d("2023-11-30"), false).due())
                .isEqualTo(d("2024-05-30"));
    }

    @Test
    @DisplayName("2024-01-15开始试运行的，示例政策包不论是否软件开发项目，最早2024-04-16验收")
    void earliestAcceptanceThreeMonths() {
        assertThat(example.compute(CalculationKind.EARLIEST_ACCEPTANCE, d("2024-01-15"), false).due())
                .isEqualTo(d("2024-04-16"));
        assertThat(example.compute(CalculationKind.EARLIEST_ACCEPTANCE, d("2024-01-15"), true).due())
                .isEqualTo(d("2024-04-16"));
    }

    @Test
    @DisplayName("实施方案、实质性启动和验收期限两个政策包相同")
    void sharedTermsGiveTheSameDays() {
        assertThat(example.compute(CalculationKind.IMPL_PLAN, d("2024-01-31"), false).due()).isEqualTo(d("2024-02-29"));
        assertThat(example.compute(CalculationKind.SUBSTANTIVE_START, d("2024-02-29"), false).due())
                .isEqualTo(d("2025-02-28"));
        assertThat(example.compute(CalculationKind.ACCEPTANCE_LIMIT, d("2024-05-31"), false).due())
                .isEqualTo(d("2025-06-03"));
    }
}
