package cn.egov.projects.domain.project;

import java.math.BigDecimal;

/** How a numeric target of a performance goal is to be met: the actual value against the target value. */
public enum Comparison {
    AT_LEAST("≥", "不低于"),
    MORE_THAN(">", "高于"),
    AT_MOST("≤", "不高于"),
    LESS_THAN("<", "低于"),
    EQUAL("=", "等于");

    private final String symbol;
    private final String zh;

    Comparison(String symbol, String zh) {
        this.symbol = symbol;
        this.zh = zh;
    }

    /** As a target is written: ≥, &gt;, ≤, &lt;, =. */
    public String symbol() {
        return symbol;
    }

    public String zh() {
        return zh;
    }

    /** Whether an actual value meets a target value under this comparison. */
    public boolean holds(BigDecimal actual, BigDecimal target) {
        int c = actual.compareTo(target);
        return switch (this) {
            case AT_LEAST -> c >= 0;
            case MORE_THAN -> c > 0;
            case AT_MOST -> c <= 0;
            case LESS_THAN -> c < 0;
            case EQUAL -> c == 0;
        };
    }
}
