package cn.egov.projects.application.port.in;

import cn.egov.projects.application.view.BackupSummary;

/**
 * The system administrator (系统管理员) backs the database up while the application serves; the backup is recorded in
 * the security audit trail.
 */
public interface BackupUseCase {

    BackupSummary backUp(Caller caller);
}
