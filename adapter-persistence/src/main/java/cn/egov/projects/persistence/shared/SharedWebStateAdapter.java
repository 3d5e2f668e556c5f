package cn.egov.projects.persistence.shared;

import cn.egov.projects.application.port.out.AccessRevisionLogPort;
import cn.egov.projects.application.port.out.SignInWindowsPort;
import cn.egov.projects.application.port.out.WebSessionPort;
import cn.egov.projects.persistence.mybatis.SqlErrors;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The web tier's shared state in the tables of V15, in plain JDBC on the database's pool (each call its own
 * connection and, where it writes more than one row, its own transaction; none takes part in a use case's
 * transaction): browser sessions ({@link WebSessionPort}), the access revision log ({@link AccessRevisionLogPort},
 * numbered under the row lock of {@code access_revision_counter}, so that numbers commit in order) and the sign-in
 * rate limits' counters ({@link SignInWindowsPort}, both keys' rows locked in one order, so that concurrent attempts
 * through any instance cannot all slip under a limit, and two cannot deadlock). The same SQL runs on H2 and
 * PostgreSQL: an upsert is an update, then an insert that gives way to a concurrent one (SQLSTATE 23505) by updating.
 */
public final class SharedWebStateAdapter implements WebSessionPort, AccessRevisionLogPort, SignInWindowsPort {

    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    /** The table the rate limits' windows are counted in: {@code sign_in_window}, or {@code export_window} (V25). */
    private final String windowTable;

    /** @param dataSource plain connections in autocommit mode ({@code Database.dataSource()}) */
    public SharedWebStateAdapter(DataSource dataSource) {
        this(dataSource, "sign_in_window");
    }

    private SharedWebStateAdapter(DataSource dataSource, String windowTable) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.windowTable = windowTable;
    }

    /** Counters of the export rate limits ({@code export_window}), used only as a {@link SignInWindowsPort}. */
    public static SharedWebStateAdapter exportWindows(DataSource dataSource) {
        return new SharedWebStateAdapter(dataSource, "export_window");
    }

    /** Work on one connection. */
    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T autocommit(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            return work.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("shared web state: " + SqlErrors.rootMessage(e), e);
        }
    }

    private <T> T transaction(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("shared web state: " + SqlErrors.rootMessage(e), e);
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static boolean uniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------------ sessions

    /**
     * The key a session is stored under: the SHA-256 of its id (the cookie's value), Base64url. Whoever reads the
     * table (a backup, an operator) cannot take over a session with what is in it; the cookie alone finds its row.
     */
    public static String storedKey(String sessionId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }

    @Override
    public Optional<StoredSession> load(String id, Instant now) {
        return autocommit(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT data, timeout_ms, last_accessed, expires_at, "
                    + "user_id, signed_in_at, ended_reason FROM web_session WHERE session_id = ? AND expires_at > ?")) {
                s.setString(1, storedKey(id));
                s.setObject(2, at(now));
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new StoredSession(id, rs.getString(1), rs.getLong(2), instant(rs, 3),
                            instant(rs, 4), rs.getString(5), instant(rs, 6), rs.getString(7)))
                            : Optional.empty();
                }
            }
        });
    }

    @Override
    public void save(StoredSession session) {
        autocommit(c -> {
            if (updateSession(c, session) == 0) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO web_session (session_id, data, "
                        + "timeout_ms, last_accessed, expires_at, user_id, signed_in_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    s.setString(1, storedKey(session.id()));
                    s.setString(2, session.data());
                    s.setLong(3, session.timeoutMillis());
                    s.setObject(4, at(session.lastAccessed()));
                    s.setObject(5, at(session.expiresAt()));
                    s.setString(6, session.userId());
                    s.setObject(7, session.signedInAt() == null ? null : at(session.signedInAt()));
                    s.executeUpdate();
                } catch (SQLException e) {
                    if (!uniqueViolation(e)) {
                        throw e;
                    }
                    // written meanwhile by a concurrent request of the same session: the last write wins
                    updateSession(c, session);
                }
            }
            return null;
        });
    }

    private static int updateSession(Connection c, StoredSession session) throws SQLException {
        // the session's owner is written, never its end: a request of an ended session still under way cannot
        // bring it back
        try (PreparedStatement s = c.prepareStatement("UPDATE web_session SET data = ?, timeout_ms = ?, "
                + "last_accessed = ?, expires_at = ?, user_id = ?, signed_in_at = ? WHERE session_id = ?")) {
            s.setString(1, session.data());
            s.setLong(2, session.timeoutMillis());
            s.setObject(3, at(session.lastAccessed()));
            s.setObject(4, at(session.expiresAt()));
            s.setString(5, session.userId());
            s.setObject(6, session.signedInAt() == null ? null : at(session.signedInAt()));
            s.setString(7, storedKey(session.id()));
            return s.executeUpdate();
        }
    }

    @Override
    public List<SignedInSession> signedInSessions(String userId, String currentId, Instant now) {
        String current = storedKey(currentId);
        return autocommit(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT session_id, signed_in_at FROM web_session "
                    + "WHERE user_id = ? AND ended_reason IS NULL AND expires_at > ?")) {
                s.setString(1, userId);
                s.setObject(2, at(now));
                try (ResultSet rs = s.executeQuery()) {
                    List<SignedInSession> sessions = new ArrayList<>();
                    while (rs.next()) {
                        sessions.add(new SignedInSession(rs.getString(1), instant(rs, 2),
                                current.equals(rs.getString(1))));
                    }
                    return sessions;
                }
            }
        });
    }

    @Override
    public void endSession(String key, String reason) {
        autocommit(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE web_session SET ended_reason = ? WHERE session_id = ?")) {
                s.setString(1, reason);
                s.setString(2, key);
                return s.executeUpdate();
            }
        });
    }

    @Override
    public void delete(String id) {
        autocommit(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM web_session WHERE session_id = ?")) {
                s.setString(1, storedKey(id));
                return s.executeUpdate();
            }
        });
    }

    @Override
    public int purgeExpired(Instant now) {
        return autocommit(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM web_session WHERE expires_at <= ?")) {
                s.setObject(1, at(now));
                return s.executeUpdate();
            }
        });
    }

    @Override
    public void deleteAll() {
        autocommit(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM web_session")) {
                return s.executeUpdate();
            }
        });
    }

    @Override
    public int count(Instant now) {
        return autocommit(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM web_session WHERE expires_at > ?")) {
                s.setObject(1, at(now));
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    // ------------------------------------------------------------------------------------------ access revisions

    @Override
    public long record(Kind kind, String subject, Instant at) {
        String code = code(kind);
        return transaction(c -> {
            // the counter's row lock, held until commit, orders the numbers' commits
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE access_revision_counter SET revision = revision + 1 WHERE id = 1")) {
                s.executeUpdate();
            }
            long revision;
            try (PreparedStatement s = c.prepareStatement("SELECT revision FROM access_revision_counter WHERE id = 1");
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                revision = rs.getLong(1);
            }
            int updated;
            try (PreparedStatement s = c.prepareStatement("UPDATE access_revision SET revision = ?, changed_at = ? "
                    + "WHERE kind = ? AND subject = ?")) {
                s.setLong(1, revision);
                s.setObject(2, at(at));
                s.setString(3, code);
                s.setString(4, subject);
                updated = s.executeUpdate();
            }
            if (updated == 0) {
                // no concurrent insert of the subject is possible: every writer holds the counter's lock
                try (PreparedStatement s = c.prepareStatement("INSERT INTO access_revision (kind, subject, revision, "
                        + "changed_at) VALUES (?, ?, ?, ?)")) {
                    s.setString(1, code);
                    s.setString(2, subject);
                    s.setLong(3, revision);
                    s.setObject(4, at(at));
                    s.executeUpdate();
                }
            }
            return revision;
        });
    }

    @Override
    public List<Change> since(long revision) {
        return autocommit(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT kind, subject, revision FROM access_revision "
                    + "WHERE revision > ? ORDER BY revision")) {
                s.setLong(1, revision);
                try (ResultSet rs = s.executeQuery()) {
                    List<Change> changes = new ArrayList<>();
                    while (rs.next()) {
                        changes.add(new Change("L".equals(rs.getString(1)) ? Kind.LOCK : Kind.ACCESS, rs.getString(2),
                                rs.getLong(3)));
                    }
                    return changes;
                }
            }
        });
    }

    @Override
    public int purgeLocksBefore(Instant before) {
        return autocommit(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM access_revision WHERE kind = 'L' AND changed_at < ?")) {
                s.setObject(1, at(before));
                return s.executeUpdate();
            }
        });
    }

    private static String code(Kind kind) {
        return kind == Kind.LOCK ? "L" : "A";
    }

    // ---------------------------------------------------------------------------------------- sign-in windows

    @Override
    public Taken take(String addressKey, int addressLimit, String usernameKey, int usernameLimit,
                      Instant windowStart) {
        ensureWindow(addressKey, windowStart);
        ensureWindow(usernameKey, windowStart);
        return transaction(c -> {
            // locked in one order (the address's key first), so that two attempts cannot deadlock
            int[] address = lockWindow(c, addressKey, windowStart);
            int[] username = lockWindow(c, usernameKey, windowStart);
            if (address[0] >= addressLimit) {
                return refuse(c, addressKey, windowStart, address, Outcome.ADDRESS_FULL);
            }
            if (username[0] >= usernameLimit) {
                return refuse(c, usernameKey, windowStart, username, Outcome.USERNAME_FULL);
            }
            count(c, addressKey, windowStart, 1);
            count(c, usernameKey, windowStart, 1);
            return new Taken(Outcome.TAKEN, false);
        });
    }

    private Taken refuse(Connection c, String key, Instant windowStart, int[] window, Outcome outcome)
            throws SQLException {
        boolean first = window[1] == 0;
        if (first) {
            try (PreparedStatement s = c.prepareStatement("UPDATE " + windowTable + " SET refusal_told = TRUE "
                    + "WHERE throttle_key = ? AND window_start = ?")) {
                s.setString(1, key);
                s.setObject(2, at(windowStart));
                s.executeUpdate();
            }
        }
        return new Taken(outcome, first);
    }

    /** Inserts the key's window with no attempts unless it is there (a concurrent insert wins). */
    private void ensureWindow(String key, Instant windowStart) {
        autocommit(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO " + windowTable + " (throttle_key, window_start, "
                    + "attempts, refusal_told) SELECT ?, ?, 0, FALSE WHERE NOT EXISTS (SELECT 1 FROM " + windowTable + " "
                    + "WHERE throttle_key = ? AND window_start = ?)")) {
                s.setString(1, key);
                s.setObject(2, at(windowStart));
                s.setString(3, key);
                s.setObject(4, at(windowStart));
                s.executeUpdate();
            } catch (SQLException e) {
                if (!uniqueViolation(e)) {
                    throw e;
                }
            }
            return null;
        });
    }

    /** The window's attempts and whether a refusal was told ({@code 1}), its row locked until commit. */
    private int[] lockWindow(Connection c, String key, Instant windowStart) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT attempts, refusal_told FROM " + windowTable + " "
                + "WHERE throttle_key = ? AND window_start = ? FOR UPDATE")) {
            s.setString(1, key);
            s.setObject(2, at(windowStart));
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    // purged between the insert and here: nothing counted yet
                    return new int[]{0, 0};
                }
                return new int[]{rs.getInt(1), rs.getBoolean(2) ? 1 : 0};
            }
        }
    }

    private void count(Connection c, String key, Instant windowStart, int delta) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE " + windowTable + " SET attempts = attempts + ? "
                + "WHERE throttle_key = ? AND window_start = ? AND attempts + ? >= 0")) {
            s.setInt(1, delta);
            s.setString(2, key);
            s.setObject(3, at(windowStart));
            s.setInt(4, delta);
            s.executeUpdate();
        }
    }

    @Override
    public void giveBack(String addressKey, String usernameKey, Instant windowStart) {
        transaction(c -> {
            count(c, addressKey, windowStart, -1);
            count(c, usernameKey, windowStart, -1);
            return null;
        });
    }

    @Override
    public int purgeBefore(Instant before) {
        return autocommit(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM " + windowTable + " WHERE window_start < ?")) {
                s.setObject(1, at(before));
                return s.executeUpdate();
            }
        });
    }
}
