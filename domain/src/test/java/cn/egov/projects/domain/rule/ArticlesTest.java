package cn.egov.projects.domain.rule;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("条款号的中文写法")
class ArticlesTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "1, 第一条",
            "2, 第二条",
            "9, 第九条",
            "10, 第十条",
            "11, 第十一条",
            "15, 第十五条",
            "19, 第十九条",
            "20, 第二十条",
            "21, 第二十一条",
            "27, 第二十七条",
            "29, 第二十九条",
            "99, 第九十九条"})
    @DisplayName("条款号按办法原文的写法书写")
    void writesArticlesAsTheMeasuresDo(int article, String expected) {
        assertThat(Articles.chinese(article)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {0, -1, 100})
    @DisplayName("1至99以外的条款号被拒绝")
    void outOfRangeIsRefused(int article) {
        assertThatThrownBy(() -> Articles.chinese(article)).isInstanceOf(IllegalArgumentException.class);
    }
}
