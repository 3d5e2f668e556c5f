package cn.egov.projects.notify;

import cn.egov.projects.notify.channel.VertxMailSender;
import cn.egov.projects.persistence.Database;
import cn.egov.projects.persistence.DatabaseSettings;

import java.time.Duration;

/**
 * Another application instance, in a JVM of its own so that the exactly-once test can kill it with SIGKILL midway:
 * {@code url user password smtpPort name}. It runs the reminder engine's scheduler until killed.
 */
public final class ReminderWorkerMain {

    /**
     * The heartbeat of the worker and of the instance that outlives it: the worker's executions are run again once
     * it missed four (8 s), which a busy machine's pause of the living worker does not reach.
     */
    static final Duration HEARTBEAT = Duration.ofSeconds(2);

    private ReminderWorkerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Database db = Database.open(new DatabaseSettings(args[0], args[1], args[2]));
        ReminderEngine engine = new ReminderEngine(Harness.fast(args[4])
                .withScheduler(20, Duration.ofMillis(100), HEARTBEAT, args[4]),
                db.dataSource(), db.transactionAwareDataSource(), new NoPlanner(), new SystemClock(),
                new VertxMailSender(Harness.mail(Integer.parseInt(args[3]))), null, Harness.RECIPIENTS);
        engine.start();
        System.out.println("worker " + args[4] + " started");
        Thread.sleep(Long.MAX_VALUE);
    }
}
