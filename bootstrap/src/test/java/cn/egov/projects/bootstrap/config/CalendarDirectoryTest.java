package cn.egov.projects.bootstrap.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CalendarDirectoryTest {

    private static final String YEAR_2027 = """
            # 国务院办公厅关于2027年部分节假日安排的通知（示例数据）
            year 2027 notice test-2027
            rest 2027-01-01..2027-01-03
            work 2027-01-09
            """;

    @Test
    @DisplayName("没有目录时只使用内置的官方日历，2027年为暂定")
    void withoutADirectoryOnlyTheBuiltInYearsAreHeld() {
        CalendarDirectory calendars = new CalendarDirectory(null);
        assertThat(calendars.calendar().isHeld(2026)).isTrue();
        assertThat(calendars.calendar().isHeld(2027)).isFalse();
    }

    @Test
    @DisplayName("运维人员放入新年度的安排文件后无需重启即生效")
    void aYearAddedAsAFileTakesEffectWithoutARestart(@TempDir Path dir) throws IOException {
        CalendarDirectory calendars = new CalendarDirectory(dir);
        assertThat(calendars.calendar().isWorkingDay(LocalDate.of(2027, 1, 1))).isTrue();

        Path file = dir.resolve("2027.txt");
        Files.writeString(file, YEAR_2027, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));

        assertThat(calendars.calendar().isHeld(2027)).isTrue();
        assertThat(calendars.calendar().isRestDay(LocalDate.of(2027, 1, 1))).isTrue();
        assertThat(calendars.calendar().isWorkingDay(LocalDate.of(2027, 1, 9))).isTrue();
    }

    @Test
    @DisplayName("启动时格式错误的日历文件被拒绝，并指明文件和行号")
    void aMalformedFileIsRefusedAtStartUp(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("2027.txt"), "year 2027 notice x\nrest 2027-02-30\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new CalendarDirectory(dir))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("2027.txt").hasMessageContaining("line 2");
    }

    @Test
    @DisplayName("运行中文件改坏时保留原日历继续使用")
    void aFileBrokenLaterKeepsTheLastGoodCalendar(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("2027.txt");
        Files.writeString(file, YEAR_2027, StandardCharsets.UTF_8);
        CalendarDirectory calendars = new CalendarDirectory(dir);
        Files.writeString(file, "garbage\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(calendars.calendar().isHeld(2027)).isTrue();
    }

    @Test
    @DisplayName("不存在的日历目录在启动时被拒绝")
    void aMissingDirectoryIsRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> new CalendarDirectory(dir.resolve("nope")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("nope");
    }
}
