package cn.egov.projects.notify;

import cn.egov.projects.application.view.DeadLetter;
import cn.egov.projects.application.view.PlannedReminder;
import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.reminder.Audience;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The reminder ledger in the {@code reminder} and {@code reminder_dead_letter} tables (Flyway V6), over JDBC. Inside a
 * use case's transaction the transaction-aware data source hands out that transaction's connection, so what is
 * written here commits or rolls back with the change that made the reminders due.
 */
final class ReminderLedger {

    /** One row to insert: a planned reminder on one channel, to one address, in one message. */
    record Row(PlannedReminder planned, Channel channel, String recipient, DigestKey key) {
    }

    private static final String COLUMNS = "id, deadline_id, offset_days, recipient, channel, remind_on, audience, "
            + "recipient_name, project_id, project_name, classified, kind, due_date, article, late";

    private final DataSource dataSource;

    ReminderLedger(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Inserts the rows whose unique key is new; returns for each row whether it was inserted. */
    boolean[] insert(List<Row> rows, Instant at) {
        boolean[] inserted = new boolean[rows.size()];
        if (rows.isEmpty()) {
            return inserted;
        }
        String sql = "INSERT INTO reminder (deadline_id, offset_days, recipient, channel, digest_key, remind_on, "
                + "audience, recipient_name, project_id, project_name, classified, kind, due_date, article, planned_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            OffsetDateTime now = utc(at);
            for (Row row : rows) {
                PlannedReminder p = row.planned();
                ps.setObject(1, p.deadlineId());
                ps.setInt(2, p.reminder().offsetDays());
                ps.setString(3, row.recipient());
                ps.setString(4, row.channel().name());
                ps.setString(5, row.key().encode());
                ps.setObject(6, p.day());
                ps.setString(7, p.reminder().audience().name());
                ps.setString(8, cut(p.recipient().name(), 100));
                ps.setObject(9, p.projectId().value());
                ps.setString(10, p.classified() ? null : cut(p.projectName(), 200));
                ps.setBoolean(11, p.classified());
                ps.setString(12, p.kind().name());
                ps.setObject(13, p.due());
                ps.setString(14, p.article());
                ps.setObject(15, now);
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                // SUCCESS_NO_INFO (-2) is counted as inserted: scheduling a message twice is harmless
                inserted[i] = counts[i] != 0;
            }
            return inserted;
        } catch (SQLException e) {
            throw new LedgerException("cannot record reminders", e);
        }
    }

    /** The reminders of a message still to send: neither sent, cancelled nor given up. */
    List<LedgerItem> pending(String key) {
        String sql = "SELECT " + COLUMNS + " FROM reminder WHERE digest_key = ? AND sent_at IS NULL "
                + "AND cancelled_at IS NULL AND dead_letter_id IS NULL ORDER BY due_date, id";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            List<LedgerItem> items = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(new LedgerItem(rs.getLong(1), rs.getObject(2, UUID.class), rs.getInt(3), rs.getString(4),
                            Channel.valueOf(rs.getString(5)), rs.getObject(6, LocalDate.class),
                            Audience.valueOf(rs.getString(7)), rs.getString(8), rs.getObject(9, UUID.class),
                            rs.getString(10), rs.getBoolean(11), DeadlineKind.valueOf(rs.getString(12)),
                            rs.getObject(13, LocalDate.class), rs.getString(14), rs.getBoolean(15)));
                }
            }
            return items;
        } catch (SQLException e) {
            throw new LedgerException("cannot read pending reminders", e);
        }
    }

    /** Records reminders sent; returns how many were still unsent. */
    int markSent(List<Long> ids, Instant at) {
        if (ids.isEmpty()) {
            return 0;
        }
        String sql = "UPDATE reminder SET sent_at = ? WHERE id IN (" + placeholders(ids.size())
                + ") AND sent_at IS NULL";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, utc(at));
            for (int i = 0; i < ids.size(); i++) {
                ps.setLong(i + 2, ids.get(i));
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new LedgerException("cannot record reminders as sent", e);
        }
    }

    /** Cancels what is not sent yet of deadlines met, waived or terminated. */
    void cancel(List<UUID> deadlineIds, Instant at) {
        if (deadlineIds.isEmpty()) {
            return;
        }
        String sql = "UPDATE reminder SET cancelled_at = ? WHERE deadline_id = ? AND sent_at IS NULL "
                + "AND cancelled_at IS NULL";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (UUID id : deadlineIds) {
                ps.setObject(1, utc(at));
                ps.setObject(2, id);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new LedgerException("cannot cancel reminders", e);
        }
    }

    /** The messages with reminders of the days {@code from..upTo} still to send (for the sweep). */
    List<String> pendingKeys(LocalDate from, LocalDate upTo, int limit) {
        String sql = "SELECT DISTINCT digest_key FROM reminder WHERE remind_on BETWEEN ? AND ? AND sent_at IS NULL "
                + "AND cancelled_at IS NULL AND dead_letter_id IS NULL ORDER BY digest_key FETCH FIRST " + limit
                + " ROWS ONLY";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, from);
            ps.setObject(2, upTo);
            List<String> keys = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
            return keys;
        } catch (SQLException e) {
            throw new LedgerException("cannot read pending messages", e);
        }
    }

    /** Gives a message up: a dead letter with the last error, its pending reminders parked under it. */
    long deadLetter(DigestKey key, int attempts, String error, Instant at) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                long id;
                int count;
                try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM reminder WHERE digest_key = ? "
                        + "AND sent_at IS NULL AND cancelled_at IS NULL AND dead_letter_id IS NULL")) {
                    ps.setString(1, key.encode());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        count = rs.getInt(1);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO reminder_dead_letter (digest_key, channel, "
                        + "recipient, remind_on, reminders, attempts, last_error, failed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        new String[]{"id"})) {
                    ps.setString(1, key.encode());
                    ps.setString(2, key.channel().name());
                    ps.setString(3, key.recipient());
                    ps.setObject(4, key.day());
                    ps.setInt(5, count);
                    ps.setInt(6, attempts);
                    ps.setString(7, cut(error, 1000));
                    ps.setObject(8, utc(at));
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE reminder SET dead_letter_id = ? WHERE "
                        + "digest_key = ? AND sent_at IS NULL AND cancelled_at IS NULL AND dead_letter_id IS NULL")) {
                    ps.setLong(1, id);
                    ps.setString(2, key.encode());
                    ps.executeUpdate();
                }
                c.commit();
                return id;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new LedgerException("cannot record a dead letter", e);
        }
    }

    List<DeadLetter> deadLetters(int limit) {
        String sql = "SELECT id, channel, recipient, remind_on, reminders, attempts, last_error, failed_at, retried_at, "
                + "retried_by FROM reminder_dead_letter ORDER BY failed_at DESC, id DESC FETCH FIRST " + limit
                + " ROWS ONLY";
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            List<DeadLetter> letters = new ArrayList<>();
            while (rs.next()) {
                OffsetDateTime retried = rs.getObject(9, OffsetDateTime.class);
                letters.add(new DeadLetter(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getInt(5), rs.getInt(6), rs.getString(7),
                        rs.getObject(8, OffsetDateTime.class).toInstant(),
                        retried == null ? null : retried.toInstant(), rs.getString(10)));
            }
            return Collections.unmodifiableList(letters);
        } catch (SQLException e) {
            throw new LedgerException("cannot read dead letters", e);
        }
    }

    /**
     * Takes a dead letter back: marks it retried and returns its reminders to the pending ones.
     *
     * @return the message's key, or empty when there is no such dead letter waiting
     */
    Optional<DigestKey> retry(long id, String by, Instant at) {
        try (Connection c = dataSource.getConnection()) {
            String key;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT digest_key FROM reminder_dead_letter WHERE id = ? AND retried_at IS NULL")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    key = rs.getString(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE reminder_dead_letter SET retried_at = ?, "
                    + "retried_by = ? WHERE id = ? AND retried_at IS NULL")) {
                ps.setObject(1, utc(at));
                ps.setString(2, cut(by, 100));
                ps.setLong(3, id);
                if (ps.executeUpdate() != 1) {
                    return Optional.empty();
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE reminder SET dead_letter_id = NULL WHERE dead_letter_id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            return Optional.of(DigestKey.parse(key));
        } catch (SQLException e) {
            throw new LedgerException("cannot retry a dead letter", e);
        }
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** The ledger's database refused. */
    static final class LedgerException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LedgerException(String message, Throwable cause) {
            super(message + ": " + cause.getMessage(), cause);
        }
    }
}
