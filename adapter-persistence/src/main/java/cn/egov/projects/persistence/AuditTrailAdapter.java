package cn.egov.projects.persistence;

import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.application.port.out.AuditTrailPort;
import cn.egov.projects.persistence.audit.AuditChain;
import cn.egov.projects.persistence.audit.AuditDao;
import cn.egov.projects.persistence.audit.AuditSealer;
import cn.egov.projects.persistence.audit.AuditRow;
import cn.egov.projects.persistence.audit.AuditMapper;
import cn.egov.projects.persistence.mybatis.Sessions;
import cn.egov.projects.persistence.mybatis.SqlErrors;

import org.apache.ibatis.exceptions.PersistenceException;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * The append-only audit trail in the {@code audit_record} table ({@link AuditTrailPort}), each record sealed into the
 * {@link AuditChain}: sealed as it is written, linked by the {@link AuditSealer} once committed. There is no code path that updates or deletes a record; on PostgreSQL a
 * trigger refuses both whoever asks. Instants are kept to the microsecond.
 */
public final class AuditTrailAdapter implements AuditTrailPort {

    private static final String INSERT = "INSERT INTO audit_record (at, user_id, role, unit, action, article, "
            + "project_id, from_state, to_state, request_id, source_address, summary) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Sessions sessions;
    private final AuditChain chain;
    private final AuditSealer sealer;

    AuditTrailAdapter(Sessions sessions, AuditChain chain, AuditSealer sealer) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.chain = Objects.requireNonNull(chain, "chain");
        this.sealer = Objects.requireNonNull(sealer, "sealer");
    }

    /**
     * Appends the record with its own seal in the caller's transaction, locking nothing; once committed, the sealer
     * links it into the chain.
     */
    @Override
    public void append(AuditRecord record) {
        var row = AuditMapper.INSTANCE.toRow(Objects.requireNonNull(record, "record"));
        long id = sessions.call(s -> {
            try {
                return chain.append(s.getConnection(), new Insert(row));
            } catch (SQLException e) {
                throw new PersistenceException("cannot append to the audit trail: " + SqlErrors.rootMessage(e), e);
            }
        });
        // the security events log tells of what the trail holds: once committed, never of a rolled-back record
        sessions.afterCommit(() -> {
            sealer.nudge();
            SecurityEventsLog.written(id, record);
        });
    }

    /** The record's insert: the chain runs it and seals the row it returns. */
    private record Insert(AuditRow row) implements AuditChain.Insert {

        @Override
        public String sql() {
            return INSERT;
        }

        @Override
        public void bind(PreparedStatement ps) throws SQLException {
            ps.setObject(1, OffsetDateTime.ofInstant(row.at().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
            ps.setString(2, row.userId());
            ps.setString(3, row.role() == null ? null : row.role().name());
            ps.setString(4, row.unit());
            ps.setString(5, row.action());
            ps.setString(6, row.article());
            ps.setString(7, row.projectId());
            ps.setString(8, row.fromState() == null ? null : row.fromState().name());
            ps.setString(9, row.toState() == null ? null : row.toState().name());
            ps.setString(10, row.requestId());
            ps.setString(11, row.sourceAddress());
            ps.setString(12, row.summary());
        }
    }

    @Override
    public List<AuditRecord> forProject(String projectId) {
        Objects.requireNonNull(projectId, "projectId");
        return sessions.call(s -> s.getMapper(AuditDao.class).forProject(projectId)).stream()
                .map(AuditMapper.INSTANCE::toRecord).toList();
    }
}
