package cn.egov.projects.notify;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class QuietHoursTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final QuietHours quiet = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0), SHANGHAI);

    private static Instant at(String t) {
        return LocalDateTime.parse(t).atZone(SHANGHAI).toInstant();
    }

    @Test
    @DisplayName("21:00至次日08:00不发短信，顺延到08:00而不丢弃")
    void nightIsDeferredToMorning() {
        assertThat(quiet.contains(at("2025-09-30T20:59:59"))).isFalse();
        assertThat(quiet.contains(at("2025-09-30T21:00:00"))).isTrue();
        assertThat(quiet.contains(at("2025-10-01T07:59:59"))).isTrue();
        assertThat(quiet.contains(at("2025-10-01T08:00:00"))).isFalse();
        assertThat(quiet.nextAllowed(at("2025-09-30T22:30:00"))).isEqualTo(at("2025-10-01T08:00:00"));
        assertThat(quiet.nextAllowed(at("2025-10-01T03:00:00"))).isEqualTo(at("2025-10-01T08:00:00"));
        assertThat(quiet.nextAllowed(at("2025-10-01T12:00:00"))).isEqualTo(at("2025-10-01T12:00:00"));
    }

    @Test
    @DisplayName("不跨午夜的免打扰时段，以及无免打扰")
    void otherWindows() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 30), SHANGHAI);
        assertThat(lunch.nextAllowed(at("2025-10-01T12:10:00"))).isEqualTo(at("2025-10-01T13:30:00"));
        assertThat(lunch.contains(at("2025-10-01T23:00:00"))).isFalse();
        assertThat(QuietHours.none(SHANGHAI).contains(at("2025-10-01T23:00:00"))).isFalse();
    }
}
