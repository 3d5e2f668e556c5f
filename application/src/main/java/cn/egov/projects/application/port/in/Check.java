package cn.egov.projects.application.port.in;

import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.project.ProjectId;

import java.time.LocalDate;
import java.util.List;

/** Validation of command fields, failing with the field and a Chinese reason. */
public final class Check {

    private Check() {
    }

    public static <T> T required(T value, String field, String nameZh) {
        if (value == null) {
            throw new InvalidCommandException(field, nameZh + "不能为空");
        }
        return value;
    }

    public static ProjectId project(ProjectId id) {
        return required(id, "projectId", "项目编号");
    }

    /** A trimmed, non-blank text of at most {@code max} characters. */
    public static String text(String value, String field, String nameZh, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidCommandException(field, nameZh + "不能为空");
        }
        String t = value.trim();
        if (t.length() > max) {
            throw new InvalidCommandException(field, nameZh + "不能超过" + max + "字");
        }
        return t;
    }

    /** A trimmed text of at most {@code max} characters, or null when blank. */
    public static String optionalText(String value, String field, String nameZh, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return text(value, field, nameZh, max);
    }

    public static List<String> items(List<String> values, String field, String nameZh, int maxItems) {
        List<String> list = values == null ? List.of()
                : values.stream().filter(v -> v != null && !v.isBlank()).map(String::trim).toList();
        if (list.size() > maxItems) {
            throw new InvalidCommandException(field, nameZh + "不能超过" + maxItems + "项");
        }
        for (String s : list) {
            if (s.length() > 500) {
                throw new InvalidCommandException(field, nameZh + "每项不能超过500字");
            }
        }
        return list;
    }

    public static Money money(Money value, String field, String nameZh) {
        return required(value, field, nameZh);
    }

    public static LocalDate date(LocalDate value, String field, String nameZh) {
        return required(value, field, nameZh);
    }

    public static Long version(Long expectedVersion) {
        if (expectedVersion != null && expectedVersion < 0) {
            throw new InvalidCommandException("expectedVersion", "版本号不能为负数");
        }
        return expectedVersion;
    }
}
