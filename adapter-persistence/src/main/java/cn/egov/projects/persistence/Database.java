package cn.egov.projects.persistence;

import cn.egov.projects.persistence.account.AccountDao;
import cn.egov.projects.persistence.audit.AuditDao;
import cn.egov.projects.persistence.deadline.DueDeadlineDao;
import cn.egov.projects.persistence.h2.H2Urls;
import cn.egov.projects.persistence.h2.NewDatabaseFile;
import cn.egov.projects.persistence.h2.StatementCachingConnection;
import cn.egov.projects.persistence.h2.StatementCachingDataSource;
import cn.egov.projects.persistence.document.DocumentDao;
import cn.egov.projects.persistence.mybatis.InstantTypeHandler;
import cn.egov.projects.persistence.mybatis.Sessions;
import cn.egov.projects.persistence.mybatis.SqlErrors;
import cn.egov.projects.persistence.mybatis.TransactionAwareDataSource;
import cn.egov.projects.persistence.mybatis.UuidTypeHandler;
import cn.egov.projects.persistence.performance.PerformanceGradeDao;
import cn.egov.projects.persistence.project.ProjectDao;
import cn.egov.projects.persistence.resource.ResourceDao;
import cn.egov.projects.persistence.unit.UnitDao;
import cn.egov.projects.persistence.web.WebSecurityDao;
import cn.egov.projects.persistence.web.WorkplaceDao;
import cn.egov.projects.persistence.window.WindowDao;
import org.apache.ibatis.datasource.pooled.PooledDataSource;
import org.apache.ibatis.datasource.unpooled.UnpooledDataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.LocalCacheScope;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * An open database: a pooled connection to H2 or PostgreSQL whose schema Flyway has brought to this release's
 * version, and the MyBatis sessions over it. {@link #open} refuses, with one clear line, a database it cannot
 * reach and one whose schema is ahead of this release (written by a newer one).
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /**
     * The highest migration version this release carries (under {@code db/migration}); a test holds it to the
     * migrations Flyway finds, so a new migration without raising it fails the build.
     */
    static final String LATEST_SCHEMA_VERSION = "39";

    /** Longest wait of a health check, in seconds. */
    private static final int HEALTH_TIMEOUT_SECONDS = 3;

    private final DatabaseSettings settings;
    private final PooledDataSource dataSource;
    private final Sessions sessions;
    private final TransactionAwareDataSource transactionAwareDataSource;
    private final String schemaVersion;
    private final ExecutorService healthChecks;
    private volatile boolean closed;

    private Database(DatabaseSettings settings, PooledDataSource dataSource, SqlSessionFactory factory,
                     String schemaVersion) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.sessions = new Sessions(factory);
        this.transactionAwareDataSource = new TransactionAwareDataSource(dataSource, sessions);
        this.schemaVersion = schemaVersion;
        this.healthChecks = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "database-health-check");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Opens the database: connects, migrates the schema (H2 or PostgreSQL migrations) and builds the MyBatis
     * sessions.
     *
     * @throws DatabaseStartupException when the database cannot be reached, its schema is ahead of this release
     *                                  or a migration fails
     */
    public static Database open(DatabaseSettings settings) {
        return open(settings, List.of());
    }

    /** {@link #open(DatabaseSettings)} with MyBatis plugins (tests count the statements a use case runs). */
    static Database open(DatabaseSettings settings, List<Interceptor> plugins) {
        return open(settings, plugins, true);
    }

    /** {@link #open(DatabaseSettings)} that migrates a new embedded database rather than copy the template. */
    static Database openMigrating(DatabaseSettings settings) {
        return open(settings, List.of(), false);
    }

    private static Database open(DatabaseSettings settings, List<Interceptor> plugins, boolean fromTemplate) {
        Objects.requireNonNull(settings, "settings");
        Vendor vendor = Vendor.of(settings);
        String url = vendor == Vendor.H2 ? durableH2(settings) : settings.url();
        // the mappers (XML read and parsed, a few hundred classes loaded) are made beside the connecting and the
        // schema check, which do not need them
        FutureTask<Configuration> mappers = new FutureTask<>(() -> mappers(plugins, vendor));
        Thread mapping = new Thread(mappers, "egov-mappers");
        mapping.setDaemon(true);
        mapping.start();
        PooledDataSource dataSource = pool(settings, url, vendor);
        try {
            Optional<String> built = vendor == Vendor.H2 ? buildNewH2File(settings, vendor, fromTemplate)
                    : Optional.empty();
            probe(dataSource, settings);
            // Flyway gets plain connections of its own: it inspects connections after closing them, which a pooled
            // connection (already handed back to the pool) refuses
            String version = built.isPresent() ? built.get()
                    : isCurrent(dataSource, vendor.location) ? LATEST_SCHEMA_VERSION
                    : migrate(new UnpooledDataSource(vendor.driver, url, settings.user(), settings.password()),
                            settings, vendor);
            SqlSessionFactory factory = sessionFactory(dataSource, made(mappers));
            LOG.info("database ready at {} ({}), schema version {}", settings.safeUrl(), vendor.label, version);
            return new Database(settings, dataSource, factory, version);
        } catch (RuntimeException e) {
            dataSource.forceCloseAll();
            throw e;
        }
    }

    /**
     * A new embedded database (its file not there yet) built with its schema beside where it belongs and moved into
     * place ({@link NewDatabaseFile}): a copy of the build's template of the current schema ({@link #TEMPLATE}) when
     * the database is the standard embedded one, otherwise migrated there. The schema version, or empty when the
     * database exists or is not a file.
     */
    private static Optional<String> buildNewH2File(DatabaseSettings settings, Vendor vendor, boolean fromTemplate) {
        try {
            URL template = fromTemplate ? Database.class.getClassLoader().getResource(TEMPLATE) : null;
            return NewDatabaseFile.buildIfAbsent(settings.url(), template != null && fitsTemplate(settings)
                    ? NewDatabaseFile.copying(() -> open(template), LATEST_SCHEMA_VERSION)
                    : NewDatabaseFile.migrating(settings.user(), settings.password(),
                    buildingUrl -> migrate(new UnpooledDataSource(vendor.driver, buildingUrl, settings.user(),
                            settings.password()), settings, vendor)));
        } catch (SQLException | IOException | UncheckedIOException e) {
            throw new DatabaseStartupException("cannot reach the database at " + settings.safeUrl() + ": "
                    + SqlErrors.rootMessage(e), e);
        }
    }

    /**
     * Where the build puts an empty embedded database of the current schema ({@code EmptyDatabaseTemplate}, run by
     * the build of this module): a new standard embedded database is a copy of it, without loading Flyway and
     * running every migration at the first start. Absent when the classes were not built by Maven (then migrated).
     */
    static final String TEMPLATE = "db/h2-template/egov.mv.db";

    /**
     * Whether a new database of these settings is the template: the standard embedded settings after the path
     * (some are kept in the file when it is created) and its user and empty password.
     */
    static boolean fitsTemplate(DatabaseSettings settings) {
        String url = settings.url();
        int options = url.indexOf(';');
        return options > 0 && url.substring(options).equals(DatabaseSettings.EMBEDDED_H2_OPTIONS)
                && settings.user().equals(DatabaseSettings.EMBEDDED_H2_USER) && settings.password().isEmpty();
    }

    private static InputStream open(URL resource) {
        try {
            return resource.openStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cheap {@code SELECT 1} answered within a few seconds; false on any failure, and once closed. */
    public boolean isHealthy() {
        if (closed) {
            return false;
        }
        Future<Boolean> check;
        try {
            check = healthChecks.submit(this::selectOne);
        } catch (RuntimeException rejected) {
            return false;
        }
        try {
            return check.get(HEALTH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            check.cancel(true);
            return false;
        } catch (Exception e) {
            check.cancel(true);
            LOG.warn("database health check at {} failed: {}", settings.safeUrl(), SqlErrors.rootMessage(e));
            return false;
        }
    }

    private boolean selectOne() {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            if (!settings.isH2()) {
                // on H2 a SET that would empty every session's statement cache; the check is bounded by its future
                statement.setQueryTimeout(HEALTH_TIMEOUT_SECONDS);
            }
            try (ResultSet rs = statement.executeQuery("SELECT 1")) {
                return rs.next() && rs.getInt(1) == 1;
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("database health check at {} failed: {}", settings.safeUrl(), SqlErrors.rootMessage(e));
            return false;
        }
    }

    /** The schema version Flyway reports after migrating, e.g. {@code "3"}. */
    public String schemaVersion() {
        return schemaVersion;
    }

    public DatabaseSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        healthChecks.shutdownNow();
        dataSource.forceCloseAll();
        LOG.info("database at {} closed", settings.safeUrl());
    }

    Sessions sessions() {
        return sessions;
    }

    /**
     * Plain JDBC on the same pool, for tools and for adapters that bring their own SQL (a scheduler's tables, say):
     * each connection is the caller's own, in autocommit mode, to be closed by the caller. It takes no part in a
     * use case's transaction; {@link #transactionAwareDataSource()} does.
     */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Plain JDBC inside the use case's transaction: on a thread inside {@code TransactionPort.inTransaction} (of
     * {@link PersistenceAdapters} over this database) a connection from here is that transaction's connection, whose
     * {@code close()}, {@code commit()}, {@code rollback()} and {@code setAutoCommit(…)} do nothing, so what is
     * written through it commits or rolls back with the use case; outside a transaction it is an ordinary connection
     * of the pool.
     */
    public DataSource transactionAwareDataSource() {
        return transactionAwareDataSource;
    }

    // ------------------------------------------------------------------------------------------------ opening

    private enum Vendor {
        H2("H2", "org.h2.Driver", "classpath:db/migration/h2"),
        POSTGRESQL("PostgreSQL", "org.postgresql.Driver", "classpath:db/migration/postgresql");

        private final String label;
        private final String driver;
        private final String location;

        Vendor(String label, String driver, String location) {
            this.label = label;
            this.driver = driver;
            this.location = location;
        }

        static Vendor of(DatabaseSettings settings) {
            if (settings.isPostgreSql()) {
                return POSTGRESQL;
            }
            if (settings.isH2()) {
                return H2;
            }
            throw new DatabaseStartupException("unsupported database URL " + settings.safeUrl()
                    + ": expected jdbc:h2:… or jdbc:postgresql:…");
        }
    }

    /** Connections the pool opens at most. */
    static final int MAX_CONNECTIONS = 20;

    /** Statements running longer than this are cancelled. */
    private static final int STATEMENT_TIMEOUT_SECONDS = 60;

    /**
     * Session settings every H2 connection gets unless its URL names them. The connection keeps its prepared statements
     * itself ({@link StatementCachingConnection}), so H2's own cache of parsed statements is off: H2 visits every
     * statement in it each time a transaction first changes a table. The statement timeout is a session setting given
     * once here (in milliseconds), never set per statement: JDBC's {@code Statement.setQueryTimeout} is a {@code SET}
     * on H2, which makes every session's prepared statements be parsed again.
     */
    static final Map<String, String> H2_SESSION_DEFAULTS = Map.of(
            "QUERY_CACHE_SIZE", "0",
            "QUERY_TIMEOUT", Integer.toString(STATEMENT_TIMEOUT_SECONDS * 1000));

    /** The URL with {@link #H2_SESSION_DEFAULTS} appended where it does not give them itself. */
    static String withH2SessionDefaults(String url) {
        StringBuilder out = new StringBuilder(url);
        String upper = url.toUpperCase(Locale.ROOT);
        H2_SESSION_DEFAULTS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (!upper.contains(";" + e.getKey() + "=")) {
                out.append(';').append(e.getKey()).append('=').append(e.getValue());
            }
        });
        return out.toString();
    }

    /**
     * Settings every PostgreSQL connection starts its session with (the driver's {@code options}; an {@code options}
     * parameter in the URL replaces them). The statement timeout is the server's: set per statement through JDBC,
     * the driver arms and cancels a timer task for every statement, which showed as 1.4% of a transition's CPU.
     */
    static final String POSTGRESQL_SESSION_OPTIONS = "-c statement_timeout=" + STATEMENT_TIMEOUT_SECONDS * 1000;

    /**
     * The URL an H2 database is opened with: one in files gets durable commits ({@link H2Urls#durable}); a write
     * delay the operator set in the URL is kept, with a warning that commits within it can be lost.
     */
    private static String durableH2(DatabaseSettings settings) {
        String url = H2Urls.durable(settings.url());
        if (H2Urls.isFileDatabase(settings.url())) {
            int delay = H2Urls.writeDelayMillis(url);
            if (delay > 0) {
                LOG.warn("the H2 URL sets WRITE_DELAY={}: writes acknowledged within {} ms before a crash or power "
                        + "cut can be lost; leave it out to have every commit on disk", delay, delay);
            }
        } else if (!settings.url().startsWith("jdbc:h2:mem:")) {
            LOG.warn("the H2 URL {} is not a plain file database: this application cannot make its commits durable",
                    settings.safeUrl());
        }
        return url;
    }

    private static PooledDataSource pool(DatabaseSettings settings, String url, Vendor vendor) {
        PooledDataSource ds;
        if (vendor == Vendor.H2) {
            ds = new PooledDataSource(new StatementCachingDataSource(vendor.driver, withH2SessionDefaults(url),
                    settings.user(), settings.password()));
        } else {
            Properties properties = new Properties();
            if (settings.user() != null) {
                properties.setProperty("user", settings.user());
            }
            if (settings.password() != null) {
                properties.setProperty("password", settings.password());
            }
            properties.setProperty("options", POSTGRESQL_SESSION_OPTIONS);
            ds = new PooledDataSource(vendor.driver, url, properties);
        }
        // as many as the web server's worker threads (Vert.x: 20), so that no request waits for a connection: the
        // pool hands a returned connection to whichever waiting thread wakes first, not the one waiting longest
        ds.setPoolMaximumActiveConnections(MAX_CONNECTIONS);
        // as many idle as active: under load a connection handed back beyond the idle limit is closed and the next
        // request opens a new one (on PostgreSQL a new server process each time)
        ds.setPoolMaximumIdleConnections(MAX_CONNECTIONS);
        // a use case may legitimately hold its connection for a while: never reclaim it from under it
        ds.setPoolMaximumCheckoutTime((int) TimeUnit.MINUTES.toMillis(10));
        ds.setPoolTimeToWait((int) TimeUnit.SECONDS.toMillis(5));
        ds.setPoolPingEnabled(true);
        ds.setPoolPingQuery("SELECT 1");
        ds.setPoolPingConnectionsNotUsedFor((int) TimeUnit.SECONDS.toMillis(30));
        return ds;
    }

    private static void probe(DataSource dataSource, DatabaseSettings settings) {
        try (Connection connection = dataSource.getConnection()) {
            connection.isValid(HEALTH_TIMEOUT_SECONDS);
        } catch (SQLException | RuntimeException e) {
            throw new DatabaseStartupException("cannot reach the database at " + settings.safeUrl() + ": "
                    + SqlErrors.rootMessage(e), e);
        }
    }

    /**
     * Whether the schema is already at {@link #LATEST_SCHEMA_VERSION}, with no failed migration and every applied SQL
     * migration unchanged since (its checksum, computed as Flyway does, is the one recorded): then starting needs no
     * migration and Flyway is not loaded at all — loading it and resolving every migration costs most of a second on
     * each start. Read from Flyway's history table in one query. Any other state (a new database, an older schema, a
     * newer one, a failed or edited migration, a history that cannot be read) goes the whole way through Flyway,
     * which migrates, or refuses with its reason.
     */
    static boolean isCurrent(DataSource dataSource, String vendorLocation) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT version, success, type, script, checksum FROM flyway_schema_history")) {
            List<Integer> latest = null;
            while (rs.next()) {
                if (!rs.getBoolean(2)) {
                    return false;
                }
                if ("SQL".equals(rs.getString(3))) {
                    int checksum = rs.getInt(5);
                    if (rs.wasNull() || !sqlChecksum(rs.getString(4), vendorLocation).equals(Optional.of(checksum))) {
                        return false;
                    }
                }
                String version = rs.getString(1);
                if (version == null) {
                    // the row Flyway writes when it creates its table, or a repeatable migration
                    continue;
                }
                List<Integer> parts = versionParts(version);
                if (latest == null || compareVersions(parts, latest) > 0) {
                    latest = parts;
                }
            }
            return latest != null && compareVersions(latest, versionParts(LATEST_SCHEMA_VERSION)) == 0;
        } catch (SQLException | RuntimeException e) {
            // no history table yet (a new database), or one this release cannot read: Flyway decides
            return false;
        }
    }

    /**
     * The checksum Flyway records for a SQL migration of this release: CRC-32 over its lines' UTF-8 bytes without
     * their line breaks, a byte-order mark dropped; empty when this release has no such script.
     */
    static Optional<Integer> sqlChecksum(String script, String vendorLocation) {
        if (script == null || script.contains("/") || script.contains("\\")) {
            return Optional.empty();
        }
        for (String location : List.of("db/migration/common", vendorLocation.substring("classpath:".length()))) {
            InputStream in = Database.class.getClassLoader().getResourceAsStream(location + "/" + script);
            if (in == null) {
                continue;
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                CRC32 crc = new CRC32();
                String line = reader.readLine();
                if (line != null && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                for (; line != null; line = reader.readLine()) {
                    crc.update(line.getBytes(StandardCharsets.UTF_8));
                }
                return Optional.of((int) crc.getValue());
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** A Flyway version ({@code "13"}, {@code "14.1"}) as its numbers; a part that is not a number fails. */
    static List<Integer> versionParts(String version) {
        return Arrays.stream(version.trim().split("[._]")).map(Integer::valueOf).toList();
    }

    static int compareVersions(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int c = Integer.compare(i < a.size() ? a.get(i) : 0, i < b.size() ? b.get(i) : 0);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static String migrate(DataSource dataSource, DatabaseSettings settings, Vendor vendor) {
        try {
            Flyway flyway = Flyway.configure(Database.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration/common", vendor.location)
                    .outOfOrder(false)
                    .cleanDisabled(true)
                    .validateMigrationNaming(true)
                    .load();
            refuseSchemaAhead(flyway.info(), settings);
            flyway.migrate();
            MigrationInfo current = flyway.info().current();
            return current == null || current.getVersion() == null ? "none" : current.getVersion().getVersion();
        } catch (FlywayException e) {
            throw new DatabaseStartupException("cannot migrate the database at " + settings.safeUrl() + ": "
                    + SqlErrors.oneLine(e.getMessage(), 600), e);
        }
    }

    /**
     * Flyway only warns of applied migrations it does not know; an older release must not run on a schema a newer
     * one has changed, so that is refused here.
     */
    private static void refuseSchemaAhead(MigrationInfoService info, DatabaseSettings settings) {
        Optional<MigrationVersion> latestKnown = Arrays.stream(info.all())
                .filter(MigrationInfo::isVersioned)
                .filter(m -> m.getState().isResolved())
                .map(MigrationInfo::getVersion)
                .max(MigrationVersion::compareTo);
        Optional<MigrationVersion> latestApplied = Arrays.stream(info.applied())
                .filter(MigrationInfo::isVersioned)
                .map(MigrationInfo::getVersion)
                .filter(Objects::nonNull)
                .max(MigrationVersion::compareTo);
        boolean unknownApplied = Arrays.stream(info.applied()).anyMatch(m -> m.getState() == MigrationState.FUTURE_SUCCESS
                || m.getState() == MigrationState.FUTURE_FAILED);
        if (latestApplied.isPresent()
                && (unknownApplied || latestKnown.isEmpty() || latestApplied.get().compareTo(latestKnown.get()) > 0)) {
            throw new DatabaseStartupException("the database schema at " + settings.safeUrl() + " is at version "
                    + latestApplied.get().getVersion() + ", ahead of this release (latest "
                    + latestKnown.map(MigrationVersion::getVersion).orElse("none")
                    + "): refusing to start with an older release");
        }
    }

    private static SqlSessionFactory sessionFactory(DataSource dataSource, Configuration configuration) {
        configuration.setEnvironment(new Environment("egov", new JdbcTransactionFactory(), dataSource));
        return new SqlSessionFactoryBuilder().build(configuration);
    }

    /** The MyBatis configuration with every mapper read, for a data source set later. */
    private static Configuration mappers(List<Interceptor> plugins, Vendor vendor) {
        Configuration configuration = new Configuration();
        configuration.setMapUnderscoreToCamelCase(true);
        configuration.setArgNameBasedConstructorAutoMapping(true);
        // each statement reads the database afresh, also inside a long transaction
        configuration.setLocalCacheScope(LocalCacheScope.STATEMENT);
        configuration.setCacheEnabled(false);
        // no per-statement timeout: each database's session has its own (H2_SESSION_DEFAULTS,
        // POSTGRESQL_SESSION_OPTIONS)
        // the SQL goes as written: shrinking whitespace costs a scan of every dynamic statement on every call
        configuration.setShrinkWhitespacesInSql(false);
        // what differs by database (the JSON of a project's document) is chosen by databaseId, h2 or postgresql
        configuration.setDatabaseId(vendor == Vendor.H2 ? "h2" : "postgresql");
        configuration.getTypeHandlerRegistry().register(UUID.class, new UuidTypeHandler());
        configuration.getTypeHandlerRegistry().register(Instant.class, new InstantTypeHandler());
        configuration.addMapper(ProjectDao.class);
        configuration.addMapper(WindowDao.class);
        configuration.addMapper(AuditDao.class);
        configuration.addMapper(DocumentDao.class);
        configuration.addMapper(AccountDao.class);
        configuration.addMapper(cn.egov.projects.persistence.account.PasswordStateDao.class);
        configuration.addMapper(UnitDao.class);
        configuration.addMapper(DueDeadlineDao.class);
        configuration.addMapper(WorkplaceDao.class);
        configuration.addMapper(WebSecurityDao.class);
        configuration.addMapper(ResourceDao.class);
        configuration.addMapper(PerformanceGradeDao.class);
        configuration.addMapper(cn.egov.projects.persistence.expert.ExpertDao.class);
        plugins.forEach(configuration::addInterceptor);
        return configuration;
    }

    /** What the mapping thread made; its failure (a mapper that does not parse: a defect) as it was thrown. */
    private static Configuration made(FutureTask<Configuration> mappers) {
        try {
            return mappers.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the database mappers were read", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("the database mappers cannot be read", e.getCause());
        }
    }
}
