package cn.egov.projects.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An embedded H2 database in files of a fresh directory under target/tmp: empty ({@code new H2TestDatabase()}), or
 * already at this release's schema ({@link #migrated()}), copied from a database migrated once per test JVM — the
 * tests of what is stored then start from the schema the migrations make without running them again for every test
 * class (each migration's commits wait for the disk). The migrations themselves are tested on empty databases.
 */
final class H2TestDatabase implements TestDatabase {

    private static Path template;

    private final Path dir;

    H2TestDatabase() {
        this.dir = TestDirs.newTempDir("h2-");
    }

    /** A database at this release's schema, as {@link Database#open} leaves a new one. */
    static H2TestDatabase migrated() {
        H2TestDatabase db = new H2TestDatabase();
        try {
            Files.copy(template().resolve("egov.mv.db"), db.dir.resolve("egov.mv.db"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return db;
    }

    private static synchronized Path template() {
        if (template == null) {
            Path dir = TestDirs.newTempDir("h2-template-");
            Database.open(DatabaseSettings.embeddedH2(dir)).close();
            template = dir;
        }
        return template;
    }

    @Override
    public DatabaseSettings settings() {
        return DatabaseSettings.embeddedH2(dir);
    }

    @Override
    public boolean isPostgreSql() {
        return false;
    }

    @Override
    public void close() {
        TestDirs.deleteRecursively(dir);
    }
}
