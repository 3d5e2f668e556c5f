package cn.egov.projects.domain.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The line format of holiday arrangements, as in the built-in {@code official-calendar.txt} and in
 * files an operator writes to load a later year:
 * <pre>
 * # 国务院办公厅关于2024年部分节假日安排的通知
 * year 2024 notice gov.cn 202310 content_6911528
 * rest 2024-01-01
 * rest 2024-02-10..2024-02-17
 * work 2024-02-04
 * </pre>
 * Lines whose first non-blank character is {@code #} and blank lines are ignored; {@code year}
 * starts a block; {@code rest} takes a date or an inclusive range; {@code work} takes one
 * Saturday or Sunday that is worked. Dates are ISO {@code yyyy-mm-dd}.
 */
public final class CalendarText {

    private CalendarText() {
    }

    /**
     * Reads arrangements in file order.
     *
     * @throws CalendarFormatException naming the line and the reason, on malformed input
     */
    public static List<YearArrangement> parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<YearArrangement> result = new ArrayList<>();
        Set<Integer> seenYears = new HashSet<>();
        Block block = null;
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("\\s+", 2);
            String keyword = words[0];
            String rest = words.length > 1 ? words[1] : "";
            switch (keyword) {
                case "year" -> {
                    if (block != null) {
                        result.add(block.build());
                    }
                    block = startBlock(lineNumber, rest);
                    if (!seenYears.add(block.year)) {
                        throw new CalendarFormatException(lineNumber, "year " + block.year + " appears twice");
                    }
                }
                case "rest" -> {
                    requireBlock(block, lineNumber, keyword);
                    block.addRest(lineNumber, rest);
                }
                case "work" -> {
                    requireBlock(block, lineNumber, keyword);
                    block.addWork(lineNumber, rest);
                }
                default -> throw new CalendarFormatException(lineNumber,
                        "unknown keyword '" + keyword + "' (expected year, rest or work)");
            }
        }
        if (block != null) {
            result.add(block.build());
        }
        return List.copyOf(result);
    }

    /**
     * Writes arrangements in the given order, one block each, consecutive rest days as ranges;
     * {@link #parse(String)} reads the text back to equal arrangements.
     */
    public static String format(List<YearArrangement> years) {
        Objects.requireNonNull(years, "years");
        StringBuilder out = new StringBuilder();
        for (YearArrangement arrangement : years) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append("year ").append(arrangement.year())
                    .append(" notice ").append(arrangement.notice()).append('\n');
            LocalDate first = null;
            LocalDate last = null;
            for (LocalDate day : arrangement.restDays()) {
                if (last != null && day.equals(last.plusDays(1))) {
                    last = day;
                    continue;
                }
                appendRest(out, first, last);
                first = day;
                last = day;
            }
            appendRest(out, first, last);
            for (LocalDate day : arrangement.workingWeekendDays()) {
                out.append("work ").append(day).append('\n');
            }
        }
        return out.toString();
    }

    private static void appendRest(StringBuilder out, LocalDate first, LocalDate last) {
        if (first == null) {
            return;
        }
        out.append("rest ").append(first);
        if (!last.equals(first)) {
            out.append("..").append(last);
        }
        out.append('\n');
    }

    private static void requireBlock(Block block, int lineNumber, String keyword) {
        if (block == null) {
            throw new CalendarFormatException(lineNumber, "'" + keyword + "' before any 'year' line");
        }
    }

    private static Block startBlock(int lineNumber, String args) {
        String[] words = args.split("\\s+", 3);
        if (words.length < 3 || !words[1].equals("notice") || words[2].isBlank()) {
            throw new CalendarFormatException(lineNumber, "expected 'year <yyyy> notice <text>'");
        }
        int year;
        try {
            year = Integer.parseInt(words[0]);
        } catch (NumberFormatException e) {
            throw new CalendarFormatException(lineNumber, "'" + words[0] + "' is not a year");
        }
        if (year < YearArrangement.MIN_YEAR || year > YearArrangement.MAX_YEAR) {
            throw new CalendarFormatException(lineNumber, "year " + year + " is outside "
                    + YearArrangement.MIN_YEAR + ".." + YearArrangement.MAX_YEAR);
        }
        return new Block(lineNumber, year, words[2].strip());
    }

    /** The lines read so far of one year block. */
    private static final class Block {
        private final int lineNumber;
        private final int year;
        private final String notice;
        private final Set<LocalDate> restDays = new LinkedHashSet<>();
        private final Set<LocalDate> workDays = new LinkedHashSet<>();

        Block(int lineNumber, int year, String notice) {
            this.lineNumber = lineNumber;
            this.year = year;
            this.notice = notice;
        }

        void addRest(int line, String args) {
            if (args.isEmpty() || args.contains(" ") || args.contains("\t")) {
                throw new CalendarFormatException(line, "expected 'rest <yyyy-mm-dd>' or 'rest <yyyy-mm-dd>..<yyyy-mm-dd>'");
            }
            int dots = args.indexOf("..");
            LocalDate from = date(line, dots < 0 ? args : args.substring(0, dots));
            LocalDate to = dots < 0 ? from : date(line, args.substring(dots + 2));
            if (to.isBefore(from)) {
                throw new CalendarFormatException(line, "range " + args + " ends before it starts");
            }
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                if (workDays.contains(day)) {
                    throw new CalendarFormatException(line, day + " is already listed as a working day");
                }
                if (!restDays.add(day)) {
                    throw new CalendarFormatException(line, day + " is already listed as a rest day");
                }
            }
        }

        void addWork(int line, String args) {
            if (args.isEmpty() || args.contains(" ") || args.contains("\t") || args.contains("..")) {
                throw new CalendarFormatException(line, "expected 'work <yyyy-mm-dd>' (one date)");
            }
            LocalDate day = date(line, args);
            if (!YearArrangement.isWeekend(day)) {
                throw new CalendarFormatException(line, "work day " + day + " is a " + day.getDayOfWeek()
                        + "; only a Saturday or Sunday can be listed as worked");
            }
            if (restDays.contains(day)) {
                throw new CalendarFormatException(line, day + " is already listed as a rest day");
            }
            if (!workDays.add(day)) {
                throw new CalendarFormatException(line, day + " is already listed as a working day");
            }
        }

        private LocalDate date(int line, String text) {
            LocalDate day;
            try {
                day = LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new CalendarFormatException(line, "'" + text + "' is not a date yyyy-mm-dd");
            }
            if (day.getYear() < year - 1 || day.getYear() > year + 1) {
                throw new CalendarFormatException(line, day + " lies outside " + (year - 1) + ".."
                        + (year + 1) + " allowed for year " + year);
            }
            return day;
        }

        YearArrangement build() {
            try {
                return new YearArrangement(year, notice, restDays, workDays);
            } catch (IllegalArgumentException e) {
                throw new CalendarFormatException(lineNumber, e.getMessage());
            }
        }
    }
}
