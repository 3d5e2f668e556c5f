package cn.egov.projects.notify;

import cn.egov.projects.application.view.PlannedReminder;
import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.notify.channel.VertxMailSender;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Faults of the SMTP server: down for a while, then back. */
class SmtpOutageTest {

    @Test
    @DisplayName("邮件服务器暂时不可用：提醒按退避重试，恢复后全部送达，每封只发一次")
    void retriedUntilTheServerReturns() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        int port = Harness.freePort();
        List<PlannedReminder> plan = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            plan.add(Reminders.planned("收件人" + i, "p" + i + "@tc.gov.cn", null, "项目" + i,
                    DeadlineKind.IMPL_PLAN, today, today.plusDays(7)));
        }
        GreenMail smtp = null;
        try (Harness harness = Harness.postgres()) {
            ReminderEngine engine = harness.engine(Harness.fast("outage")
                            .withRetries(30, Duration.ofMillis(200), Duration.ofMillis(800)), new SystemClock(),
                    new VertxMailSender(Harness.mail(port)), null);
            harness.tx.inTransaction(() -> engine.enqueue(plan));
            engine.start();
            Harness.await("failed attempts while the server is down", Duration.ofSeconds(90),
                    () -> harness.count("SELECT COUNT(*) FROM scheduled_tasks WHERE consecutive_failures >= 2") == 20);
            assertThat(harness.count("SELECT COUNT(*) FROM reminder WHERE sent_at IS NOT NULL")).isZero();

            smtp = Harness.greenMail(port);
            GreenMail server = smtp;
            Harness.await("all delivered after the server returns", Duration.ofSeconds(120),
                    () -> harness.count("SELECT COUNT(*) FROM reminder WHERE sent_at IS NULL") == 0);
            harness.awaitNothingLeftToSend();
            List<String> to = Arrays.stream(server.getReceivedMessages()).map(m -> {
                try {
                    return m.getRecipients(Message.RecipientType.TO)[0].toString();
                } catch (MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            assertThat(to).hasSize(20).doesNotHaveDuplicates();
            assertThat(engine.list(10)).isEmpty();
        } finally {
            if (smtp != null) {
                smtp.stop();
            }
        }
    }
}
