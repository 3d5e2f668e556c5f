package cn.egov.projects.notify;

import cn.egov.projects.application.view.PlannedReminder;
import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.notify.channel.VertxMailSender;
import cn.egov.projects.persistence.Database;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly once on one real PostgreSQL: {@value #DEFAULT_REMINDERS} due reminders to as many people (in CI; set
 * {@code -Degov.exactlyOnce.reminders=10000} for the figures of BENCHMARKS.md), two scheduler instances, every message
 * counted at a real SMTP server. Then again with one instance — a JVM of its own — killed with SIGKILL midway: nothing
 * is lost, and the duplicates are no more than the executions that instance had picked when it died.
 */
class ExactlyOnceTest {

    private static final Logger LOG = LoggerFactory.getLogger(ExactlyOnceTest.class);
    private static final int DEFAULT_REMINDERS = 2_000;
    private static final Duration ALIVE_HEARTBEAT = Duration.ofSeconds(5);
    private static final int REMINDERS = Integer.getInteger("egov.exactlyOnce.reminders", DEFAULT_REMINDERS);
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private static GreenMail smtp;
    private static int smtpPort;

    @BeforeAll
    static void startSmtp() {
        smtpPort = Harness.freePort();
        smtp = Harness.greenMail(smtpPort);
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    private static List<PlannedReminder> reminders(String run) {
        List<PlannedReminder> plan = new ArrayList<>(REMINDERS);
        for (int i = 0; i < REMINDERS; i++) {
            plan.add(Reminders.planned("收件人" + i, String.format("r%05d@%s.test", i, run), null, "项目" + i,
                    DeadlineKind.CONTRACT_FILING, TODAY, TODAY.plusDays(3)));
        }
        return plan;
    }

    private static Map<String, Long> receivedBy(String run) {
        return Arrays.stream(smtp.getReceivedMessages())
                .map(ExactlyOnceTest::recipient)
                .filter(r -> r.endsWith("@" + run + ".test"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static long receivedCount(String run) {
        return receivedBy(run).values().stream().mapToLong(Long::longValue).sum();
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void enqueue(Harness harness, ReminderEngine engine, List<PlannedReminder> plan) {
        long started = System.nanoTime();
        for (int from = 0; from < plan.size(); from += 1_000) {
            List<PlannedReminder> chunk = plan.subList(from, Math.min(plan.size(), from + 1_000));
            harness.tx.inTransaction(() -> engine.enqueue(chunk));
        }
        LOG.info("planned {} reminders in {} ms", plan.size(), Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    @Test
    @DisplayName("两个调度实例共用一个PostgreSQL：数千条到期提醒每条恰好送达一次，无一遗漏")
    void twoInstancesDeliverEachReminderOnce() {
        try (Harness harness = Harness.postgres()) {
            Database second = harness.another();
            VertxMailSender mailA = new VertxMailSender(Harness.mail(smtpPort));
            VertxMailSender mailB = new VertxMailSender(Harness.mail(smtpPort));
            // both instances live throughout: a heartbeat of 5 s (dead after four missed, 20 s) keeps a busy
            // machine's pauses from passing for a dead instance, whose executions the other would run again
            ReminderEngine a = harness.engine(Harness.fast("instance-a")
                    .withScheduler(20, Duration.ofMillis(100), ALIVE_HEARTBEAT, "instance-a"),
                    new SystemClock(), new NoPlanner(), mailA, null, harness.db);
            ReminderEngine b = harness.engine(Harness.fast("instance-b")
                    .withScheduler(20, Duration.ofMillis(100), ALIVE_HEARTBEAT, "instance-b"),
                    new SystemClock(), new NoPlanner(), mailB, null, second);
            List<PlannedReminder> plan = reminders("twice");
            enqueue(harness, a, plan);
            // planning the same reminders again (another instance, a restart) adds nothing
            assertThat(harness.tx.inTransaction(() -> b.enqueue(plan.subList(0, 10)))).isZero();

            long started = System.nanoTime();
            a.start();
            b.start();
            Harness.await("all reminders sent", Duration.ofSeconds(300),
                    () -> harness.count("SELECT COUNT(*) FROM reminder WHERE sent_at IS NULL") == 0);
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            Harness.await("all messages at the SMTP server", Duration.ofSeconds(60),
                    () -> receivedCount("twice") >= REMINDERS);
            harness.awaitNothingLeftToSend();

            Map<String, Long> received = receivedBy("twice");
            long duplicates = received.values().stream().mapToLong(n -> n - 1).sum();
            LOG.info("two instances: {} messages to {} recipients in {} ms ({} per second), {} duplicates",
                    receivedCount("twice"), received.size(), millis, REMINDERS * 1000L / Math.max(1, millis),
                    duplicates);
            assertThat(received).hasSize(REMINDERS);
            assertThat(duplicates).isZero();
            assertThat(harness.count("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'reminder-digest'"))
                    .isZero();
        }
    }

    @Test
    @DisplayName("一个实例在发送中途被强行终止：无一遗漏，重复不超过终止时该实例手中的发送")
    void killedInstanceLosesNothing() throws Exception {
        try (Harness harness = Harness.postgres()) {
            ReminderEngine survivor = harness.engine(Harness.fast("survivor")
                    .withScheduler(20, Duration.ofMillis(100), ReminderWorkerMain.HEARTBEAT, "survivor"),
                    new SystemClock(), new NoPlanner(), new VertxMailSender(Harness.mail(smtpPort)), null, harness.db);
            enqueue(harness, survivor, reminders("kill"));

            Path log = TestDatabases.tmp().resolve("worker-" + System.nanoTime() + ".log");
            Process worker = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "-Duser.timezone=Asia/Shanghai",
                    "-Dfile.encoding=UTF-8", ReminderWorkerMain.class.getName(), harness.settings.url(),
                    harness.settings.user(), harness.settings.password(), String.valueOf(smtpPort), "worker")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                Harness.await("the worker to send", Duration.ofSeconds(120),
                        () -> receivedCount("kill") >= REMINDERS / 20);
                survivor.start();
                Harness.await("a third sent", Duration.ofSeconds(120), () -> receivedCount("kill") >= REMINDERS / 3);
            } finally {
                worker.destroyForcibly();
                assertThat(worker.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            long pickedByTheDead = harness.count(
                    "SELECT COUNT(*) FROM scheduled_tasks WHERE picked AND picked_by = 'worker'");
            long atKill = receivedCount("kill");

            Harness.await("all reminders sent", Duration.ofSeconds(300),
                    () -> harness.count("SELECT COUNT(*) FROM reminder WHERE sent_at IS NULL") == 0);
            Harness.await("all messages at the SMTP server", Duration.ofSeconds(60),
                    () -> receivedBy("kill").size() >= REMINDERS);
            harness.awaitNothingLeftToSend();

            Map<String, Long> received = receivedBy("kill");
            long duplicates = received.values().stream().mapToLong(n -> n - 1).sum();
            LOG.info("kill run: worker killed after {} messages holding {} picked executions; {} recipients reached, "
                    + "{} lost, {} duplicates", atKill, pickedByTheDead, received.size(), REMINDERS - received.size(),
                    duplicates);
            assertThat(received).as("none lost").hasSize(REMINDERS);
            assertThat(duplicates).as("duplicates at most the sends in flight at the kill")
                    .isLessThanOrEqualTo(pickedByTheDead);
            assertThat(new File(log.toString())).exists();
        }
    }
}
