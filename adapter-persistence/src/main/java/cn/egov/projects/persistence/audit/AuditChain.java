package cn.egov.projects.persistence.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The audit trail as a chain that cannot be rewritten unseen (等保 2.0 §8.1.4.3 安全审计, GB/T 39786 数据完整性):
 * record <i>n</i>'s seal is HMAC-SM3, under the {@link AuditKey}, of the seal of record <i>n−1</i> and record <i>n</i>
 * itself (every column, its identity included); the head row {@code audit_chain} holds the last record's number and
 * seal and how many records there are, sealed too. Whoever changes, deletes, inserts or reorders records behind the
 * application's back, without the key, breaks the chain at the first record touched — or at the head when records
 * are removed from the end — and {@link #verify} names it.
 *
 * <p>Every append locks the head row first, in the transaction that writes the record, so that the records of every
 * instance join the chain one at a time in the order of their numbers.
 */
public final class AuditChain {

    private static final String COLUMNS = "r.id, r.at, r.user_id, r.role, r.unit, r.action, r.article, r.project_id, "
            + "r.from_state, r.to_state, r.request_id, r.source_address, r.summary";

    private final AuditKey key;

    public AuditChain(AuditKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    /** The head as stored. */
    private record Head(long legacyUpto, long lastId, long count, String lastSeal, String headSeal) {
    }

    /**
     * The columns of a record in the order the seal covers them ({@link #canonical}): the insert returns these of
     * the row it wrote ({@code INSERT … RETURNING}), so that the seal covers the record as stored without reading
     * it back.
     */
    static final String[] RECORD_COLUMNS = {"id", "at", "user_id", "role", "unit", "action", "article",
            "project_id", "from_state", "to_state", "request_id", "source_address", "summary"};

    /** A record as written: its number and its {@link #canonical} form, read from the row the database stored. */
    private record Written(long id, String canonical) {

        /** The record on the current row of {@code rs}, whose columns are {@link #RECORD_COLUMNS} in order. */
        static Written of(ResultSet rs) throws SQLException {
            if (!rs.next()) {
                throw new SQLException("the database returned no number for the audit record");
            }
            return new Written(rs.getLong(1), AuditChain.canonical(rs));
        }
    }

    /**
     * The insert of one record into {@code audit_record}, run while the head is locked: its SQL ({@code INSERT …
     * VALUES (?, …)}, without {@code RETURNING}) and what sets its parameters, the first at index 1.
     */
    public interface Insert {
        String sql();

        void bind(PreparedStatement ps) throws SQLException;
    }

    private static final String LOCK_HEAD = "SELECT legacy_upto, last_id, record_count, last_seal, head_seal "
            + "FROM audit_chain WHERE id = 1 FOR UPDATE";

    /**
     * Appends a record to the chain in the caller's transaction: locks the head, writes the record with {@code
     * insert}, and seals it — after the records written before the chain existed, the first time. Nothing else is
     * sealed: a record someone inserted behind the application's back stays without a seal, and {@link #verify}
     * names it.
     *
     * <p>On PostgreSQL the lock and the insert are one prepared statement of two, and the seal and the head's move
     * another: the driver sends the statements of each together and waits once, and they run in their order, so the
     * head is locked before the record takes its number. Elsewhere each is its own statement.
     *
     * @return the new record's number
     */
    public long append(Connection c, Insert insert) throws SQLException {
        Head head;
        Written own;
        if (isPostgreSql(c)) {
            try (PreparedStatement ps = c.prepareStatement(LOCK_HEAD + "; " + insert.sql() + " RETURNING "
                    + String.join(", ", RECORD_COLUMNS))) {
                insert.bind(ps);
                if (!ps.execute()) {
                    throw new SQLException("the audit chain's head was not read");
                }
                try (ResultSet rs = ps.getResultSet()) {
                    head = head(rs);
                }
                if (!ps.getMoreResults()) {
                    throw new SQLException("the database returned no number for the audit record");
                }
                try (ResultSet rs = ps.getResultSet()) {
                    own = Written.of(rs);
                }
            }
        } else {
            head = lockHead(c);
            try (PreparedStatement ps = c.prepareStatement(insert.sql(), RECORD_COLUMNS)) {
                insert.bind(ps);
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    own = Written.of(rs);
                }
            }
        }
        if (head.lastId() >= head.legacyUpto() && !head.headSeal().isEmpty()) {
            // nothing from before the chain left to seal: only the record just written, as the insert returned it
            String seal = key.seal(head.lastSeal() + "\n" + own.canonical());
            writeSeals(c, head, List.of(own.id()), List.of(seal), own.id(), head.count() + 1, seal);
        } else {
            seal(c, head, own.id());
        }
        return own.id();
    }

    /**
     * Seals the records written before the chain existed, once (the first start with the key after the upgrade),
     * and seals the head of a new chain. Does nothing when that is done.
     */
    public void sealLegacy(Connection c) throws SQLException {
        Head head = lockHead(c);
        if (head.headSeal().isEmpty() || head.lastId() < head.legacyUpto()) {
            seal(c, head, 0);
        }
    }

    private void seal(Connection c, Head head, long own) throws SQLException {
        String last = head.lastSeal();
        long lastId = head.lastId();
        long count = head.count();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_record r WHERE "
                + "(r.id > ? AND r.id <= ?) OR r.id = ? ORDER BY r.id")) {
            ps.setLong(1, lastId);
            ps.setLong(2, head.legacyUpto());
            ps.setLong(3, own);
            List<Long> ids = new ArrayList<>();
            List<String> seals = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    last = key.seal(last + "\n" + canonical(rs));
                    ids.add(id);
                    seals.add(last);
                    lastId = id;
                    count++;
                }
            }
            writeSeals(c, head, ids, seals, lastId, count, last);
        }
    }

    /** Stores the seals of these records and moves the head to the last of them. */
    private void writeSeals(Connection c, Head head, List<Long> ids, List<String> seals, long lastId, long count,
                            String last) throws SQLException {
        if (ids.size() == 1 && isPostgreSql(c)) {
            // PostgreSQL's driver sends both statements of one prepared statement together and waits once
            try (PreparedStatement both = c.prepareStatement(INSERT_SEAL + "; " + UPDATE_HEAD)) {
                both.setLong(1, ids.get(0));
                both.setString(2, seals.get(0));
                both.setLong(3, lastId);
                both.setLong(4, count);
                both.setString(5, last);
                both.setString(6, headSeal(head.legacyUpto(), lastId, count, last));
                both.execute();
            }
            return;
        }
        if (ids.size() == 1) {
            try (PreparedStatement insert = c.prepareStatement(INSERT_SEAL)) {
                insert.setLong(1, ids.get(0));
                insert.setString(2, seals.get(0));
                insert.executeUpdate();
            }
        } else if (!ids.isEmpty()) {
            try (PreparedStatement insert = c.prepareStatement(INSERT_SEAL)) {
                for (int i = 0; i < ids.size(); i++) {
                    insert.setLong(1, ids.get(i));
                    insert.setString(2, seals.get(i));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        try (PreparedStatement ps = c.prepareStatement(UPDATE_HEAD)) {
            ps.setLong(1, lastId);
            ps.setLong(2, count);
            ps.setString(3, last);
            ps.setString(4, headSeal(head.legacyUpto(), lastId, count, last));
            ps.executeUpdate();
        }
    }

    private static final String INSERT_SEAL = "INSERT INTO audit_seal (record_id, seal) VALUES (?, ?)";

    private static final String UPDATE_HEAD = "UPDATE audit_chain SET last_id = ?, record_count = ?, last_seal = ?, "
            + "head_seal = ? WHERE id = 1";

    private static boolean isPostgreSql(Connection c) throws SQLException {
        return "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
    }

    private static Head lockHead(Connection c) throws SQLException {
        // a prepared statement, which PostgreSQL's driver prepares on the server once it has run a few times on a
        // connection (a plain statement is parsed and planned anew each time)
        try (PreparedStatement ps = c.prepareStatement(LOCK_HEAD); ResultSet rs = ps.executeQuery()) {
            return head(rs);
        }
    }

    private static Head head(ResultSet rs) throws SQLException {
        if (!rs.next()) {
            throw new SQLException("the audit chain's head row is missing");
        }
        return new Head(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5));
    }

    private String headSeal(long legacyUpto, long lastId, long count, String lastSeal) {
        return key.seal("head\n" + legacyUpto + "\n" + lastId + "\n" + count + "\n" + lastSeal);
    }

    /** What {@link #verify} found. */
    public record Verdict(boolean intact, long checked, Optional<Long> brokenAt, String reason) {

        static Verdict intact(long checked) {
            return new Verdict(true, checked, Optional.empty(), "intact");
        }

        static Verdict broken(long checked, Long at, String reason) {
            return new Verdict(false, checked, Optional.ofNullable(at), reason);
        }
    }

    /**
     * Recomputes the chain from the first record to the head, streaming the records in the order of their numbers.
     * Reads only; runs beside a serving application (records appended meanwhile, after the head read first, are
     * left to the next check).
     */
    public Verdict verify(Connection c) throws SQLException {
        Head head;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT legacy_upto, last_id, "
                + "record_count, last_seal, head_seal FROM audit_chain WHERE id = 1")) {
            if (!rs.next()) {
                return Verdict.broken(0, null, "the chain's head row is missing");
            }
            head = new Head(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5));
        }
        if (head.headSeal().isEmpty()) {
            return Verdict.broken(0, null, "the chain has not been sealed yet: start the application once with its key");
        }
        if (!head.headSeal().equals(headSeal(head.legacyUpto(), head.lastId(), head.count(), head.lastSeal()))) {
            return Verdict.broken(0, null, "the chain's head was changed, or the key is not the one that sealed it");
        }
        String last = "";
        long checked = 0;
        long previousId = 0;
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false); // PostgreSQL streams a result set (fetch size) only inside a transaction
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", s.seal FROM audit_record r "
                + "LEFT JOIN audit_seal s ON s.record_id = r.id WHERE r.id <= ? ORDER BY r.id")) {
            ps.setFetchSize(1_000);
            ps.setLong(1, head.lastId());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    String stored = rs.getString(14);
                    String expected = key.seal(last + "\n" + canonical(rs));
                    if (stored == null) {
                        return Verdict.broken(checked, id, "record " + id + " has no seal: it was inserted behind the "
                                + "application's back");
                    }
                    if (!stored.equals(expected)) {
                        return Verdict.broken(checked, id, "record " + id + " does not match its seal: it was changed, "
                                + "or a record before it (after record " + previousId + ") was deleted, inserted or "
                                + "reordered");
                    }
                    last = stored;
                    previousId = id;
                    checked++;
                }
            }
        } finally {
            c.rollback();
            c.setAutoCommit(autoCommit);
        }
        if (checked != head.count() || previousId != head.lastId() || !last.equals(head.lastSeal())) {
            return Verdict.broken(checked, previousId == 0 ? null : previousId, "the chain ends at record " + previousId
                    + " after " + checked + " records, but its head says record " + head.lastId() + " after "
                    + head.count() + ": records were removed from its end");
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT MIN(r.id) FROM audit_record r "
                + "LEFT JOIN audit_seal s ON s.record_id = r.id WHERE r.id > ? AND s.record_id IS NULL")) {
            ps.setLong(1, head.lastId());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getObject(1) != null) {
                    long id = rs.getLong(1);
                    return Verdict.broken(checked, id, "record " + id + " has no seal: it was inserted behind the "
                            + "application's back");
                }
            }
        }
        return Verdict.intact(checked);
    }

    /**
     * A record as the seal covers it: every column in order, each as its length and its text (null as -1), the time
     * as microseconds since the epoch — the same whichever database or driver read it.
     */
    static String canonical(ResultSet rs) throws SQLException {
        StringBuilder b = new StringBuilder(256);
        b.append(rs.getLong(1)).append('|');
        OffsetDateTime at = rs.getObject(2, OffsetDateTime.class);
        Instant instant = at == null ? null : at.toInstant();
        b.append(instant == null ? "-" : Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, instant))).append('|');
        for (int i = 3; i <= 13; i++) {
            String v = rs.getString(i);
            if (v == null) {
                b.append("-1:");
            } else {
                b.append(v.length()).append(':').append(v);
            }
            b.append('|');
        }
        return b.toString();
    }
}
