package cn.egov.projects.bootstrap;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The class-data archive the build writes beside the jar (README's start command): the JVM that ran the build maps it
 * — {@code -Xshare:on} makes a start that cannot fail — and takes the application's classes from it.
 */
@DisplayName("构建生成的类数据归档可被 JVM 使用，应用的类从归档加载")
class ClassDataArchiveIT {

    @Test
    @DisplayName("-Xshare:on 加归档启动：/health 为200，应用的类来自归档")
    void theBuildsArchiveIsMapped(@TempDir Path dir) throws Exception {
        Path jar = PackagedApp.jar();
        Path archive = jar.resolveSibling("egov-projects.jsa");
        assertThat(archive).as("the build's class-data archive").isRegularFile();
        int port = PackagedApp.freePort();
        Path log = dir.resolve("server.log");
        Process server = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:on", "-XX:SharedArchiveFile=" + archive, "-Xlog:class+load=info", "-jar", jar.toString(),
                "--http-port", String.valueOf(port)))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            PackagedApp.awaitHealthy(server, port, () -> read(log));
        } finally {
            server.destroy();
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(output).contains("cn.egov.projects.bootstrap.Main source: shared objects file (top)")
                .contains("cn.egov.projects.web.WebServer source: shared objects file (top)")
                .contains("org.h2.engine.Database source: shared objects file (top)");
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }
}
