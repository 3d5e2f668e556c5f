package cn.egov.projects.persistence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Makes the build's empty embedded database of the current schema ({@code Database.TEMPLATE}), which a new
 * standard embedded database is copied from: run by the build of this module (exec-maven-plugin, after the classes
 * are compiled) with the output file. The database is made as any new one is when there is no template — the
 * migrations run by {@link Database#open} — in a directory of its own, closed, and copied.
 */
public final class EmptyDatabaseTemplate {

    /**
     * Flyway reports each migration through java.util.logging here (no logging library on the build's class path):
     * the build's output needs only its warnings. Held, so that the level stays.
     */
    private static final java.util.logging.Logger FLYWAY_LOG = java.util.logging.Logger.getLogger("org.flywaydb");

    private EmptyDatabaseTemplate() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: EmptyDatabaseTemplate <work directory> <output file>");
        }
        FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING);
        Path work = Path.of(args[0]).toAbsolutePath();
        Path output = Path.of(args[1]).toAbsolutePath();
        deleteTree(work);
        Files.createDirectories(work);
        DatabaseSettings settings = DatabaseSettings.embeddedH2(work);
        try (Database database = Database.openMigrating(settings)) {
            if (!Database.LATEST_SCHEMA_VERSION.equals(database.schemaVersion())) {
                throw new IllegalStateException("the template is at schema version " + database.schemaVersion()
                        + ", not " + Database.LATEST_SCHEMA_VERSION);
            }
        }
        Files.createDirectories(output.getParent());
        Files.copy(work.resolve("egov" + ".mv.db"), output, StandardCopyOption.REPLACE_EXISTING);
        deleteTree(work);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
