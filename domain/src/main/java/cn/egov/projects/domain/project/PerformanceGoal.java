package cn.egov.projects.domain.project;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A performance goal (绩效目标) a unit declares with its project (Art. 1, 4, 6), whose achievement it reports at
 * self-inspection (Art. 23) and the experts judge at acceptance (Art. 24): an indicator (指标名称), its kind (产出、效益、
 * 满意度指标) and a target — a number with a comparison and a unit ({@code ≥95%}, {@code ≤3天}, {@code ≥30个}), or
 * words where the target is not a number ({@code 群众办事材料明显减少}). A goal without a target can be kept in a draft
 * (and is what a goal of an older release, a line of text, becomes) but not declared.
 *
 * @param kind        the kind of indicator, or null while not yet stated
 * @param comparison  how the actual value must compare with {@code targetValue}; with it and only with it
 * @param targetValue the numeric target, or null
 * @param unit        the unit of a numeric target (%、个、天、万人次 …), or null
 * @param targetText  a target in words, or null; a goal has a numeric target or one in words, not both
 */
public record PerformanceGoal(String indicator, GoalKind kind, Comparison comparison, BigDecimal targetValue,
                              String unit, String targetText) {

    public static final int MAX_INDICATOR = 200;
    public static final int MAX_UNIT = 20;
    public static final int MAX_TARGET_TEXT = 200;

    /** The largest numeric target or actual value: 12 integer digits, 4 decimals. */
    private static final BigDecimal LIMIT = new BigDecimal("1000000000000");

    /** Comparisons written in words, longest first so that 不超过 is read before 超过. */
    private static final Map<String, Comparison> WORDS = words();

    /** An optional comparison, a number, and a unit without digits: "≥ 95 %", "不少于30个", "3天". */
    private static final Pattern NUMERIC = Pattern.compile(
            "(≥|>=|＞=|≧|>|＞|≤|<=|＜=|≦|<|＜|==|=|＝)?\\s*([+-]?\\d{1,12}(?:\\.\\d{1,4})?)\\s*([^\\d]{0," + MAX_UNIT + "})");

    public PerformanceGoal {
        indicator = indicator == null ? "" : indicator.trim();
        if (indicator.isEmpty() || indicator.length() > MAX_INDICATOR) {
            throw new IllegalArgumentException("绩效目标的指标名称不能为空且不超过" + MAX_INDICATOR + "字");
        }
        unit = blankToNull(unit);
        targetText = blankToNull(targetText);
        if (unit != null && unit.length() > MAX_UNIT) {
            throw new IllegalArgumentException("绩效目标「" + indicator + "」的计量单位不超过" + MAX_UNIT + "字");
        }
        if (targetText != null && targetText.length() > MAX_TARGET_TEXT) {
            throw new IllegalArgumentException("绩效目标「" + indicator + "」的目标值不超过" + MAX_TARGET_TEXT + "字");
        }
        if (targetValue != null) {
            targetValue = bounded(targetValue, "绩效目标「" + indicator + "」的目标值");
            if (comparison == null) {
                throw new IllegalArgumentException("绩效目标「" + indicator + "」的目标值须注明比较方式（≥、>、≤、<、=）");
            }
            if (targetText != null) {
                throw new IllegalArgumentException("绩效目标「" + indicator + "」的目标值为数值或文字，二者择一");
            }
        } else {
            if (comparison != null) {
                throw new IllegalArgumentException("绩效目标「" + indicator + "」注明了比较方式，但没有数值目标值");
            }
            if (unit != null) {
                throw new IllegalArgumentException("绩效目标「" + indicator + "」的计量单位须与数值目标值一起填写");
            }
        }
    }

    /** A goal of an older release (a line of text): the line is its indicator; it has no kind and no target. */
    public static PerformanceGoal untargeted(String indicator) {
        return new PerformanceGoal(indicator, null, null, null, null, null);
    }

    /**
     * A goal with its target as a person writes it: a number with an optional comparison before it (≥ &gt; ≤ &lt; =,
     * or 不低于、不少于、至少、达到、高于、超过、不高于、不超过、至多、低于、少于、等于) and a unit after it — "≥95%", "不超过3天",
     * "30个" (no comparison: at least, ≥) — else words ("群众满意度明显提升"); blank: no target.
     */
    public static PerformanceGoal of(String indicator, GoalKind kind, String target) {
        String t = blankToNull(target);
        if (t == null) {
            return new PerformanceGoal(indicator, kind, null, null, null, null);
        }
        Comparison worded = null;
        String rest = t;
        for (Map.Entry<String, Comparison> w : WORDS.entrySet()) {
            if (t.startsWith(w.getKey())) {
                worded = w.getValue();
                rest = t.substring(w.getKey().length()).trim();
                break;
            }
        }
        Matcher m = NUMERIC.matcher(rest);
        if (m.matches() && !(worded != null && m.group(1) != null)) {
            Comparison comparison = worded != null ? worded : m.group(1) == null ? Comparison.AT_LEAST : symbol(m.group(1));
            return new PerformanceGoal(indicator, kind, comparison, new BigDecimal(m.group(2)), m.group(3), null);
        }
        return new PerformanceGoal(indicator, kind, null, null, null, t);
    }

    /** The number a reported value starts with ("97.5%" → 97.5), when it is a number with at most a unit after it. */
    public static Optional<BigDecimal> numberIn(String reported) {
        String t = blankToNull(reported);
        if (t == null) {
            return Optional.empty();
        }
        Matcher m = NUMERIC.matcher(t);
        if (!m.matches() || m.group(1) != null) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(m.group(2)));
    }

    /** Whether the goal states what is to be achieved: a numeric target or one in words. */
    public boolean hasTarget() {
        return targetValue != null || targetText != null;
    }

    /** The target as staff read it: "≥95%", the words, or 未设定. */
    public String targetZh() {
        if (targetValue != null) {
            return comparison.symbol() + targetValue.toPlainString() + (unit == null ? "" : unit);
        }
        return targetText != null ? targetText : "未设定";
    }

    /** Whether a numeric actual value meets the target; empty when the target is not a number. */
    public Optional<Boolean> metBy(BigDecimal actual) {
        if (targetValue == null || actual == null) {
            return Optional.empty();
        }
        return Optional.of(comparison.holds(actual, targetValue));
    }

    /** A value within 12 integer digits and 4 decimals, written without an exponent. */
    static BigDecimal bounded(BigDecimal value, String nameZh) {
        if (value.abs().compareTo(LIMIT) >= 0 || value.scale() > 4) {
            throw new IllegalArgumentException(nameZh + "最多12位整数、4位小数");
        }
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    private static Comparison symbol(String s) {
        return switch (s) {
            case "≥", ">=", "＞=", "≧" -> Comparison.AT_LEAST;
            case ">", "＞" -> Comparison.MORE_THAN;
            case "≤", "<=", "＜=", "≦" -> Comparison.AT_MOST;
            case "<", "＜" -> Comparison.LESS_THAN;
            default -> Comparison.EQUAL;
        };
    }

    private static Map<String, Comparison> words() {
        Map<String, Comparison> w = new LinkedHashMap<>();
        w.put("不低于", Comparison.AT_LEAST);
        w.put("不少于", Comparison.AT_LEAST);
        w.put("不高于", Comparison.AT_MOST);
        w.put("不超过", Comparison.AT_MOST);
        w.put("不多于", Comparison.AT_MOST);
        w.put("不大于", Comparison.AT_MOST);
        w.put("至少", Comparison.AT_LEAST);
        w.put("达到", Comparison.AT_LEAST);
        w.put("至多", Comparison.AT_MOST);
        w.put("高于", Comparison.MORE_THAN);
        w.put("大于", Comparison.MORE_THAN);
        w.put("超过", Comparison.MORE_THAN);
        w.put("多于", Comparison.MORE_THAN);
        w.put("低于", Comparison.LESS_THAN);
        w.put("小于", Comparison.LESS_THAN);
        w.put("少于", Comparison.LESS_THAN);
        w.put("等于", Comparison.EQUAL);
        return w;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
