package cn.egov.projects.persistence;

import cn.egov.projects.application.port.out.PasswordStatePort;
import cn.egov.projects.persistence.account.PasswordStateDao;
import cn.egov.projects.persistence.mybatis.Sessions;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The password policy's state in the columns V25 added to {@code account} and in {@code password_history}
 * ({@link PasswordStatePort}); in the caller's transaction when there is one.
 */
public final class PasswordStateAdapter implements PasswordStatePort {

    private final Sessions sessions;

    PasswordStateAdapter(Sessions sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public Optional<PasswordState> state(String userId) {
        return sessions.call(s -> Optional.ofNullable(s.getMapper(PasswordStateDao.class).find(userId))
                .map(r -> new PasswordState(r.passwordChangedAt(), r.passwordMustChange(), r.lastSignInAt(),
                        r.lastActiveAt(), r.disabledReason())));
    }

    @Override
    public void passwordSet(String userId, String passwordHash, Instant at, boolean mustChange) {
        sessions.call(s -> {
            PasswordStateDao dao = s.getMapper(PasswordStateDao.class);
            if (dao.setPassword(userId, passwordHash, at, mustChange) == 0) {
                throw new IllegalStateException("no account " + userId);
            }
            return dao.insertHistory(userId, passwordHash, at);
        });
    }

    @Override
    public List<String> recentHashes(String userId, int count) {
        return sessions.call(s -> s.getMapper(PasswordStateDao.class).recentHashes(userId, count));
    }

    @Override
    public void signedIn(String userId, Instant at) {
        sessions.call(s -> s.getMapper(PasswordStateDao.class).signedIn(userId, at));
    }

    @Override
    public void activated(String userId, Instant at) {
        sessions.call(s -> s.getMapper(PasswordStateDao.class).activated(userId, at));
    }

    @Override
    public List<String> inactiveSince(Instant cutoff) {
        return sessions.call(s -> s.getMapper(PasswordStateDao.class).inactiveSince(cutoff));
    }

    @Override
    public boolean disableDormant(String userId, Instant cutoff) {
        return sessions.call(s -> s.getMapper(PasswordStateDao.class).disableDormant(userId, cutoff)) == 1;
    }
}
