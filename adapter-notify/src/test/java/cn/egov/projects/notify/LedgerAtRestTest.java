package cn.egov.projects.notify;

import cn.egov.projects.application.view.DeadLetter;
import cn.egov.projects.application.view.PlannedReminder;
import cn.egov.projects.application.view.ReminderRecipient;
import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.reminder.Audience;
import cn.egov.projects.domain.reminder.Reminder;
import cn.egov.projects.notify.channel.DeliveryException;
import cn.egov.projects.notify.channel.EmailSender;
import cn.egov.projects.notify.channel.OutgoingEmail;
import cn.egov.projects.notify.channel.OutgoingSms;
import cn.egov.projects.notify.channel.SmsSender;
import cn.egov.projects.persistence.Database;
import cn.egov.projects.persistence.DatabaseSettings;
import cn.egov.projects.persistence.PersonalDataSweep;
import cn.egov.projects.persistence.crypto.DataKeys;
import cn.egov.projects.persistence.crypto.FieldCipher;
import cn.egov.projects.persistence.crypto.LedgerRecipients;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static cn.egov.projects.notify.Harness.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No plaintext recipient in the reminder ledger nor in the scheduler's table (security issue 14), on H2 and
 * PostgreSQL: after reminders were planned, sent and given up; after the ledger of an earlier release (plaintext, V26)
 * is carried over by V27 and the first start — where a reminder sent before is not sent again; and after
 * {@code rotate-keys}, after which delivery and retries still work and the blind index is unchanged.
 */
@DisplayName("提醒台账不存明文收件人：盲索引+SM4-GCM密文；升级迁移、密钥轮换后仍只发一次（H2、PostgreSQL）")
class LedgerAtRestTest {

    private static final String LI = "li@tc.gov.cn";
    private static final String MOBILE = "13911112222";
    private static final String DEAD = "dead@tc.gov.cn";
    /** What must appear nowhere: the addresses and their distinctive parts. */
    private static final List<String> PLAINTEXT = List.of(LI, "li@tc", MOBILE, "11112222", DEAD, "dead@");
    /** The ledger's tables and the scheduler's. */
    private static final List<String> TABLES = List.of("reminder", "reminder_dead_letter", "reminder_pass",
            "scheduled_tasks");

    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private static DatabaseSettings settings(String database) {
        return database.equals("postgres") ? TestDatabases.postgres() : TestDatabases.h2();
    }

    /** E-mail and SMS that record what they send; e-mail to {@link #DEAD} is refused. */
    static final class Outbox implements EmailSender, SmsSender {
        final List<String> sent = new CopyOnWriteArrayList<>();
        volatile boolean refuseDead = true;

        @Override
        public void send(OutgoingEmail email) {
            if (refuseDead && email.to().equals(DEAD)) {
                throw new DeliveryException("550 mailbox unavailable");
            }
            sent.add(email.to());
        }

        @Override
        public void send(OutgoingSms sms) {
            sent.add(sms.mobile());
        }

        @Override
        public void close() {
        }

        long count(String to) {
            return sent.stream().filter(to::equals).count();
        }
    }

    private static PlannedReminder planned(UUID deadline, String email, String mobile, LocalDate day) {
        return new PlannedReminder(deadline, DeadlineKind.CONTRACT_FILING, ProjectId.random(), "智慧公安数据平台", false,
                day.plusDays(3), "第十四条", new Reminder(day, 3, Audience.RESPONSIBLE),
                new ReminderRecipient("李责任", email, mobile));
    }

    /** Every value of every column of the ledger's and the scheduler's tables that holds a plaintext address. */
    private static List<String> plaintextIn(Connection c) throws SQLException {
        List<String> found = new ArrayList<>();
        for (String table : TABLES) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        Object value = rs.getObject(i);
                        String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1)
                                : value == null ? "" : value.toString();
                        for (String plain : PLAINTEXT) {
                            if (text.contains(plain)) {
                                found.add(table + "." + meta.getColumnName(i) + " holds " + plain);
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    private static List<String> plaintextIn(Harness harness) {
        try (Connection c = harness.db.dataSource().getConnection()) {
            return plaintextIn(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgres"})
    @DisplayName("提醒排入、发出、列入发送失败记录后，台账和调度表中任何一列都没有明文手机号或邮箱")
    void noPlaintextAfterPlanningSendingAndGivingUp(String database) {
        Outbox outbox = new Outbox();
        try (Harness harness = new Harness(settings(database))) {
            ReminderEngine engine = harness.engine(Harness.fast("at-rest-" + database), new SystemClock(), outbox,
                    outbox);
            UUID deadline = UUID.randomUUID();
            harness.tx.inTransaction(() -> engine.enqueue(List.of(planned(deadline, LI, MOBILE, today),
                    planned(UUID.randomUUID(), DEAD, null, today))));
            assertThat(harness.count("SELECT COUNT(*) FROM reminder")).isEqualTo(3);
            assertThat(harness.count("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'reminder-digest'"))
                    .isEqualTo(3);
            assertThat(plaintextIn(harness)).as("planned").isEmpty();
            assertThat(harness.count("SELECT COUNT(*) FROM reminder WHERE recipient NOT LIKE 'sm4gcm:v1:k1:%'"))
                    .isZero();

            engine.start();
            await("two sent and one given up", Duration.ofSeconds(60), () -> harness.count(
                    "SELECT COUNT(*) FROM reminder WHERE sent_at IS NOT NULL") == 2
                    && harness.count("SELECT COUNT(*) FROM reminder_dead_letter") == 1);
            assertThat(outbox.sent).containsExactlyInAnyOrder(LI, MOBILE);
            assertThat(plaintextIn(harness)).as("sent and given up").isEmpty();
            assertThat(harness.count("SELECT COUNT(*) FROM reminder_dead_letter WHERE recipient LIKE 'sm4gcm:v1:k1:%'"))
                    .isEqualTo(1);
            // the administrator's view decrypts the address (the API masks it)
            assertThat(engine.list(10)).extracting(DeadLetter::recipient).containsExactly(DEAD);
            // planned again: the blind index in the unique key keeps each reminder from going out twice
            assertThat(harness.tx.inTransaction(() -> engine.enqueue(List.of(planned(deadline, "LI@tc.gov.cn ",
                    MOBILE, today))))).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgres"})
    @DisplayName("第27版迁移：早先的明文台账在首次启动时转为盲索引和密文；迁移前已发出的提醒不再发，未发的照常发一次，失败记录可重发")
    void ledgerOfAnEarlierReleaseIsCarriedOver(String database) throws SQLException {
        DatabaseSettings settings = settings(database);
        String vendor = database.equals("postgres") ? "postgresql" : "h2";
        Flyway.configure(getClass().getClassLoader())
                .dataSource(settings.url(), settings.user(), settings.password())
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .target("26").load().migrate();
        UUID sentBefore = UUID.randomUUID();
        UUID pending = UUID.randomUUID();
        UUID parked = UUID.randomUUID();
        Connection keep = null;
        if (database.equals("h2")) {
            // the in-memory database lives while a connection is open
            keep = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
        }
        try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password())) {
            try (Statement s = c.createStatement()) {
                // the first start after V26 swept the personal data then
                s.executeUpdate("UPDATE personal_data_state SET swept = TRUE");
            }
            oldReminder(c, sentBefore, LI, "EMAIL", "EMAIL|" + LI + "|" + today, true, null);
            oldReminder(c, pending, MOBILE, "SMS", "SMS|" + MOBILE + "|" + today, false, null);
            long letter;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO reminder_dead_letter (digest_key, channel, "
                    + "recipient, remind_on, reminders, attempts, last_error, failed_at) "
                    + "VALUES (?, 'EMAIL', ?, ?, 1, 8, '550', ?)", new String[] {"id"})) {
                ps.setString(1, "EMAIL|" + DEAD + "|" + today);
                ps.setString(2, DEAD);
                ps.setObject(3, today);
                ps.setObject(4, OffsetDateTime.now());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    letter = keys.getLong(1);
                }
            }
            oldReminder(c, parked, DEAD, "EMAIL", "EMAIL|" + DEAD + "|" + today, false, letter);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO scheduled_tasks (task_name, task_instance, "
                    + "task_data, execution_time, picked, version) VALUES ('reminder-digest', ?, ?, ?, FALSE, 1)")) {
                ps.setString(1, "SMS|" + MOBILE + "|" + today);
                ps.setBytes(2, ("SMS|" + MOBILE + "|" + today).getBytes(StandardCharsets.UTF_8));
                ps.setObject(3, OffsetDateTime.now().plusDays(1));
                ps.executeUpdate();
            }
            assertThat(plaintextIn(c)).isNotEmpty();
        }

        Outbox outbox = new Outbox();
        try (Harness harness = new Harness(settings)) {
            assertThat(Integer.parseInt(harness.db.schemaVersion())).as("migrated past V27").isGreaterThanOrEqualTo(27);
            assertThat(plaintextIn(harness)).as("carried over at the first start").isEmpty();
            assertThat(harness.count("SELECT COUNT(*) FROM reminder WHERE recipient_index IS NULL "
                    + "OR recipient NOT LIKE 'sm4gcm:v1:k1:%'")).isZero();
            assertThat(harness.reminders(LI)).isEqualTo(1);
            assertThat(harness.reminders(MOBILE)).isEqualTo(1);

            ReminderEngine engine = harness.engine(Harness.fast("carried-" + database), new SystemClock(), outbox,
                    outbox);
            // planned again after the upgrade: nothing is new, the one sent before is not sent again
            assertThat(harness.tx.inTransaction(() -> engine.enqueue(List.of(planned(sentBefore, LI, null, today),
                    planned(pending, null, MOBILE, today))))).isZero();
            assertThat(engine.list(10)).extracting(DeadLetter::recipient).containsExactly(DEAD);
            engine.start();
            // the sweep, run when the engine starts, schedules the pending message again under its new key
            await("the pending SMS sent", Duration.ofSeconds(60), () -> harness.count(
                    "SELECT COUNT(*) FROM reminder WHERE sent_at IS NULL AND dead_letter_id IS NULL") == 0);
            outbox.refuseDead = false;
            assertThat(engine.retry(engine.list(10).get(0).id(), "ops")).isTrue();
            await("the dead letter sent on retry", Duration.ofSeconds(60), () -> outbox.count(DEAD) == 1);
            await("its reminder recorded sent", Duration.ofSeconds(30),
                    () -> harness.count("SELECT COUNT(*) FROM reminder WHERE sent_at IS NULL") == 0);
            assertThat(outbox.sent).containsExactlyInAnyOrder(MOBILE, DEAD);
            assertThat(plaintextIn(harness)).isEmpty();
        } finally {
            if (keep != null) {
                keep.close();
            }
        }
    }

    private static void oldReminder(Connection c, UUID deadline, String recipient, String channel, String key,
                                    boolean sent, Long deadLetter) throws SQLException {
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO reminder (deadline_id, offset_days, recipient, "
                + "channel, digest_key, remind_on, audience, recipient_name, project_id, project_name, classified, "
                + "kind, due_date, article, planned_at, sent_at, dead_letter_id) "
                + "VALUES (?, 3, ?, ?, ?, ?, 'RESPONSIBLE', '李责任', ?, '智慧公安数据平台', FALSE, 'CONTRACT_FILING', ?, "
                + "'第十四条', ?, ?, ?)")) {
            ps.setObject(1, deadline);
            ps.setString(2, recipient);
            ps.setString(3, channel);
            ps.setString(4, key);
            ps.setObject(5, day);
            ps.setObject(6, UUID.randomUUID());
            ps.setObject(7, day.plusDays(3));
            ps.setObject(8, OffsetDateTime.now());
            ps.setObject(9, sent ? OffsetDateTime.now() : null);
            ps.setObject(10, deadLetter);
            ps.executeUpdate();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgres"})
    @DisplayName("密钥轮换后台账密文在新密钥下，盲索引不变：不重发，待发的和失败记录重发照常送达")
    void rotationReencryptsTheLedger(String database) {
        Outbox outbox = new Outbox();
        try (Harness harness = new Harness(settings(database))) {
            ReminderEngine before = harness.engine(Harness.fast("rotate-a-" + database), new SystemClock(), outbox,
                    outbox);
            UUID deadline = UUID.randomUUID();
            harness.tx.inTransaction(() -> before.enqueue(List.of(planned(deadline, LI, null, today),
                    planned(UUID.randomUUID(), DEAD, null, today))));
            before.start();
            await("one sent, one given up", Duration.ofSeconds(60), () -> outbox.count(LI) == 1
                    && harness.count("SELECT COUNT(*) FROM reminder_dead_letter") == 1);
            before.close();
            // a reminder still pending at the rotation
            UUID later = UUID.randomUUID();
            harness.tx.inTransaction(() -> before.enqueue(List.of(planned(later, null, MOBILE, today))));

            Map<String, byte[]> keys = new LinkedHashMap<>();
            keys.put("k1", "egov-test-key-01".getBytes(StandardCharsets.US_ASCII));
            keys.put("k2", "egov-test-key-02".getBytes(StandardCharsets.US_ASCII));
            FieldCipher rotated = new FieldCipher(DataKeys.of(keys));
            assertThat(PersonalDataSweep.rotate(harness.db, rotated)).isEqualTo(4);
            assertThat(harness.count("SELECT COUNT(*) FROM reminder WHERE recipient NOT LIKE 'sm4gcm:v1:k2:%'"))
                    .isZero();
            assertThat(harness.count("SELECT COUNT(*) FROM reminder_dead_letter "
                    + "WHERE recipient NOT LIKE 'sm4gcm:v1:k2:%'")).isZero();
            assertThat(PersonalDataSweep.rotate(harness.db, rotated)).isZero();
            LedgerRecipients recipients = new LedgerRecipients(rotated);
            assertThat(recipients.index(LI)).isEqualTo(Harness.index(LI));

            Database on = harness.db;
            ReminderEngine after = new ReminderEngine(Harness.fast("rotate-b-" + database), on.dataSource(),
                    on.transactionAwareDataSource(), new NoPlanner(), new SystemClock(), outbox, outbox, recipients);
            try {
                assertThat(harness.tx.inTransaction(() -> after.enqueue(List.of(planned(deadline, LI, null, today)))))
                        .isZero();
                assertThat(after.list(10)).extracting(DeadLetter::recipient).containsExactly(DEAD);
                outbox.refuseDead = false;
                after.start();
                assertThat(after.retry(after.list(10).get(0).id(), "ops")).isTrue();
                await("the pending SMS and the retried e-mail sent", Duration.ofSeconds(60),
                        () -> harness.count("SELECT COUNT(*) FROM reminder WHERE sent_at IS NULL") == 0);
                assertThat(outbox.sent).containsExactlyInAnyOrder(LI, MOBILE, DEAD);
                assertThat(plaintextIn(harness)).isEmpty();
                assertThat(Set.copyOf(outbox.sent)).hasSize(3);
            } finally {
                after.close();
            }
        }
    }
}
