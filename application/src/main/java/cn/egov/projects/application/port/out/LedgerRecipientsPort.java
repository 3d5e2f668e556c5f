package cn.egov.projects.application.port.out;

import java.util.UUID;

/**
 * How the reminder ledger keeps recipients (mobile numbers, e-mail addresses) at rest without their plaintext: a keyed
 * blind index (HMAC-SM3 under a key kept outside the database) stands for the recipient in the ledger's unique key,
 * in the message key and in the scheduler's task ids, so that a reminder still goes out once; where the ledger needs
 * the address back (sending, retrying, the dead-letter view) it keeps it encrypted (SM4-GCM, bound to its table,
 * column and row). Behind a port because the keys and the cipher belong to the persistence adapter.
 *
 * <p>The channel is given by name ({@code EMAIL}, {@code SMS}, …); a reminder's row is named by its unique key
 * without the recipient (deadline, offset, channel) and the blind index; a dead letter's by its message key.
 */
public interface LedgerRecipientsPort {

    /**
     * The recipient as the ledger keys it: an e-mail address trimmed and in lower case, a mobile number trimmed.
     * Two addresses that normalise alike are one recipient.
     */
    static String normalise(String channel, String recipient) {
        String trimmed = recipient.strip();
        return "EMAIL".equals(channel) ? trimmed.toLowerCase(java.util.Locale.ROOT) : trimmed;
    }

    /** The blind index of a normalised recipient: 64 lowercase hex digits, the same on every instance. */
    String index(String recipient);

    /** The stored text of a reminder row's recipient. */
    String sealReminder(UUID deadlineId, int offsetDays, String channel, String index, String recipient);

    /** The recipient of a reminder row from its stored text. */
    String openReminder(UUID deadlineId, int offsetDays, String channel, String index, String stored);

    /** The stored text of a dead letter's recipient. */
    String sealDeadLetter(String digestKey, String recipient);

    /** The recipient of a dead letter from its stored text. */
    String openDeadLetter(String digestKey, String stored);
}
