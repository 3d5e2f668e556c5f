package cn.egov.projects.notify;

import cn.egov.projects.application.port.in.PlanRemindersUseCase;
import cn.egov.projects.application.port.out.ClockPort;
import cn.egov.projects.application.port.out.TransactionPort;
import cn.egov.projects.notify.channel.EmailSender;
import cn.egov.projects.notify.channel.MailSettings;
import cn.egov.projects.notify.channel.SmsSender;
import cn.egov.projects.persistence.Database;
import cn.egov.projects.persistence.DatabaseSettings;
import cn.egov.projects.persistence.PersistenceAdapters;
import cn.egov.projects.persistence.audit.AuditKey;
import cn.egov.projects.persistence.crypto.DataKeys;
import cn.egov.projects.persistence.crypto.FieldCipher;
import cn.egov.projects.persistence.crypto.LedgerRecipients;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** A migrated database with the persistence adapters' transactions, and engines on it, closed together. */
final class Harness implements AutoCloseable {

    /**
     * The data keys of every engine of the tests, in this JVM and in the worker JVMs of the exactly-once test: the
     * instances of one database share the key file, so they agree on blind indexes and decrypt each other's rows.
     */
    static final FieldCipher CIPHER = new FieldCipher(DataKeys.of(java.util.Map.of("k1",
            "egov-test-key-01".getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
    static final LedgerRecipients RECIPIENTS = new LedgerRecipients(CIPHER);

    final DatabaseSettings settings;
    final Database db;
    final PersistenceAdapters adapters;
    final TransactionPort tx;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    Harness(DatabaseSettings settings) {
        this.settings = settings;
        this.db = Database.open(settings);
        this.adapters = new PersistenceAdapters(db, AuditKey.ephemeral(), CIPHER);
        this.tx = adapters.transactions();
    }

    static Harness h2() {
        return new Harness(TestDatabases.h2());
    }

    static Harness postgres() {
        return new Harness(TestDatabases.postgres());
    }

    /** Settings of a test: send at once (no sending hour, no quiet hours), a fast scheduler. */
    static ReminderSettings fast(String name) {
        return ReminderSettings.defaults()
                .withTimes(LocalTime.MIDNIGHT, QuietHours.none(ClockPort.ZONE))
                .withScheduler(8, Duration.ofMillis(100), Duration.ofSeconds(1), name)
                .withRetries(5, Duration.ofMillis(200), Duration.ofSeconds(1))
                .withMessages("https://egov.tc.gov.cn", "【太仓电子政务】");
    }

    ReminderEngine engine(ReminderSettings settings, ClockPort clock, EmailSender email, SmsSender sms) {
        return engine(settings, clock, new NoPlanner(), email, sms, db);
    }

    ReminderEngine engine(ReminderSettings settings, ClockPort clock, PlanRemindersUseCase planner,
                          EmailSender email, SmsSender sms, Database on) {
        ReminderEngine engine = new ReminderEngine(settings, on.dataSource(), on.transactionAwareDataSource(), planner,
                clock, email, sms, RECIPIENTS);
        closeables.add(0, engine);
        return engine;
    }

    /** Another pool on the same database, as another application instance would have. */
    Database another() {
        Database other = Database.open(settings);
        closeables.add(other);
        return other;
    }

    /** The blind index the ledger keys an e-mail address or a mobile number by. */
    static String index(String address) {
        return RECIPIENTS.index(cn.egov.projects.application.port.out.LedgerRecipientsPort.normalise(
                address.contains("@") ? "EMAIL" : "SMS", address));
    }

    /** The ledger's reminder rows of that address (by its blind index). */
    long reminders(String address) {
        return count("SELECT COUNT(*) FROM reminder WHERE recipient_index = '" + index(address) + "'");
    }

    long count(String sql) {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static MailSettings mail(int port) {
        return new MailSettings("127.0.0.1", port, MailSettings.Security.NONE, null, null, "egov@tc.gov.cn", 16,
                Duration.ofSeconds(10));
    }

    static GreenMail greenMail(int port) {
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /**
     * Waits until no message is left to send: no execution of {@link ReminderEngine#DIGEST_TASK} waits, runs or
     * retries (a message's execution leaves the table only once it is sent, given up or found empty). From then on
     * nothing is sent unless something schedules a message anew, so what the servers have received is all they will.
     */
    void awaitNothingLeftToSend() {
        await("no message left to send", Duration.ofSeconds(90), () -> count(
                "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = '" + ReminderEngine.DIGEST_TASK + "'") == 0);
    }

    @Override
    public void close() {
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                // best effort
            }
        }
        db.close();
    }
}
