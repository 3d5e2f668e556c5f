package cn.egov.projects.domain.deadline;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("期限的状态")
class DeadlineStatusTest {

    /** A contract signed 2025-03-14, to be filed by 2025-03-25. */
    private static Deadline filing() {
        return Deadline.open(UUID.randomUUID(), DeadlineKind.CONTRACT_FILING, "HT-2025-001", LocalDate.of(2025, 3, 14),
                LocalDate.of(2025, 3, 25), false);
    }

    @Test
    @DisplayName("到期日当天及之前未完成的期限为待办")
    void pendingUpToTheDueDay() {
        assertThat(filing().statusOn(LocalDate.of(2025, 3, 14))).isEqualTo(DeadlineStatus.PENDING);
        assertThat(filing().statusOn(LocalDate.of(2025, 3, 25))).isEqualTo(DeadlineStatus.PENDING);
        assertThat(DeadlineStatus.PENDING.isOpen()).isTrue();
    }

    @Test
    @DisplayName("到期日次日仍未完成的期限为已逾期")
    void overdueTheDayAfter() {
        assertThat(filing().statusOn(LocalDate.of(2025, 3, 26))).isEqualTo(DeadlineStatus.OVERDUE);
        assertThat(DeadlineStatus.OVERDUE.isOpen()).isTrue();
        assertThat(DeadlineStatus.OVERDUE.zh()).isEqualTo("已逾期");
    }

    @Test
    @DisplayName("到期日当天完成的为按期完成")
    void metOnTheDueDayIsOnTime() {
        Deadline met = filing().metOn(LocalDate.of(2025, 3, 25));

        assertThat(met.isOpen()).isFalse();
        assertThat(met.statusOn(LocalDate.of(2025, 12, 31))).isEqualTo(DeadlineStatus.MET_ON_TIME);
    }

    @Test
    @DisplayName("到期日次日完成的为逾期完成，不被拒绝")
    void metTheDayAfterIsLate() {
        Deadline met = filing().metOn(LocalDate.of(2025, 3, 26));

        assertThat(met.metOn()).isEqualTo(LocalDate.of(2025, 3, 26));
        assertThat(met.statusOn(LocalDate.of(2025, 3, 26))).isEqualTo(DeadlineStatus.MET_LATE);
        assertThat(DeadlineStatus.MET_LATE.zh()).isEqualTo("逾期完成");
        assertThat(DeadlineStatus.MET_LATE.isOpen()).isFalse();
    }

    @Test
    @DisplayName("豁免的期限即使已过到期日也为已豁免")
    void waivedStaysWaived() {
        Deadline waived = filing().waived("项目已终止");

        assertThat(waived.statusOn(LocalDate.of(2025, 4, 30))).isEqualTo(DeadlineStatus.WAIVED);
        assertThat(waived.waivedReason()).isEqualTo("项目已终止");
        assertThat(waived.isOpen()).isFalse();
    }

    @Test
    @DisplayName("已完成的期限不能再豁免或改记完成日期")
    void closedDeadlinesDoNotChange() {
        Deadline met = filing().metOn(LocalDate.of(2025, 3, 20));

        assertThat(met.waived("项目已终止")).isEqualTo(met);
        assertThat(met.metOn(LocalDate.of(2025, 3, 28))).isEqualTo(met);
        Deadline waived = filing().waived("豁免");
        assertThat(waived.metOn(LocalDate.of(2025, 3, 20))).isEqualTo(waived);
    }

    @Test
    @DisplayName("重新计算到期日后，按新的到期日判断")
    void rescheduledDeadlineUsesItsNewDay() {
        Deadline moved = filing().rescheduled(LocalDate.of(2025, 3, 27), false);

        assertThat(moved.statusOn(LocalDate.of(2025, 3, 26))).isEqualTo(DeadlineStatus.PENDING);
        assertThat(moved.statusOn(LocalDate.of(2025, 3, 28))).isEqualTo(DeadlineStatus.OVERDUE);
    }

    @Test
    @DisplayName("到期日早于起算日、既完成又豁免、豁免无理由的期限不能建立")
    void invalidDeadlinesAreRefused() {
        UUID id = UUID.randomUUID();
        LocalDate start = LocalDate.of(2025, 3, 14);
        assertThatThrownBy(() -> Deadline.open(id, DeadlineKind.CONTRACT_FILING, null, start, start.minusDays(1), false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Deadline(id, DeadlineKind.CONTRACT_FILING, null, start, start.plusDays(7), false,
                start.plusDays(1), "豁免")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> filing().waived(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
