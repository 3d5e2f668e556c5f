package cn.egov.projects.bootstrap;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("模拟时钟（EGOV_CLOCK）：格式、走时、今天")
class SimulatedClockTest {

    private static Instant parse(String text) {
        return SimulatedClock.parseStart(text, "EGOV_CLOCK");
    }

    @Test
    @DisplayName("不带时差的时间按北京时间计：分钟必需，秒可选，日期和时间之间可用空格")
    void localDateTimeInShanghai() {
        assertThat(parse("2025-03-04T09:00")).isEqualTo(Instant.parse("2025-03-04T01:00:00Z"));
        assertThat(parse("2025-03-04T09:00:30")).isEqualTo(Instant.parse("2025-03-04T01:00:30Z"));
        assertThat(parse("2025-03-04T09:00:30.250")).isEqualTo(Instant.parse("2025-03-04T01:00:30.250Z"));
        assertThat(parse("2025-03-04 09:00")).isEqualTo(Instant.parse("2025-03-04T01:00:00Z"));
        assertThat(parse("  2025-03-04T09:00 ")).isEqualTo(Instant.parse("2025-03-04T01:00:00Z"));
    }

    @Test
    @DisplayName("带时差的时间照其时差计")
    void offsetDateTime() {
        assertThat(parse("2025-03-04T09:00+08:00")).isEqualTo(Instant.parse("2025-03-04T01:00:00Z"));
        assertThat(parse("2025-03-04T01:00Z")).isEqualTo(Instant.parse("2025-03-04T01:00:00Z"));
        assertThat(parse("2025-03-04T01:00:00z")).isEqualTo(Instant.parse("2025-03-04T01:00:00Z"));
        assertThat(parse("2025-03-03T20:00-05:00")).isEqualTo(Instant.parse("2025-03-04T01:00:00Z"));
        assertThat(parse("2025-03-04 09:00:15+08:00")).isEqualTo(Instant.parse("2025-03-04T01:00:15Z"));
    }

    @Test
    @DisplayName("只给日期：当日北京时间0时")
    void dateOnly() {
        assertThat(parse("2025-03-04")).isEqualTo(Instant.parse("2025-03-03T16:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomorrow", "2025-13-01", "2025-02-30", "2025-03-04T25:00", "2025-03-04T09",
            "2025-03-04T09:00+0800x", "04/03/2025", "2025-03-04T09:00 Asia/Shanghai", "", "   ", "20250304"})
    @DisplayName("不可用的值：中英文说明，指明EGOV_CLOCK和可用格式")
    void badValues(String text) {
        assertThatThrownBy(() -> parse(text)).isInstanceOf(SettingsException.class)
                .hasMessageContaining("EGOV_CLOCK")
                .hasMessageContaining("不是可用的时间")
                .hasMessageContaining("is not a usable time")
                .hasMessageContaining("可用格式")
                .hasMessageContaining("accepted forms: 2025-03-04T09:00");
    }

    @Test
    @DisplayName("过长的值不解析、不照抄，只说长度")
    void tooLong() {
        String text = "2025-03-04T09:00:00.000000000+08:00" + "x".repeat(1000);

        assertThatThrownBy(() -> parse(text)).isInstanceOf(SettingsException.class)
                .hasMessageContaining("EGOV_CLOCK")
                .hasMessageContaining("过长")
                .hasMessageContaining("too long (" + text.length() + " characters, at most "
                        + SimulatedClock.MAX_LENGTH + ")")
                .hasMessageNotContaining("xxxx");
    }

    @Test
    @DisplayName("年份须在2000至2100之间；控制字符不原样写入日志")
    void yearRangeAndControlCharacters() {
        assertThatThrownBy(() -> parse("1999-12-31T23:59")).hasMessageContaining("2000-2100, got 1999");
        assertThatThrownBy(() -> parse("2101-01-01")).hasMessageContaining("got 2101");
        assertThatThrownBy(() -> parse("2025-03-04\u001b[31m")).hasMessageContaining("'2025-03-04?[31m'")
                .hasMessageNotContaining("\u001b");
    }

    @Test
    @DisplayName("来自命令行参数时一并指明--clock")
    void namesTheFlag() {
        assertThatThrownBy(() -> SimulatedClock.parseStart("soon", "--clock"))
                .hasMessageStartingWith("EGOV_CLOCK (--clock)：");
    }

    @Test
    @DisplayName("从设定时刻起随真实经过的时间走（单调时钟），跨过午夜后今天随之改变")
    void runsOnFromTheStart() {
        AtomicLong nanos = new AtomicLong(123_456_789_000L);
        Instant start = parse("2025-03-04T23:59:30");
        SimulatedClock clock = new SimulatedClock(start, nanos::get);

        assertThat(clock.now()).isEqualTo(start);
        assertThat(clock.today()).isEqualTo(LocalDate.of(2025, 3, 4));
        assertThat(clock.simulated()).isTrue();

        nanos.addAndGet(Duration.ofSeconds(12).plusNanos(1_500).toNanos());
        assertThat(clock.now()).isEqualTo(start.plusSeconds(12).plusNanos(1_000));

        nanos.addAndGet(Duration.ofSeconds(18).toNanos());
        assertThat(clock.today()).isEqualTo(LocalDate.of(2025, 3, 5));
        assertThat(clock.now()).isEqualTo(Instant.parse("2025-03-04T16:00:00.000001Z"));
    }

    @Test
    @DisplayName("系统时钟不是模拟时钟；演示时钟随它所包的时钟")
    void demoClockWrapsTheSimulatedClock() {
        AtomicLong nanos = new AtomicLong();
        SimulatedClock simulated = new SimulatedClock(parse("2025-03-04T09:00"), nanos::get);
        DemoClock demo = new DemoClock(simulated);

        assertThat(new SystemClock().simulated()).isFalse();
        assertThat(new DemoClock(new SystemClock()).simulated()).isFalse();
        assertThat(demo.simulated()).isTrue();
        demo.set(LocalDate.of(2024, 5, 6));
        assertThat(demo.today()).isEqualTo(LocalDate.of(2024, 5, 6));
        demo.release();
        nanos.addAndGet(Duration.ofMinutes(5).toNanos());
        assertThat(demo.now()).isEqualTo(Instant.parse("2025-03-04T01:05:00Z"));
    }
}
