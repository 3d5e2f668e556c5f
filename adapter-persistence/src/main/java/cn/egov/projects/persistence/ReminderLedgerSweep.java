package cn.egov.projects.persistence;

import cn.egov.projects.application.port.out.LedgerRecipientsPort;
import cn.egov.projects.persistence.crypto.FieldCipher;
import cn.egov.projects.persistence.crypto.LedgerRecipients;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The reminder ledger's part of {@link PersonalDataSweep}: brings the recipients of {@code reminder} and
 * {@code reminder_dead_letter} to the newest data key, and carries over the rows written before V27, whose recipient
 * is plaintext (in its column and inside the message key): each gets its blind index, its message key with the index
 * in place of the address, and its address encrypted. A row already carried over and under the newest key is left
 * alone. Each batch commits on its own.
 */
final class ReminderLedgerSweep {

    private static final int BATCH = 200;

    private ReminderLedgerSweep() {
    }

    /** Sweeps both tables on one connection (not in auto-commit); the number of values written. */
    static long sweep(Connection c, FieldCipher cipher) throws SQLException {
        LedgerRecipients recipients = new LedgerRecipients(cipher);
        return reminders(c, cipher, recipients) + deadLetters(c, cipher, recipients);
    }

    private static long reminders(Connection c, FieldCipher cipher, LedgerRecipients recipients) throws SQLException {
        String select = "SELECT id, deadline_id, offset_days, channel, recipient, recipient_index, digest_key"
                + " FROM reminder WHERE id > ? ORDER BY id LIMIT " + BATCH;
        String update = "UPDATE reminder SET recipient = ?, recipient_index = ?, digest_key = ? WHERE id = ?";
        long count = 0;
        long after = 0;
        while (true) {
            List<Object[]> changed = new ArrayList<>();
            int rows = 0;
            try (PreparedStatement ps = c.prepareStatement(select)) {
                ps.setLong(1, after);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        long id = rs.getLong(1);
                        after = id;
                        UUID deadline = rs.getObject(2, UUID.class);
                        int offset = rs.getInt(3);
                        String channel = rs.getString(4);
                        String stored = rs.getString(5);
                        String index = rs.getString(6);
                        String digestKey = rs.getString(7);
                        if (index == null) {
                            // written before V27: the address in plaintext, here and in the message key
                            String address = LedgerRecipientsPort.normalise(channel,
                                    cipher.decrypt(LedgerRecipients.REMINDER_RECIPIENT, "reminder " + id, stored));
                            index = recipients.index(address);
                            changed.add(new Object[] {
                                    recipients.sealReminder(deadline, offset, channel, index, address), index,
                                    indexed(digestKey, index, "reminder " + id), id});
                            count++;
                        } else if (!cipher.isCurrent(stored)) {
                            String address = recipients.openReminder(deadline, offset, channel, index, stored);
                            changed.add(new Object[] {
                                    recipients.sealReminder(deadline, offset, channel, index, address), index,
                                    digestKey, id});
                            count++;
                        }
                    }
                }
            }
            write(c, update, changed);
            c.commit();
            if (rows < BATCH) {
                return count;
            }
        }
    }

    private static long deadLetters(Connection c, FieldCipher cipher, LedgerRecipients recipients)
            throws SQLException {
        String select = "SELECT id, digest_key, recipient FROM reminder_dead_letter WHERE id > ? ORDER BY id LIMIT "
                + BATCH;
        String update = "UPDATE reminder_dead_letter SET recipient = ?, digest_key = ? WHERE id = ?";
        long count = 0;
        long after = 0;
        while (true) {
            List<Object[]> changed = new ArrayList<>();
            int rows = 0;
            try (PreparedStatement ps = c.prepareStatement(select)) {
                ps.setLong(1, after);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        long id = rs.getLong(1);
                        after = id;
                        String digestKey = rs.getString(2);
                        String stored = rs.getString(3);
                        if (!FieldCipher.isEncrypted(stored)) {
                            // written before V27
                            String channel = digestKey.substring(0, Math.max(0, digestKey.indexOf('|')));
                            String address = LedgerRecipientsPort.normalise(channel, stored);
                            String key = indexed(digestKey, recipients.index(address), "dead letter " + id);
                            changed.add(new Object[] {recipients.sealDeadLetter(key, address), key, id});
                            count++;
                        } else if (!cipher.isCurrent(stored)) {
                            changed.add(new Object[] {recipients.sealDeadLetter(digestKey,
                                    recipients.openDeadLetter(digestKey, stored)), digestKey, id});
                            count++;
                        }
                    }
                }
            }
            write(c, update, changed);
            c.commit();
            if (rows < BATCH) {
                return count;
            }
        }
    }

    /**
     * A message key ({@code CHANNEL|recipient|day}, or {@code …|deadline|offset} for a single reminder) with the blind
     * index in place of the recipient.
     */
    static String indexed(String digestKey, String index, String row) {
        String[] parts = digestKey.split("\\|", -1);
        if (parts.length != 3 && parts.length != 5) {
            throw new IllegalStateException("the message key of " + row + " is malformed");
        }
        parts[1] = index;
        return String.join("|", parts);
    }

    private static void write(Connection c, String update, List<Object[]> changed) throws SQLException {
        if (changed.isEmpty()) {
            return;
        }
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
}
