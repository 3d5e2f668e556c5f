package cn.egov.projects.notify;

import cn.egov.projects.application.port.in.PlanRemindersUseCase;
import cn.egov.projects.application.port.out.ClockPort;
import cn.egov.projects.application.port.out.DeadLetterPort;
import cn.egov.projects.application.port.out.LedgerRecipientsPort;
import cn.egov.projects.application.port.out.ReminderPort;
import cn.egov.projects.application.view.DeadLetter;
import cn.egov.projects.application.view.DeliveryPreferences;
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
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import cn.egov.projects.application.view.Masks;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The reminder engine: a transactional outbox on db-scheduler.
 *
 * <p><b>Planning.</b> Reminders are derived from the open deadlines on the day they fall due, not written ahead: a
 * daily recurring task plans every reminder of its day — before and on each due day, the escalations once overdue,
 * the window's closing — from the deadlines open then, and writes them as ledger rows with the unique key (deadline,
 * offset, recipient, channel) and one db-scheduler execution per message ({@link DigestKey}: recipient, channel,
 * day). The recipient in both keys is its keyed blind index, and the address is kept encrypted
 * ({@link LedgerRecipientsPort}): no ledger table nor scheduler row holds it in plaintext.
 * {@link #deadlinesChanged} runs inside the use case's transaction: it cancels what is not sent of the deadlines
 * closed and writes the reminders of those opened that fall on today (whose pass may have run already),
 * through the transaction-aware data source, so that they commit or roll back with the change. A sweep reschedules
 * any message whose reminders are still pending. Rows already in the ledger are not written
 * again, so planning twice — by several instances, or after a restart — plans nothing twice.
 *
 * <p><b>After downtime.</b> db-scheduler runs a recurring execution missed while no instance was up once, when one is
 * back, and then goes on from the next day: the days in between would have no pass. So each pass records its day in
 * {@code reminder_pass}, and the daily pass ({@link #dailyPass}) first makes up the days after the last one recorded,
 * at most {@link ReminderSettings#catchUpDays()} back (older ones are skipped, with a warning naming them): what a
 * Bureau user expects after an outage is to hear once of each deadline, as it stands now, that fell due or was
 * escalated meanwhile — not the stale "due in 7 days" of a deadline now overdue, nor one escalation per week missed.
 * So of each deadline still open, for each audience, only the latest reminder of the missed days goes out, and none
 * when today has its own ({@link PlanRemindersUseCase#planMissedDays}); the reminders of those days planned before
 * the downtime (by a pass, or by a change, on their day) and made stale by a later one are superseded (cancelled,
 * never sent). What goes out is marked late in
 * the ledger, and its text says the day it was due to go out and that the system was down; it joins the person's
 * message of today. A message whose execution was missed (its day's pass was done, the system went down before it
 * went out) is marked late when it runs. Late messages wait for the sending hour, and for the pass that makes up the
 * missed days (so that nothing stale goes out before it is superseded). The days made up are recorded only once
 * their reminders are written: an instance dying midway leaves them to the next pass, which writes nothing twice.
 *
 * <p><b>Retention.</b> A daily task at a quiet hour forgets, in small batches, the reminders of days older than
 * {@link ReminderSettings#retention()} that are settled (sent, cancelled, superseded or given up), the dead letters of
 * those days and the old records of passes. Pending reminders are kept whatever their age, and never anything of the
 * days a pass may still plan (the catch-up window and the sweep's): their rows are what keeps a reminder from going
 * out twice.
 *
 * <p><b>Sending.</b> The execution of a message, run by exactly one instance at a time, reads its pending reminders,
 * sends one e-mail or SMS and records them sent. An instance killed between the send and the record leaves that one
 * message to be sent again when another instance revives the execution: at most the messages in flight at the kill.
 * A failed send retries with exponential backoff; after the configured attempts the message becomes a dead letter.
 * No SMS goes out in quiet hours: it is deferred to their end.
 *
 * <p><b>Inbox.</b> With an {@link Inbox} ({@link #withInbox}), every reminder addressed to an account lands in its inbox
 * (消息中心) as it is planned, once, whatever the person's channels; e-mail and SMS follow each person's choice of
 * channels (at planning) and their own quiet hours (at sending: deferred to their end, never dropped).
 */
public final class ReminderEngine implements ReminderPort, DeadLetterPort, AutoCloseable {

    public static final String DIGEST_TASK = "reminder-digest";
    public static final String PLAN_TASK = "reminder-daily-plan";
    public static final String SWEEP_TASK = "reminder-sweep";
    public static final String PRUNE_TASK = "reminder-prune";

    private static final Logger LOG = LoggerFactory.getLogger(ReminderEngine.class);
    private static final int SWEEP_LIMIT = 10_000;
    /** How far back the sweep looks: older reminders were sent, cancelled or given up long ago. */
    static final int SWEEP_DAYS = 14;
    /** A message running this long after it was due, on a later day, was missed while the system was down. */
    static final Duration MISSED_AFTER = Duration.ofHours(1);
    /** When a failed daily pass is tried again. */
    static final Duration PASS_RETRY = Duration.ofMinutes(10);
    /** Settled reminders forgotten per statement: each holds its locks briefly. */
    static final int PRUNE_BATCH = 1_000;
    /** At most this many batches per daily run; the rest waits for the next day. */
    static final int PRUNE_MAX_BATCHES = 2_000;

    private final ReminderSettings settings;
    private final DataSource dataSource;
    private final DataSource txDataSource;
    private final PlanRemindersUseCase planner;
    private final ClockPort clock;
    private final EmailSender email;
    private final SmsSender sms;
    private final ReminderLedger ledger;
    private final LedgerRecipientsPort recipients;
    private final ReminderMessages messages;
    private final CustomTask<String> digestTask;
    private final RecurringTask<Void> planTask;
    private final RecurringTask<Void> sweepTask;
    private final RecurringTask<Void> pruneTask;
    private final SchedulerClient txClient;
    /** The scheduler's SQL for this database (PostgreSQL or H2). */
    private final SchedulerDialect dialect;
    private Scheduler scheduler;
    /** The message centre's inboxes and each person's channels and quiet hours; null: neither (tests of other things). */
    private volatile Inbox inbox;

    /**
     * @param dataSource   pooled connections, for the scheduler
     * @param txDataSource the same database, handing out the current use case's connection inside its transaction
     * @param email        the e-mail channel, or null when reminders go out by SMS only
     * @param sms          the SMS channel, or null when reminders go out by e-mail only
     * @param recipients   the blind index and encryption of recipients in the ledger (the same keys on every
     *                     instance)
     */
    public ReminderEngine(ReminderSettings settings, DataSource dataSource, DataSource txDataSource,
                          PlanRemindersUseCase planner, ClockPort clock, EmailSender email, SmsSender sms,
                          LedgerRecipientsPort recipients) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.txDataSource = Objects.requireNonNull(txDataSource, "txDataSource");
        this.planner = Objects.requireNonNull(planner, "planner");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.email = email;
        this.sms = sms;
        this.recipients = Objects.requireNonNull(recipients, "recipients");
        this.ledger = new ReminderLedger(txDataSource, recipients);
        this.messages = new ReminderMessages(settings.baseUrl(), settings.smsSign());
        this.digestTask = Tasks.custom(DIGEST_TASK, String.class)
                .onFailure(this::onFailure)
                .onDeadExecutionRevive()
                .execute(this::executeDigest);
        this.planTask = Tasks.recurring(PLAN_TASK, Schedules.daily(ClockPort.ZONE, settings.planAt()))
                // a pass that fails (the database away) is tried again soon, not the next day
                .onFailure(new FailureHandler.OnFailureRetryLater<>(PASS_RETRY))
                .execute((instance, context) -> dailyPass(clock.today()));
        this.sweepTask = Tasks.recurring(SWEEP_TASK, Schedules.fixedDelay(settings.sweepEvery()))
                .execute((instance, context) -> sweep(clock.today()));
        this.pruneTask = Tasks.recurring(PRUNE_TASK, Schedules.daily(ClockPort.ZONE, settings.pruneAt()))
                .execute((instance, context) -> prune(clock.today()));
        this.dialect = SchedulerDialect.of(dataSource);
        this.txClient = SchedulerClient.Builder.create(txDataSource, tasks())
                .jdbcCustomization(dialect.jdbcCustomization())
                .build();
    }

    /**
     * Delivers every reminder addressed to an account into its inbox as well, and applies each person's channels and
     * quiet hours to their e-mail and SMS (see {@link Inbox}).
     */
    public ReminderEngine withInbox(Inbox inbox) {
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        return this;
    }

    /** The engine's tasks: the digest (one-time) and the daily plan, sweep and pruning (recurring). */
    public List<Task<?>> tasks() {
        return List.of(digestTask, planTask, sweepTask, pruneTask);
    }

    /** The one-time task of messages (a scheduler knows it, and is given the recurring ones as start tasks). */
    public List<Task<?>> messageTasks() {
        return List.of(digestTask);
    }

    /** The recurring tasks, to be scheduled on a scheduler's start. */
    public List<RecurringTask<Void>> recurringTasks() {
        return List.of(planTask, sweepTask, pruneTask);
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
        builder.jdbcCustomization(dialect.jdbcCustomization());
        if (dialect.postgreSql()) {
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

    // ------------------------------------------------------------------------------------------------ planning

    @Override
    public void deadlinesChanged(Project project, List<Deadline> opened, List<Deadline> closed) {
        if (!closed.isEmpty()) {
            ledger.cancel(closed.stream().map(Deadline::id).toList(), clock.now());
            if (inbox != null) {
                // the reminders already in the inboxes are withdrawn with the change: 已办结 or 已撤销, not unread
                inbox.settle(closed, clock.now(), clock.today());
            }
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
        return enqueue(planned, null);
    }

    /**
     * {@link #enqueue(List)}, of reminders of missed days when {@code lateOn} is given: marked late, in the messages
     * of {@code lateOn} (today).
     */
    private int enqueue(List<PlannedReminder> planned, LocalDate lateOn) {
        List<ReminderLedger.Row> rows = new ArrayList<>();
        Inbox personal = inbox;
        Map<String, DeliveryPreferences> chosen = personal == null ? Map.of()
                : personal.preferencesOf(planned.stream().map(p -> p.recipient().userId()).toList());
        for (PlannedReminder p : planned) {
            ReminderRecipient to = p.recipient();
            DeliveryPreferences wants = to.userId() == null ? DeliveryPreferences.DEFAULT
                    : chosen.getOrDefault(to.userId(), DeliveryPreferences.DEFAULT);
            if (to.email() != null && email != null && wants.email() && reachable(to.email(), p)) {
                rows.add(row(p, Channel.EMAIL, LedgerRecipientsPort.normalise(Channel.EMAIL.name(), to.email()),
                        lateOn));
            }
            if (to.mobile() != null && sms != null && wants.sms() && reachable(to.mobile(), p)) {
                rows.add(row(p, Channel.SMS, LedgerRecipientsPort.normalise(Channel.SMS.name(), to.mobile()),
                        lateOn));
            }
        }
        if (personal != null) {
            // whatever the person's channels: the inbox has every reminder, once
            personal.deliver(planned, lateOn);
        }
        boolean[] inserted = ledger.insert(rows, clock.now(), lateOn != null);
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

    /** False (with a warning) for an address stored before addresses were checked that no message can be keyed to. */
    private static boolean reachable(String address, PlannedReminder p) {
        if (DigestKey.keyable(address)) {
            return true;
        }
        LOG.warn("reminder of deadline {} not planned for an address no message can be sent to (project {})",
                p.deadlineId(), p.projectId());
        return false;
    }

    private ReminderLedger.Row row(PlannedReminder p, Channel channel, String address, LocalDate lateOn) {
        LocalDate day = lateOn == null ? p.day() : lateOn;
        String index = recipients.index(address);
        DigestKey key = settings.digest()
                ? DigestKey.digest(channel, index, day)
                : new DigestKey(channel, index, day, p.deadlineId(), p.reminder().offsetDays());
        return new ReminderLedger.Row(p, channel, address, index, key);
    }

    /** Every reminder falling on {@code day}; what is planned already is not planned again. */
    public long planDay(LocalDate day) {
        long[] rows = {0};
        long planned = planner.planDay(day, batch -> rows[0] += enqueue(batch));
        LOG.info("reminders of {}: {} planned, {} new", day, planned, rows[0]);
        return planned;
    }

    /**
     * What one daily pass did.
     *
     * @param planned    the reminders of today
     * @param madeUp     the days missed in downtime whose reminders were made up (late), or null
     * @param skipped    the days missed longer ago than the catch-up window, not made up, or null
     * @param late       the reminders of the missed days planned now (the latest of each deadline and audience)
     * @param superseded the reminders of the missed days planned before, made stale by a later one: never sent
     */
    public record Pass(LocalDate day, long planned, DayRange madeUp, DayRange skipped, long late, int superseded) {
    }

    /** Days {@code first..last}, both included. */
    public record DayRange(LocalDate first, LocalDate last) {
        @Override
        public String toString() {
            return first.equals(last) ? first.toString() : first + ".." + last;
        }
    }

    /**
     * The daily pass of {@code today}: its reminders, and those of the days missed since the last pass recorded
     * (see the class comment: the latest of each deadline and audience, marked late, within the catch-up window);
     * then the days are recorded as done. Run again, it plans nothing twice.
     */
    public Pass dailyPass(LocalDate today) {
        Optional<LocalDate> last = ledger.lastPass();
        long planned = planDay(today);
        List<ReminderLedger.Pass> done = new ArrayList<>();
        DayRange madeUp = null;
        DayRange skipped = null;
        long late = 0;
        int superseded = 0;
        if (last.isPresent() && last.get().isBefore(today.minusDays(1))) {
            LocalDate firstMissed = last.get().plusDays(1);
            LocalDate lastMissed = today.minusDays(1);
            LocalDate from = today.minusDays(settings.catchUpDays());
            if (from.isBefore(firstMissed)) {
                from = firstMissed;
            }
            if (from.isAfter(firstMissed)) {
                skipped = new DayRange(firstMissed, from.minusDays(1));
                LOG.warn("reminder passes of {} ({} days) were missed while the system was down and are not made up: "
                        + "older than the catch-up window of {} days; their reminders are not sent", skipped,
                        ChronoUnit.DAYS.between(firstMissed, from), settings.catchUpDays());
                for (LocalDate d = firstMissed; d.isBefore(from); d = d.plusDays(1)) {
                    done.add(new ReminderLedger.Pass(d, ReminderLedger.Outcome.SKIPPED, 0));
                }
            }
            if (!from.isAfter(lastMissed)) {
                madeUp = new DayRange(from, lastMissed);
                Map<LocalDate, Long> byDay = new HashMap<>();
                long[] rows = {0};
                late = planner.planMissedDays(from, lastMissed, today, batch -> {
                    batch.forEach(p -> byDay.merge(p.day(), 1L, Long::sum));
                    rows[0] += enqueue(batch, today);
                });
                superseded = ledger.supersede(from, lastMissed, today, clock.now());
                Set<String> keys = ledger.rekeyLate(from, lastMissed,
                        key -> DigestKey.parse(key).onDay(today).encode());
                for (String key : keys) {
                    DigestKey parsed = DigestKey.parse(key);
                    schedule(parsed, sendTime(parsed));
                }
                for (LocalDate d = from; !d.isAfter(lastMissed); d = d.plusDays(1)) {
                    done.add(new ReminderLedger.Pass(d, ReminderLedger.Outcome.LATE, byDay.getOrDefault(d, 0L)));
                }
                LOG.warn("reminder passes of {} were missed while the system was down and are made up today: {} "
                        + "reminders planned late ({} new), {} planned before superseded by a later one, {} messages "
                        + "to send late", madeUp, late, rows[0], superseded, keys.size());
            }
        }
        done.add(new ReminderLedger.Pass(today, ReminderLedger.Outcome.ON_TIME, planned));
        ledger.recordPasses(done, clock.now());
        return new Pass(today, planned, madeUp, skipped, late, superseded);
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

    /**
     * What the ledger forgets today: settled reminders of the days before {@link #pruneBefore}, in batches of
     * {@value #PRUNE_BATCH}, then the dead letters of those days and old records of passes.
     *
     * @return how many reminders were forgotten
     */
    public long prune(LocalDate today) {
        return prune(today, PRUNE_BATCH);
    }

    long prune(LocalDate today, int batch) {
        LocalDate before = pruneBefore(today);
        long reminders = 0;
        boolean all = false;
        for (int i = 0; i < PRUNE_MAX_BATCHES && !Thread.currentThread().isInterrupted(); i++) {
            int n = ledger.pruneSettled(before, batch);
            reminders += n;
            if (n < batch) {
                all = true;
                break;
            }
        }
        long letters = 0;
        if (all) {
            // a dead letter's reminders are of its day or earlier: forgotten above
            for (int i = 0; i < PRUNE_MAX_BATCHES && !Thread.currentThread().isInterrupted(); i++) {
                int n = ledger.pruneDeadLetters(before, batch);
                letters += n;
                if (n < batch) {
                    break;
                }
            }
        }
        int passes = ledger.prunePasses(before);
        Inbox personal = inbox;
        if (personal != null) {
            // the inbox keeps what is unread whatever its age; read messages go with the ledger's days
            personal.pruneRead(before, batch, PRUNE_MAX_BATCHES);
        }
        LOG.info("reminder ledger: {} settled reminders, {} dead letters and {} pass records of the days before {} "
                + "forgotten (retention {}){}", reminders, letters, passes, before, settings.retention(),
                all ? "" : "; more remain for the next run");
        return reminders;
    }

    /**
     * The first day the ledger keeps: {@link ReminderSettings#retention()} ago, but never within the days a pass may
     * still plan (the catch-up window) or the sweep may still send ({@value #SWEEP_DAYS} days).
     */
    LocalDate pruneBefore(LocalDate today) {
        LocalDate byRetention = today.minus(settings.retention());
        LocalDate floor = today.minusDays(settings.catchUpDays() + SWEEP_DAYS + 1L);
        return byRetention.isBefore(floor) ? byRetention : floor;
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
        LocalDate today = now.atZone(ClockPort.ZONE).toLocalDate();
        boolean pastDay = key.day().isBefore(today);
        if (pastDay) {
            Execution execution = context == null ? null : context.getExecution();
            if (execution != null && Duration.between(execution.executionTime, now).compareTo(MISSED_AFTER) > 0) {
                // due on an earlier day and not run for so long: no instance was up, the system was down
                ledger.markLate(encoded);
            }
        }
        if (key.channel() == Channel.SMS && settings.quietHours().contains(now)) {
            Instant later = settings.quietHours().nextAllowed(now);
            return (complete, ops) -> ops.reschedule(complete, later);
        }
        List<LedgerItem> items = ledger.pending(encoded);
        if (items.isEmpty()) {
            return (complete, ops) -> ops.remove();
        }
        Inbox personal = inbox;
        Optional<Instant> quietUntil = personal == null ? Optional.empty()
                : personal.deferredUntil(key.channel(), items.get(0).recipient(), now);
        if (quietUntil.isPresent()) {
            // the person's own quiet hours: deferred to their end, never dropped
            Instant later = quietUntil.get();
            return (complete, ops) -> ops.reschedule(complete, later);
        }
        boolean late = items.stream().anyMatch(LedgerItem::late);
        if ((pastDay || late) && passPending(now)) {
            // the pass making up missed days may still supersede some of these, or add more to the message: it
            // goes first
            Instant later = now.plus(settings.pollingInterval().multipliedBy(5));
            return (complete, ops) -> ops.reschedule(complete, later);
        }
        Instant sendingHour = today.atTime(settings.sendAt()).atZone(ClockPort.ZONE).toInstant();
        if (late && now.isBefore(sendingHour)) {
            // reminders late after downtime go out at the day's sending hour, not in the night
            return (complete, ops) -> ops.reschedule(complete, sendingHour);
        }
        // every reminder of a message has the same recipient (its blind index is in the key)
        String recipient = items.get(0).recipient();
        switch (key.channel()) {
            case EMAIL -> channel(email, "e-mail").send(messages.email(recipient, items, today));
            case SMS -> channel(sms, "SMS").send(messages.sms(recipient, items, today));
            default -> throw new IllegalStateException(key.channel().name());
        }
        ledger.markSent(items.stream().map(LedgerItem::id).toList(), clock.now());
        // a reminder that joined the message while it was being sent is found by the next sweep
        return (complete, ops) -> ops.remove();
    }

    /** Whether the daily pass is due or running: it may make up missed days. */
    private boolean passPending(Instant now) {
        return txClient.getScheduledExecution(TaskInstanceId.of(PLAN_TASK, RecurringTask.INSTANCE))
                .map(plan -> plan.isPicked() || !plan.getExecutionTime().isAfter(now))
                .orElse(false);
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
        Optional<String> recipient = ledger.recipient(key);
        String masked = recipient.map(Masks::recipient).orElse("#" + key.recipientIndex().substring(0, 8));
        if (attempts >= settings.maxAttempts()) {
            if (recipient.isEmpty()) {
                // its reminders are gone from the ledger: nothing is left to give up
                ops.remove();
                LOG.warn("reminder message {} to {} failed after {} attempts and has no reminders left: {}",
                        key.channel(), masked, attempts, Masks.redact(error));
                return;
            }
            long id = ledger.deadLetter(key, recipient.get(), attempts, error, clock.now());
            ops.remove();
            LOG.warn("reminder message {} to {} given up after {} attempts (dead letter {}): {}", key.channel(),
                    masked, attempts, id, Masks.redact(error));
            return;
        }
        Instant next = clock.now().plus(backoff(attempts));
        if (key.channel() == Channel.SMS) {
            next = settings.quietHours().nextAllowed(next);
        }
        LOG.info("reminder message {} to {} failed (attempt {} of {}), next try at {}: {}", key.channel(),
                masked, attempts, settings.maxAttempts(), next, Masks.redact(error));
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

    /** For tests and tools: the passes recorded from {@code from} on. */
    List<ReminderLedger.Pass> passes(LocalDate from) {
        return ledger.passes(from);
    }

}
