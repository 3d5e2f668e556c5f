package cn.egov.projects.persistence.crypto;

import cn.egov.projects.application.port.out.LedgerRecipientsPort;

import java.util.Objects;
import java.util.UUID;

/**
 * The reminder ledger's recipients at rest: the blind index ({@link BlindIndex}, purpose {@code reminder-recipient})
 * that stands for a recipient in the ledger's unique key, message keys and scheduler task ids, and the SM4-GCM
 * ciphertext ({@link FieldCipher}) of the address where the ledger needs it back. A reminder row's ciphertext is bound
 * to {@code reminder.recipient} and the row's unique key ({@link #reminderRow}); a dead letter's to
 * {@code reminder_dead_letter.recipient} and its message key.
 */
public final class LedgerRecipients implements LedgerRecipientsPort {

    public static final FieldCipher.Field REMINDER_RECIPIENT = new FieldCipher.Field("reminder", "recipient");
    public static final FieldCipher.Field DEAD_LETTER_RECIPIENT =
            new FieldCipher.Field("reminder_dead_letter", "recipient");
    /** What the blind index of the ledger is for (part of its key's derivation). */
    public static final String PURPOSE = "reminder-recipient";

    private final FieldCipher cipher;
    private final BlindIndex index;

    public LedgerRecipients(FieldCipher cipher) {
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.index = new BlindIndex(cipher.keys(), PURPOSE);
    }

    /** The row key a reminder's recipient is bound to: its unique key, the blind index in place of the recipient. */
    public static String reminderRow(UUID deadlineId, int offsetDays, String channel, String index) {
        return deadlineId + "|" + offsetDays + "|" + channel + "|" + index;
    }

    @Override
    public String index(String recipient) {
        return index.of(recipient);
    }

    @Override
    public String sealReminder(UUID deadlineId, int offsetDays, String channel, String index, String recipient) {
        return cipher.encrypt(REMINDER_RECIPIENT, reminderRow(deadlineId, offsetDays, channel, index), recipient);
    }

    @Override
    public String openReminder(UUID deadlineId, int offsetDays, String channel, String index, String stored) {
        return cipher.decrypt(REMINDER_RECIPIENT, reminderRow(deadlineId, offsetDays, channel, index), stored);
    }

    @Override
    public String sealDeadLetter(String digestKey, String recipient) {
        return cipher.encrypt(DEAD_LETTER_RECIPIENT, digestKey, recipient);
    }

    @Override
    public String openDeadLetter(String digestKey, String stored) {
        return cipher.decrypt(DEAD_LETTER_RECIPIENT, digestKey, stored);
    }

    /** The cipher of the ciphertext. */
    public FieldCipher cipher() {
        return cipher;
    }
}
