package cn.egov.projects.application.service;

import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.rule.Provision;
import cn.egov.projects.application.error.ForbiddenException;
import cn.egov.projects.application.port.in.BackupUseCase;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.application.port.out.BackupPort;
import cn.egov.projects.application.view.BackupSummary;
import cn.egov.projects.domain.access.Actor;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.rule.RuleCode;

import java.util.Objects;

/**
 * Backups made by the system administrator while the application serves (GB/T 22239-2019 §8.1.5.1: 系统管理员 …
 * 数据和设备的备份与恢复); each one is an administrative action in the security audit trail: who, from where, which
 * file, what it holds.
 */
public final class BackupService implements BackupUseCase {

    /** The action name of a backup in the audit trail. */
    public static final String BACKUP = "BACKUP";
    /** The action name of a restore in the audit trail (written by the {@code restore} command). */
    public static final String RESTORE = "RESTORE";

    private final Ports ports;
    private final BackupPort backups;

    public BackupService(Ports ports, BackupPort backups) {
        this.ports = Objects.requireNonNull(ports, "ports");
        this.backups = Objects.requireNonNull(backups, "backups");
    }

    @Override
    public BackupSummary backUp(Caller caller) {
        Actor actor = caller.actor();
        PolicyPack pack = ports.policies().policies().inForceOn(ports.clock().today());
        if (actor.role() != Role.ADMIN) {
            throw new ForbiddenException(pack.refusal(RuleCode.ART4_ROLE, "数据库备份由系统管理员进行"));
        }
        BackupSummary summary = backups.backUp(actor.userId());
        ports.tx().inTransaction(() -> {
            ports.audit().append(new AuditRecord(ports.clock().now(), actor.userId(), actor.role(),
                    actor.unit().code(), BACKUP, pack.articleZh(Provision.AUTHORITIES), null, null, null, caller.requestId(),
                    caller.sourceAddress(), "备份数据库到" + summary.fileName() + "：" + summary.countsZh()));
            return null;
        });
        return summary;
    }
}
