package cn.egov.projects.bootstrap;

import cn.egov.projects.application.port.out.ClockPort;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * A simulated clock ({@code EGOV_CLOCK}, {@code --clock}): it reads the moment it was set to when the application
 * starts and runs on from there with the real elapsed time, measured on a monotonic source (so that a change of the
 * machine's wall clock does not move it). For training, demonstrations and acceptance trials of the deadline rules —
 * e.g. to show the Art. 17 "no substantive start within a year" flag before a year has passed. Every start begins
 * again at the moment set.
 */
final class SimulatedClock implements ClockPort {

    /** The longest value read; anything longer is refused before it is parsed. */
    static final int MAX_LENGTH = 40;
    /** The years a simulated clock may start in. */
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    static final String ACCEPTED = "2025-03-04T09:00, 2025-03-04T09:00:30, 2025-03-04 09:00 (Asia/Shanghai), "
            + "2025-03-04T09:00+08:00, 2025-03-04T01:00Z (with an offset), 2025-03-04 (00:00 of that day)";
    private static final String ACCEPTED_ZH = "2025-03-04T09:00、2025-03-04T09:00:30、2025-03-04 09:00（北京时间）、"
            + "2025-03-04T09:00+08:00、2025-03-04T01:00Z（带时差）、2025-03-04（当日0时）";

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_SPACE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d.*");
    private static final Pattern OFFSET = Pattern.compile(".*T.*(Z|[+-]\\d{2}(:?\\d{2})?)", Pattern.CASE_INSENSITIVE);

    private final Instant start;
    private final LongSupplier nanoTime;
    private final long startNanos;

    /** Starting at {@code start} now, running on with {@link System#nanoTime()}. */
    SimulatedClock(Instant start) {
        this(start, System::nanoTime);
    }

    /** @param nanoTime a monotonic source of nanoseconds (tests pass their own) */
    SimulatedClock(Instant start, LongSupplier nanoTime) {
        this.start = Objects.requireNonNull(start, "start");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.startNanos = nanoTime.getAsLong();
    }

    /** The moment the clock was set to. */
    Instant start() {
        return start;
    }

    @Override
    public Instant now() {
        // microseconds, as the real clock and the databases keep them
        return start.plusNanos(nanoTime.getAsLong() - startNanos).truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public boolean simulated() {
        return true;
    }

    /**
     * Reads the moment a simulated clock starts at: an ISO local date-time in Asia/Shanghai (minutes, optional
     * seconds; a space may stand for the {@code T}), an ISO date-time with an offset, or a date (its start of day).
     *
     * @param source where the value came from ({@code EGOV_CLOCK} or {@code --clock}), for the message
     * @throws SettingsException in Chinese and English, naming EGOV_CLOCK and the accepted forms
     */
    static Instant parseStart(String text, String source) {
        String value = text == null ? "" : text.trim();
        if (value.length() > MAX_LENGTH) {
            throw refused("模拟时钟的值过长（" + value.length() + "个字符，最多" + MAX_LENGTH + "个）",
                    "the value is too long (" + value.length() + " characters, at most " + MAX_LENGTH + ")", source);
        }
        Instant start;
        try {
            start = read(value);
        } catch (DateTimeException e) {
            throw refused("“" + printable(value) + "”不是可用的时间", "'" + printable(value) + "' is not a usable time",
                    source);
        }
        int year = start.atZone(ZONE).getYear();
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw refused("年份须在" + FIRST_YEAR + "至" + LAST_YEAR + "之间，得到" + year,
                    "the year must be " + FIRST_YEAR + "-" + LAST_YEAR + ", got " + year, source);
        }
        return start;
    }

    private static Instant read(String value) {
        if (DATE.matcher(value).matches()) {
            return LocalDate.parse(value).atStartOfDay(ZONE).toInstant();
        }
        String iso = DATE_SPACE_TIME.matcher(value).matches() ? value.replaceFirst(" ", "T") : value;
        if (OFFSET.matcher(iso).matches()) {
            return OffsetDateTime.parse(iso.toUpperCase(java.util.Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
        }
        return LocalDateTime.parse(iso, DateTimeFormatter.ISO_LOCAL_DATE_TIME).atZone(ZONE).toInstant();
    }

    private static SettingsException refused(String zh, String en, String source) {
        String where = source == null || "EGOV_CLOCK".equals(source) ? "EGOV_CLOCK" : "EGOV_CLOCK (" + source + ")";
        return new SettingsException(where + "：" + zh + "；可用格式：" + ACCEPTED_ZH + " / " + where + ": " + en
                + "; accepted forms: " + ACCEPTED);
    }

    /** The value as a message may show it: control characters replaced. */
    private static String printable(String value) {
        return value.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
