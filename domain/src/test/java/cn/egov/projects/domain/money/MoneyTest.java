package cn.egov.projects.domain.money;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("金额")
class MoneyTest {

    @Test
    @DisplayName("以元为单位的金额精确到分")
    void parsesYuanToFen() {
        assertThat(Money.yuan("800000").fen()).isEqualTo(80_000_000L);
        assertThat(Money.yuan("799999.99").fen()).isEqualTo(79_999_999L);
        assertThat(Money.yuan("0.01").fen()).isEqualTo(1L);
        assertThat(Money.yuan(" 12.5 ").fen()).isEqualTo(1250L);
        assertThat(Money.yuan("800000").toString()).isEqualTo("800000.00");
    }

    @Test
    @DisplayName("按分建立的金额与按元解析的金额相同")
    void fenAndYuanAgree() {
        assertThat(Money.ofFen(79_999_999L)).isEqualTo(Money.yuan("799999.99"));
        assertThat(Money.ofFen(0L)).isEqualTo(Money.ZERO);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0.001", "799999.999", "1.005"})
    @DisplayName("超过两位小数的金额被拒绝")
    void moreThanTwoDecimalsIsRefused(String text) {
        assertThatThrownBy(() -> Money.yuan(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("最多两位小数");
    }

    @Test
    @DisplayName("末尾为零的三位小数不算超过两位小数")
    void trailingZerosAreFine() {
        assertThat(Money.yuan("1.100")).isEqualTo(Money.yuan("1.1"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-0.01", "-800000"})
    @DisplayName("负数金额被拒绝")
    void negativeIsRefused(String text) {
        assertThatThrownBy(() -> Money.yuan(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("不能为负数");
    }

    @ParameterizedTest(name = "「{0}」")
    @ValueSource(strings = {"", "八十万", "800,000", "12元"})
    @DisplayName("不是数字的金额被拒绝")
    void nonNumbersAreRefused(String text) {
        assertThatThrownBy(() -> Money.yuan(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("金额格式不正确");
    }

    @Test
    @DisplayName("金额比较是精确的：0.1元加0.2元恰好等于0.30元")
    void arithmeticIsExact() {
        Money sum = Money.yuan("0.1").plus(Money.yuan("0.2"));

        assertThat(sum).isEqualTo(Money.yuan("0.30"));
        assertThat(sum.compareTo(Money.yuan("0.3"))).isZero();
        assertThat(sum.hashCode()).isEqualTo(Money.yuan("0.3").hashCode());
    }

    @Test
    @DisplayName("差一分的金额比较不相等")
    void oneFenApartIsDifferent() {
        Money budget = Money.yuan("600000.00");
        Money over = Money.yuan("600000.01");

        assertThat(over.exceeds(budget)).isTrue();
        assertThat(budget.exceeds(budget)).isFalse();
        assertThat(budget.isAtLeast(budget)).isTrue();
        assertThat(Money.yuan("599999.99").isAtLeast(budget)).isFalse();
        assertThat(over).isNotEqualTo(budget);
    }

    @Test
    @DisplayName("1.5元与1.50元相等，哈希值相同")
    void scaleDoesNotMatter() {
        assertThat(Money.yuan("1.5")).isEqualTo(Money.yuan("1.50"));
        assertThat(Money.yuan("1.5").hashCode()).isEqualTo(Money.yuan("1.50").hashCode());
        assertThat(Money.of(new BigDecimal("100"))).isEqualTo(Money.yuan("100.00"));
    }

    @Test
    @DisplayName("金额按中文公文写法显示：800,000.00元")
    void chineseRendering() {
        assertThat(Money.yuan("800000").toChinese()).isEqualTo("800,000.00元");
        assertThat(Money.yuan("0.5").toChinese()).isEqualTo("0.50元");
        assertThat(Money.yuan("1234567.89").toChinese()).isEqualTo("1,234,567.89元");
        // every length of the whole part, as the formatter writes them
        for (String v : new String[] {"0", "7", "12", "123", "1234", "12345", "123456", "1234567", "12345678",
                "123456789", "0.05", "1234.5", "999999999.99"}) {
            assertThat(Money.yuan(v).toChinese()).as(v)
                    .isEqualTo(String.format(Locale.ROOT, "%,.2f元", new BigDecimal(v)));
        }
    }

    @Test
    @DisplayName("金额的中文写法不随服务器的区域设置变化")
    void chineseRenderingIgnoresTheDefaultLocale() {
        Locale before = Locale.getDefault();
        Locale beforeFormat = Locale.getDefault(Locale.Category.FORMAT);
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(Money.yuan("800000").toChinese()).isEqualTo("800,000.00元");
        } finally {
            Locale.setDefault(before);
            Locale.setDefault(Locale.Category.FORMAT, beforeFormat);
        }
    }

    @Test
    @DisplayName("最大金额为99,999,999,999,999.99元（NUMERIC(16,2)），再大一分或整数部分超过14位被拒绝")
    void largestAmount() {
        assertThat(Money.yuan("99999999999999.99")).isEqualTo(Money.MAX);
        assertThat(Money.of(new BigDecimal("99999999999999.99"))).isEqualTo(Money.MAX);
        assertThatThrownBy(() -> Money.yuan("100000000000000")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("不能超过99,999,999,999,999.99元");
        assertThatThrownBy(() -> Money.of(new BigDecimal("100000000000000.00")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("不能超过");
        assertThat(Money.yuan("000000000000000000000001.10")).isEqualTo(Money.yuan("1.1"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1E+999999999", "1e999999999", "9.9E+2147483647", "1E-999999999", "-1E+999999999"})
    @DisplayName("指数极大或极小的金额立即被拒绝，不展开数字，提示不复述输入")
    void hugeExponentsAreRefusedAtOnce(String text) {
        BigDecimal value = new BigDecimal(text);
        long started = System.nanoTime();
        assertThatThrownBy(() -> Money.of(value)).isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(60).doesNotContain("999999999"));
        assertThat(System.nanoTime() - started).isLessThan(1_000_000_000L);
    }

    @Test
    @DisplayName("过长的金额文字被拒绝，提示不复述输入")
    void longTextIsRefusedWithoutEcho() {
        String text = "1" + "0".repeat(100_000);
        assertThatThrownBy(() -> Money.yuan(text)).isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(60));
        assertThatThrownBy(() -> Money.yuan("1." + "0".repeat(100))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("过长");
    }

    @Test
    @DisplayName("零总是0.00元，末尾的零不影响")
    void zero() {
        assertThat(Money.of(new BigDecimal("0E-999999999"))).isEqualTo(Money.ZERO);
        assertThat(Money.yuan("-0").toString()).isEqualTo("0.00");
        assertThat(Money.of(new BigDecimal("1E+5")).toString()).isEqualTo("100000.00");
    }
}
