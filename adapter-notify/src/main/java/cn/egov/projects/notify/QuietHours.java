package cn.egov.projects.notify;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The hours in which no SMS goes out (default 21:00–08:00 Asia/Shanghai). A send falling inside them is deferred to
 * their end, never dropped. A window whose start is after its end spans midnight.
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

    public QuietHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(zone, "zone");
    }

    public static QuietHours none(ZoneId zone) {
        return new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, zone);
    }

    public boolean contains(Instant instant) {
        if (start.equals(end)) {
            return false;
        }
        LocalTime t = instant.atZone(zone).toLocalTime();
        return start.isBefore(end)
                ? !t.isBefore(start) && t.isBefore(end)
                : !t.isBefore(start) || t.isBefore(end);
    }

    /** The instant itself when outside the quiet hours, else the quiet hours' end. */
    public Instant nextAllowed(Instant instant) {
        if (!contains(instant)) {
            return instant;
        }
        ZonedDateTime at = instant.atZone(zone);
        ZonedDateTime endToday = at.toLocalDate().atTime(end).atZone(zone);
        return (endToday.isAfter(at) ? endToday : endToday.plusDays(1)).toInstant();
    }
}
