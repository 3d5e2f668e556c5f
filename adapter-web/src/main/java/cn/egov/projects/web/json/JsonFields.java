package cn.egov.projects.web.json;

import cn.egov.projects.domain.money.Money;
import cn.egov.projects.web.http.BadRequestException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Typed reads of a JSON object's fields. Each failure names the field's path (e.g. {@code budgetLines[0].amount})
 * and says what was expected, in Chinese and in English, quoting at most a few dozen characters of the input. A JSON
 * {@code null} counts as absent. Every read is bounded before the value is used: a text has at most
 * {@value #MAX_TEXT} characters (each command bounds its fields further, by their columns), a list at most
 * {@value #MAX_LIST} items, a day lies in the years {@value #MIN_YEAR}–{@value #MAX_YEAR}, and an amount has at most
 * 14 integer digits and 2 decimals before it is expanded (a written {@code 1e999999999} is refused as it is).
 */
public final class JsonFields {

    /** The longest text of any field (the longest a command keeps: a feasibility study of 20,000 characters). */
    public static final int MAX_TEXT = 20_000;

    /** The most items of a list field. */
    public static final int MAX_LIST = 1_000;

    /** The years of a day a person states (as the public calculator and the plan year). */
    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2100;

    private final JsonObject object;
    private final String prefix;

    private JsonFields(JsonObject object, String prefix) {
        this.object = object;
        this.prefix = prefix;
    }

    public static JsonFields of(JsonObject object) {
        return new JsonFields(object, "");
    }

    /** The fields of a nested object, reported as {@code path.field}. */
    public static JsonFields of(JsonObject object, String path) {
        return new JsonFields(object, path + ".");
    }

    public String path(String field) {
        return prefix + field;
    }

    public boolean has(String field) {
        return object.getValue(field) != null;
    }

    /** The field's value as parsed, or null. */
    public Object raw(String field) {
        return object.getValue(field);
    }

    public String text(String field) {
        String value = optionalText(field);
        if (value == null) {
            throw missing(field);
        }
        return value;
    }

    public String optionalText(String field) {
        Object value = object.getValue(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw wrongType(field, "文本", "a string");
        }
        if (s.length() > MAX_TEXT) {
            throw new BadRequestException(path(field), "「" + path(field) + "」不能超过" + MAX_TEXT + "字",
                    "'" + path(field) + "' must have at most " + MAX_TEXT + " characters");
        }
        return s;
    }

    public int integer(String field) {
        Object value = object.getValue(field);
        if (value == null) {
            throw missing(field);
        }
        if (value instanceof Integer i) {
            return i;
        }
        if (value instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
            return l.intValue();
        }
        throw wrongType(field, "整数", "an integer");
    }

    public Long optionalLong(String field) {
        Object value = object.getValue(field);
        if (value == null) {
            return null;
        }
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        throw wrongType(field, "整数", "an integer");
    }

    public boolean bool(String field, boolean absent) {
        Object value = object.getValue(field);
        if (value == null) {
            return absent;
        }
        if (!(value instanceof Boolean b)) {
            throw wrongType(field, "true或false", "true or false");
        }
        return b;
    }

    public <E extends Enum<E>> E enumValue(String field, Class<E> type) {
        E value = optionalEnum(field, type);
        if (value == null) {
            throw new BadRequestException(path(field), "「" + path(field) + "」不能为空，可选：" + names(type),
                    "'" + path(field) + "' is required; one of " + names(type));
        }
        return value;
    }

    public <E extends Enum<E>> E optionalEnum(String field, Class<E> type) {
        String text = optionalText(field);
        if (text == null || text.isBlank()) {
            return null;
        }
        return parseEnum(path(field), text, type);
    }

    /** An enum constant by its exact name. @throws BadRequestException listing the valid names */
    public static <E extends Enum<E>> E parseEnum(String path, String text, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text.trim())) {
                return constant;
            }
        }
        throw new BadRequestException(path, "「" + path + "」的值「" + Texts.clip(text) + "」不正确，可选：" + names(type),
                "unknown value '" + Texts.clip(text) + "' of '" + path + "'; one of " + names(type));
    }

    /** A day in the years {@value #MIN_YEAR}–{@value #MAX_YEAR}, written YYYY-MM-DD. */
    public LocalDate date(String field) {
        String text = optionalText(field);
        if (text == null) {
            throw missing(field);
        }
        return parseDate(path(field), text, MIN_YEAR, MAX_YEAR);
    }

    /**
     * A calendar day written YYYY-MM-DD in the years {@code minYear}–{@code maxYear}.
     *
     * @throws BadRequestException naming the field, when malformed or outside those years
     */
    public static LocalDate parseDate(String path, String text, int minYear, int maxYear) {
        String t = text.trim();
        LocalDate day = null;
        if (t.length() == 10) {
            try {
                day = LocalDate.parse(t);
            } catch (DateTimeParseException e) {
                // answered below
            }
        }
        if (day == null || day.getYear() < minYear || day.getYear() > maxYear) {
            throw new BadRequestException(path, "「" + path + "」应为" + minYear + "年至" + maxYear
                    + "年之间的有效日期，格式为YYYY-MM-DD", "'" + path + "' must be a valid date from " + minYear + " to "
                    + maxYear + " written YYYY-MM-DD, got '" + Texts.clip(text) + "'");
        }
        return day;
    }

    /** Text items of an array field; absent means none. */
    public List<String> texts(String field) {
        JsonArray array = optionalArray(field);
        List<String> list = new ArrayList<>();
        if (array == null) {
            return list;
        }
        if (array.size() > MAX_LIST) {
            throw new BadRequestException(path(field), "「" + path(field) + "」不能超过" + MAX_LIST + "项",
                    "'" + path(field) + "' must have at most " + MAX_LIST + " items");
        }
        for (int i = 0; i < array.size(); i++) {
            Object item = array.getValue(i);
            if (!(item instanceof String s)) {
                throw new BadRequestException(path(field) + "[" + i + "]", "「" + path(field) + "」的每一项应为文本",
                        "every item of '" + path(field) + "' must be a string");
            }
            if (s.length() > MAX_TEXT) {
                throw new BadRequestException(path(field) + "[" + i + "]", "「" + path(field) + "」的每一项不能超过"
                        + MAX_TEXT + "字", "every item of '" + path(field) + "' must have at most " + MAX_TEXT
                        + " characters");
            }
            list.add(s);
        }
        return list;
    }

    public JsonArray optionalArray(String field) {
        Object value = object.getValue(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonArray a)) {
            throw wrongType(field, "数组", "an array");
        }
        return a;
    }

    public JsonObject optionalObject(String field) {
        Object value = object.getValue(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonObject o)) {
            throw wrongType(field, "对象", "an object");
        }
        return o;
    }

    /**
     * An amount in yuan written as a string ("800000.00") or a JSON number, read exactly from its decimal text —
     * never through a {@code double} — and bounded by its digits before it is expanded: at most 14 integer digits
     * and 2 decimals ({@link Money#MAX}).
     */
    public Money money(String field) {
        Object value = object.getValue(field);
        if (value == null) {
            throw missing(field);
        }
        try {
            if (value instanceof String s) {
                return Money.yuan(s);
            }
            if (value instanceof Integer || value instanceof Long) {
                return Money.of(BigDecimal.valueOf(((Number) value).longValue()));
            }
            if (value instanceof BigInteger i) {
                return Money.of(new BigDecimal(i));
            }
            if (value instanceof BigDecimal d) {
                // Money.of looks at the digits and the exponent only; nothing is expanded before it is bounded
                return Money.of(d);
            }
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(path(field), "「" + path(field) + "」" + e.getMessage(),
                    "'" + path(field) + "' must be a non-negative amount in yuan with at most 14 integer digits and"
                            + " two decimals, got '" + Texts.clip(String.valueOf(value instanceof BigDecimal d
                            ? d.toString() : value)) + "'");
        }
        throw wrongType(field, "以元为单位的金额（如\"800000.00\"）", "an amount in yuan such as \"800000.00\"");
    }

    /**
     * An optional number written as a JSON number or a string ("95.5"), read exactly from its decimal text and bounded
     * by its digits before it is used: at most 12 integer digits and 4 decimals (a performance goal's target).
     */
    public BigDecimal optionalDecimal(String field) {
        Object value = object.getValue(field);
        if (value == null) {
            return null;
        }
        BigDecimal d;
        try {
            if (value instanceof String s) {
                d = s.isBlank() ? null : s.trim().length() > 30 ? BigDecimal.valueOf(Long.MAX_VALUE)
                        : new BigDecimal(s.trim());
            } else if (value instanceof Integer || value instanceof Long) {
                d = BigDecimal.valueOf(((Number) value).longValue());
            } else if (value instanceof BigInteger i) {
                d = new BigDecimal(i);
            } else if (value instanceof BigDecimal b) {
                d = b;
            } else {
                throw wrongType(field, "数值", "a number");
            }
        } catch (NumberFormatException e) {
            throw wrongType(field, "数值", "a number");
        }
        if (d != null && (d.precision() - d.scale() > 12 || d.scale() > 4)) {
            throw new BadRequestException(path(field), "「" + path(field) + "」最多12位整数、4位小数",
                    "'" + path(field) + "' must have at most 12 integer digits and 4 decimals");
        }
        return d;
    }

    private BadRequestException missing(String field) {
        return new BadRequestException(path(field), "「" + path(field) + "」不能为空",
                "'" + path(field) + "' is required");
    }

    private BadRequestException wrongType(String field, String zh, String en) {
        return new BadRequestException(path(field), "「" + path(field) + "」应为" + zh,
                "'" + path(field) + "' must be " + en);
    }

    static <E extends Enum<E>> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
