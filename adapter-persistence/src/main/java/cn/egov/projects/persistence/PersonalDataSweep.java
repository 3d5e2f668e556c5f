package cn.egov.projects.persistence;

import cn.egov.projects.persistence.crypto.FieldCipher;
import cn.egov.projects.persistence.project.ProjectDocuments;
import cn.egov.projects.persistence.project.ProjectRow;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Brings every encrypted column to the newest data key: a plaintext value (written before encryption at rest, V26)
 * is encrypted, one under an older key is decrypted and encrypted again, one already under the newest key is left
 * alone. Run once at the first start after the migration (the {@code personal_data_state} row says whether it has
 * been) and by {@code rotate-keys} after a key is added. Each batch of rows commits on its own, so an interrupted run
 * loses nothing: what it wrote is under the new key, what it did not is still readable under the old one, and the
 * next run does the rest.
 *
 * <p>The columns are listed in {@link #COLUMNS}; a column encrypted later (e.g. a second factor's secret) is added
 * there. The accountable people's contacts inside each project's document are swept with the project row. The
 * reminder ledger's recipients ({@code reminder}, {@code reminder_dead_letter}; bound to rows by their unique and
 * message keys, and carried over from plaintext by V27) are swept by {@link ReminderLedgerSweep}.
 */
public final class PersonalDataSweep {

    private static final Logger LOG = LoggerFactory.getLogger(PersonalDataSweep.class);
    private static final int BATCH = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> DUTIES = List.of("leader", "responsible");
    private static final List<String> CONTACTS = List.of("mobile", "email");

    /** One encrypted column: its table, the column of the row key bound into the associated data, and the field. */
    public record Column(String keyColumn, FieldCipher.Field field) {
        public Column {
            Objects.requireNonNull(keyColumn, "keyColumn");
            Objects.requireNonNull(field, "field");
        }
    }

    /** Every encrypted column outside project documents, grouped by table in {@link #sweep}. */
    public static final List<Column> COLUMNS = List.of(
            new Column("user_id", AccountAdapter.MOBILE),
            new Column("user_id", AccountAdapter.EMAIL),
            new Column("id", ProjectRow.LEADER_MOBILE),
            new Column("id", ProjectRow.LEADER_EMAIL),
            new Column("id", ProjectRow.RESPONSIBLE_MOBILE),
            new Column("id", ProjectRow.RESPONSIBLE_EMAIL),
            new Column("user_id", cn.egov.projects.persistence.crypto.PersonalFields.SECOND_FACTOR_SECRET));

    private PersonalDataSweep() {
    }

    /**
     * At a start: sweeps unless the database says it has been swept since V26 (then one query), and records that it
     * has. Returns how many values it encrypted.
     */
    static long carryOver(DataSource dataSource, FieldCipher cipher, boolean h2) {
        try (Connection c = dataSource.getConnection()) {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT swept FROM personal_data_state WHERE id = 1")) {
                if (rs.next() && rs.getBoolean(1)) {
                    return 0;
                }
            }
            long count = sweep(c, cipher, h2);
            boolean autoCommit = c.getAutoCommit();
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE personal_data_state SET swept = TRUE WHERE id = 1");
                if (!autoCommit) {
                    c.commit();
                }
            }
            if (count > 0) {
                LOG.info("personal data encrypted at rest: {} values written under data key {}", count,
                        cipher.keys().newestId());
            }
            return count;
        } catch (SQLException e) {
            throw new DatabaseStartupException("cannot encrypt the personal data at rest: "
                    + cn.egov.projects.persistence.mybatis.SqlErrors.rootMessage(e), e);
        }
    }

    /** {@code rotate-keys}: sweeps every column of the database and returns how many values it wrote again. */
    public static long rotate(Database database, FieldCipher cipher) {
        try (Connection c = database.dataSource().getConnection()) {
            return sweep(c, cipher, !database.settings().isPostgreSql());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot re-encrypt the personal data: "
                    + cn.egov.projects.persistence.mybatis.SqlErrors.rootMessage(e), e);
        }
    }

    /** Sweeps every column and document on one connection, committing each batch; the number of values written. */
    static long sweep(Connection c, FieldCipher cipher, boolean h2) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            long count = 0;
            for (String table : COLUMNS.stream().map(col -> col.field().table()).distinct().toList()) {
                List<Column> columns = COLUMNS.stream().filter(col -> col.field().table().equals(table)).toList();
                count += sweepTable(c, cipher, table, columns);
            }
            count += sweepDocuments(c, cipher, h2);
            count += ReminderLedgerSweep.sweep(c, cipher);
            return count;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static long sweepTable(Connection c, FieldCipher cipher, String table, List<Column> columns)
            throws SQLException {
        String key = columns.get(0).keyColumn();
        String names = String.join(", ", columns.stream().map(col -> col.field().column()).toList());
        String select = "SELECT " + key + ", " + names + " FROM " + table + " WHERE " + key
                + " > ? ORDER BY " + key + " LIMIT " + BATCH;
        String first = "SELECT " + key + ", " + names + " FROM " + table + " ORDER BY " + key + " LIMIT " + BATCH;
        String update = "UPDATE " + table + " SET " + String.join(", ",
                columns.stream().map(col -> col.field().column() + " = ?").toList()) + " WHERE " + key + " = ?";
        long count = 0;
        Object after = null;
        while (true) {
            List<Object[]> changed = new ArrayList<>();
            int rows = 0;
            try (PreparedStatement ps = c.prepareStatement(after == null ? first : select)) {
                if (after != null) {
                    ps.setObject(1, after);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        Object rowKey = rs.getObject(1);
                        after = rowKey;
                        Object[] values = new Object[columns.size() + 1];
                        boolean any = false;
                        for (int i = 0; i < columns.size(); i++) {
                            String stored = rs.getString(i + 2);
                            if (cipher.isCurrent(stored)) {
                                values[i] = stored;
                            } else {
                                values[i] = cipher.reencrypt(columns.get(i).field(), rowKey.toString(), stored);
                                any = true;
                                count++;
                            }
                        }
                        values[columns.size()] = rowKey;
                        if (any) {
                            changed.add(values);
                        }
                    }
                }
            }
            if (!changed.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(update)) {
                    for (Object[] values : changed) {
                        for (int i = 0; i < values.length; i++) {
                            ps.setObject(i + 1, values[i]);
                        }
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            c.commit();
            if (rows < BATCH) {
                return count;
            }
        }
    }

    private static long sweepDocuments(Connection c, FieldCipher cipher, boolean h2) throws SQLException {
        String first = "SELECT id, document FROM project WHERE document IS NOT NULL ORDER BY id LIMIT " + BATCH;
        String next = "SELECT id, document FROM project WHERE document IS NOT NULL AND id > ? ORDER BY id LIMIT "
                + BATCH;
        String update = "UPDATE project SET document = " + (h2 ? "? FORMAT JSON" : "CAST(? AS JSONB)")
                + " WHERE id = ?";
        long count = 0;
        Object after = null;
        while (true) {
            List<Object[]> changed = new ArrayList<>();
            int rows = 0;
            try (PreparedStatement ps = c.prepareStatement(after == null ? first : next)) {
                if (after != null) {
                    ps.setObject(1, after);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        Object id = rs.getObject(1);
                        after = id;
                        JsonNode document;
                        try {
                            document = JSON.readTree(rs.getString(2));
                        } catch (IOException e) {
                            throw new IllegalStateException("the document of project " + id + " is not JSON", e);
                        }
                        int written = sweepPeople(document, cipher, id.toString());
                        if (written > 0) {
                            count += written;
                            changed.add(new Object[] {document.toString(), id});
                        }
                    }
                }
            }
            if (!changed.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(update)) {
                    for (Object[] values : changed) {
                        ps.setString(1, (String) values[0]);
                        ps.setObject(2, values[1]);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            c.commit();
            if (rows < BATCH) {
                return count;
            }
        }
    }

    /** Brings the people's contacts in one document to the newest key; how many it wrote. */
    static int sweepPeople(JsonNode document, FieldCipher cipher, String projectId) {
        JsonNode people = document.path("profile").path("people");
        int written = 0;
        for (String duty : DUTIES) {
            if (!(people.get(duty) instanceof ObjectNode person)) {
                continue;
            }
            for (String member : CONTACTS) {
                JsonNode value = person.get(member);
                if (value == null || !value.isTextual() || cipher.isCurrent(value.asText())) {
                    continue;
                }
                person.put(member, cipher.reencrypt(ProjectDocuments.personField(duty, member), projectId,
                        value.asText()));
                written++;
            }
        }
        return written;
    }
}
