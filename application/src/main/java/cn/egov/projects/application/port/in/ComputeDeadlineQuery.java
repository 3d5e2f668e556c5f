package cn.egov.projects.application.port.in;

import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.domain.deadline.CalculationKind;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** A question to the public deadline calculator: which deadline, from which day, for a software project or not. */
public record ComputeDeadlineQuery(CalculationKind kind, LocalDate start, boolean softwareDevelopment) {

    public ComputeDeadlineQuery {
        Check.required(kind, "kind", "期限类型");
        Check.required(start, "start", "起算日期");
    }

    /** Parses the calculator's text parameters, failing with the field and a Chinese reason. */
    public static ComputeDeadlineQuery parse(String kind, String start, String software) {
        if (kind == null || kind.isBlank()) {
            throw new InvalidCommandException("kind", "缺少期限类型（kind），可选：" + kinds());
        }
        CalculationKind k = CalculationKind.parse(kind.trim()).orElseThrow(() -> new InvalidCommandException("kind",
                "未知的期限类型「" + kind + "」，可选：" + kinds()));
        if (start == null || start.isBlank()) {
            throw new InvalidCommandException("start", "缺少起算日期（start），格式为YYYY-MM-DD");
        }
        LocalDate s;
        try {
            s = LocalDate.parse(start.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidCommandException("start", "起算日期「" + start + "」格式不正确，应为YYYY-MM-DD的有效日期");
        }
        if (s.getYear() < 2000 || s.getYear() > 2100) {
            throw new InvalidCommandException("start", "起算日期应在2000年至2100年之间");
        }
        boolean sw;
        if (software == null || software.isBlank() || software.equals("false")) {
            sw = false;
        } else if (software.equals("true")) {
            sw = true;
        } else {
            throw new InvalidCommandException("software", "software只能为true或false");
        }
        return new ComputeDeadlineQuery(k, s, sw);
    }

    private static String kinds() {
        return Arrays.stream(CalculationKind.values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
