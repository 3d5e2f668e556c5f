package cn.egov.projects.bootstrap;

import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.application.port.out.ClockPort;
import cn.egov.projects.domain.rule.Provision;
import cn.egov.projects.application.service.BackupService;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.persistence.BackupAdapter;
import cn.egov.projects.persistence.Database;
import cn.egov.projects.persistence.DatabaseBackup;
import cn.egov.projects.persistence.DatabaseSettings;
import cn.egov.projects.persistence.DatabaseStartupException;
import cn.egov.projects.persistence.PersistenceAdapters;
import cn.egov.projects.persistence.audit.AuditChain;
import cn.egov.projects.persistence.audit.AuditKey;
import cn.egov.projects.persistence.backup.BackupException;
import cn.egov.projects.persistence.backup.Manifest;
import cn.egov.projects.persistence.h2.NewDatabaseFile;
import cn.egov.projects.application.view.BackupSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code backup --to <file>} and {@code restore --from <file>} commands, with the server's settings
 * (OPERATIONS.md, "Backup and restore"). Both are administrative actions recorded in the security audit trail as the
 * operating-system user who ran them. The audit key and the data key files are never in an archive.
 */
final class BackupCommands {

    private static final Logger LOG = LoggerFactory.getLogger(BackupCommands.class);

    private BackupCommands() {
    }

    /**
     * Backs the database up into a new file: online on PostgreSQL; on the embedded H2 database only while no server
     * has it open (a running server backs itself up: {@code POST /api/backups}).
     */
    static int backup(Settings settings) {
        Path archive = settings.archive().orElseThrow();
        if (Files.exists(archive)) {
            throw new SettingsException("the file " + archive + " exists already: a backup never replaces a file (--to)");
        }
        AuditKey key = Application.auditKey(settings, false);
        DatabaseSettings db = settings.database();
        Optional<Path> h2File = NewDatabaseFile.basePath(db.url()).map(base -> Path.of(base + ".mv.db"));
        if (h2File.isPresent() && !Files.exists(h2File.get())) {
            throw new StartupException(ExitCode.DATABASE, "there is no database at " + h2File.get() + " ("
                    + settings.databaseSource() + ")", null);
        }
        try (Database database = open(settings)) {
            PersistenceAdapters persistence = new PersistenceAdapters(database, key);
            Manifest manifest = DatabaseBackup.backUp(database, archive, operator(), Instant.now(),
                    settings.value(Settings.Key.PG_BIN));
            BackupSummary summary = BackupAdapter.summary(archive, manifest);
            record(settings, persistence, BackupService.BACKUP,
                    "备份数据库到" + summary.fileName() + "：" + summary.countsZh());
            CommandOutput.println("已备份到 " + archive + "：" + summary.countsZh() + "，审计记录链末条为第 "
                    + summary.auditLastId() + " 号。 / backed up to " + archive + ": " + summary.projects()
                    + " projects, " + summary.documents() + " documents, " + summary.accounts() + " accounts, "
                    + summary.auditRecords() + " audit records (last " + summary.auditLastId() + ")");
            return ExitCode.OK;
        } catch (BackupException e) {
            return failed("备份失败 / backup failed", e);
        } catch (IOException e) {
            throw new StartupException(ExitCode.BACKUP_FAILED, "cannot read the backup " + archive + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Restores an archive into an empty database (refused otherwise, nothing changed), migrates it when the archive is
     * of an older release, verifies the audit trail's chain with the key of the settings and prints the counts.
     */
    static int restore(Settings settings) {
        Path archive = settings.archive().orElseThrow();
        // the key is needed to check the restored chain: without it nothing is touched
        AuditKey key = Application.auditKey(settings, false);
        Manifest manifest;
        try {
            manifest = DatabaseBackup.restore(settings.database(), archive, settings.value(Settings.Key.PG_BIN));
        } catch (BackupException e) {
            return failed("恢复失败 / restore failed", e);
        }
        try (Database database = open(settings)) {
            AuditChain.Verdict verdict = PersistenceAdapters.verifyAuditTrail(database, key);
            // the archive's records: those linked into its chain, and those committed but not linked yet
            long archived = manifest.auditCount() + manifest.count("audit_pending");
            if (!verdict.intact() || verdict.checked() != archived) {
                CommandOutput.println("已恢复，但审计记录链未通过核验：" + verdict.reason() + "（已核验 " + verdict.checked()
                        + " 条，备份中有 " + archived + " 条）。请确认 EGOV_AUDIT_KEY_FILE 是备份时服务器所用的密钥。"
                        + " / restored, but the audit trail does NOT verify: " + verdict.reason() + " ("
                        + verdict.checked() + " checked, the archive holds " + archived + ")");
                LOG.error("restored audit trail does not verify: {}", verdict.reason());
                return ExitCode.AUDIT_CHAIN_BROKEN;
            }
            PersistenceAdapters persistence = new PersistenceAdapters(database, key);
            BackupSummary summary = BackupAdapter.summary(archive, manifest);
            record(settings, persistence, BackupService.RESTORE, "从" + summary.fileName() + "（" + manifest.createdAt()
                    + "的备份）恢复数据库：" + summary.countsZh());
            CommandOutput.println("已从 " + archive + " 恢复：" + summary.countsZh() + "；审计记录链完整：已核验 "
                    + verdict.checked() + " 条记录。 / restored from " + archive + ": " + summary.projects()
                    + " projects, " + summary.documents() + " documents, " + summary.accounts() + " accounts; audit "
                    + "trail intact: " + verdict.checked() + " records checked");
            return ExitCode.OK;
        } catch (IOException e) {
            throw new StartupException(ExitCode.BACKUP_FAILED, "cannot read the backup " + archive + ": "
                    + e.getMessage(), e);
        }
    }

    private static Database open(Settings settings) {
        try {
            return Database.open(settings.database());
        } catch (DatabaseStartupException e) {
            if (DatabaseBackup.inUse(e.getMessage())) {
                throw new StartupException(ExitCode.DATABASE, "the embedded database is in use by a running server: "
                        + "stop it first, or back up through POST /api/backups as the system administrator while it "
                        + "runs (" + settings.databaseSource() + ")", e);
            }
            throw new StartupException(ExitCode.DATABASE, e.getMessage() + " (" + settings.databaseSource() + ")", e);
        }
    }

    private static int failed(String what, BackupException e) {
        CommandOutput.println(what + "：" + e.messageZh() + " / " + e.getMessage());
        LOG.error("{}: {}", what, e.getMessage());
        return switch (e.kind()) {
            case DAMAGED, INCOMPATIBLE -> ExitCode.ARCHIVE_UNUSABLE;
            case NOT_EMPTY -> ExitCode.RESTORE_REFUSED;
            case IN_USE -> ExitCode.DATABASE;
            case FAILED -> ExitCode.BACKUP_FAILED;
        };
    }

    /** The operating-system user who runs the command, as the audit trail names them. */
    static String operator() {
        return "os:" + System.getProperty("user.name", "unknown");
    }

    /** Records the command, citing the article on the authorities' duties of the pack in force (Taicang Art. 4). */
    private static void record(Settings settings, PersistenceAdapters persistence, String action, String summary) {
        Instant now = Instant.now();
        String article = Application.policies(settings).inForceOn(now.atZone(ClockPort.ZONE).toLocalDate())
                .articleZh(Provision.AUTHORITIES);
        persistence.transactions().inTransaction(() -> {
            persistence.auditTrail().append(new AuditRecord(now, operator(), Role.ADMIN, "-", action,
                    article, null, null, null, "-", "command line", summary));
            return null;
        });
        try {
            persistence.auditSealer().sealNow(); // no sealer runs after this command: link the record now
        } catch (RuntimeException e) {
            // the record is committed with its own seal; the server's sealer links it at its next start
            LOG.warn("the command's audit record is not linked into the chain yet: {}", e.toString());
        }
    }
}
