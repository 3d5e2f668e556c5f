package cn.egov.projects.notify;

import cn.egov.projects.application.view.PlannedReminder;
import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.notify.channel.VertxMailSender;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static cn.egov.projects.notify.Harness.await;
import static org.assertj.core.api.Assertions.assertThat;

/** E-mail against a real SMTP server inside the test (GreenMail), through the real scheduler on H2. */
class EmailDeliveryTest {

    private final LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
    private Harness harness;
    private GreenMail smtp;

    @BeforeEach
    void start() {
        harness = Harness.h2();
        smtp = Harness.greenMail(Harness.freePort());
    }

    @AfterEach
    void stop() {
        harness.close();
        smtp.stop();
    }

    private ReminderEngine engine(boolean digest) {
        return harness.engine(Harness.fast("mail-test").withDigest(digest), new SystemClock(),
                new VertxMailSender(Harness.mail(smtp.getSmtp().getPort())), null);
    }

    private static String recipient(MimeMessage m) {
        try {
            return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Object::toString).findFirst()
                    .orElseThrow();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("库中早先存下的无法送达的地址（含“|”）被跳过并记录警告，不使引起提醒的办理失败，其他人照常收到")
    void anUnreachableStoredAddressIsSkipped() {
        ReminderEngine engine = engine(true);
        List<PlannedReminder> plan = List.of(
                Reminders.planned("坏地址", "bad|li@tc.gov.cn", null, "智慧公安数据平台", DeadlineKind.CONTRACT_FILING,
                        today, today.plusDays(3)),
                Reminders.planned("王分管", "wang@tc.gov.cn", null, "智慧公安数据平台", DeadlineKind.CONTRACT_FILING,
                        today, today.plusDays(3)));
        assertThat(harness.tx.inTransaction(() -> engine.enqueue(plan))).isEqualTo(1);
        // the ledger holds no address in plaintext: the one row is wang's (by the blind index), none is the bad one
        assertThat(harness.count("SELECT COUNT(*) FROM reminder")).isEqualTo(1);
        assertThat(harness.reminders("wang@tc.gov.cn")).isEqualTo(1);
        assertThat(harness.reminders("bad|li@tc.gov.cn")).isZero();
    }

    @Test
    @DisplayName("同一人同日的多项提醒合并为一封邮件：收件人、主题、正文（纯文本和HTML）和封数都正确")
    void oneDigestPerPersonAndDay() throws Exception {
        ReminderEngine engine = engine(true);
        List<PlannedReminder> plan = List.of(
                Reminders.planned("李责任", "li@tc.gov.cn", null, "智慧公安数据平台", DeadlineKind.CONTRACT_FILING,
                        today, today.plusDays(3)),
                Reminders.planned("李责任", "LI@tc.gov.cn", null, "城市大脑", DeadlineKind.IMPL_PLAN, today,
                        today.plusDays(7)),
                Reminders.planned("王分管", "wang@tc.gov.cn", null, "智慧公安数据平台", DeadlineKind.ACCEPTANCE_REPORT,
                        today, today.minusDays(2)));
        assertThat(harness.tx.inTransaction(() -> engine.enqueue(plan))).isEqualTo(3);
        engine.start();

        assertThat(smtp.waitForIncomingEmail(60_000, 2)).isTrue();
        harness.awaitNothingLeftToSend();
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2);
        MimeMessage li = Arrays.stream(received).filter(m -> recipient(m).equals("li@tc.gov.cn")).findFirst()
                .orElseThrow();
        assertThat(li.getSubject()).isEqualTo("【电子政务项目提醒】您有2项待办事项");
        assertThat(li.getFrom()[0].toString()).isEqualTo("egov@tc.gov.cn");
        String body = GreenMailUtil.getBody(li);
        assertThat(li.getContentType()).startsWith("multipart/alternative");
        String all = new String(li.getRawInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                + mimeText(li);
        assertThat(all).contains("李责任，您好", "「智慧公安数据平台」须于", "前报送项目合同（第十四条）",
                "「城市大脑」须于", "前报送项目实施方案（第十三条）", "https://egov.tc.gov.cn/projects/", "<a href=");
        assertThat(body).isNotBlank();
        MimeMessage wang = Arrays.stream(received).filter(m -> recipient(m).equals("wang@tc.gov.cn")).findFirst()
                .orElseThrow();
        assertThat(wang.getSubject()).isEqualTo("【电子政务项目督办】报送验收报告已逾期");
        assertThat(mimeText(wang)).contains("现已逾期2天（第二十五条）");
        assertThat(harness.count("SELECT COUNT(*) FROM reminder WHERE sent_at IS NULL")).isZero();
        assertThat(harness.count("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'reminder-digest'"))
                .isZero();
    }

    @Test
    @DisplayName("关闭合并后每项提醒各发一封；同一提醒再排一次不会重发")
    void digestOffAndPlannedTwice() {
        ReminderEngine engine = engine(false);
        List<PlannedReminder> plan = List.of(
                Reminders.planned("李责任", "li@tc.gov.cn", null, "智慧公安数据平台", DeadlineKind.CONTRACT_FILING,
                        today, today.plusDays(3)),
                Reminders.planned("李责任", "li@tc.gov.cn", null, "城市大脑", DeadlineKind.IMPL_PLAN, today,
                        today.plusDays(7)));
        harness.tx.inTransaction(() -> engine.enqueue(plan));
        assertThat(harness.tx.inTransaction(() -> engine.enqueue(plan))).isZero();
        engine.start();
        assertThat(smtp.waitForIncomingEmail(60_000, 2)).isTrue();
        assertThat(engine.enqueue(plan)).isZero();
        harness.awaitNothingLeftToSend();
        // once both are sent, a sweep finds nothing left behind to schedule again
        assertThat(engine.sweep(today)).isZero();
        assertThat(harness.count("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = '"
                + ReminderEngine.DIGEST_TASK + "'")).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(2);
    }

    @Test
    @DisplayName("事务回滚时提醒和调度记录一并撤销，什么也不发送")
    void rolledBackChangeSchedulesNothing() {
        ReminderEngine engine = engine(true);
        try {
            harness.tx.inTransaction(() -> {
                engine.enqueue(List.of(Reminders.planned("李责任", "li@tc.gov.cn", null, "智慧公安数据平台",
                        DeadlineKind.CONTRACT_FILING, today, today.plusDays(3))));
                throw new IllegalStateException("the use case is refused");
            });
        } catch (IllegalStateException expected) {
            // the change and its reminders roll back together
        }
        assertThat(harness.count("SELECT COUNT(*) FROM reminder")).isZero();
        assertThat(harness.count("SELECT COUNT(*) FROM scheduled_tasks")).isZero();
        engine.start();
        // a message goes out only through an execution: the sweep finds no reminder without one, and none is there
        assertThat(engine.sweep(today)).isZero();
        harness.awaitNothingLeftToSend();
        assertThat(harness.count("SELECT COUNT(*) FROM reminder")).isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    @DisplayName("期限完成（或豁免、终止）后未发出的提醒取消")
    void closedDeadlineSendsNothingMore() {
        ReminderEngine engine = engine(true);
        PlannedReminder p = Reminders.planned("李责任", "li@tc.gov.cn", null, "智慧公安数据平台",
                DeadlineKind.CONTRACT_FILING, today, today.plusDays(3));
        harness.tx.inTransaction(() -> engine.enqueue(List.of(p)));
        harness.tx.inTransaction(() -> {
            new ReminderLedger(harness.db.transactionAwareDataSource(), Harness.RECIPIENTS)
                    .cancel(List.of(p.deadlineId()), java.time.Instant.now());
            return null;
        });
        engine.start();
        await("the message's execution to be removed", Duration.ofSeconds(60),
                () -> harness.count("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'reminder-digest'") == 0);
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    @DisplayName("提醒已入账但发送任务丢失（如与正在发送的邮件并发）：巡检补排后送达")
    void sweepFindsWhatWasLeftBehind() {
        ReminderEngine engine = engine(true);
        PlannedReminder p = Reminders.planned("李责任", "li@tc.gov.cn", null, "智慧公安数据平台",
                DeadlineKind.CONTRACT_FILING, today, today.plusDays(3));
        // the ledger row alone, as if its message's execution had already run and gone
        new ReminderLedger(harness.db.dataSource(), Harness.RECIPIENTS).insert(List.of(new ReminderLedger.Row(p,
                Channel.EMAIL, "li@tc.gov.cn", Harness.index("li@tc.gov.cn"),
                DigestKey.digest(Channel.EMAIL, Harness.index("li@tc.gov.cn"), today))), java.time.Instant.now());
        assertThat(harness.count("SELECT COUNT(*) FROM scheduled_tasks")).isZero();
        assertThat(engine.sweep(today)).isEqualTo(1);
        assertThat(harness.count("SELECT COUNT(*) FROM scheduled_tasks")).isEqualTo(1);
        engine.start();
        assertThat(smtp.waitForIncomingEmail(60_000, 1)).isTrue();
        harness.awaitNothingLeftToSend();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(engine.sweep(today)).isZero();
    }

    static String mimeText(MimeMessage m) {
        try {
            Object content = m.getContent();
            if (content instanceof jakarta.mail.Multipart mp) {
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < mp.getCount(); i++) {
                    b.append(mp.getBodyPart(i).getContent()).append('\n');
                }
                return b.toString();
            }
            return String.valueOf(content);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
