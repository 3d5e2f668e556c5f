package cn.egov.projects.application.port.out;

import cn.egov.projects.application.view.BackupSummary;

/**
 * Backs the database up, consistently and while it serves, into a new archive in the configured backup directory
 * (等保 2.0 数据备份恢复).
 */
public interface BackupPort {

    /**
     * Makes the archive.
     *
     * @param createdBy who asked, written into the archive's manifest
     * @throws BackupFailedException when it cannot be made (nothing is left in the directory then)
     */
    BackupSummary backUp(String createdBy);

    /** A backup that could not be made, with the reason in Chinese. */
    final class BackupFailedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final String messageZh;

        public BackupFailedException(String messageZh, String messageEn, Throwable cause) {
            super(messageEn, cause);
            this.messageZh = messageZh;
        }

        public String messageZh() {
            return messageZh;
        }
    }
}
