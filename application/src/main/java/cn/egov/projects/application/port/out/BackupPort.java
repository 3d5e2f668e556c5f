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
        private final boolean busy;

        public BackupFailedException(String messageZh, String messageEn, Throwable cause) {
            this(messageZh, messageEn, cause, false);
        }

        private BackupFailedException(String messageZh, String messageEn, Throwable cause, boolean busy) {
            super(messageEn, cause);
            this.messageZh = messageZh;
            this.busy = busy;
        }

        /** Another backup is being made: nothing failed, the caller may ask again later. */
        public static BackupFailedException anotherUnderWay() {
            return new BackupFailedException("另一次备份正在进行，请稍后再试", "another backup is under way", null, true);
        }

        public String messageZh() {
            return messageZh;
        }

        /** Whether it was refused only because another backup is being made. */
        public boolean busy() {
            return busy;
        }
    }
}
