package cn.egov.projects.bootstrap;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("系统时钟")
class SystemClockTest {

    @Test
    @DisplayName("读的是当前时刻，今天按上海时区计")
    void readsTheRealTimeInShanghai() {
        SystemClock clock = new SystemClock();

        Instant now = clock.now();

        assertThat(Duration.between(now, Instant.now()).abs()).isLessThan(Duration.ofSeconds(5));
        assertThat(clock.today()).isEqualTo(now.atZone(ZoneId.of("Asia/Shanghai")).toLocalDate());
    }
}
