package cn.egov.projects.bootstrap;

import cn.egov.projects.bootstrap.PackagedApp.Run;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged application as operators run it: {@code java -jar egov-projects.jar} in a fresh working directory,
 * talked to over HTTP, stopped with SIGTERM and killed with SIGKILL, its data still there after each restart; and
 * the start-up failures an operator meets first.
 */
@DisplayName("打包后的应用端到端：启动、计算器、账号、项目、停止与重启、启动失败")
class EndToEndIT {

    private static final String ADMIN_PASSWORD = "Chief-Password-e2e";
    private static final String STAFF_PASSWORD = "Staff-Password-e2e";

    @TempDir
    Path workDir;

    private PackagedApp app;

    @BeforeEach
    void jarIsBuilt() {
        app = new PackagedApp(workDir);
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        app.close();
    }

    @Test
    @DisplayName("创建管理员、启动、计算期限、建账号和草稿；SIGTERM和SIGKILL之后重启，项目都还在")
    void fullRun() throws Exception {
        Run admin = run(Map.of("EGOV_ADMIN_PASSWORD", ADMIN_PASSWORD),
                "create-admin", "--username", "admin", "--name", "管理员", "--unit", "TC-DSJ");
        assertThat(admin.process().waitFor(60, TimeUnit.SECONDS)).as("create-admin finished").isTrue();
        assertThat(admin.process().exitValue()).as(admin.output()).isZero();
        assertThat(admin.output()).contains("administrator 'admin' created")
                .contains("otpauth://totp/egov-projects:admin?secret=").contains("algorithm=SM3&digits=6&period=30");
        // the administrator signs in with a one-time code of the secret printed this once
        app.codes.put("admin", OneTimeCodes.printed(admin.output()));

        Run again = run(Map.of("EGOV_ADMIN_PASSWORD", ADMIN_PASSWORD),
                "create-admin", "--username", "admin2", "--name", "管理员", "--unit", "TC-DSJ");
        assertThat(again.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(again.process().exitValue()).as(again.output()).isEqualTo(ExitCode.ADMIN_REFUSED);
        assertThat(again.output()).contains("create-admin failed: an account of role ADMIN exists already");

        int port = freePort();
        Run server = startServer(port);

        HttpResponse<String> due = get(port, "/api/deadlines/compute?kind=CONTRACT_FILING&start=2024-09-27", null);
        assertThat(due.statusCode()).as(() -> due.body() + "\n" + server.output()).isEqualTo(200);
        assertThat(due.body()).contains("\"due\":\"2024-10-12\"").contains("\"article\":\"第十四条\"")
                .contains("\"provisional\":false");
        assertThat(due.headers().firstValue("X-Request-Id")).isPresent();
        HttpResponse<String> bad = get(port, "/api/deadlines/compute?kind=CONTRACT_FILING&start=2024-02-30", null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"start\"").contains("YYYY-MM-DD");

        HttpResponse<String> account = post(port, "/api/accounts", basic("admin", ADMIN_PASSWORD), """
                {"username": "police", "displayName": "公安经办", "role": "UNIT_STAFF", "unit": "TC-GAJ",
                 "mobile": "13900000001", "email": "police@tc.gov.cn", "password": "%s"}
                """.formatted(AccountsForTests.INITIAL));
        assertThat(account.statusCode()).as(() -> account.body() + "\n" + server.output()).isEqualTo(201);
        // the administrator's password must be changed by its owner first
        AccountsForTests.changeOverHttp(port, "police", STAFF_PASSWORD);

        String staff = basic("police", STAFF_PASSWORD);
        HttpResponse<String> created = post(port, "/api/projects", staff, """
                {"name": "智慧公安数据平台", "planYear": 2027, "category": "BUSINESS_SYSTEM", "nature": "NEW",
                 "softwareDevelopment": true, "funding": "MUNICIPAL", "classified": false, "usesCryptography": false,
                 "scopeItems": ["数据汇聚平台"], "performanceGoals": [{"indicator": "警情处置时间缩短比例", "kind": "BENEFIT", "target": "≥20%"}],
                 "budgetLines": [{"item": "软件开发", "amount": "1200000.00", "supervision": false},
                                 {"item": "项目监理", "amount": 60000.10, "supervision": true}]}
                """);
        assertThat(created.statusCode()).as(() -> created.body() + "\n" + server.output()).isEqualTo(201);
        String id = created.body().replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");
        assertThat(created.headers().firstValue("Location")).contains("/api/projects/" + id);
        assertListed(server, port, staff, id);

        server.process().destroy();
        assertThat(server.process().waitFor(30, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
        assertThat(server.output()).contains("HTTP server stopped").contains("egov-projects stopped");

        Run second = startServer(port);
        assertListed(second, port, staff, id);
        assertThat(get(port, "/api/projects/" + id, staff).body()).contains("\"totalInvestment\":\"1260000.10\"");

        second.process().destroyForcibly();
        assertThat(second.process().waitFor(30, TimeUnit.SECONDS)).as("killed with SIGKILL").isTrue();

        Run third = startServer(port);
        assertListed(third, port, staff, id);
    }

    @Test
    @DisplayName("政策包文件格式错误：非零退出码，一行说明哪个文件、从哪个设置来")
    void malformedPolicyPack() throws Exception {
        Path pack = Files.writeString(workDir.resolve("pack.json"), "{\"id\": ", StandardCharsets.UTF_8);

        Run run = run(Map.of("EGOV_POLICY", pack.toString(), "EGOV_HTTP_PORT", String.valueOf(freePort())));

        assertThat(run.process().waitFor(60, TimeUnit.SECONDS)).as("exited").isTrue();
        assertThat(run.process().exitValue()).as(run.output()).isEqualTo(ExitCode.BAD_CONFIGURATION_FILE);
        assertThat(failureLines(run)).singleElement().asString()
                .contains("start-up failed: malformed policy pack " + pack).contains("(EGOV_POLICY)");
    }

    @Test
    @DisplayName("由 EGOV_POLICY 选定两阶段验收政策包：validate-pack 通过；合同报送期限按15个工作日计算并引用其第十五条")
    void theTwoStagePackChosenBySetting() throws Exception {
        Path pack = Path.of("..", "policy-packs", "example-two-stage.json").toAbsolutePath();
        Run check = run(Map.of(), "validate-pack", pack.toString());
        assertThat(check.process().waitFor(60, TimeUnit.SECONDS)).as("exited").isTrue();
        assertThat(check.process().exitValue()).as(check.output()).isZero();
        assertThat(check.output()).contains("政策包可以使用", "初步验收（第二十五条");

        int port = freePort();
        Run server = app.startServer(port, Map.of("EGOV_POLICY", pack.toString()));
        // 15 working days from Friday 2025-04-25 across the May Day rest (04-27 a 调休 working day): 2025-05-20
        HttpResponse<String> due = get(port, "/api/deadlines/compute?kind=CONTRACT_FILING&start=2025-04-25", null);
        assertThat(due.statusCode()).as(() -> due.body() + "\n" + server.output()).isEqualTo(200);
        assertThat(due.body()).contains("\"due\":\"2025-05-20\"").contains("\"article\":\"第十五条\"")
                .contains("\"term\":\"15个工作日\"");
        server.process().destroy();
        assertThat(server.process().waitFor(60, TimeUnit.SECONDS)).as("stopped").isTrue();
    }

    @Test
    @DisplayName("端口已被占用：非零退出码，一行说明")
    void portInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(0));
            int port = taken.getLocalPort();

            Run run = run(Map.of("EGOV_HTTP_PORT", String.valueOf(port)));

            assertThat(run.process().waitFor(60, TimeUnit.SECONDS)).as("exited").isTrue();
            assertThat(run.process().exitValue()).as(run.output()).isEqualTo(ExitCode.HTTP_PORT);
            assertThat(failureLines(run)).singleElement().asString()
                    .contains("start-up failed: HTTP port " + port + " is already in use (EGOV_HTTP_PORT)");
        }
    }

    @Test
    @DisplayName("未知的命令行参数：退出码2")
    void unknownFlag() throws Exception {
        Run run = run(Map.of(), "--htp-port", "8080");

        assertThat(run.process().waitFor(60, TimeUnit.SECONDS)).as("exited").isTrue();
        assertThat(run.process().exitValue()).as(run.output()).isEqualTo(ExitCode.BAD_SETTING);
        assertThat(failureLines(run)).singleElement().asString().contains("unknown option '--htp-port'");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private Run run(Map<String, String> env, String... args) throws IOException {
        return app.run(env, args);
    }

    private Run startServer(int port) throws Exception {
        return app.startServer(port, Map.of());
    }

    private void assertListed(Run server, int port, String auth, String id) throws Exception {
        HttpResponse<String> list = get(port, "/api/projects?year=2027", auth);
        assertThat(list.statusCode()).as(() -> list.body() + "\n" + server.output()).isEqualTo(200);
        assertThat(list.body()).as(server::output).contains("\"id\":\"" + id + "\"").contains("\"total\":1")
                .contains("\"name\":\"智慧公安数据平台\"");
    }

    private static List<String> failureLines(Run run) {
        return run.output().lines().filter(l -> l.contains(" ERROR ")).toList();
    }

    private HttpResponse<String> get(int port, String path, String auth) throws IOException, InterruptedException {
        return app.get(port, path, auth);
    }

    private HttpResponse<String> post(int port, String path, String auth, String json)
            throws IOException, InterruptedException {
        return app.post(port, path, auth, json);
    }

    private static String basic(String user, String password) {
        return PackagedApp.basic(user, password);
    }

    private static int freePort() throws IOException {
        return PackagedApp.freePort();
    }
}
