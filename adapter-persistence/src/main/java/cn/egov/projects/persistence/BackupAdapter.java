package cn.egov.projects.persistence;

import cn.egov.projects.application.port.out.BackupPort;
import cn.egov.projects.application.port.out.ClockPort;
import cn.egov.projects.application.view.BackupSummary;
import cn.egov.projects.persistence.backup.BackupException;
import cn.egov.projects.persistence.backup.Manifest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Online backups into one directory (the server's {@code EGOV_BACKUP_DIR}): each a new archive
 * {@code egov-backup-yyyyMMdd-HHmmss.zip} (a suffix when that name is taken), one at a time per process.
 */
public final class BackupAdapter implements BackupPort {

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Database database;
    private final Path directory;
    private final ClockPort clock;
    private final Optional<String> pgBin;
    private final ReentrantLock oneAtATime = new ReentrantLock();

    public BackupAdapter(Database database, Path directory, ClockPort clock, Optional<String> pgBin) {
        this.database = Objects.requireNonNull(database, "database");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pgBin = Objects.requireNonNull(pgBin, "pgBin");
    }

    @Override
    public BackupSummary backUp(String createdBy) {
        if (!oneAtATime.tryLock()) {
            throw BackupFailedException.anotherUnderWay();
        }
        try {
            Instant now = clock.now();
            Path archive = freeName(now);
            Manifest m = DatabaseBackup.backUp(database, archive, createdBy, now, pgBin);
            return summary(archive, m);
        } catch (BackupException e) {
            throw new BackupFailedException(e.messageZh(), e.getMessage(), e);
        } catch (IOException e) {
            throw new BackupFailedException("备份目录无法使用：" + e.getMessage(), "the backup directory cannot be used: "
                    + e.getMessage(), e);
        } finally {
            oneAtATime.unlock();
        }
    }

    private Path freeName(Instant now) throws IOException {
        Files.createDirectories(directory);
        String stem = "egov-backup-" + NAME.format(now.atZone(ClockPort.ZONE));
        Path archive = directory.resolve(stem + ".zip");
        for (int n = 2; Files.exists(archive); n++) {
            archive = directory.resolve(stem + "-" + n + ".zip");
        }
        return archive;
    }

    /** What an archive holds, as the application reports it. */
    public static BackupSummary summary(Path archive, Manifest m) throws IOException {
        return new BackupSummary(archive.getFileName().toString(), Files.size(archive), m.createdAt(),
                m.schemaVersion(), m.count("project"), m.count("document"), m.count("account"),
                m.auditCount() + m.count("audit_pending"), m.auditLastId()); // linked, and committed not yet linked
    }
}
