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
 *   {@code audit_chain}) takes the committed pending seals in the order of their records' numbers and links each
 *   into the chain: link <i>n</i> is HMAC-SM3 of link <i>n−1</i> and the record's own seal, stored in {@code
 *   audit_seal} with its place <i>n</i> ({@code link_no}); the seal leaves {@code audit_pending} in the same
 *   transaction. The sealer reads no record: the own seal stands for it. The head holds the last link's record, the
 *   link and the number of links, sealed too.</li>
 * </ol>
 *
 * <p>Whoever changes, deletes, inserts or reorders records behind the application's back, without the key, breaks
 * the chain at the first record touched — or at the head when records are removed from its end — or breaks a pending
 * record's own seal, and {@link #verify} names it. A record changed or deleted before it was linked is linked by the
 * seal it was written with, so that the chain keeps naming it. The links from place {@code own_seal_links_from} of
 * the head on chain the own seals (V39); the links before it chain the records themselves (link <i>n</i> is HMAC-SM3
 * of link <i>n−1</i> and the record), and those written before the records were sealed on insert (no {@code
 * link_no}) come first, in the order of their numbers.
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

    /**
     * The head as stored; {@code ownSealLinksFrom} is the first place in the chain whose link chains the record's own
     * seal rather than the record.
     */
    private record Head(long legacyUpto, long lastId, long count, String lastSeal, String headSeal,
                        long ownSealLinksFrom) {
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

    private static final String HEAD_COLUMNS = "legacy_upto, last_id, record_count, last_seal, head_seal, "
            + "own_seal_links_from";

    private static final String LOCK_HEAD = "SELECT " + HEAD_COLUMNS + " FROM audit_chain WHERE id = 1 FOR UPDATE";

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
        if (!head.headSeal().isEmpty() && !sealedWithThisKey(head)) {
            LOG.error(NOT_THIS_KEY);
            return 0;
        }
        if (head.headSeal().isEmpty() || head.lastId() < head.legacyUpto()) {
            head = sealLegacy(c, head);
        }
        return chainPending(c, head);
    }

    /**
     * Links the committed pending records into the chain by their own seals, in the order of their numbers, in the
     * caller's transaction (which it leaves holding the head's lock until its commit). It reads neither the records
     * nor anything else of the trail: a record changed or deleted since it was sealed is linked all the same, by the
     * seal it was written with, and {@link #verify} names it from then on.
     *
     * @return how many records were linked
     */
    public int chainPending(Connection c) throws SQLException {
        Head head = lockHead(c);
        if (!sealedWithThisKey(head)) {
            throw new SQLException(NOT_THIS_KEY);
        }
        return chainPending(c, head);
    }

    /**
     * Whether the head was sealed with this key. The sealer links the own seals without checking them (it cannot
     * tell a record's seal made with another key from one made with this), so it links nothing into a chain of
     * another key: an instance started with the wrong key leaves the chain as it is.
     */
    private boolean sealedWithThisKey(Head head) {
        return head.headSeal().equals(headSeal(head.legacyUpto(), head.lastId(), head.count(), head.lastSeal()));
    }

    private static final String NOT_THIS_KEY = "the audit chain's head is not sealed with this instance's audit key "
            + "(EGOV_AUDIT_KEY_FILE): nothing is linked into the chain, the records stay pending with their own seals";

    private int chainPending(Connection c, Head head) throws SQLException {
        String last = head.lastSeal();
        long lastId = head.lastId();
        long count = head.count();
        if (head.ownSealLinksFrom() > count + 1) {
            throw new SQLException("the audit chain's head was changed: it has " + count + " links but says the "
                    + "links of own seals begin at place " + head.ownSealLinksFrom());
        }
        long after = Long.MIN_VALUE;
        int linked = 0;
        int seen;
        do {
            List<Long> ids = new ArrayList<>();
            List<String> links = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(PENDING_AFTER)) {
                ps.setMaxRows(BATCH);
                ps.setLong(1, after);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        after = rs.getLong(1);
                        last = key.seal(last + "\n" + rs.getString(2));
                        ids.add(after);
                        links.add(last);
                    }
                }
            }
            seen = ids.size();
            if (seen > 0) {
                try (PreparedStatement link = c.prepareStatement(INSERT_LINK);
                     PreparedStatement done = c.prepareStatement(PENDING_DONE)) {
                    for (int i = 0; i < seen; i++) {
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
                lastId = ids.get(seen - 1);
                linked += seen;
            }
        } while (seen == BATCH);
        if (linked > 0) {
            moveHead(c, head, lastId, count, last);
        }
        return linked;
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
                    last = link(last, count + 1, head.ownSealLinksFrom(), canonical(rs));
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
        return new Head(head.legacyUpto(), lastId, count, last, headSeal(head.legacyUpto(), lastId, count, last),
                head.ownSealLinksFrom());
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
        return new Head(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getLong(6));
    }

    /**
     * The link at place {@code place} (null for a link written before links had places) after the link {@code last},
     * of the record whose {@link #canonical} form is given: of its own seal from {@code ownSealLinksFrom} on, of the
     * record itself before.
     */
    private String link(String last, Long place, long ownSealLinksFrom, String canonical) {
        boolean ofOwnSeal = place != null && place >= ownSealLinksFrom;
        return key.seal(last + "\n" + (ofOwnSeal ? ownSeal(canonical) : canonical));
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
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT " + HEAD_COLUMNS
                + " FROM audit_chain WHERE id = 1")) {
            if (!rs.next()) {
                return Verdict.broken(0, null, "the chain's head row is missing");
            }
            head = new Head(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                    rs.getLong(6));
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
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", s.record_id, s.seal, s.link_no "
                + "FROM audit_seal s LEFT JOIN audit_record r ON r.id = s.record_id "
                + "ORDER BY s.link_no NULLS FIRST, s.record_id")) {
            ps.setFetchSize(1_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(14);
                    if (rs.getObject(1) == null) {
                        return Verdict.broken(checked, id, "record " + id + " was deleted: its link in the chain "
                                + "names no record");
                    }
                    String stored = rs.getString(15);
                    long place = rs.getLong(16);
                    if (!stored.equals(link(last, rs.wasNull() ? null : place, head.ownSealLinksFrom(),
                            canonical(rs)))) {
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
