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

    /** The most integer digits an amount may have: 14, so that every amount and total fits NUMERIC(16,2). */
    public static final int MAX_INTEGER_DIGITS = 14;

    /**
     * The largest amount the system holds, 99,999,999,999,999.99 yuan: what a NUMERIC(16,2) column stores. A single
     * amount is never larger (at most {@value #MAX_INTEGER_DIGITS} integer digits); a sum (a project's total
     * investment) is checked against it.
     */
    public static final Money MAX = new Money(new BigDecimal("99999999999999.99"));

    /** The longest text {@link #yuan} reads: 14 digits, a point, a few decimals (trailing zeros) and a sign. */
    private static final int MAX_TEXT = 40;

    private static final String TOO_LARGE = "金额不能超过99,999,999,999,999.99元（整数部分最多14位）";
    private static final String TOO_LONG = "金额写法过长（应为元，整数部分最多14位，最多两位小数）";

    private final BigDecimal yuan;

    private Money(BigDecimal yuan) {
        this.yuan = yuan.setScale(2, RoundingMode.UNNECESSARY);
    }

    /**
     * Parses an amount in yuan such as {@code "800000"} or {@code "799999.99"}. The text is bounded before it is
     * read, and a refusal never repeats it.
     *
     * @throws IllegalArgumentException when the text is not a non-negative amount with at most two decimals and at
     *                                  most {@value #MAX_INTEGER_DIGITS} integer digits
     */
    public static Money yuan(String text) {
        Objects.requireNonNull(text, "amount");
        String t = text.trim();
        if (t.length() > MAX_TEXT) {
            throw new IllegalArgumentException(TOO_LONG);
        }
        if (!t.matches("-?\\d+(\\.\\d+)?")) {
            throw new IllegalArgumentException("金额格式不正确（应为元，最多两位小数）");
        }
        return of(new BigDecimal(t));
    }

    /**
     * An amount in yuan. Its size is checked before anything is computed with it, so that a value such as
     * {@code 1E+999999999} is refused at once instead of being expanded.
     *
     * @throws IllegalArgumentException when negative, with more than two decimals, or larger than {@link #MAX}
     */
    public static Money of(BigDecimal yuan) {
        Objects.requireNonNull(yuan, "amount");
        if (yuan.signum() < 0) {
            throw new IllegalArgumentException("金额不能为负数");
        }
        if (yuan.signum() == 0) {
            return ZERO;
        }
        BigDecimal stripped = yuan.stripTrailingZeros();
        if ((long) stripped.precision() - stripped.scale() > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException(TOO_LARGE);
        }
        if (stripped.scale() > 2) {
            throw new IllegalArgumentException("金额最多两位小数（分）");
        }
        return new Money(stripped);
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
        // as String.format("%,.2f元") would write it, without a Formatter on every audit summary
        BigDecimal rounded = yuan.setScale(2, java.math.RoundingMode.HALF_UP);
        String plain = rounded.toPlainString(); // never negative
        int dot = plain.indexOf('.');
        StringBuilder b = new StringBuilder(plain.length() + plain.length() / 3 + 2);
        int first = dot % 3 == 0 ? 3 : dot % 3;
        b.append(plain, 0, first);
        for (int i = first; i < dot; i += 3) {
            b.append(',').append(plain, i, i + 3);
        }
        return b.append(plain, dot, plain.length()).append('元').toString();
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
