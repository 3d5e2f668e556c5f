package cn.egov.projects.domain.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Objects;

/**
 * An exact amount of Chinese yuan, held with two decimals (fen). Never floating point.
 */
public final class Money implements Comparable<Money> {

    public static final Money ZERO = new Money(BigDecimal.ZERO);

    private final BigDecimal yuan;

    private Money(BigDecimal yuan) {
        this.yuan = yuan.setScale(2, RoundingMode.UNNECESSARY);
    }

    /**
     * Parses an amount in yuan such as {@code "800000"} or {@code "799999.99"}.
     *
     * @throws IllegalArgumentException when the text is not a non-negative amount with at most two decimals
     */
    public static Money yuan(String text) {
        Objects.requireNonNull(text, "amount");
        String t = text.trim();
        if (!t.matches("-?\\d{1,14}(\\.\\d+)?")) {
            throw new IllegalArgumentException("金额格式不正确（应为元，最多两位小数）: " + text);
        }
        BigDecimal value;
        try {
            value = new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("金额格式不正确（应为元，最多两位小数）: " + text, e);
        }
        return of(value);
    }

    public static Money of(BigDecimal yuan) {
        Objects.requireNonNull(yuan, "amount");
        if (yuan.signum() < 0) {
            throw new IllegalArgumentException("金额不能为负数: " + yuan.toPlainString());
        }
        if (yuan.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("金额最多两位小数（分）: " + yuan.toPlainString());
        }
        return new Money(yuan);
    }

    public static Money ofFen(long fen) {
        return of(BigDecimal.valueOf(fen, 2));
    }

    public long fen() {
        return yuan.movePointRight(2).longValueExact();
    }

    public BigDecimal toBigDecimal() {
        return yuan;
    }

    public Money plus(Money other) {
        return new Money(yuan.add(other.yuan));
    }

    public boolean isAtLeast(Money other) {
        return compareTo(other) >= 0;
    }

    public boolean exceeds(Money other) {
        return compareTo(other) > 0;
    }

    /** The amount as staff write it, e.g. {@code 800,000.00元}. */
    public String toChinese() {
        return String.format(Locale.ROOT, "%,.2f元", yuan);
    }

    @Override
    public int compareTo(Money o) {
        return yuan.compareTo(o.yuan);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && yuan.compareTo(m.yuan) == 0;
    }

    @Override
    public int hashCode() {
        return yuan.stripTrailingZeros().hashCode();
    }

    @Override
    public String toString() {
        return yuan.toPlainString();
    }
}
