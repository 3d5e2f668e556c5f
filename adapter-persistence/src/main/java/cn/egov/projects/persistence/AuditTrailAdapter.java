package cn.egov.projects.persistence;

import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.application.port.out.AuditTrailPort;
import cn.egov.projects.persistence.audit.AuditDao;
import cn.egov.projects.persistence.audit.AuditMapper;
import cn.egov.projects.persistence.mybatis.Sessions;

import java.util.List;
import java.util.Objects;

/**
 * The append-only audit trail in the {@code audit_record} table ({@link AuditTrailPort}). There is no code path that
 * updates or deletes a record; on PostgreSQL a trigger refuses both whoever asks. Instants are kept to the
 * microsecond.
 */
public final class AuditTrailAdapter implements AuditTrailPort {

    private final Sessions sessions;

    AuditTrailAdapter(Sessions sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public void append(AuditRecord record) {
        var row = AuditMapper.INSTANCE.toRow(Objects.requireNonNull(record, "record"));
        sessions.call(s -> {
            s.getMapper(AuditDao.class).insert(row);
            return null;
        });
    }

    @Override
    public List<AuditRecord> forProject(String projectId) {
        Objects.requireNonNull(projectId, "projectId");
        return sessions.call(s -> s.getMapper(AuditDao.class).forProject(projectId)).stream()
                .map(AuditMapper.INSTANCE::toRecord).toList();
    }
}
