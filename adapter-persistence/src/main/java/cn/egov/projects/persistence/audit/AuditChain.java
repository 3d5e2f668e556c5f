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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail as a chain that cannot be rewritten unseen (等保 2.0 §8.1.4.3 安全审计, GB/T 39786 数据完整性), in
 * two steps so that no writer waits for another:
 *
 * <ol>
 *   <li><b>Sealed on insert.</b> The transaction that writes a record also writes its own seal into
 *   {@code audit_pending}: HMAC-SM3, under the {@link AuditKey}, of the record as stored (every column, its number
 *   included). Nothing is shared between writers: no row is locked, so the instances' writers commit side by side.</li>
 *   <li><b>Chained after commit.</b> One sealer at a time ({@link #chainPending}, which locks the head row
 *   {@code audit_chain}) takes the committed pending records in the order of their numbers, checks each one's own
 *   seal, and links it into the chain: link <i>n</i> is HMAC-SM3 of link <i>n−1</i> and the record, stored in
 *   {@code audit_seal} with its place <i>n</i> ({@code link_no}); the record leaves {@code audit_pending} in the same
 *   transaction. The head holds the last link's record, the link and the number of links, sealed too.</li>
 * </ol>
 *
 * <p>Whoever changes, deletes, inserts or reorders records behind the application's back, without the key, breaks
 * the chain at the first record touched — or at the head when records are removed from its end — or breaks a pending
 * record's own seal, and {@link #verify} names it. A record whose own seal does not verify is never linked. The links
 * written before the records were sealed on insert (no {@code link_no}) come first, in the order of their numbers.
 *
 * <p>What the two steps leave: between a record's commit and its link (the sealer runs a few milliseconds after each
 * commit, {@link AuditSealer}), someone with the database's own rights could delete the record together with its
 * pending seal unseen; a change is still found.
 */
public final class AuditChain {

    private static final Logger LOG = LoggerFactory.getLogger(AuditChain.class);

    private static final String COLUMNS = "r.id, r.at, r.user_id, r.role, r.unit, r.action, r.article, r.project_id, "
            + "r.from_state, r.to_state, r.request_id, r.source_address, r.summary";

    /** How many records one transaction of the sealer links at most. */
    static final int BATCH = 500;

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
     * The insert of one record into {@code audit_record}: its SQL ({@code INSERT … VALUES (?, …)}, without {@code
     * RETURNING}) and what sets its parameters, the first at index 1.
     */
    public interface Insert {
        String sql();

        void bind(PreparedStatement ps) throws SQLException;
    }

    private static final String LOCK_HEAD = "SELECT legacy_upto, last_id, record_count, last_seal, head_seal "
            + "FROM audit_chain WHERE id = 1 FOR UPDATE";

    private static final String INSERT_PENDING = "INSERT INTO audit_pending (record_id, mac) VALUES (?, ?)";

    /**
     * A sealer's pass reads the pending seals after a number, in order, and deletes each it linked. The table is a
     * queue — a few rows alive, thousands inserted and deleted between two vacuums — so these must go by its key
     * whatever plan the database made while the table was small ({@link AuditSealer#beginPass}).
     */
    public static final String PENDING_AFTER = "SELECT record_id, mac FROM audit_pending WHERE record_id > ? "
            + "ORDER BY record_id";

    /** @see #PENDING_AFTER */
    public static final String PENDING_DONE = "DELETE FROM audit_pending WHERE record_id = ?";

    /**
     * Writes a record in the caller's transaction with its own seal, locking nothing: {@link #chainPending} links it
     * into the chain once it is committed.
     *
     * @return the new record's number
     */
    public long append(Connection c, Insert insert) throws SQLException {
        Written own;
        try (PreparedStatement ps = c.prepareStatement(insert.sql(), RECORD_COLUMNS)) {
            insert.bind(ps);
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                own = Written.of(rs);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_PENDING)) {
            ps.setLong(1, own.id());
            ps.setString(2, ownSeal(own.canonical()));
            ps.executeUpdate();
        }
        return own.id();
    }

    /** A record's own seal: domain-separated from the links, which cover the same text after the link before. */
    private String ownSeal(String canonical) {
        return key.seal("record\n" + canonical);
    }

    /**
     * Seals the records written before the chain existed, once (the first start with the key after the upgrade),
     * and seals the head of a new chain; then links every committed pending record. Run at start, before any
     * request.
     *
     * @return how many records were linked
     */
    public int sealLegacy(Connection c) throws SQLException {
        Head head = lockHead(c);
        if (head.headSeal().isEmpty() || head.lastId() < head.legacyUpto()) {
            head = sealLegacy(c, head);
        }
        return chainPending(c, head);
    }

    /**
     * Links the committed pending records into the chain, in the order of their numbers, in the caller's
     * transaction (which it leaves holding the head's lock until its commit). A record whose own seal does not
     * verify, or whose pending seal names no record, is left out — and stays pending, so that {@link #verify} names it.
     *
     * @return how many records were linked
     */
    public int chainPending(Connection c) throws SQLException {
        return chainPending(c, lockHead(c));
    }

    private int chainPending(Connection c, Head head) throws SQLException {
        String last = head.lastSeal();
        long lastId = head.lastId();
        long count = head.count();
        long after = Long.MIN_VALUE;
        int linked = 0;
        int seen;
        do {
            List<Long> ids = new ArrayList<>();
            List<String> links = new ArrayList<>();
            // the pending seals first, then their records by number: lookups by primary key whatever the tables'
            // statistics say (a join of the two left the plan to them, and a hash join reads the whole trail on
            // every pass)
            List<Long> pending = new ArrayList<>();
            List<String> macs = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(PENDING_AFTER)) {
                ps.setMaxRows(BATCH);
                ps.setLong(1, after);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        pending.add(rs.getLong(1));
                        macs.add(rs.getString(2));
                    }
                }
            }
            seen = pending.size();
            Map<Long, String> records = records(c, pending);
            for (int i = 0; i < seen; i++) {
                long id = pending.get(i);
                after = id;
                String canonical = records.get(id);
                if (canonical == null) {
                    LOG.error("audit record {} is pending but no longer exists: it was deleted behind the "
                            + "application's back; verify-audit names it", id);
                    continue;
                }
                if (!ownSeal(canonical).equals(macs.get(i))) {
                    LOG.error("audit record {} does not match its own seal: it was changed or inserted behind "
                            + "the application's back; it stays out of the chain and verify-audit names it", id);
                    continue;
                }
                last = key.seal(last + "\n" + canonical);
                ids.add(id);
                links.add(last);
                lastId = id;
            }
            if (!ids.isEmpty()) {
                try (PreparedStatement link = c.prepareStatement(INSERT_LINK);
                     PreparedStatement done = c.prepareStatement(PENDING_DONE)) {
                    for (int i = 0; i < ids.size(); i++) {
                        link.setLong(1, ids.get(i));
                        link.setString(2, links.get(i));
                        link.setLong(3, ++count);
                        link.addBatch();
                        done.setLong(1, ids.get(i));
                        done.addBatch();
                    }
                    link.executeBatch();
                    done.executeBatch();
                }
                linked += ids.size();
            }
        } while (seen == BATCH);
        if (linked > 0) {
            moveHead(c, head, lastId, count, last);
        }
        return linked;
    }

    /**
     * The {@link #canonical} form of the records with these numbers that exist, by number: looked up by primary key,
     * in statements of a few sizes (the list padded with its last number), so that each is prepared once.
     */
    private static Map<Long, String> records(Connection c, List<Long> ids) throws SQLException {
        Map<Long, String> out = new HashMap<>();
        int from = 0;
        while (from < ids.size()) {
            int n = Math.min(ids.size() - from, BATCH);
            int size = Integer.highestOneBit(n) == n ? n : Integer.highestOneBit(n) << 1;
            StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM audit_record r WHERE r.id IN (");
            for (int i = 0; i < size; i++) {
                sql.append(i == 0 ? "?" : ", ?");
            }
            try (PreparedStatement ps = c.prepareStatement(sql.append(')').toString())) {
                for (int i = 0; i < size; i++) {
                    ps.setLong(i + 1, ids.get(from + Math.min(i, n - 1)));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getLong(1), canonical(rs));
                    }
                }
            }
            from += n;
        }
        return out;
    }

    /** Links the records up to the head's {@code legacy_upto} that are not linked yet, as they are. */
    private Head sealLegacy(Connection c, Head head) throws SQLException {
        String last = head.lastSeal();
        long lastId = head.lastId();
        long count = head.count();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_record r WHERE "
                + "r.id > ? AND r.id <= ? ORDER BY r.id");
             PreparedStatement link = c.prepareStatement(INSERT_LINK)) {
            ps.setLong(1, lastId);
            ps.setLong(2, head.legacyUpto());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    last = key.seal(last + "\n" + canonical(rs));
                    lastId = rs.getLong(1);
                    link.setLong(1, lastId);
                    link.setString(2, last);
                    link.setLong(3, ++count);
                    link.addBatch();
                }
            }
            link.executeBatch();
        }
        moveHead(c, head, lastId, count, last);
        return new Head(head.legacyUpto(), lastId, count, last, headSeal(head.legacyUpto(), lastId, count, last));
    }

    private void moveHead(Connection c, Head head, long lastId, long count, String last) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPDATE_HEAD)) {
            ps.setLong(1, lastId);
            ps.setLong(2, count);
            ps.setString(3, last);
            ps.setString(4, headSeal(head.legacyUpto(), lastId, count, last));
            ps.executeUpdate();
        }
    }

    private static final String INSERT_LINK = "INSERT INTO audit_seal (record_id, seal, link_no) VALUES (?, ?, ?)";

    private static final String UPDATE_HEAD = "UPDATE audit_chain SET last_id = ?, record_count = ?, last_seal = ?, "
            + "head_seal = ? WHERE id = 1";

    private static Head lockHead(Connection c) throws SQLException {
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
     * Recomputes the chain from its first link to the head, streaming the links in their order, then checks each
     * record not linked yet against its own seal, and looks for records with neither. Reads only, in one snapshot
     * (repeatable read), so that it runs beside a serving application and its sealer: what they write meanwhile is
     * left to the next check.
     */
    public Verdict verify(Connection c) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        int isolation = c.getTransactionIsolation();
        c.setAutoCommit(false); // PostgreSQL streams a result set (fetch size) only inside a transaction
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try {
            return verifyInSnapshot(c);
        } finally {
            c.rollback();
            c.setTransactionIsolation(isolation);
            c.setAutoCommit(autoCommit);
        }
    }

    private Verdict verifyInSnapshot(Connection c) throws SQLException {
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
        long links = 0;
        long previousId = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", s.record_id, s.seal FROM audit_seal s "
                + "LEFT JOIN audit_record r ON r.id = s.record_id ORDER BY s.link_no NULLS FIRST, s.record_id")) {
            ps.setFetchSize(1_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(14);
                    if (rs.getObject(1) == null) {
                        return Verdict.broken(checked, id, "record " + id + " was deleted: its link in the chain "
                                + "names no record");
                    }
                    String stored = rs.getString(15);
                    if (!stored.equals(key.seal(last + "\n" + canonical(rs)))) {
                        return Verdict.broken(checked, id, "record " + id + " does not match its seal: it was changed, "
                                + "or a record before it (after record " + previousId + ") was deleted, inserted or "
                                + "reordered");
                    }
                    last = stored;
                    previousId = id;
                    checked++;
                    links++;
                }
            }
        }
        if (links != head.count() || previousId != head.lastId() || !last.equals(head.lastSeal())) {
            return Verdict.broken(checked, previousId == 0 ? null : previousId, "the chain ends at record " + previousId
                    + " after " + links + " records, but its head says record " + head.lastId() + " after "
                    + head.count() + ": records were removed from its end");
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", p.record_id, p.mac FROM audit_pending "
                + "p LEFT JOIN audit_record r ON r.id = p.record_id ORDER BY p.record_id")) {
            ps.setFetchSize(1_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(14);
                    if (rs.getObject(1) == null) {
                        return Verdict.broken(checked, id, "record " + id + " was deleted before it was linked into "
                                + "the chain");
                    }
                    if (!ownSeal(canonical(rs)).equals(rs.getString(15))) {
                        return Verdict.broken(checked, id, "record " + id + " does not match its own seal: it was "
                                + "changed before it was linked into the chain");
                    }
                    checked++;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT MIN(r.id) FROM audit_record r "
                + "LEFT JOIN audit_seal s ON s.record_id = r.id LEFT JOIN audit_pending p ON p.record_id = r.id "
                + "WHERE s.record_id IS NULL AND p.record_id IS NULL");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next() && rs.getObject(1) != null) {
                long id = rs.getLong(1);
                return Verdict.broken(checked, id, "record " + id + " has no seal: it was inserted behind the "
                        + "application's back");
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
