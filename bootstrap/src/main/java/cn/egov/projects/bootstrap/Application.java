package cn.egov.projects.bootstrap;

import cn.egov.projects.application.account.AccountService;
import cn.egov.projects.application.account.PasswordHasher;
import cn.egov.projects.application.port.in.RecomputeProvisionalDeadlinesUseCase;
import cn.egov.projects.application.port.out.CalendarPort;
import cn.egov.projects.application.port.out.ClockPort;
import cn.egov.projects.application.service.CalendarMaintenanceService;
import cn.egov.projects.application.service.DeadLetterService;
import cn.egov.projects.application.service.DeadlineCalculatorService;
import cn.egov.projects.application.service.DeclarationService;
import cn.egov.projects.application.service.Ports;
import cn.egov.projects.application.service.ProjectQueryService;
import cn.egov.projects.application.service.ReminderPlanningService;
import cn.egov.projects.domain.policy.PolicyHistory;
import cn.egov.projects.notify.ReminderEngine;
import cn.egov.projects.persistence.Database;
import cn.egov.projects.persistence.DatabaseStartupException;
import cn.egov.projects.persistence.PersistenceAdapters;
import cn.egov.projects.persistence.audit.AuditKey;
import cn.egov.projects.persistence.crypto.DataKeys;
import cn.egov.projects.persistence.crypto.FieldCipher;
import cn.egov.projects.bootstrap.config.CalendarDirectory;
import cn.egov.projects.bootstrap.config.ConfigurationException;
import cn.egov.projects.bootstrap.config.PolicyPackFile;
import cn.egov.projects.web.UseCases;
import cn.egov.projects.web.WebApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Everything wired with {@code new}: the policy packs and calendar from their files, the database and its adapters,
 * the reminder engine with its channels, the clock, and the services behind the use-case interfaces the web adapter
 * is given. The reminder engine's scheduler runs only while the application serves ({@link #startReminders}); it
 * stops before the database closes.
 */
final class Application implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private final Database database;
    private final ReminderEngine reminders;
    private final AccountService accounts;
    private final Web web;
    private final ClockPort clock;
    private final DemoClock demoClock;
    private final java.util.function.LongSupplier accountCount;
    private final UseCases useCases;
    private final cn.egov.projects.application.port.out.WebSessionPort webSessions;
    private final RecomputeProvisionalDeadlinesUseCase calendarMaintenance;
    /** The system administrator's online backups ({@code POST /api/backups}). */
    private cn.egov.projects.application.port.in.BackupUseCase backups;
    /** The message centre (消息中心): the inboxes the reminder engine writes, and each person's channels. */
    private cn.egov.projects.application.port.in.MessageCentreUseCase messageCentre;
    private cn.egov.projects.persistence.audit.AuditSealer auditSealer;
    private final ScheduledExecutorService maintenance = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "calendar-maintenance");
        t.setDaemon(true);
        return t;
    });

    private Application(Database database, ReminderEngine reminders, AccountService accounts, UseCases useCases,
                        Web web, ClockPort clock, DemoClock demoClock, java.util.function.LongSupplier accountCount,
                        RecomputeProvisionalDeadlinesUseCase calendarMaintenance,
                        cn.egov.projects.application.port.out.WebSessionPort webSessions) {
        this.webSessions = webSessions;
        this.calendarMaintenance = calendarMaintenance;
        this.web = web;
        this.clock = clock;
        this.demoClock = demoClock;
        this.accountCount = accountCount;
        this.database = database;
        this.reminders = reminders;
        this.accounts = accounts;
        this.useCases = useCases;
    }

    /**
     * Loads the configuration files and opens the database.
     *
     * @throws StartupException naming the file or database at fault and the setting it came from
     */
    static Application open(Settings settings) {
        return open(settings, null);
    }

    /**
     * With the clock a test gives (null: the system clock, or the simulated clock of {@code EGOV_CLOCK}; under
     * {@code --demo} wrapped by the demonstration clock).
     */
    /**
     * The key that seals the audit trail, from {@code EGOV_AUDIT_KEY_FILE}; the server makes the file when it does not
     * exist ({@code create}), {@code verify-audit} never does.
     */
    static AuditKey auditKey(Settings settings, boolean create) {
        try {
            return AuditKey.fromFile(settings.auditKeyFile(), create);
        } catch (IllegalArgumentException e) {
            throw new StartupException(ExitCode.BAD_CONFIGURATION_FILE, e.getMessage() + " ("
                    + settings.source(Settings.Key.AUDIT_KEY_FILE) + ")", e);
        }
    }

    /**
     * The keys that encrypt personal data at rest, from {@code EGOV_DATA_KEY_FILE}; the server makes the file (one
     * key, readable by its owner only) when it does not exist ({@code create}), {@code rotate-keys} never does.
     */
    static DataKeys dataKeys(Settings settings, boolean create) {
        try {
            return DataKeys.fromFile(settings.dataKeyFile(), create);
        } catch (IllegalArgumentException e) {
            throw new StartupException(ExitCode.BAD_CONFIGURATION_FILE, e.getMessage() + " ("
                    + settings.source(Settings.Key.DATA_KEY_FILE) + ")", e);
        }
    }

    static Application open(Settings settings, ClockPort testClock) {
        // the policy packs and the calendar are read beside the database's opening; a fault in them is reported
        // before one of the database, as when they were read first (a new database is made all the same: the next
        // start would make it)
        CompletableFuture<PolicyHistory> policiesRead = CompletableFuture.supplyAsync(() -> policies(settings),
                Application::startupThread);
        CompletableFuture<CalendarPort> calendarRead = CompletableFuture.supplyAsync(() -> calendar(settings),
                Application::startupThread);
        Database database;
        try {
            database = Database.open(settings.database());
        } catch (DatabaseStartupException e) {
            read(policiesRead);
            read(calendarRead);
            throw new StartupException(ExitCode.DATABASE, e.getMessage() + " (" + settings.databaseSource() + ")", e);
        }
        try {
            PolicyHistory policies = read(policiesRead);
            CalendarPort calendar = read(calendarRead);
            ClockPort base = testClock != null ? testClock : settings.simulatedClock()
                    .map(start -> simulatedClock(settings, start)).orElseGet(SystemClock::new);
            DemoClock demoClock = settings.web().demo() ? new DemoClock(base) : null;
            ClockPort clock = demoClock != null ? demoClock : base;
            PersistenceAdapters persistence = new PersistenceAdapters(database, auditKey(settings, true),
                    new FieldCipher(dataKeys(settings, true)));
            ReminderPlanningService planner = new ReminderPlanningService(persistence.dueDeadlines(),
                    persistence.projects(), persistence.projects(), persistence.windows(), persistence.accounts(),
                    () -> policies, calendar).namedBy(persistence.units());
            cn.egov.projects.persistence.crypto.LedgerRecipients ledgerRecipients;
            try {
                ledgerRecipients = new cn.egov.projects.persistence.crypto.LedgerRecipients(persistence.cipher());
            } catch (IllegalArgumentException e) {
                throw new StartupException(ExitCode.BAD_CONFIGURATION_FILE, e.getMessage() + " ("
                        + settings.source(Settings.Key.DATA_KEY_FILE) + ")", e);
            }
            ReminderEngine reminders = new ReminderEngine(settings.reminders().engine(), database.dataSource(),
                    database.transactionAwareDataSource(), planner, clock, settings.reminders().emailSender(),
                    settings.reminders().smsSender(),
                    ledgerRecipients);
            // every reminder and escalation addressed to an account lands in its inbox too; each person's channels
            // and quiet hours apply to their e-mail and SMS
            cn.egov.projects.notify.Inbox inbox = new cn.egov.projects.notify.Inbox(
                    database.transactionAwareDataSource(),
                    new cn.egov.projects.notify.ReminderMessages(settings.reminders().engine().baseUrl(),
                            settings.reminders().engine().smsSign()),
                    persistence.accounts()::findById, clock);
            reminders.withInbox(inbox);
            Ports ports = new Ports(persistence.projects(), persistence.projects(), persistence.projects(),
                    persistence.windows(), persistence.auditTrail(), reminders, clock, calendar,
                    () -> policies, persistence.transactions());
            // the password policy applies to every account; a password change or a disuse disabling reaches the
            // sessions and remembered credentials of every instance through the shared access revisions
            java.util.List<cn.egov.projects.application.port.out.AccessChangesPort> told = new java.util.ArrayList<>();
            AccountService accounts = new AccountService(persistence.accounts(), persistence.auditTrail(), clock,
                    persistence.transactions(), PasswordHasher.standard(), () -> policies,
                    persistence.passwordStates(), settings.accountSecurity().policy(),
                    userId -> told.forEach(t -> t.accessChanged(userId)));
            DeclarationService declarations = new DeclarationService(ports);
            ProjectQueryService queries = new ProjectQueryService(ports);
            DeadLetterService deadLetters = new DeadLetterService(reminders, persistence.auditTrail(), clock,
                    persistence.transactions(), () -> policies);
            UseCases useCases = new UseCases(new DeadlineCalculatorService(() -> policies, calendar, clock),
                    accounts, accounts, declarations, queries, queries, declarations, declarations, deadLetters);
            Web web = Web.wire(settings, persistence, ports, accounts, clock, policies);
            told.add(web.revisions());
            Application application = new Application(database, reminders, accounts, useCases, web, clock, demoClock,
                    persistence.accounts()::count,
                    new CalendarMaintenanceService(ports, persistence.provisionalDeadlines()),
                    persistence.sharedWebState());
            application.auditSealer = persistence.auditSealer();
            application.auditSealer.start();
            application.messageCentre = new cn.egov.projects.application.service.MessageCentreService(inbox, inbox,
                    clock, persistence.auditTrail(), persistence.transactions(), policies.inForceOn(clock.today()));
            application.backups = new cn.egov.projects.application.service.BackupService(ports,
                    new cn.egov.projects.persistence.BackupAdapter(database, settings.backupDir(), clock,
                            settings.value(Settings.Key.PG_BIN)));
            return application;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * The simulated clock of {@code EGOV_CLOCK}, started now, with a warning: no real deadline must ever be judged by
     * it.
     */
    private static ClockPort simulatedClock(Settings settings, java.time.Instant start) {
        SimulatedClock clock = new SimulatedClock(start);
        LOG.warn("SIMULATED CLOCK ({}): the application's time starts at {} (Asia/Shanghai) instead of the real time"
                        + " and runs on from there; every deadline, reminder, to-do list and audit record follows it."
                        + " For training, demonstrations and acceptance trials only, never in production",
                settings.source(Settings.Key.CLOCK), start.atZone(ClockPort.ZONE).toOffsetDateTime());
        return clock;
    }

    private static void startupThread(Runnable work) {
        Thread thread = new Thread(work, "egov-configuration");
        thread.setDaemon(true);
        thread.start();
    }

    /** What a start-up reading thread read, or the exception it met (a {@link StartupException}) as it was thrown. */
    private static <T> T read(CompletableFuture<T> reading) {
        try {
            return reading.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    static PolicyHistory policies(Settings settings) {
        try {
            PolicyHistory history = settings.policyFile().map(PolicyPackFile::load)
                    .orElseGet(PolicyPackFile::defaultHistory);
            LOG.info("policy packs: {}", history.packs().stream().map(p -> p.id() + " from " + p.effectiveFrom())
                    .toList());
            return history;
        } catch (ConfigurationException e) {
            throw new StartupException(ExitCode.BAD_CONFIGURATION_FILE,
                    e.getMessage() + " (" + settings.source(Settings.Key.POLICY) + ")", e);
        }
    }

    private static CalendarPort calendar(Settings settings) {
        try {
            return new CalendarDirectory(settings.calendarDir().orElse(null));
        } catch (ConfigurationException e) {
            throw new StartupException(ExitCode.BAD_CONFIGURATION_FILE,
                    e.getMessage() + " (" + settings.source(Settings.Key.CALENDAR_DIR) + ")", e);
        }
    }

    UseCases useCases() {
        return useCases;
    }

    AccountService accounts() {
        return accounts;
    }

    /** The services behind the web application (the lifecycle benchmarks drive them without a web server). */
    Web web() {
        return web;
    }

    /**
     * The staff's web application (JSON API and pages) over this application's use cases; its sessions and access
     * revisions are in the database, shared by every instance on it.
     */
    WebApi webApi() {
        return new WebApi(useCases, web.lifecycle(), web.workplace(), web.settings(), this::isHealthy,
                web.revisions(), webSessions, clock).withBackups(backups)
                .withAccountSecurity(web.accountSecurity()).withPolicies(web.packInForce()).withMessageCentre(messageCentre);
    }

    /** The use cases and clock the {@code --demo} data are written with; empty unless started with {@code --demo}. */
    java.util.Optional<DemoData> demoData() {
        return java.util.Optional.ofNullable(demoClock).map(c -> new DemoData(c, useCases, web, accounts));
    }

    /** The reminder engine (tests plan and send reminders through it). */
    ReminderEngine reminders() {
        return reminders;
    }

    /** The clock every use case, the reminder engine and the web application read. */
    ClockPort clock() {
        return clock;
    }

    boolean hasNoAccounts() {
        return accountCount.getAsLong() == 0;
    }

    boolean isHealthy() {
        return database.isHealthy();
    }

    /** Starts sending reminders: this instance's scheduler joins any others on the same database. */
    void startReminders() {
        reminders.start();
        startCalendarMaintenance();
        startDormantAccountSweep();
    }

    /**
     * Disables the accounts not signed in for longer than the policy allows ({@code EGOV_DORMANT_DAYS}), a minute
     * after the start and then daily; every instance does it, the database lets only one disable each account (and
     * audit it). A sign-in attempt of such an account does the same in between.
     */
    private void startDormantAccountSweep() {
        maintenance.scheduleWithFixedDelay(() -> {
            try {
                int disabled = accounts.disableDormantAccounts();
                if (disabled > 0) {
                    LOG.info("accounts disabled after a long time without signing in: {}", disabled);
                }
            } catch (RuntimeException e) {
                LOG.error("disabling accounts unused for long failed; will retry tomorrow", e);
            }
        }, 1, 24 * 60, TimeUnit.MINUTES);
    }

    /**
     * Computes provisional due days again now and every hour, so that a year's official arrangement an operator
     * drops into the calendar directory corrects every deadline it touches without a restart.
     */
    private void startCalendarMaintenance() {
        maintenance.scheduleWithFixedDelay(() -> {
            try {
                int changed = calendarMaintenance.recomputeProvisionalDeadlines();
                if (changed > 0) {
                    LOG.info("due days computed again under the official calendar: {} deadlines", changed);
                }
            } catch (RuntimeException e) {
                LOG.error("computing provisional due days again failed; will retry in an hour", e);
            }
        }, 0, 1, TimeUnit.HOURS);
    }

    @Override
    public void close() {
        maintenance.shutdownNow();
        try {
            reminders.close();
        } finally {
            try {
                if (auditSealer != null) {
                    auditSealer.close(); // links what is still pending, before the database goes
                }
            } finally {
                database.close();
            }
        }
    }
}
