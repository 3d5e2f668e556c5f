package cn.egov.projects.application.view;

import java.time.Instant;

/**
 * A backup made: its file (a name in the configured backup directory, never a path from a request), its size, when it
 * was made, what it holds and the audit chain's head it ends with.
 */
public record BackupSummary(String fileName, long bytes, Instant createdAt, String schemaVersion, long projects,
                            long documents, long accounts, long auditRecords, long auditLastId) {

    /** What it holds, for the audit trail and the operator: 项目N个、文档N个、账号N个、审计记录N条. */
    public String countsZh() {
        return "项目" + projects + "个、文档" + documents + "个、账号" + accounts + "个、审计记录" + auditRecords + "条";
    }
}
