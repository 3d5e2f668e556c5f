package cn.egov.projects.persistence;

import cn.egov.projects.domain.declaration.DeclarationWindow;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract of {@code DeclarationWindowPort}: one window per plan year, a later save replacing it. */
abstract class DeclarationWindowContractTest extends PersistenceContractTest {

    @Test
    @DisplayName("保存的申报期按计划年度读回")
    void savedWindowIsFound() {
        DeclarationWindow window = new DeclarationWindow(2026, LocalDate.of(2025, 7, 1), LocalDate.of(2025, 9, 30));
        adapters.windows().save(window);
        assertThat(adapters.windows().find(2026)).contains(window);
    }

    @Test
    @DisplayName("同一计划年度再次保存时替换原申报期，其他年度不受影响")
    void savingAgainReplacesTheSameYear() {
        DeclarationWindow other = new DeclarationWindow(2027, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 8, 31));
        adapters.windows().save(other);
        adapters.windows().save(new DeclarationWindow(2028, LocalDate.of(2027, 7, 1), LocalDate.of(2027, 8, 31)));
        DeclarationWindow extended = new DeclarationWindow(2028, LocalDate.of(2027, 7, 1), LocalDate.of(2027, 9, 30));
        adapters.windows().save(extended);

        assertThat(adapters.windows().find(2028)).contains(extended);
        assertThat(adapters.windows().find(2027)).contains(other);
    }

    @Test
    @DisplayName("没有开启申报期的年度得到空结果")
    void unknownYearIsEmpty() {
        assertThat(adapters.windows().find(2099)).isEmpty();
    }
}
