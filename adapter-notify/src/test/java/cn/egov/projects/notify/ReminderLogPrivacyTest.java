package cn.egov.projects.notify;

import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.notify.channel.LogEmailSender;
import cn.egov.projects.notify.channel.LogSmsSender;
import cn.egov.projects.notify.channel.VertxMailSender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the reminder engine and its channels log at the production level (INFO, every logger): never a recipient's
 * mobile number or e-mail address in plaintext, whether a message goes out through the real SMTP server or fails.
 */
@DisplayName("提醒的日志中没有明文手机号和邮箱：经真实SMTP服务器发出、发送失败、日志通道")
class ReminderLogPrivacyTest {

    private static final String EMAIL = "zhangsan@tc.gov.cn";
    private static final String MOBILE = "13912345678";

    private final LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Map<String, Level> levels = new java.util.HashMap<>();
    private Harness harness;

    @BeforeEach
    void start() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        for (String name : List.of(Logger.ROOT_LOGGER_NAME, "cn.egov.projects", "com.github.kagkarlsson",
                "io.vertx", "com.icegreen")) {
            Logger logger = context.getLogger(name);
            levels.put(name, logger.getLevel());
            // the product's loggers at the production level; the test's own SMTP server (GreenMail, which logs the
            // mailboxes it makes) is not part of the product
            logger.setLevel(name.equals("com.icegreen") ? Level.OFF : Level.INFO);
        }
        logs.setContext(context);
        logs.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(logs);
        harness = Harness.h2();
    }

    @AfterEach
    void stop() {
        harness.close();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(logs);
        levels.forEach((name, level) -> context.getLogger(name).setLevel(level));
    }

    private String logged() {
        synchronized (logs) {
            return logs.list.stream().map(e -> e.getFormattedMessage()
                            + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage()))
                    .collect(Collectors.joining("\n"));
        }
    }

    @Test
    @DisplayName("经真实SMTP服务器发出的提醒：收件人收到，日志中没有其邮箱")
    void sentThroughSmtp() {
        GreenMail smtp = Harness.greenMail(Harness.freePort());
        try {
            ReminderEngine engine = harness.engine(Harness.fast("privacy-mail"), new SystemClock(),
                    new VertxMailSender(Harness.mail(smtp.getSmtp().getPort())), null);
            harness.tx.inTransaction(() -> engine.enqueue(List.of(Reminders.planned("张三", EMAIL, null,
                    "智慧公安数据平台", DeadlineKind.CONTRACT_FILING, today, today.plusDays(3)))));
            engine.start();
            assertThat(smtp.waitForIncomingEmail(60_000, 1)).isTrue();
            Harness.await("the reminder marked sent", Duration.ofSeconds(30),
                    () -> harness.count("SELECT COUNT(*) FROM reminder WHERE sent_at IS NULL") == 0);
        } finally {
            smtp.stop();
        }
        assertThat(logged()).doesNotContain(EMAIL).doesNotContain("zhangsan");
    }

    @Test
    @DisplayName("SMTP服务器不可达时的重试日志只有遮蔽的地址 z***@tc.gov.cn")
    void failuresAreLoggedMasked() {
        ReminderEngine engine = harness.engine(Harness.fast("privacy-fail"), new SystemClock(),
                new VertxMailSender(Harness.mail(Harness.freePort())), null);
        harness.tx.inTransaction(() -> engine.enqueue(List.of(Reminders.planned("张三", EMAIL, null,
                "智慧公安数据平台", DeadlineKind.CONTRACT_FILING, today, today.plusDays(3)))));
        engine.start();
        Harness.await("a failed attempt logged", Duration.ofSeconds(60), () -> logged().contains("failed (attempt"));
        assertThat(logged()).contains("z***@tc.gov.cn").doesNotContain(EMAIL).doesNotContain("zhangsan");
    }

    @Test
    @DisplayName("日志通道（未配置SMTP或短信网关时）只记遮蔽的手机号和邮箱")
    void logChannels() {
        new LogSmsSender().send(new cn.egov.projects.notify.channel.OutgoingSms(MOBILE, "提醒", Map.of()));
        new LogEmailSender().send(new cn.egov.projects.notify.channel.OutgoingEmail(EMAIL, "主题", "正文", "<p>正文</p>"));
        assertThat(logged()).contains("139****5678", "z***@tc.gov.cn").doesNotContain(MOBILE).doesNotContain(EMAIL);
    }
}
