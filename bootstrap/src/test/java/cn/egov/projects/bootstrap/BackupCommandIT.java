package cn.egov.projects.bootstrap;

import cn.egov.projects.bootstrap.PackagedApp.Run;
import cn.egov.projects.persistence.DatabaseSettings;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backup and restore as an operator does them, each a process of its own: the embedded database is open in the
 * serving process only, so the {@code backup} command beside it refuses and points to the online backup, which the
 * server makes; the server stopped, the archive is restored into a new data directory and its chain verifies.
 */
@DisplayName("打包的应用：服务器运行时备份命令拒绝并指向在线备份；在线备份，停止服务器，恢复到新目录，核验审计记录链")
class BackupCommandIT {

    private static final String PASSWORD = "Backup-Chief-2024";

    @TempDir
    Path workDir;
    private PackagedApp app;

    @BeforeEach
    void setUp() {
        app = new PackagedApp(workDir);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        app.close();
    }

    @Test
    @DisplayName("运行中：backup命令退出码4并说明用POST /api/backups，restore到运行中的库也是4；在线备份201；停服后恢复到新目录退出码0，verify-audit通过")
    void onlineBackupThenRestoreIntoANewDirectory() throws Exception {
        app.createAdmin("admin", PASSWORD);
        int port = PackagedApp.freePort();
        Run server = app.startServer(port, Map.of());

        Run beside = app.run(Map.of(), "backup", "--to", "offline.zip");
        assertThat(beside.exited(90)).isTrue();
        assertThat(beside.process().exitValue()).as(beside::output).isEqualTo(ExitCode.DATABASE);
        assertThat(beside.output()).contains("POST /api/backups");
        assertThat(workDir.resolve("offline.zip")).doesNotExist();

        HttpResponse<String> made = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/backups"))
                        .timeout(Duration.ofSeconds(60)).header("Authorization", PackagedApp.basic("admin", PASSWORD))
                        .header("X-Egov-OTP", app.codes.fresh("admin"))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String file = new JsonObject(made.body()).getString("fileName");
        long records = new JsonObject(made.body()).getLong("auditRecords");
        Path archive = workDir.resolve("backups").resolve(file);
        assertThat(archive).isRegularFile();

        // nor is anything restored into the database a server has open
        Run into = app.run(Map.of(), "restore", "--from", archive.toString());
        assertThat(into.exited(90)).isTrue();
        assertThat(into.process().exitValue()).as(into::output).isEqualTo(ExitCode.DATABASE);
        assertThat(into.output()).contains("stop the server first");

        server.process().destroy();
        assertThat(server.exited(60)).as("stopped with SIGTERM").isTrue();

        Map<String, String> restored = Map.of("EGOV_DB_URL",
                DatabaseSettings.embeddedH2(workDir.resolve("restored")).url());
        Run restore = app.run(restored, "restore", "--from", archive.toString());
        assertThat(restore.exited(120)).isTrue();
        assertThat(restore.process().exitValue()).as(restore::output).isZero();
        assertThat(restore.output()).contains("已核验 " + records + " 条记录");

        Run verify = app.run(restored, "verify-audit");
        assertThat(verify.exited(90)).isTrue();
        assertThat(verify.process().exitValue()).as(verify::output).isZero();
        assertThat(verify.output()).contains("已核验 " + (records + 1) + " 条记录");
    }
}
