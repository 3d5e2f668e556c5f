package cn.egov.projects.application.view;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("项目列表的搜索文字：名称中的一段，或编号的开头、结尾（简称）")
class ProjectListFilterTest {

    private static final String NUMBER = "01a24f50-7659-7000-8c5f-d5b512bd6cb9";

    private static boolean matches(String text) {
        return new ProjectListFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(text)).matchesText("智慧公安数据平台", NUMBER);
    }

    @Test
    @DisplayName("名称中的一段、编号的开头、编号的末8位（不分大小写）都能找到；编号中间的一段和别的文字不能")
    void nameNumberStartOrEnd() {
        assertThat(matches("数据平台")).isTrue();
        assertThat(matches("01A24F50")).isTrue();
        assertThat(matches("12BD6CB9")).isTrue();
        assertThat(matches(NUMBER)).isTrue();
        assertThat(matches("7659-7000")).isFalse();
        assertThat(matches("卫生")).isFalse();
        assertThat(new ProjectListFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()).matchesText("任何项目", NUMBER)).isTrue();
    }

    @Test
    @DisplayName("搜索文字去掉首尾空白，全为空白视为不搜索，超过50字被拒绝并说明")
    void textIsTrimmedAndBounded() {
        assertThat(new ProjectListFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("   ")).text()).isEmpty();
        assertThat(new ProjectListFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("  平台 ")).text()).contains("平台");
        assertThatThrownBy(() -> new ProjectListFilter(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of("长".repeat(ProjectListFilter.MAX_TEXT + 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("搜索内容不能超过50字");
    }
}
