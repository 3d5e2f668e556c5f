package cn.egov.projects.notify;

import cn.egov.projects.application.port.in.PlanRemindersUseCase;
import cn.egov.projects.application.port.out.ClockPort;
import cn.egov.projects.application.port.out.DeadLetterPort;
import cn.egov.projects.application.port.out.ReminderPort;
import cn.egov.projects.application.view.DeadLetter;
import cn.egov.projects.application.view.PlannedReminder;
import cn.egov.projects.application.view.ReminderRecipient;
import cn.egov.projects.domain.deadline.Deadline;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.notify.channel.DeliveryException;
import cn.egov.projects.notify.channel.EmailSender;
import cn.egov.projects.notify.channel.SmsSender;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The reminder engine: a transactional outbox on db-scheduler.
 *
 * <p><b>Planning.</b> {@link #deadlinesChanged} runs inside the use case's transaction: it cancels what is not sent
 * of the deadlines closed, asks the planner for the reminders of those opened, and writes them — ledger rows with the
 * unique key (deadline, offset, recipient, channel), and one db-scheduler execution per message
 * ({@link DigestKey}: recipient, channel, day) — through the transaction-aware data source, so that they commit or
 * roll back with the change. A daily recurring task plans the day's repeated escalations and the window's closing;
 * a sweep reschedules any message whose reminders are still pending. Rows already in the ledger are not written
 * again, so planning twice — by several instances, or after a restart — plans nothing twice.
 *
 * <p><b>Sending.</b> The execution of a message, run by exactly one instance at a time, reads its pending reminders,
 * sends one e-mail or SMS and records them sent. An instance killed between the send and the record leaves that one
 * message to be sent again when another instance revives the execution: at most the messages in flight at the kill.
 * A failed send retries with exponential backoff; after the configured attempts the message becomes a dead letter.
 * No SMS goes out in quiet hours: it is deferred to their end.
 */
public final class ReminderEngine implements ReminderPort, DeadLetterPort, AutoCloseable {

    public static final String DIGEST_TASK = "reminder-digest";
    public static final String PLAN_TASK = "reminder-daily-plan";
    public static final String SWEEP_TASK = "reminder-sweep";

    private static final Logger LOG = LoggerFactory.getLogger(ReminderEngine.class);
    private static final int SWEEP_LIMIT = 10_000;
    /** How far back the sweep looks: older reminders were sent, cancelled or given up long ago. */
    static final int SWEEP_DAYS = 14;

    private final ReminderSettings settings;
    private final DataSource dataSource;
    private final DataSource txDataSource;
    private final PlanRemindersUseCase planner;
    private final ClockPort clock;
    private final EmailSender email;
    private final SmsSender sms;
    private final ReminderLedger ledger;
    private final ReminderMessages messages;
    private final CustomTask<String> digestTask;
    private final RecurringTask<Void> planTask;
    private final RecurringTask<Void> sweepTask;
    private final SchedulerClient txClient;
    private Scheduler scheduler;

    /**
     * @param dataSource   pooled connections, for the scheduler
     * @param txDataSource the same database, handing out the current use case's connection inside its transaction
     * @param email        the e-mail channel, or null when reminders go out by SMS only
     * @param sms          the SMS channel, or null when reminders go out by e-mail only
     */
    public ReminderEngine(ReminderSettings settings, DataSource dataSource, DataSource txDataSource,
                          PlanRemindersUseCase planner, ClockPort clock, EmailSender email, SmsSender sms) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.txDataSource = Objects.requireNonNull(txDataSource, "txDataSource");
        this.planner = Objects.requireNonNull(planner, "planner");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.email = email;
        this.sms = sms;
        this.ledger = new ReminderLedger(txDataSource);
        this.messages = new ReminderMessages(settings.baseUrl(), settings.smsSign());
        this.digestTask = Tasks.custom(DIGEST_TASK, String.class)
                .onFailure(this::onFailure)
                .onDeadExecutionRevive()
                .execute(this::executeDigest);
        this.planTask = Tasks.recurring(PLAN_TASK, Schedules.daily(ClockPort.ZONE, settings.planAt()))
                .execute((instance, context) -> planDay(clock.today()));
        this.sweepTask = Tasks.recurring(SWEEP_TASK, Schedules.fixedDelay(settings.sweepEvery()))
                .execute((instance, context) -> sweep(clock.today()));
        this.txClient = SchedulerClient.Builder.create(txDataSource, tasks()).build();
    }

    /** The engine's tasks: the digest (one-time) and the daily plan and sweep (recurring). */
    public List<Task<?>> tasks() {
        return List.of(digestTask, planTask, sweepTask);
    }

    /** The one-time task of messages (a scheduler knows it, and is given the recurring ones as start tasks). */
    public List<Task<?>> messageTasks() {
        return List.of(digestTask);
    }

    /** The recurring tasks, to be scheduled on a scheduler's start. */
    public List<RecurringTask<Void>> recurringTasks() {
        return List.of(planTask, sweepTask);
    }

    // ------------------------------------------------------------------------------------------------ lifecycle

    /** Starts this instance's scheduler: it sends what is due, with the other instances on the same database. */
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        SchedulerBuilder builder = Scheduler.create(dataSource, messageTasks())
                .startTasks(recurringTasks())
                .threads(settings.threads())
                .pollingInterval(settings.pollingInterval())
                .heartbeatInterval(settings.heartbeat())
                .missedHeartbeatsLimit(4)
                .shutdownMaxWait(Duration.ofSeconds(10))
                .clock(clock::now)
                .failureLogging(LogLevel.INFO, false);
        if (settings.instanceName() != null) {
            builder.schedulerName(new SchedulerName.Fixed(settings.instanceName()));
        }
        if (isPostgreSql()) {
            // one statement picks a batch with FOR UPDATE SKIP LOCKED: instances never contend for an execution
            builder.pollUsingLockAndFetch(0.5, 1.0);
        }
        scheduler = builder.build();
        scheduler.start();
        LOG.info("reminder engine started: {} threads, polling every {}, e-mail {}, SMS {}", settings.threads(),
                settings.pollingInterval(), email == null ? "off" : email.getClass().getSimpleName(),
                sms == null ? "off" : sms.getClass().getSimpleName());
    }

    /** Stops this instance's scheduler (executions in flight are given a few seconds) and closes the channels. */
    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.stop();
            scheduler = null;
        }
        if (email != null) {
            email.close();
        }
        if (sms != null) {
            sms.close();
        }
    }

    private boolean isPostgreSql() {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------------------------------------ planning

    @Override
    public void deadlinesChanged(Project project, List<Deadline> opened, List<Deadline> closed) {
        if (!closed.isEmpty()) {
            ledger.cancel(closed.stream().map(Deadline::id).toList(), clock.now());
        }
        if (!opened.isEmpty()) {
            enqueue(planner.forOpenedDeadlines(project, opened, clock.today()));
        }
    }

    /**
     * Writes planned reminders, one row per reachable channel, and schedules the messages of those that are new; in a
     * transaction when called inside one.
     *
     * @return how many ledger rows were new
     */
    public int enqueue(List<PlannedReminder> planned) {
        List<ReminderLedger.Row> rows = new ArrayList<>();
        for (PlannedReminder p : planned) {
            ReminderRecipient to = p.recipient();
            if (to.email() != null && email != null) {
                rows.add(row(p, Channel.EMAIL, to.email().toLowerCase(Locale.ROOT)));
            }
            if (to.mobile() != null && sms != null) {
                rows.add(row(p, Channel.SMS, to.mobile()));
            }
        }
        boolean[] inserted = ledger.insert(rows, clock.now());
        Map<String, DigestKey> keys = new LinkedHashMap<>();
        int count = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (inserted[i]) {
                count++;
                keys.putIfAbsent(rows.get(i).key().encode(), rows.get(i).key());
            }
        }
        for (DigestKey key : keys.values()) {
            schedule(key, sendTime(key));
        }
        return count;
    }

    private ReminderLedger.Row row(PlannedReminder p, Channel channel, String address) {
        DigestKey key = settings.digest()
                ? DigestKey.digest(channel, address, p.day())
                : new DigestKey(channel, address, p.day(), p.deadlineId(), p.reminder().offsetDays());
        return new ReminderLedger.Row(p, channel, address, key);
    }

    /** The daily pass: every reminder falling on {@code day}; what is planned already is not planned again. */
    public long planDay(LocalDate day) {
        long[] rows = {0};
        long planned = planner.planDay(day, batch -> rows[0] += enqueue(batch));
        LOG.info("reminders of {}: {} planned, {} new", day, planned, rows[0]);
        return planned;
    }

    /**
     * Schedules every message of the last {@value #SWEEP_DAYS} days up to {@code upTo} whose reminders are still
     * pending (left behind by a race with a message being sent, or by a lost execution); returns how many.
     */
    public int sweep(LocalDate upTo) {
        List<String> keys = ledger.pendingKeys(upTo.minusDays(SWEEP_DAYS), upTo, SWEEP_LIMIT);
        for (String key : keys) {
            DigestKey parsed = DigestKey.parse(key);
            schedule(parsed, sendTime(parsed));
        }
        return keys.size();
    }

    /** When a message of a day goes out: at the sending hour of its day or now if later, outside SMS quiet hours. */
    Instant sendTime(DigestKey key) {
        Instant planned = key.day().atTime(settings.sendAt()).atZone(ClockPort.ZONE).toInstant();
        Instant now = clock.now();
        Instant at = planned.isBefore(now) ? now : planned;
        return key.channel() == Channel.SMS ? settings.quietHours().nextAllowed(at) : at;
    }

    /**
     * Schedules a message unless its execution exists. Inside a transaction a savepoint guards the insert, so that
     * losing a race for the same message to another transaction (a unique violation) does not abort the use case.
     */
    private void schedule(DigestKey key, Instant at) {
        TaskInstance<String> instance = digestTask.instance(key.encode(), key.encode());
        try (Connection c = txDataSource.getConnection()) {
            if (c.getAutoCommit()) {
                txClient.scheduleIfNotExists(instance, at);
                return;
            }
            Savepoint savepoint = c.setSavepoint();
            boolean created;
            try {
                created = txClient.scheduleIfNotExists(instance, at);
            } catch (RuntimeException e) {
                c.rollback(savepoint);
                throw e;
            }
            if (created) {
                c.releaseSavepoint(savepoint);
            } else {
                c.rollback(savepoint);
            }
        } catch (SQLException e) {
            throw new ReminderLedger.LedgerException("cannot schedule a reminder message", e);
        }
    }

    // ------------------------------------------------------------------------------------------------ sending

    private CompletionHandler<String> executeDigest(TaskInstance<String> instance, ExecutionContext context) {
        String encoded = instance.getData();
        DigestKey key = DigestKey.parse(encoded);
        Instant now = clock.now();
        if (key.channel() == Channel.SMS && settings.quietHours().contains(now)) {
            Instant later = settings.quietHours().nextAllowed(now);
            return (complete, ops) -> ops.reschedule(complete, later);
        }
        List<LedgerItem> items = ledger.pending(encoded);
        if (items.isEmpty()) {
            return (complete, ops) -> ops.remove();
        }
        LocalDate today = now.atZone(ClockPort.ZONE).toLocalDate();
        switch (key.channel()) {
            case EMAIL -> channel(email, "e-mail").send(messages.email(key.recipient(), items, today));
            case SMS -> channel(sms, "SMS").send(messages.sms(key.recipient(), items, today));
            default -> throw new IllegalStateException(key.channel().name());
        }
        ledger.markSent(items.stream().map(LedgerItem::id).toList(), clock.now());
        // a reminder that joined the message while it was being sent is found by the next sweep
        return (complete, ops) -> ops.remove();
    }

    private static <T> T channel(T sender, String name) {
        if (sender == null) {
            throw new DeliveryException("the " + name + " channel is not configured");
        }
        return sender;
    }

    private void onFailure(ExecutionComplete complete, ExecutionOperations<String> ops) {
        Execution execution = complete.getExecution();
        int attempts = execution.consecutiveFailures + 1;
        DigestKey key = DigestKey.parse((String) execution.taskInstance.getData());
        String error = complete.getCause().map(t -> t.getClass().getSimpleName() + ": " + t.getMessage())
                .orElse("unknown failure");
        if (attempts >= settings.maxAttempts()) {
            long id = ledger.deadLetter(key, attempts, error, clock.now());
            ops.remove();
            LOG.warn("reminder message {} to {} given up after {} attempts (dead letter {}): {}", key.channel(),
                    key.recipient(), attempts, id, error);
            return;
        }
        Instant next = clock.now().plus(backoff(attempts));
        if (key.channel() == Channel.SMS) {
            next = settings.quietHours().nextAllowed(next);
        }
        LOG.info("reminder message {} to {} failed (attempt {} of {}), next try at {}: {}", key.channel(),
                key.recipient(), attempts, settings.maxAttempts(), next, error);
        ops.reschedule(complete, next);
    }

    /** The wait after the n-th failure: retryBase·2^(n-1), at most retryMax. */
    Duration backoff(int failures) {
        Duration wait = settings.retryBase();
        for (int i = 1; i < failures && wait.compareTo(settings.retryMax()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.retryMax()) > 0 ? settings.retryMax() : wait;
    }

    // ------------------------------------------------------------------------------------------------ dead letters

    @Override
    public List<DeadLetter> list(int limit) {
        return ledger.deadLetters(limit);
    }

    @Override
    public boolean retry(long id, String retriedBy) {
        return ledger.retry(id, retriedBy, clock.now()).map(key -> {
            schedule(key, sendTime(key));
            return true;
        }).orElse(false);
    }

    /** For tests and tools: the ledger's view of one message. */
    List<LedgerItem> pending(DigestKey key) {
        return ledger.pending(key.encode());
    }

}
