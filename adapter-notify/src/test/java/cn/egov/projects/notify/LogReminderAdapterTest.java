package cn.egov.projects.notify;

import cn.egov.projects.domain.deadline.Deadline;
import cn.egov.projects.domain.deadline.DeadlineKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class LogReminderAdapterTest {

    @Test
    @DisplayName("提醒日为到期前7、3、1日及当日，不早于期限起算日")
    void remindersFallOnThePolicyOffsetsWithinThePeriod() {
        LogReminderAdapter adapter = new LogReminderAdapter(List.of(7, 3, 1, 0));
        Deadline filing = Deadline.open(UUID.randomUUID(), DeadlineKind.CONTRACT_FILING, "HT-1",
                LocalDate.of(2024, 9, 27), LocalDate.of(2024, 10, 12), false);
        assertThat(adapter.reminderDays(filing)).containsExactly(
                LocalDate.of(2024, 10, 5), LocalDate.of(2024, 10, 9), LocalDate.of(2024, 10, 11),
                LocalDate.of(2024, 10, 12));

        Deadline shortOne = Deadline.open(UUID.randomUUID(), DeadlineKind.CONTRACT_FILING, "HT-2",
                LocalDate.of(2024, 10, 10), LocalDate.of(2024, 10, 12), false);
        assertThat(adapter.reminderDays(shortOne)).containsExactly(
                LocalDate.of(2024, 10, 11), LocalDate.of(2024, 10, 12));
    }
}
