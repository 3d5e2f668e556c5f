package cn.egov.projects.bootstrap;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("启动失败给出各自的退出码")
class MainTest {

    @Test
    @DisplayName("参数错误：退出码2")
    void badSettings() {
        assertThat(Main.run(List.of("--bogus", "1"), Map.of())).isEqualTo(ExitCode.BAD_SETTING);
        assertThat(Main.run(List.of(), Map.of("EGOV_HTTP_PORT", "eighty"))).isEqualTo(ExitCode.BAD_SETTING);
        assertThat(Main.run(List.of(), Map.of("EGOV_CLOCK", "2025-03-04T9:00"))).isEqualTo(ExitCode.BAD_SETTING);
    }

    @Test
    @DisplayName("政策包文件格式错误或日历目录不存在：退出码3")
    void badConfigurationFiles(@TempDir Path dir) throws IOException {
        Path pack = Files.writeString(dir.resolve("pack.json"), "{not json");

        // the files are read while the database opens: a database of its own, not ./data of the working directory
        String db = "jdbc:h2:file:" + dir.resolve("data").resolve("egov") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        assertThat(Main.run(List.of("--policy", pack.toString(), "--http-port", String.valueOf(freePort()),
                "--db-url", db), Map.of())).isEqualTo(ExitCode.BAD_CONFIGURATION_FILE);
        assertThat(Main.run(List.of("--calendar-dir", dir.resolve("missing").toString(),
                "--http-port", String.valueOf(freePort()), "--db-url", db), Map.of()))
                .isEqualTo(ExitCode.BAD_CONFIGURATION_FILE);
    }

    @Test
    @DisplayName("端口已被占用：退出码5")
    void portInUse() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(0));
            assertThat(Main.run(List.of("--http-port", String.valueOf(taken.getLocalPort())), Map.of()))
                    .isEqualTo(ExitCode.HTTP_PORT);
        }
    }

    @Test
    @DisplayName("数据库连不上：退出码4")
    void databaseUnreachable() throws IOException {
        int closedPort = freePort();

        assertThat(Main.run(List.of("--db-url", "jdbc:postgresql://127.0.0.1:" + closedPort + "/egov",
                "--http-port", String.valueOf(freePort())), Map.of())).isEqualTo(ExitCode.DATABASE);
    }

    @Test
    @DisplayName("warm-up：在临时数据库上启动两次并自检，不碰配置的数据库，结束后不留临时目录")
    void warmUpStartsTwiceOnAThrowawayDatabase() throws IOException {
        Set<Path> before = warmUpDirectories();
        int closedPort = freePort();

        // the configured database cannot be reached: the warm-up does not use it
        assertThat(Main.run(List.of("warm-up"), Map.of("EGOV_DB_URL",
                "jdbc:postgresql://127.0.0.1:" + closedPort + "/egov", "EGOV_HTTP_PORT", String.valueOf(closedPort))))
                .isEqualTo(ExitCode.OK);
        assertThat(warmUpDirectories()).isSubsetOf(before);
    }

    @Test
    @DisplayName("warm-up：政策包有误时同样以退出码3失败，并删除临时目录")
    void warmUpFailsOnABadPolicyPack(@TempDir Path dir) throws IOException {
        Set<Path> before = warmUpDirectories();
        Path pack = Files.writeString(dir.resolve("pack.json"), "{not json");

        assertThat(Main.run(List.of("warm-up", "--policy", pack.toString()), Map.of()))
                .isEqualTo(ExitCode.BAD_CONFIGURATION_FILE);
        assertThat(warmUpDirectories()).isSubsetOf(before);
    }

    private static Set<Path> warmUpDirectories() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.filter(p -> p.getFileName().toString().startsWith("egov-warm-up"))
                    .collect(Collectors.toSet());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
