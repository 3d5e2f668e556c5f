package cn.egov.projects.persistence.security;

import cn.egov.projects.application.port.out.ClearancePort;
import cn.egov.projects.persistence.mybatis.Sessions;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The clearances in {@code security_clearance}; a revocation also deletes the account's scope assignments. */
public final class ClearanceAdapter implements ClearancePort {

    private final Sessions sessions;

    public ClearanceAdapter(Sessions sessions) {
        this.sessions = java.util.Objects.requireNonNull(sessions, "sessions");
        var configuration = sessions.configuration();
        synchronized (configuration) {
            if (!configuration.hasMapper(ClearanceDao.class)) {
                configuration.addMapper(ClearanceDao.class);
            }
        }
    }

    private <T> T dao(Function<ClearanceDao, T> work) {
        return sessions.call(s -> work.apply(s.getMapper(ClearanceDao.class)));
    }

    private static Clearance clearance(ClearanceRow row) {
        return new Clearance(row.userId(), row.grantedAt(), row.grantedBy());
    }

    @Override
    public Optional<Clearance> clearanceOf(String userId) {
        return Optional.ofNullable(dao(d -> d.find(userId))).map(ClearanceAdapter::clearance);
    }

    @Override
    public List<Clearance> cleared() {
        return dao(ClearanceDao::all).stream().map(ClearanceAdapter::clearance).toList();
    }

    @Override
    public boolean grant(String userId, Instant at, String by) {
        return dao(d -> d.grant(userId, at, by)) == 1;
    }

    @Override
    public int revoke(String userId) {
        return dao(d -> d.revoke(userId) == 0 ? -1 : d.leaveScopes(userId));
    }
}
