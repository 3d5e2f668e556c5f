package cn.egov.projects.notify;

import cn.egov.projects.application.port.out.LedgerRecipientsPort;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The reminder ledger in the {@code reminder} and {@code reminder_dead_letter} tables (Flyway V6, V13, V27) and the
 * record of daily passes in {@code reminder_pass} (V13), over JDBC. Inside a use case's transaction the
 * transaction-aware data source hands out that transaction's connection, so what is written here commits or rolls
 * back with the change that made the reminders due.
 *
 * <p>No recipient is stored in plaintext ({@link LedgerRecipientsPort}): the unique key and the message key hold the
 * recipient's blind index ({@code recipient_index}), the {@code recipient} columns its SM4-GCM ciphertext, decrypted
 * here when a message is sent or a dead letter shown.
 */
final class ReminderLedger {

    /**
     * One row to insert: a planned reminder on one channel, to one address (normalised), known by its blind index,
     * in one message.
     */
    record Row(PlannedReminder planned, Channel channel, String recipient, String index, DigestKey key) {
    }

    /** How a day's pass was done. */
    enum Outcome {
        /** On its day. */
        ON_TIME,
        /** Made up after downtime: its reminders went out late. */
        LATE,
        /** Missed in downtime longer ago than the catch-up window: its reminders were not made up. */
        SKIPPED
    }

    /** A day's pass done: how, and how many reminders it planned. */
    record Pass(LocalDate day, Outcome outcome, long reminders) {
    }

    /** Pending: neither sent, cancelled (nor superseded) nor given up. */
    private static final String PENDING = "sent_at IS NULL AND cancelled_at IS NULL AND dead_letter_id IS NULL";
    /** Settled: sent, cancelled (or superseded) or given up; the ledger may forget it once old enough. */
    private static final String SETTLED = "(sent_at IS NOT NULL OR cancelled_at IS NOT NULL OR dead_letter_id IS NOT NULL)";

    private static final String COLUMNS = "id, deadline_id, offset_days, recipient, channel, remind_on, audience, "
            + "recipient_name, project_id, project_name, classified, kind, due_date, article, late, recipient_index, "
            + "unit_name";

    private static final int REKEY_PAGE = 1_000;

    private final DataSource dataSource;
    private final LedgerRecipientsPort recipients;

    ReminderLedger(DataSource dataSource, LedgerRecipientsPort recipients) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.recipients = Objects.requireNonNull(recipients, "recipients");
    }

    /** Inserts the rows whose unique key is new; returns for each row whether it was inserted. */
    boolean[] insert(List<Row> rows, Instant at) {
        return insert(rows, at, false);
    }

    /**
     * Inserts the rows whose unique key is new, marked late when they are made up after downtime; returns for each
     * row whether it was inserted.
     */
    boolean[] insert(List<Row> rows, Instant at, boolean late) {
        boolean[] inserted = new boolean[rows.size()];
        if (rows.isEmpty()) {
            return inserted;
        }
        String sql = "INSERT INTO reminder (deadline_id, offset_days, recipient, channel, digest_key, remind_on, "
                + "audience, recipient_name, project_id, project_name, classified, kind, due_date, article, planned_at, "
                + "late, recipient_index, unit_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            OffsetDateTime now = utc(at);
            for (Row row : rows) {
                PlannedReminder p = row.planned();
                ps.setObject(1, p.deadlineId());
                ps.setInt(2, p.reminder().offsetDays());
                ps.setString(3, recipients.sealReminder(p.deadlineId(), p.reminder().offsetDays(),
                        row.channel().name(), row.index(), row.recipient()));
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
                ps.setBoolean(16, late);
                ps.setString(17, row.index());
                ps.setString(18, p.classified() ? null : cut(p.unitName(), 100));
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
                    UUID deadline = rs.getObject(2, UUID.class);
                    String recipient = recipients.openReminder(deadline, rs.getInt(3), rs.getString(5),
                            rs.getString(16), rs.getString(4));
                    items.add(new LedgerItem(rs.getLong(1), deadline, rs.getInt(3), recipient,
                            Channel.valueOf(rs.getString(5)), rs.getObject(6, LocalDate.class),
                            Audience.valueOf(rs.getString(7)), rs.getString(8), rs.getObject(9, UUID.class),
                            rs.getString(10), rs.getBoolean(11), DeadlineKind.valueOf(rs.getString(12)),
                            rs.getObject(13, LocalDate.class), rs.getString(14), rs.getBoolean(15),
                            rs.getString(17)));
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

    // ------------------------------------------------------------------------------------------------ downtime

    /** The last day whose daily pass is done (on time, made up or skipped); empty before the first pass. */
    Optional<LocalDate> lastPass() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT MAX(pass_day) FROM reminder_pass")) {
            rs.next();
            return Optional.ofNullable(rs.getObject(1, LocalDate.class));
        } catch (SQLException e) {
            throw new LedgerException("cannot read the last reminder pass", e);
        }
    }

    /** Records passes done, together; a day already recorded keeps its record. */
    void recordPasses(List<Pass> passes, Instant at) {
        if (passes.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO reminder_pass (pass_day, outcome, reminders, completed_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING";
        inLocalTransaction("cannot record reminder passes", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (Pass pass : passes) {
                    ps.setObject(1, pass.day());
                    ps.setString(2, pass.outcome().name());
                    ps.setLong(3, pass.reminders());
                    ps.setObject(4, utc(at));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** The passes recorded from {@code from} on, by day (for tests and tools). */
    List<Pass> passes(LocalDate from) {
        String sql = "SELECT pass_day, outcome, reminders FROM reminder_pass WHERE pass_day >= ? ORDER BY pass_day";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, from);
            List<Pass> passes = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    passes.add(new Pass(rs.getObject(1, LocalDate.class), Outcome.valueOf(rs.getString(2)),
                            rs.getLong(3)));
                }
            }
            return passes;
        } catch (SQLException e) {
            throw new LedgerException("cannot read reminder passes", e);
        }
    }

    /**
     * Supersedes the pending reminders of the days {@code from..to} for which the same deadline has a later reminder
     * for the same audience, recipient and channel, up to {@code upTo}: they are cancelled, never sent.
     *
     * @return how many
     */
    int supersede(LocalDate from, LocalDate to, LocalDate upTo, Instant at) {
        String sql = "UPDATE reminder SET cancelled_at = ?, superseded = TRUE WHERE remind_on BETWEEN ? AND ? AND "
                + PENDING + " AND EXISTS (SELECT 1 FROM reminder later WHERE later.deadline_id = reminder.deadline_id "
                + "AND later.audience = reminder.audience AND later.recipient_index = reminder.recipient_index "
                + "AND later.channel = reminder.channel AND later.remind_on > reminder.remind_on "
                + "AND later.remind_on <= ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, utc(at));
            ps.setObject(2, from);
            ps.setObject(3, to);
            ps.setObject(4, upTo);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new LedgerException("cannot supersede reminders", e);
        }
    }

    /**
     * Marks the pending reminders of the days {@code from..to} late and moves them into the messages {@code rekey}
     * names (today's); returns those messages.
     */
    Set<String> rekeyLate(LocalDate from, LocalDate to, UnaryOperator<String> rekey) {
        String select = "SELECT id, digest_key, late FROM reminder WHERE remind_on BETWEEN ? AND ? AND " + PENDING
                + " AND id > ? ORDER BY id FETCH FIRST " + REKEY_PAGE + " ROWS ONLY";
        String update = "UPDATE reminder SET digest_key = ?, late = TRUE WHERE id = ? AND " + PENDING;
        Set<String> keys = new LinkedHashSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement read = c.prepareStatement(select);
             PreparedStatement write = c.prepareStatement(update)) {
            long after = 0;
            while (true) {
                read.setObject(1, from);
                read.setObject(2, to);
                read.setLong(3, after);
                int rows = 0;
                int writes = 0;
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        after = rs.getLong(1);
                        String key = rs.getString(2);
                        String moved = rekey.apply(key);
                        keys.add(moved);
                        if (!moved.equals(key) || !rs.getBoolean(3)) {
                            write.setString(1, moved);
                            write.setLong(2, after);
                            write.addBatch();
                            writes++;
                        }
                    }
                }
                if (writes > 0) {
                    write.executeBatch();
                }
                if (rows < REKEY_PAGE) {
                    return keys;
                }
            }
        } catch (SQLException e) {
            throw new LedgerException("cannot move late reminders", e);
        }
    }

    /** Marks the pending reminders of a message late (its execution was missed in downtime); returns how many. */
    int markLate(String key) {
        String sql = "UPDATE reminder SET late = TRUE WHERE digest_key = ? AND late = FALSE AND " + PENDING;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new LedgerException("cannot mark reminders late", e);
        }
    }

    // ------------------------------------------------------------------------------------------------ retention

    /**
     * Forgets up to {@code limit} settled reminders (sent, cancelled, superseded or given up) of days before
     * {@code before}; pending ones are kept whatever their age. Returns how many.
     */
    int pruneSettled(LocalDate before, int limit) {
        String sql = "DELETE FROM reminder WHERE id IN (SELECT id FROM reminder WHERE remind_on < ? AND " + SETTLED
                + " ORDER BY remind_on, id FETCH FIRST " + limit + " ROWS ONLY)";
        return prune(sql, before, "reminders");
    }

    /** Forgets up to {@code limit} dead letters of days before {@code before}; returns how many. */
    int pruneDeadLetters(LocalDate before, int limit) {
        String sql = "DELETE FROM reminder_dead_letter WHERE id IN (SELECT id FROM reminder_dead_letter "
                + "WHERE remind_on < ? ORDER BY remind_on, id FETCH FIRST " + limit + " ROWS ONLY)";
        return prune(sql, before, "dead letters");
    }

    /** Forgets the records of passes before {@code before}, never the last one (where the next pass resumes). */
    int prunePasses(LocalDate before) {
        String sql = "DELETE FROM reminder_pass WHERE pass_day < ? "
                + "AND pass_day < (SELECT MAX(pass_day) FROM reminder_pass)";
        return prune(sql, before, "reminder passes");
    }

    private int prune(String sql, LocalDate before, String what) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, before);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new LedgerException("cannot prune old " + what, e);
        }
    }

    /** Work on one connection that commits or rolls back as a whole. */
    private interface LocalWork<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs the work in a transaction of its own — or, inside a use case's transaction (whose connection the
     * transaction-aware data source hands out, ignoring commit and rollback), as part of that one.
     */
    private <T> T inLocalTransaction(String failure, LocalWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new LedgerException(failure, e);
        }
    }

    // ------------------------------------------------------------------------------------------------ dead letters

    /**
     * The address a message goes to, from the newest of its reminders (whatever their state); empty when the ledger
     * has none left.
     */
    Optional<String> recipient(DigestKey key) {
        String sql = "SELECT deadline_id, offset_days, channel, recipient_index, recipient FROM reminder "
                + "WHERE digest_key = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key.encode());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(recipients.openReminder(rs.getObject(1, UUID.class), rs.getInt(2),
                        rs.getString(3), rs.getString(4), rs.getString(5)));
            }
        } catch (SQLException e) {
            throw new LedgerException("cannot read a message's recipient", e);
        }
    }

    /**
     * Gives a message to {@code recipient} up: a dead letter with the last error (and the address encrypted), its
     * pending reminders parked under it.
     */
    long deadLetter(DigestKey key, String recipient, int attempts, String error, Instant at) {
        return inLocalTransaction("cannot record a dead letter", c -> {
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
                ps.setString(3, recipients.sealDeadLetter(key.encode(), recipient));
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
            return id;
        });
    }

    List<DeadLetter> deadLetters(int limit) {
        String sql = "SELECT id, channel, recipient, remind_on, reminders, attempts, last_error, failed_at, retried_at, "
                + "retried_by, digest_key FROM reminder_dead_letter ORDER BY failed_at DESC, id DESC FETCH FIRST " + limit
                + " ROWS ONLY";
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            List<DeadLetter> letters = new ArrayList<>();
            while (rs.next()) {
                OffsetDateTime retried = rs.getObject(9, OffsetDateTime.class);
                letters.add(new DeadLetter(rs.getLong(1), rs.getString(2),
                        recipients.openDeadLetter(rs.getString(11), rs.getString(3)),
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
