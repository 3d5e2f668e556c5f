package cn.egov.projects.application.port.out;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The only source of time for the use cases (zone Asia/Shanghai); tests pass a fixed or advancing clock. */
public interface ClockPort {

    ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    Instant now();

    /** Today in Asia/Shanghai. */
    default LocalDate today() {
        return now().atZone(ZONE).toLocalDate();
    }

    /**
     * Whether this is a simulated clock ({@code EGOV_CLOCK}: set to a chosen moment for training, demonstrations and
     * acceptance trials) rather than the real time; the pages and {@code /health} say so.
     */
    default boolean simulated() {
        return false;
    }
}
