package cn.egov.projects.bootstrap;

import cn.egov.projects.application.account.AccountService;
import cn.egov.projects.application.account.UnitService;
import cn.egov.projects.application.port.out.ClockPort;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.persistence.Database;
import cn.egov.projects.persistence.PersistenceAdapters;
import cn.egov.projects.persistence.crypto.FieldCipher;
import cn.egov.projects.web.UseCases;
import cn.egov.projects.web.routes.LifecycleUseCases;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The application exactly as {@code Main} wires it ({@link Application#open}: policy packs, calendar, database with
 * its migrations, adapters, the reminder engine — not started — and every service), without the web server. It lives
 * in the bootstrap's package, in the benchmarks module, because the wiring is package-private.
 */
public final class BenchApplication implements AutoCloseable {

    private final Application application;
    private final Settings settings;

    private BenchApplication(Application application, Settings settings) {
        this.application = application;
        this.settings = settings;
    }

    /** Opens the database at {@code url} (migrating it) and wires the services with the given clock. */
    public static BenchApplication open(String url, String user, String password, ClockPort clock) {
        List<String> args = new ArrayList<>(List.of("--db-url", url));
        if (user != null) {
            args.addAll(List.of("--db-user", user));
        }
        if (password != null && !password.isEmpty()) {
            args.addAll(List.of("--db-password", password));
        }
        // no environment: the run does not depend on the shell's EGOV_* variables
        Settings settings = Settings.parse(args, Map.of());
        return new BenchApplication(Application.open(settings, clock), settings);
    }

    /**
     * The application's own adapters over another connection to its database, with its audit key and data keys:
     * what a preload stores through them, the application reads (its contacts decrypt, its audit records verify).
     */
    public PersistenceAdapters persistence(Database database) {
        return new PersistenceAdapters(database, Application.auditKey(settings, false),
                new FieldCipher(Application.dataKeys(settings, false)));
    }

    public UseCases useCases() {
        return application.useCases();
    }

    public LifecycleUseCases lifecycle() {
        return application.web().lifecycle();
    }

    public UnitService units() {
        return application.web().units();
    }

    public AccountService accounts() {
        return application.accounts();
    }

    /** The policy pack in force (its acceptance documents are what an acceptance must list). */
    public PolicyPack pack() {
        return application.web().pack();
    }

    @Override
    public void close() {
        application.close();
    }
}
