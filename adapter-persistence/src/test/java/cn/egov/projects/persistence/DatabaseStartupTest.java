package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("数据库启动失败时的说明")
class DatabaseStartupTest {

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    @DisplayName("连不上 PostgreSQL 时用一行英文说明连不上哪里以及原因")
    void anUnreachableServerIsReportedInOneLine() throws IOException {
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/egov";
        assertThatThrownBy(() -> Database.open(new DatabaseSettings(url, "egov", "secret")))
                .isInstanceOf(DatabaseStartupException.class)
                .hasMessage("cannot reach the database at " + url + ": Connection refused");
    }

    @Test
    @DisplayName("说明中不出现写在连接地址里的密码")
    void aPasswordInTheUrlIsNotShown() throws IOException {
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/egov?user=egov&password=secret";
        assertThatThrownBy(() -> Database.open(new DatabaseSettings(url, null, null)))
                .isInstanceOf(DatabaseStartupException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret").contains("password=***")
                        .doesNotContain("\n"));
    }

    @Test
    @DisplayName("不支持的数据库地址被拒绝")
    void anUnsupportedUrlIsRefused() {
        assertThatThrownBy(() -> Database.open(new DatabaseSettings("jdbc:mysql://localhost/egov", "u", "p")))
                .isInstanceOf(DatabaseStartupException.class)
                .hasMessageStartingWith("unsupported database URL jdbc:mysql://localhost/egov");
    }

    @Test
    @DisplayName("H2 数据目录无法创建时说明是哪个地址")
    void anUnusableH2DirectoryIsReported() throws IOException {
        Path file = Files.createTempFile(TestDirs.tmp(), "not-a-dir", ".txt");
        DatabaseSettings settings = DatabaseSettings.embeddedH2(file.resolve("data"));
        assertThatThrownBy(() -> Database.open(settings))
                .isInstanceOf(DatabaseStartupException.class)
                .hasMessageStartingWith("cannot reach the database at " + settings.url() + ": ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    @DisplayName("内嵌 H2 的地址使用 PostgreSQL 兼容模式")
    void embeddedH2Url() {
        DatabaseSettings settings = DatabaseSettings.embeddedH2(Path.of("/var/lib/egov"));
        assertThat(settings.url()).isEqualTo(
                "jdbc:h2:file:/var/lib/egov/egov;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        assertThat(settings.user()).isEqualTo("sa");
        assertThat(settings.password()).isEmpty();
        assertThat(settings.isPostgreSql()).isFalse();
        assertThat(new DatabaseSettings("jdbc:postgresql://db/egov", "u", "p").isPostgreSql()).isTrue();
    }
}
