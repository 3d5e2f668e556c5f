package cn.egov.projects.bootstrap;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import cn.egov.projects.persistence.DatabaseSettings;
import cn.egov.projects.web.WebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("日志发往集中的syslog服务器（EGOV_SYSLOG）：UDP与TCP、设施与应用名、安全事件带其字段、手机号与邮箱遮盖；未设置时不发送")
class SyslogShippingTest {

    @TempDir
    Path dir;
    private Application application;
    private WebServer server;

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
        if (application != null) {
            application.close();
        }
        System.clearProperty(LogConfiguration.SYSLOG);
        System.clearProperty(LogConfiguration.SYSLOG_FACILITY);
        // the application's logging as it is without the setting
        reconfigure((LoggerContext) LoggerFactory.getILoggerFactory());
    }

    private static void reconfigure(LoggerContext context) {
        context.reset();
        LogConfiguration configuration = new LogConfiguration();
        configuration.setContext(context);
        configuration.configure(context);
    }

    @Test
    @DisplayName("UDP：应用的一次失败登录作为安全事件到达本机的syslog接收端，带动作、用户名（遮盖）、来源地址与请求编号，不含口令")
    void aFailedSignInReachesTheCollectorOverUdp() throws Exception {
        try (DatagramSocket collector = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            collector.setSoTimeout(30_000);
            System.setProperty(LogConfiguration.SYSLOG, "udp://127.0.0.1:" + collector.getLocalPort());
            reconfigure((LoggerContext) LoggerFactory.getILoggerFactory());

            application = Application.open(Settings.parse(List.of(), Map.of(
                    "EGOV_DB_URL", DatabaseSettings.embeddedH2(dir.resolve("data")).url(),
                    "EGOV_AUDIT_KEY_FILE", dir.resolve("audit.key").toString(),
                    "EGOV_DATA_KEY_FILE", dir.resolve("data.key").toString())));
            server = WebServer.start(application.webApi(), 0);
            // a person who types their mobile number as the username, and a wrong password
            HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                            "http://localhost:" + server.port() + "/api/session"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            "13912345678:Wrong-Secret-Pass-1".getBytes(StandardCharsets.UTF_8)))
                    .header("X-Request-Id", "req-syslog-1").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(401);

            String event = receiveUntil(collector, m -> m.contains(" security - ") && m.contains("SIGN_IN"));
            // <local0.info>, version 1, the time, the host, the app name, the process, the message id
            assertThat(event).matches("(?s)<134>1 \\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}[^ ]+ \\S+ "
                    + "egov-projects \\d+ security - INFO .*");
            assertThat(event).contains("cn.egov.projects.security", "SIGN_IN", "user=139****5678", "source=127.0.0.1",
                    "request=req-syslog-1", "article=第四条", "summary=\"")
                    .doesNotContain("13912345678", "Wrong-Secret-Pass-1");
        }
    }

    @Test
    @DisplayName("TCP：按长度分帧（RFC 6587），所设的设施，应用日志与安全事件各有其消息编号，邮箱与手机号遮盖")
    void linesGoOverTcpWithTheFacilitySet() throws Exception {
        try (ServerSocket collector = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            collector.setSoTimeout(30_000);
            System.setProperty(LogConfiguration.SYSLOG, "tcp://127.0.0.1:" + collector.getLocalPort());
            System.setProperty(LogConfiguration.SYSLOG_FACILITY, "authpriv");
            LoggerContext context = new LoggerContext();
            context.setMDCAdapter(MDC.getMDCAdapter());
            context.start();
            reconfigure(context);
            assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("ASYNC_SYSLOG")).isNotNull();
            MDC.put("requestId", "req-7");
            try {
                context.getLogger("cn.egov.projects.security").info("audit 7 REFUSED user=u1 summary=\"拒绝\"");
                context.getLogger("cn.egov.projects.notify.ReminderEngine")
                        .warn("reminder to zhang.san@tc.gov.cn and 13800001111 failed");
            } finally {
                MDC.remove("requestId");
            }
            context.stop(); // drains the queue and closes the connection
            List<String> frames = new ArrayList<>();
            try (Socket connection = collector.accept();
                 DataInputStream in = new DataInputStream(connection.getInputStream())) {
                for (String frame = frame(in); frame != null; frame = frame(in)) {
                    frames.add(frame);
                }
            }
            // authpriv (10) × 8 + informational (6) = 86; warning (4) = 84
            assertThat(frames).anySatisfy(f -> assertThat(f).startsWith("<86>1 ")
                    .contains(" egov-projects ", " security - INFO [", "[req-7] cn.egov.projects.security - audit 7 "
                            + "REFUSED user=u1"));
            assertThat(frames).anySatisfy(f -> assertThat(f).startsWith("<84>1 ").contains(" app - WARN ",
                    "z***@tc.gov.cn", "138****1111").doesNotContain("zhang.san", "13800001111"));
        }
    }

    @Test
    @DisplayName("未设置EGOV_SYSLOG：没有syslog输出，接收端什么也收不到")
    void unsetSendsNothing() throws Exception {
        try (DatagramSocket collector = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            LoggerContext context = new LoggerContext();
            context.setMDCAdapter(MDC.getMDCAdapter());
            context.start();
            reconfigure(context);
            Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
            assertThat(root.getAppender("ASYNC_SYSLOG")).isNull();
            List<String> appenders = new ArrayList<>();
            root.iteratorForAppenders().forEachRemaining(a -> {
                appenders.add(a.getName());
                if (a instanceof AsyncAppender async) {
                    async.iteratorForAppenders().forEachRemaining(inner -> appenders.add(inner.getName()));
                }
            });
            assertThat(appenders).containsExactlyInAnyOrder("ASYNC", "CONSOLE", "ASYNC_FILE", "FILE");
            context.getLogger("cn.egov.projects.security").info("audit 1 SIGN_IN user=nobody");
            context.stop();
            collector.setSoTimeout(300);
            assertThatThrownBy(() -> collector.receive(new DatagramPacket(new byte[1024], 1024)))
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    @DisplayName("无法使用的设置（协议、端口、设施）：日志说明未发送，不发送")
    void aWrongSettingIsSaidAndNothingIsSent() {
        for (String[] wrong : new String[][]{{"ftp://127.0.0.1:514", null}, {"127.0.0.1:70000", null},
                {"udp://127.0.0.1:514", "local9"}}) {
            System.setProperty(LogConfiguration.SYSLOG, wrong[0]);
            if (wrong[1] != null) {
                System.setProperty(LogConfiguration.SYSLOG_FACILITY, wrong[1]);
            }
            assertThatThrownBy(() -> SyslogAppender.Target.parse(wrong[0], wrong[1]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EGOV_SYSLOG");
            LoggerContext context = new LoggerContext();
            context.setMDCAdapter(MDC.getMDCAdapter());
            context.start();
            reconfigure(context);
            assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("ASYNC_SYSLOG")).as(wrong[0]).isNull();
            context.stop();
            System.clearProperty(LogConfiguration.SYSLOG_FACILITY);
        }
        assertThat(SyslogAppender.Target.parse("logs.tc.gov.cn", null).toString()).isEqualTo(
                "udp://logs.tc.gov.cn:514");
        assertThat(SyslogAppender.Target.parse("TCP://[::1]:6514", "LOCAL3")).isEqualTo(
                new SyslogAppender.Target(true, "::1", 6514, 19));
    }

    /** Datagrams until one that {@code wanted} accepts (each receive waits at most the socket's timeout). */
    private static String receiveUntil(DatagramSocket socket, java.util.function.Predicate<String> wanted)
            throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        byte[] buffer = new byte[SyslogAppender.MAX_MESSAGE + 1];
        List<String> seen = new ArrayList<>();
        while (Instant.now().isBefore(deadline)) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            socket.receive(packet);
            String message = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            if (wanted.test(message)) {
                return message;
            }
            seen.add(message);
        }
        throw new AssertionError("no such message arrived; seen: " + seen);
    }

    /** One octet-counted frame, or null at the end of the stream. */
    private static String frame(DataInputStream in) throws IOException {
        ByteArrayOutputStream length = new ByteArrayOutputStream();
        for (int b = in.read(); b != ' '; b = in.read()) {
            if (b < 0) {
                if (length.size() == 0) {
                    return null;
                }
                throw new EOFException("a frame cut short");
            }
            assertThat((char) b).as("a frame's length").isBetween('0', '9');
            length.write(b);
        }
        byte[] message = new byte[Integer.parseInt(length.toString(StandardCharsets.US_ASCII))];
        in.readFully(message);
        return new String(message, StandardCharsets.UTF_8);
    }
}
