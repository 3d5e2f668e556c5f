package cn.egov.projects.bootstrap;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("管理员密码的来源：环境变量或标准输入的一行")
class PasswordReaderTest {

    private static ByteArrayInputStream stdin(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("环境变量优先")
    void environmentFirst() {
        char[] password = new PasswordReader(Map.of("EGOV_ADMIN_PASSWORD", "from-the-env-1"), null,
                stdin("from-stdin-123\n")).read();

        assertThat(new String(password)).isEqualTo("from-the-env-1");
    }

    @Test
    @DisplayName("没有环境变量时读标准输入的第一行（UTF-8）")
    void standardInput() {
        char[] password = new PasswordReader(Map.of(), null, stdin("密码-from-stdin\nsecond line\n")).read();

        assertThat(new String(password)).isEqualTo("密码-from-stdin");
    }

    @Test
    @DisplayName("什么都没给时拒绝，退出码2")
    void nothingGiven() {
        assertThatThrownBy(() -> new PasswordReader(Map.of(), null, stdin("")).read())
                .isInstanceOfSatisfying(StartupException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_SETTING))
                .hasMessageContaining("EGOV_ADMIN_PASSWORD");
        assertThatThrownBy(() -> new PasswordReader(Map.of(), null, stdin("\n")).read())
                .isInstanceOf(StartupException.class);
    }
}
