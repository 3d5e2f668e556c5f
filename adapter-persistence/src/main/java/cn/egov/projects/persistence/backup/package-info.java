/**
 * Backups of the database (等保 2.0 §8.1.4.11 数据备份恢复): the archive format shared by the {@code backup} command and
 * the server's {@code POST /api/backups} — the data, a manifest of what it holds (schema version, time, row counts,
 * the audit chain's head) and SM3 digests that let a restore detect a damaged archive — and the PostgreSQL client
 * tools that write and read the data of a PostgreSQL database.
 */
package cn.egov.projects.persistence.backup;
