package cn.egov.projects.domain.policy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("政策包的施行日期")
class PolicyHistoryTest {

    /** Taicang's pack from 2021-03-31 and the example pack from 2024-01-01, given out of order. */
    private static PolicyHistory history() {
        return new PolicyHistory(List.of(PolicyPacks.example(), PolicyPacks.taicang()));
    }

    @Test
    @DisplayName("2023-12-31申报的项目适用太仓办法")
    void dayBeforeTheNewPack() {
        assertThat(history().inForceOn(LocalDate.of(2023, 12, 31)).id()).isEqualTo("taicang-2021");
    }

    @Test
    @DisplayName("新政策包施行当日2024-01-01申报的项目适用新政策包")
    void effectiveDayIsIncluded() {
        assertThat(history().inForceOn(LocalDate.of(2024, 1, 1)).id()).isEqualTo("example-2024");
        assertThat(history().inForceOn(LocalDate.of(2026, 6, 1)).id()).isEqualTo("example-2024");
    }

    @Test
    @DisplayName("太仓办法施行当日2021-03-31起适用太仓办法，此前也按第一个政策包判断")
    void firstPackAppliesFromItsDayAndBefore() {
        assertThat(history().inForceOn(LocalDate.of(2021, 3, 31)).id()).isEqualTo("taicang-2021");
        assertThat(history().inForceOn(LocalDate.of(2021, 3, 30)).id()).isEqualTo("taicang-2021");
    }

    @Test
    @DisplayName("项目按申报时记录的政策包判断；政策包已不存在时按当日施行的政策包")
    void projectKeepsItsPack() {
        PolicyHistory h = history();

        assertThat(h.forProject("taicang-2021", LocalDate.of(2025, 1, 1)).id()).isEqualTo("taicang-2021");
        assertThat(h.forProject("retired-2019", LocalDate.of(2025, 1, 1)).id()).isEqualTo("example-2024");
        assertThat(h.byId("nothing")).isEmpty();
    }

    @Test
    @DisplayName("两个政策包使用同一编号的被拒绝，空的政策历史被拒绝")
    void invalidHistoriesAreRefused() {
        assertThatThrownBy(() -> new PolicyHistory(List.of(PolicyPacks.taicang(), PolicyPacks.taicang())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PolicyHistory(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
