package cn.egov.projects.notify;

import cn.egov.projects.application.port.out.Account;
import cn.egov.projects.application.port.out.ClockPort;
import cn.egov.projects.application.port.out.TransactionPort;
import cn.egov.projects.application.view.DeliveryPreferences;
import cn.egov.projects.application.view.InboxMessage;
import cn.egov.projects.application.view.PlannedReminder;
import cn.egov.projects.application.view.ReminderRecipient;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.deadline.Deadline;
import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.notify.channel.VertxMailSender;
import cn.egov.projects.persistence.Database;
import cn.egov.projects.persistence.PersistenceAdapters;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The message centre beside the reminder ledger: every reminder addressed to an account lands in its inbox once, in the
 * e-mail's words, whatever the person's channels; each person's channels and quiet hours govern their e-mail, against a
 * real SMTP server and on the application's clock; two instances planning the same reminders at once on one real
 * PostgreSQL write each inbox message once.
 */
class InboxTest {

    private static final String BASE = "https://egov.tc.gov.cn";

    private static void account(Harness harness, String userId, String name, String email, String mobile) {
        harness.adapters.accounts().insert(new Account(userId, userId, name, Role.UNIT_STAFF, new UnitId("TC-GAJ"),
                mobile, email, "hash", true, Set.of()));
    }

    private static Inbox inbox(Database db, PersistenceAdapters adapters, ClockPort clock) {
        return new Inbox(db.transactionAwareDataSource(), new ReminderMessages(BASE, "【太仓电子政务】"),
                adapters.accounts()::findById, clock);
    }

    private static PlannedReminder to(String userId, String email, PlannedReminder p) {
        return new PlannedReminder(p.deadlineId(), p.kind(), p.projectId(), p.projectName(), p.classified(), p.due(),
                p.article(), p.reminder(), new ReminderRecipient(p.recipient().name(), email, null, userId));
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long mailsTo(GreenMail smtp, String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> recipient(m).equals(address)).count();
    }

    @Test
    @DisplayName("提醒和督办进入本人的消息中心，恰好一次：与邮件同样的中文措辞，涉密项目不出现名称，链接到办理该期限的操作")
    void remindersLandInTheInboxOnce() {
        TestClock clock = TestClock.at("2025-09-01T09:00:00");
        LocalDate today = clock.today();
        try (Harness harness = Harness.h2()) {
            account(harness, "u-wang", "王责任", "wang@tc.gov.cn", null);
            account(harness, "u-li", "李分管", "li@tc.gov.cn", null);
            Inbox inbox = inbox(harness.db, harness.adapters, clock);
            ReminderEngine engine = harness.engine(Harness.fast("inbox"), clock, null, null).withInbox(inbox);
            PlannedReminder contract = to("u-wang", "wang@tc.gov.cn", Reminders.planned("王责任", null, null,
                    "智慧公安数据平台", DeadlineKind.CONTRACT_FILING, today, today.plusDays(3)));
            PlannedReminder overdue = to("u-li", "li@tc.gov.cn", Reminders.planned("李分管", null, null,
                    "城市大脑", DeadlineKind.ACCEPTANCE_REPORT, today, today.minusDays(2)));
            PlannedReminder secret = to("u-wang", "wang@tc.gov.cn", Reminders.classified("王责任", null, null, today,
                    today.plusDays(5)));
            PlannedReminder noAccount = Reminders.planned("赵外部", "zhao@tc.gov.cn", null, "城市大脑",
                    DeadlineKind.IMPL_PLAN, today, today.plusDays(1));
            List<PlannedReminder> plan = List.of(contract, overdue, secret, noAccount);

            harness.tx.inTransaction(() -> engine.enqueue(plan));
            // planned again (another pass, a restart): nothing twice
            harness.tx.inTransaction(() -> engine.enqueue(plan));
            assertThat(harness.count("SELECT COUNT(*) FROM inbox_message")).isEqualTo(3);

            List<InboxMessage> wang = inbox.messages("u-wang", false, null, 10);
            assertThat(wang).hasSize(2);
            InboxMessage first = wang.stream().filter(m -> !m.classified()).findFirst().orElseThrow();
            assertThat(first.title()).isEqualTo("【电子政务项目提醒】" + DeadlineKind.CONTRACT_FILING.actionZh() + "："
                    + ReminderMessages.longDate(today.plusDays(3)) + "到期");
            assertThat(first.body()).isEqualTo("「智慧公安数据平台」须于" + ReminderMessages.longDate(today.plusDays(3))
                    + "前" + DeadlineKind.CONTRACT_FILING.actionZh() + "（" + contract.article() + "）。");
            assertThat(first.link()).isEqualTo("project.html?id=" + contract.projectId().value()
                    + "#action-FILE_CONTRACT");
            assertThat(first.escalation()).isFalse();
            assertThat(first.isRead()).isFalse();
            InboxMessage classified = wang.stream().filter(InboxMessage::classified).findFirst().orElseThrow();
            assertThat(classified.title() + classified.body()).doesNotContain("涉密网络改造")
                    .contains(ReminderMessages.CLASSIFIED);

            InboxMessage escalation = inbox.messages("u-li", false, null, 10).get(0);
            assertThat(escalation.escalation()).isTrue();
            assertThat(escalation.title()).startsWith("【电子政务项目督办】");
            assertThat(escalation.body()).contains("「城市大脑」", "现已逾期2天");

            // read, only by its owner
            assertThat(inbox.unreadCount("u-wang", 1000)).isEqualTo(2);
            assertThat(inbox.markRead("u-li", first.id(), clock.now())).isFalse();
            assertThat(inbox.markRead("u-wang", first.id(), clock.now())).isTrue();
            assertThat(inbox.unreadCount("u-wang", 1000)).isEqualTo(1);
            assertThat(inbox.messages("u-wang", true, null, 10)).extracting(InboxMessage::id)
                    .containsExactly(classified.id());
            assertThat(inbox.markAllRead("u-wang", clock.now())).isEqualTo(1);
            assertThat(inbox.unreadCount("u-wang", 1000)).isZero();
            assertThat(inbox.unreadCount("u-li", 1000)).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("期限办结后，消息中心里它的提醒和督办随办理同一事务收回：显示已办结及日期、不再计为未读；撤销的期限显示已撤销；回滚则不变（H2）")
    void aMetDeadlinesMessagesAreSettledWithTheChangeH2() {
        try (Harness harness = Harness.h2()) {
            settledWithTheChange(harness);
        }
    }

    @Test
    @DisplayName("期限办结后收回消息中心里的提醒（真实PostgreSQL）")
    void aMetDeadlinesMessagesAreSettledWithTheChangePostgreSql() {
        try (Harness harness = Harness.postgres()) {
            settledWithTheChange(harness);
        }
    }

    private void settledWithTheChange(Harness harness) {
        TestClock clock = TestClock.at("2025-09-01T09:00:00");
        LocalDate today = clock.today();
        account(harness, "u-wang", "王责任", "wang@tc.gov.cn", null);
        account(harness, "u-li", "李分管", "li@tc.gov.cn", null);
        Inbox inbox = inbox(harness.db, harness.adapters, clock);
        ReminderEngine engine = harness.engine(Harness.fast("inbox-settle"), clock, null, null).withInbox(inbox);
        PlannedReminder contract = to("u-wang", "wang@tc.gov.cn", Reminders.planned("王责任", null, null,
                "智慧公安数据平台", DeadlineKind.CONTRACT_FILING, today, today.plusDays(3)));
        // the same deadline's escalation to the leader (another offset, another person)
        PlannedReminder escalated = new PlannedReminder(contract.deadlineId(), contract.kind(), contract.projectId(),
                contract.projectName(), false, contract.due(), contract.article(),
                new cn.egov.projects.domain.reminder.Reminder(today, -1,
                        cn.egov.projects.domain.reminder.Audience.LEADER),
                new ReminderRecipient("李分管", "li@tc.gov.cn", null, "u-li"));
        PlannedReminder other = to("u-wang", "wang@tc.gov.cn", Reminders.planned("王责任", null, null, "城市大脑",
                DeadlineKind.ACCEPTANCE_REPORT, today, today.plusDays(5)));
        PlannedReminder terminated = to("u-wang", "wang@tc.gov.cn", Reminders.planned("王责任", null, null, "旧平台改造",
                DeadlineKind.IMPL_PLAN, today, today.plusDays(2)));
        harness.tx.inTransaction(() -> engine.enqueue(List.of(contract, escalated, other, terminated)));
        assertThat(inbox.unreadCount("u-wang", 1000)).isEqualTo(3);
        assertThat(inbox.unreadCount("u-li", 1000)).isEqualTo(1);

        Deadline open = Deadline.open(contract.deadlineId(), contract.kind(), null, today.minusDays(10), contract.due(),
                false);
        Deadline met = open.metOn(today.plusDays(1));
        // a change that fails after meeting the deadline leaves the messages as they were
        assertThatThrownBy(() -> harness.tx.inTransaction(() -> {
            engine.deadlinesChanged(null, List.of(), List.of(met));
            throw new IllegalStateException("the change fails after closing the deadline");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(inbox.unreadCount("u-wang", 1000)).isEqualTo(3);
        assertThat(inbox.messages("u-wang", false, null, 10)).noneMatch(InboxMessage::isSettled);

        clock.set(LocalDateTime.of(2025, 9, 2, 10, 0).atZone(ClockPort.ZONE).toInstant());
        harness.tx.inTransaction(() -> {
            engine.deadlinesChanged(null, List.of(), List.of(met));
            return null;
        });
        InboxMessage wangs = inbox.messages("u-wang", false, null, 10).stream()
                .filter(m -> m.body().contains("智慧公安数据平台")).findFirst().orElseThrow();
        assertThat(wangs.settledAs()).isEqualTo(InboxMessage.Settlement.MET);
        assertThat(wangs.settledAs().zh()).isEqualTo("已办结");
        assertThat(wangs.settledOn()).isEqualTo(today.plusDays(1));
        assertThat(wangs.isRead()).isTrue();
        InboxMessage lis = inbox.messages("u-li", false, null, 10).get(0);
        assertThat(lis.settledAs()).isEqualTo(InboxMessage.Settlement.MET);
        assertThat(inbox.unreadCount("u-wang", 1000)).isEqualTo(2);
        assertThat(inbox.unreadCount("u-li", 1000)).isZero();
        assertThat(inbox.messages("u-wang", true, null, 10)).extracting(InboxMessage::body)
                .noneMatch(b -> b.contains("智慧公安数据平台")).hasSize(2);

        // a message read before keeps the day it was read; a waived deadline's message is 已撤销, dated today
        InboxMessage before = inbox.messages("u-wang", false, null, 10).stream()
                .filter(m -> m.body().contains("旧平台改造")).findFirst().orElseThrow();
        Instant readAt = clock.now();
        inbox.markRead("u-wang", before.id(), readAt);
        clock.set(LocalDateTime.of(2025, 9, 3, 11, 0).atZone(ClockPort.ZONE).toInstant());
        Deadline waived = Deadline.open(terminated.deadlineId(), terminated.kind(), null, today.minusDays(10),
                terminated.due(), false).waived("项目终止");
        harness.tx.inTransaction(() -> {
            engine.deadlinesChanged(null, List.of(), List.of(waived));
            // closing one again settles nothing twice
            engine.deadlinesChanged(null, List.of(), List.of(met));
            return null;
        });
        InboxMessage withdrawn = inbox.messages("u-wang", false, null, 10).stream()
                .filter(m -> m.body().contains("旧平台改造")).findFirst().orElseThrow();
        assertThat(withdrawn.settledAs()).isEqualTo(InboxMessage.Settlement.WAIVED);
        assertThat(withdrawn.settledAs().zh()).isEqualTo("已撤销");
        assertThat(withdrawn.settledOn()).isEqualTo(LocalDate.of(2025, 9, 3));
        assertThat(withdrawn.readAt()).isEqualTo(readAt);
        assertThat(inbox.messages("u-wang", false, null, 10).stream()
                .filter(m -> m.body().contains("智慧公安数据平台")).findFirst().orElseThrow().settledOn())
                .isEqualTo(today.plusDays(1));
        // the open one stays unread and unsettled
        assertThat(inbox.unreadCount("u-wang", 1000)).isEqualTo(1);
        assertThat(inbox.messages("u-wang", true, null, 10)).singleElement()
                .satisfies(m -> assertThat(m.body()).contains("城市大脑"))
                .satisfies(m -> assertThat(m.isSettled()).isFalse());
    }

    @Test
    @DisplayName("提醒带单位全称：提醒台账记下单位全称，消息中心的标题和正文写“太仓市公安局的「项目」”，不写单位代码")
    void theUnitsFullNameReachesTheLedgerAndTheInbox() {
        TestClock clock = TestClock.at("2025-09-01T09:00:00");
        LocalDate today = clock.today();
        try (Harness harness = Harness.h2()) {
            account(harness, "u-wang", "王责任", "wang@tc.gov.cn", null);
            Inbox inbox = inbox(harness.db, harness.adapters, clock);
            ReminderEngine engine = harness.engine(Harness.fast("inbox-unit"), clock,
                    new cn.egov.projects.notify.channel.LogEmailSender(), null).withInbox(inbox);
            PlannedReminder p = to("u-wang", "wang@tc.gov.cn", Reminders.planned("王责任", null, null, "智慧公安数据平台",
                    DeadlineKind.CONTRACT_FILING, today, today.plusDays(3)));
            PlannedReminder named = new PlannedReminder(p.deadlineId(), p.kind(), p.projectId(), p.projectName(),
                    false, p.due(), p.article(), p.reminder(), p.recipient(), "太仓市公安局");
            harness.tx.inTransaction(() -> engine.enqueue(List.of(named)));
            assertThat(harness.count("SELECT COUNT(*) FROM reminder WHERE unit_name = '太仓市公安局'")).isEqualTo(1);
            InboxMessage m = inbox.messages("u-wang", false, null, 10).get(0);
            assertThat(m.body()).startsWith("太仓市公安局的「智慧公安数据平台」须于").doesNotContain("TC-GAJ");
        }
    }

    @Test
    @DisplayName("保留期：已读的旧消息随提醒台账的旧日子一起清理，未读的无论多旧都保留")
    void oldReadMessagesAreForgottenUnreadOnesKept() {
        TestClock clock = TestClock.at("2025-09-01T09:00:00");
        LocalDate longAgo = LocalDate.of(2022, 3, 1);
        try (Harness harness = Harness.h2()) {
            account(harness, "u-wang", "王责任", "wang@tc.gov.cn", null);
            Inbox inbox = inbox(harness.db, harness.adapters, clock);
            ReminderEngine engine = harness.engine(Harness.fast("inbox-prune"), clock, null, null).withInbox(inbox);
            harness.tx.inTransaction(() -> engine.enqueue(List.of(
                    to("u-wang", null, Reminders.planned("王责任", null, null, "旧项目一", DeadlineKind.CONTRACT_FILING,
                            longAgo, longAgo.plusDays(3))),
                    to("u-wang", null, Reminders.planned("王责任", null, null, "旧项目二", DeadlineKind.CONTRACT_FILING,
                            longAgo, longAgo.plusDays(3))),
                    to("u-wang", null, Reminders.planned("王责任", null, null, "新项目", DeadlineKind.CONTRACT_FILING,
                            clock.today(), clock.today().plusDays(3))))));
            List<InboxMessage> all = inbox.messages("u-wang", false, null, 10);
            InboxMessage oldOne = all.stream().filter(m -> m.body().contains("旧项目一")).findFirst().orElseThrow();
            InboxMessage recent = all.stream().filter(m -> m.body().contains("新项目")).findFirst().orElseThrow();
            inbox.markRead("u-wang", oldOne.id(), clock.now());
            inbox.markRead("u-wang", recent.id(), clock.now());
            engine.prune(clock.today());
            assertThat(inbox.messages("u-wang", false, null, 10)).extracting(InboxMessage::body)
                    .anySatisfy(b -> assertThat(b).contains("旧项目二"))
                    .anySatisfy(b -> assertThat(b).contains("新项目"))
                    .noneSatisfy(b -> assertThat(b).contains("旧项目一"));
        }
    }

    @Test
    @DisplayName("引起提醒的办理回滚时，消息中心也没有这条消息（与提醒台账同一事务）")
    void theInboxCommitsWithTheChange() {
        TestClock clock = TestClock.at("2025-09-01T09:00:00");
        try (Harness harness = Harness.h2()) {
            account(harness, "u-wang", "王责任", "wang@tc.gov.cn", null);
            Inbox inbox = inbox(harness.db, harness.adapters, clock);
            ReminderEngine engine = harness.engine(Harness.fast("inbox-tx"), clock, null, null).withInbox(inbox);
            PlannedReminder p = to("u-wang", "wang@tc.gov.cn", Reminders.planned("王责任", null, null, "智慧公安数据平台",
                    DeadlineKind.CONTRACT_FILING, clock.today(), clock.today().plusDays(3)));
            assertThatThrownBy(() -> harness.tx.inTransaction(() -> {
                engine.enqueue(List.of(p));
                throw new IllegalStateException("the change fails after planning");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(harness.count("SELECT COUNT(*) FROM inbox_message")).isZero();
        }
    }

    @Test
    @DisplayName("本人关闭邮件或短信：不再向他发该渠道（真实SMTP服务器上只有选了邮件的人的邮件），消息中心照样收到")
    void eachPersonsChannelsAreRespected() {
        GreenMail smtp = Harness.greenMail(Harness.freePort());
        TestClock clock = TestClock.at("2025-09-01T09:00:00");
        LocalDate today = clock.today();
        List<String> texted = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (Harness harness = Harness.h2()) {
            account(harness, "u-off", "关邮件", "off@tc.gov.cn", "13900000011");
            account(harness, "u-on", "关短信", "on@tc.gov.cn", "13900000012");
            Inbox inbox = inbox(harness.db, harness.adapters, clock);
            inbox.savePreferences("u-off", new DeliveryPreferences(false, true, null, null), clock.now());
            inbox.savePreferences("u-on", new DeliveryPreferences(true, false, null, null), clock.now());
            assertThat(inbox.preferences("u-off").email()).isFalse();
            assertThat(inbox.preferences("u-on").sms()).isFalse();
            ReminderEngine engine = harness.engine(Harness.fast("prefs"), clock,
                    new VertxMailSender(Harness.mail(smtp.getSmtp().getPort())), sms -> texted.add(sms.mobile()))
                    .withInbox(inbox);
            List<PlannedReminder> plan = List.of(
                    withMobile(to("u-off", "off@tc.gov.cn", Reminders.planned("关邮件", null, null, "智慧公安数据平台",
                            DeadlineKind.CONTRACT_FILING, today, today.plusDays(3))), "13900000011"),
                    withMobile(to("u-on", "on@tc.gov.cn", Reminders.planned("关短信", null, null, "智慧公安数据平台",
                            DeadlineKind.CONTRACT_FILING, today, today.plusDays(3))), "13900000012"));
            // of four channels, the two chosen
            assertThat(harness.tx.inTransaction(() -> engine.enqueue(plan))).isEqualTo(2);
            engine.start();
            Harness.await("the e-mail of the person who takes e-mail", Duration.ofSeconds(30),
                    () -> mailsTo(smtp, "on@tc.gov.cn") == 1);
            Harness.await("the SMS of the person who takes SMS", Duration.ofSeconds(30), () -> texted.size() == 1);
            Harness.await("the ledger settled", Duration.ofSeconds(30),
                    () -> harness.count("SELECT COUNT(*) FROM reminder WHERE sent_at IS NULL") == 0);
            // nothing was ever planned on a channel turned off: nothing can go out on it
            assertThat(harness.count("SELECT COUNT(*) FROM reminder WHERE recipient IN ('off@tc.gov.cn', "
                    + "'13900000012')")).isZero();
            assertThat(mailsTo(smtp, "off@tc.gov.cn")).isZero();
            assertThat(texted).containsExactly("13900000011");
            assertThat(inbox.unreadCount("u-off", 1000)).isEqualTo(1);
            assertThat(inbox.unreadCount("u-on", 1000)).isEqualTo(1);
        } finally {
            smtp.stop();
        }
    }

    private static PlannedReminder withMobile(PlannedReminder p, String mobile) {
        ReminderRecipient r = p.recipient();
        return new PlannedReminder(p.deadlineId(), p.kind(), p.projectId(), p.projectName(), p.classified(), p.due(),
                p.article(), p.reminder(), new ReminderRecipient(r.name(), r.email(), mobile, r.userId()));
    }

    @Test
    @DisplayName("免打扰时段（北京时间，应用时钟）：邮件顺延到时段结束才发，不丢；消息中心立即收到；跨夜时段顺延到次日早上")
    void quietHoursDeferEmailToTheirEnd() {
        GreenMail smtp = Harness.greenMail(Harness.freePort());
        TestClock clock = TestClock.at("2025-09-01T23:00:00");
        LocalDate today = clock.today();
        try (Harness harness = Harness.h2()) {
            account(harness, "u-quiet", "免打扰", "quiet@tc.gov.cn", null);
            account(harness, "u-awake", "值班", "awake@tc.gov.cn", null);
            Inbox inbox = inbox(harness.db, harness.adapters, clock);
            inbox.savePreferences("u-quiet", new DeliveryPreferences(true, true, LocalTime.of(22, 0),
                    LocalTime.of(23, 30)), clock.now());
            ReminderEngine engine = harness.engine(Harness.fast("quiet"), clock,
                    new VertxMailSender(Harness.mail(smtp.getSmtp().getPort())), null).withInbox(inbox);
            harness.tx.inTransaction(() -> engine.enqueue(List.of(
                    to("u-quiet", "quiet@tc.gov.cn", Reminders.planned("免打扰", null, null, "智慧公安数据平台",
                            DeadlineKind.CONTRACT_FILING, today, today.plusDays(3))),
                    to("u-awake", "awake@tc.gov.cn", Reminders.planned("值班", null, null, "智慧公安数据平台",
                            DeadlineKind.CONTRACT_FILING, today, today.plusDays(3))))));
            assertThat(inbox.unreadCount("u-quiet", 1000)).isEqualTo(1);
            engine.start();
            Harness.await("the e-mail of the person without quiet hours", Duration.ofSeconds(30),
                    () -> mailsTo(smtp, "awake@tc.gov.cn") == 1);
            Instant end = LocalDateTime.parse("2025-09-01T23:30:00").atZone(ClockPort.ZONE).toInstant();
            Harness.await("the quiet person's message deferred to the end of their quiet hours", Duration.ofSeconds(30),
                    () -> end.equals(digestTime(harness)));
            assertThat(mailsTo(smtp, "quiet@tc.gov.cn")).isZero();
            assertThat(harness.count("SELECT COUNT(*) FROM reminder WHERE recipient_index = '"
                    + Harness.index("quiet@tc.gov.cn") + "' AND sent_at IS NULL")).isEqualTo(1);

            clock.set(end.plusSeconds(1));
            Harness.await("the deferred e-mail, after the quiet hours", Duration.ofSeconds(30),
                    () -> mailsTo(smtp, "quiet@tc.gov.cn") == 1);

            // quiet hours across midnight: deferred to the next morning
            inbox.savePreferences("u-quiet", new DeliveryPreferences(true, true, LocalTime.of(22, 0),
                    LocalTime.of(7, 0)), clock.now());
            assertThat(inbox.deferredUntil(Channel.EMAIL, "QUIET@tc.gov.cn", clock.now())).contains(
                    LocalDateTime.parse("2025-09-02T07:00:00").atZone(ClockPort.ZONE).toInstant());
            assertThat(inbox.deferredUntil(Channel.EMAIL, "awake@tc.gov.cn", clock.now())).isEmpty();
            assertThat(inbox.deferredUntil(Channel.EMAIL, "quiet@tc.gov.cn",
                    LocalDateTime.parse("2025-09-02T07:00:00").atZone(ClockPort.ZONE).toInstant())).isEmpty();
        } finally {
            smtp.stop();
        }
    }

    private static Instant digestTime(Harness harness) {
        try (var c = harness.db.dataSource().getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT execution_time FROM scheduled_tasks WHERE task_name = '"
                     + ReminderEngine.DIGEST_TASK + "'")) {
            return rs.next() ? rs.getObject(1, OffsetDateTime.class).toInstant() : null;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("两个实例同时在一个PostgreSQL上规划同一批提醒：每人每条消息只进消息中心一次")
    void twoInstancesRacingWriteEachInboxMessageOnce() throws Exception {
        TestClock clock = TestClock.at("2025-09-01T09:00:00");
        LocalDate today = clock.today();
        int people = 300;
        try (Harness harness = Harness.postgres()) {
            Database second = harness.another();
            PersistenceAdapters secondAdapters = new PersistenceAdapters(second);
            List<PlannedReminder> plan = new ArrayList<>();
            for (int i = 0; i < people; i++) {
                String userId = "u" + i;
                account(harness, userId, "经办" + i, userId + "@tc.gov.cn", null);
                PlannedReminder p = Reminders.planned("经办" + i, null, null, "项目" + i,
                        DeadlineKind.CONTRACT_FILING, today, today.plusDays(3));
                plan.add(to(userId, userId + "@tc.gov.cn", p));
                // the escalation of the same deadline to the same person is another message
                plan.add(new PlannedReminder(p.deadlineId(), p.kind(), p.projectId(), p.projectName(), false,
                        today.minusDays(1), p.article(), new cn.egov.projects.domain.reminder.Reminder(today, -1,
                        cn.egov.projects.domain.reminder.Audience.LEADER),
                        new ReminderRecipient("经办" + i, null, null, userId)));
            }
            ReminderEngine a = harness.engine(Harness.fast("race-a"), clock, new NoPlanner(), null, null, harness.db)
                    .withInbox(inbox(harness.db, harness.adapters, clock));
            ReminderEngine b = harness.engine(Harness.fast("race-b"), clock, new NoPlanner(), null, null, second)
                    .withInbox(inbox(second, secondAdapters, clock));
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                CompletableFuture<Void> first = CompletableFuture.runAsync(() -> plan(harness.tx, a, plan, start), pool);
                CompletableFuture<Void> other = CompletableFuture.runAsync(
                        () -> plan(secondAdapters.transactions(), b, plan, start), pool);
                CompletableFuture.allOf(first, other).get(120, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }
            assertThat(harness.count("SELECT COUNT(*) FROM inbox_message")).isEqualTo(2L * people);
            assertThat(harness.count("SELECT COUNT(DISTINCT user_id) FROM inbox_message")).isEqualTo(people);
            assertThat(harness.count("SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM inbox_message "
                    + "GROUP BY user_id) t")).isEqualTo(2);
            // the bell of each of them counts both
            Inbox reader = inbox(harness.db, harness.adapters, clock);
            assertThat(reader.unreadCount("u7", 1000)).isEqualTo(2);
        }
    }

    private static void plan(TransactionPort tx, ReminderEngine engine, List<PlannedReminder> plan,
                             CyclicBarrier start) {
        try {
            start.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        for (int from = 0; from < plan.size(); from += 100) {
            List<PlannedReminder> chunk = plan.subList(from, Math.min(plan.size(), from + 100));
            tx.inTransaction(() -> engine.enqueue(chunk));
        }
    }
}
