package cn.egov.projects.persistence.h2;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A file database made where there is none yet: its schema is built in a file beside it, without the durable
 * writes (every one of the thousand-odd writes of the migrations would wait for the disk: some four seconds of a
 * first start), then that file is closed, forced to the disk and renamed into place in one step, and the directory
 * forced too. So either the database file is there whole, on the disk, with its schema, before anything is
 * acknowledged on it, or it is not there at all and the next start builds it again: a crash or power cut during the
 * building leaves at most the file beside it, which the next start deletes. Once in place, the database is opened
 * as always, with every commit durable.
 *
 * <p>Left to H2 as before: URLs that are not plain file databases, and a URL that says {@code IFEXISTS=TRUE} (which
 * must not create one).
 */
public final class NewDatabaseFile {

    /** The store file's suffix (H2's MVStore). */
    static final String STORE = ".mv.db";

    /** Appended to the database's path for the file it is built in. */
    static final String BUILDING = ".building";

    /** Appended to that for the file locked while it is built. */
    static final String LOCK = ".lock";

    private NewDatabaseFile() {
    }

    /** How the file of a new database is filled: given the URL and the path of the file it is built in. */
    @FunctionalInterface
    public interface Builder<T> {
        T build(String buildingUrl, Path buildingFile) throws SQLException, IOException;
    }

    /**
     * Builds the database of {@code url} when its file does not exist, with {@code builder} in the file beside it;
     * the builder's result, or empty when the database file exists already or the URL is not one this builds.
     *
     * @throws SQLException when the file cannot be created or closed
     * @throws IOException  when it cannot be forced to the disk or moved into place
     */
    public static <T> Optional<T> buildIfAbsent(String url, Builder<T> builder) throws SQLException, IOException {
        Optional<Path> base = basePath(url);
        if (base.isEmpty() || url.toUpperCase(Locale.ROOT).replace(" ", "").contains(";IFEXISTS=TRUE")) {
            return Optional.empty();
        }
        Path store = Path.of(base.get() + STORE);
        if (Files.exists(store)) {
            return Optional.empty();
        }
        String buildingBase = base.get() + BUILDING;
        Path building = Path.of(buildingBase + STORE);
        Files.createDirectories(building.toAbsolutePath().getParent());
        // one process makes it: another one started on the same directory at the same time is refused, as H2
        // refuses a second process on a database in use (a move into place would replace a database in use)
        Path lockFile = Path.of(buildingBase + LOCK);
        try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = tryLock(lockChannel, store)) {
            if (Files.exists(store)) {
                return Optional.empty(); // made by another process meanwhile
            }
            Files.deleteIfExists(building);
            Files.deleteIfExists(Path.of(buildingBase + ".trace.db"));
            T result;
            try {
                result = builder.build("jdbc:h2:file:" + buildingBase + options(url), building);
            } catch (SQLException | IOException | RuntimeException | Error e) {
                Files.deleteIfExists(lockFile);
                throw e;
            }
            try (FileChannel file = FileChannel.open(building, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                file.force(true);
            }
            Files.move(building, store, StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(Path.of(buildingBase + ".trace.db"));
            Files.deleteIfExists(lockFile);
            try (FileChannel directory = FileChannel.open(store.toAbsolutePath().getParent(),
                    StandardOpenOption.READ)) {
                directory.force(true);
            }
            return Optional.of(result);
        }
    }

    private static FileLock tryLock(FileChannel channel, Path store) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new IOException("another process is making the database " + store + " now");
        }
        return lock;
    }

    /**
     * A builder that migrates the new database: {@code migrate} is given its URL and migrates it, while a
     * connection holds the database open (the migrations open and close connections of their own); then the
     * database is shut down, its store closed and written whole.
     */
    public static <T> Builder<T> migrating(String user, String password, Function<String, T> migrate) {
        return (buildingUrl, buildingFile) -> {
            try (Connection holder = DriverManager.getConnection(buildingUrl, user, password)) {
                T result = migrate.apply(buildingUrl);
                try (Statement shutdown = holder.createStatement()) {
                    shutdown.execute("SHUTDOWN");
                }
                return result;
            }
        };
    }

    /** A builder that copies a database made before (the build's template of the current schema). */
    public static <T> Builder<T> copying(Supplier<InputStream> template, T result) {
        return (buildingUrl, buildingFile) -> {
            try (InputStream in = template.get()) {
                Files.copy(in, buildingFile);
            }
            return result;
        };
    }

    /**
     * The path of a plain file database without H2's suffix ({@code ~} as the user's home), or empty for any other
     * URL.
     */
    public static Optional<Path> basePath(String url) {
        if (!H2Urls.isFileDatabase(url)) {
            return Optional.empty();
        }
        String rest = url.substring("jdbc:h2:".length());
        if (rest.regionMatches(true, 0, "file:", 0, 5)) {
            rest = rest.substring(5);
        }
        int options = rest.indexOf(';');
        String path = options < 0 ? rest : rest.substring(0, options);
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return path.isBlank() ? Optional.empty() : Optional.of(Path.of(path));
    }

    /** The URL's settings, from its first {@code ;}, or nothing. */
    private static String options(String url) {
        int options = url.indexOf(';');
        return options < 0 ? "" : url.substring(options);
    }
}
