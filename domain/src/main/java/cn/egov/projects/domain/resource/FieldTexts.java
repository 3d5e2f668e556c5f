package cn.egov.projects.domain.resource;

import java.text.Normalizer;
import java.util.Locale;

/** The texts of a catalogue entry or an opinion as kept: trimmed, bounded, free of control characters. */
final class FieldTexts {

    private FieldTexts() {
    }

    /** A trimmed, non-blank text of at most {@code max} characters, runs of white space made one space. */
    static String required(String value, String field, String nameZh, int max) {
        String t = optional(value, field, nameZh, max);
        if (t == null) {
            throw new ResourceFieldException(field, nameZh + "不能为空");
        }
        return t;
    }

    /** As {@link #required}, or null when blank. Line breaks are kept in a multi-line text. */
    static String optional(String value, String field, String nameZh, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String t = value.strip();
        if (t.codePointCount(0, t.length()) > max) {
            throw new ResourceFieldException(field, nameZh + "不能超过" + max + "字");
        }
        if (t.chars().anyMatch(c -> c != '\n' && c != '\r' && c != '\t' && Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT)) {
            throw new ResourceFieldException(field, nameZh + "不能包含控制字符");
        }
        return t;
    }

    /** A one-line text: as {@link #required}, its white space (line breaks included) made single spaces. */
    static String line(String value, String field, String nameZh, int max) {
        String t = required(value, field, nameZh, max);
        return t.replaceAll("\\s+", " ");
    }

    /** The form two names are compared in: full-width folded, lower case, without white space. */
    static String key(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    }
}
