package cn.egov.projects.bootstrap;

import cn.egov.projects.application.account.AccountService;
import cn.egov.projects.application.account.PasswordHasher;
import cn.egov.projects.application.port.out.CalendarPort;
import cn.egov.projects.application.port.out.ClockPort;
import cn.egov.projects.application.service.DeadlineCalculatorService;
import cn.egov.projects.application.service.DeclarationService;
import cn.egov.projects.application.service.Ports;
import cn.egov.projects.application.service.ProjectQueryService;
import cn.egov.projects.domain.policy.PolicyHistory;
import cn.egov.projects.notify.LogReminderAdapter;
import cn.egov.projects.persistence.Database;
import cn.egov.projects.persistence.DatabaseStartupException;
import cn.egov.projects.persistence.PersistenceAdapters;
import cn.egov.projects.persistence.config.CalendarDirectory;
import cn.egov.projects.persistence.config.ConfigurationException;
import cn.egov.projects.persistence.config.PolicyPackFile;
import cn.egov.projects.web.UseCases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything wired with {@code new}: the policy packs and calendar from their files, the database and its adapters,
 * the reminder channel, the clock, and the services behind the use-case interfaces the web adapter is given.
 */
final class Application implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private final Database database;
    private final AccountService accounts;
    private final UseCases useCases;

    private Application(Database database, AccountService accounts, UseCases useCases) {
        this.database = database;
        this.accounts = accounts;
        this.useCases = useCases;
    }

    /**
     * Loads the configuration files and opens the database.
     *
     * @throws StartupException naming the file or database at fault and the setting it came from
     */
    static Application open(Settings settings) {
        PolicyHistory policies = policies(settings);
        CalendarPort calendar = calendar(settings);
        Database database;
        try {
            database = Database.open(settings.database());
        } catch (DatabaseStartupException e) {
            throw new StartupException(ExitCode.DATABASE, e.getMessage() + " (" + settings.databaseSource() + ")", e);
        }
        try {
            ClockPort clock = new SystemClock();
            PersistenceAdapters persistence = new PersistenceAdapters(database);
            Ports ports = new Ports(persistence.projects(), persistence.projects(), persistence.projects(),
                    persistence.windows(), persistence.auditTrail(), new LogReminderAdapter(), clock, calendar,
                    () -> policies, persistence.transactions());
            AccountService accounts = new AccountService(persistence.accounts(), persistence.auditTrail(), clock,
                    persistence.transactions(), PasswordHasher.standard(), policies.inForceOn(clock.today()));
            DeclarationService declarations = new DeclarationService(ports);
            ProjectQueryService queries = new ProjectQueryService(ports);
            UseCases useCases = new UseCases(new DeadlineCalculatorService(() -> policies, calendar, clock),
                    accounts, accounts, declarations, queries, queries, declarations, declarations);
            return new Application(database, accounts, useCases);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static PolicyHistory policies(Settings settings) {
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

    boolean isHealthy() {
        return database.isHealthy();
    }

    @Override
    public void close() {
        database.close();
    }
}
