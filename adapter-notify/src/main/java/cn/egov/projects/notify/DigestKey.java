package cn.egov.projects.notify;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * What one message carries: every pending reminder of one recipient on one channel for one day — or, with digests
 * turned off, of one reminder only. Encoded, it is both the ledger's {@code digest_key} and the id (and data) of the
 * db-scheduler execution that sends it, so that a message is scheduled once however many reminders join it. The
 * recipient is named by its keyed blind index ({@link cn.egov.projects.application.port.out.LedgerRecipientsPort}),
 * never by the address: the key is stored in the ledger and in the scheduler's table.
 *
 * @param recipientIndex the recipient's blind index, 64 lowercase hex digits
 * @param deadline       with {@code offsetDays}: the one reminder of a message when digests are off, else null
 */
public record DigestKey(Channel channel, String recipientIndex, LocalDate day, UUID deadline, Integer offsetDays) {

    private static final String SEP = "|";
    private static final java.util.regex.Pattern INDEX = java.util.regex.Pattern.compile("[0-9a-f]{64}");

    public DigestKey {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recipientIndex, "recipientIndex");
        Objects.requireNonNull(day, "day");
        if (!INDEX.matcher(recipientIndex).matches()) {
            // never an address: a message key is stored as it is
            throw new IllegalArgumentException("a message key names its recipient by a blind index");
        }
        if ((deadline == null) != (offsetDays == null)) {
            throw new IllegalArgumentException("a single reminder needs its deadline and offset");
        }
    }

    /** Whether a message can be keyed to this address (no e-mail address or mobile number contains the separator). */
    public static boolean keyable(String recipient) {
        return !recipient.contains(SEP);
    }

    public static DigestKey digest(Channel channel, String recipientIndex, LocalDate day) {
        return new DigestKey(channel, recipientIndex, day, null, null);
    }

    /** The same message on another day: where a reminder sent late goes, with the others of that day. */
    public DigestKey onDay(LocalDate other) {
        return new DigestKey(channel, recipientIndex, other, deadline, offsetDays);
    }

    public String encode() {
        String base = channel + SEP + recipientIndex + SEP + day;
        return deadline == null ? base : base + SEP + deadline + SEP + offsetDays;
    }

    public static DigestKey parse(String text) {
        String[] p = text.split("\\|", -1);
        if (p.length != 3 && p.length != 5) {
            throw new IllegalArgumentException("not a digest key");
        }
        return new DigestKey(Channel.valueOf(p[0]), p[1], LocalDate.parse(p[2]),
                p.length == 5 ? UUID.fromString(p[3]) : null, p.length == 5 ? Integer.valueOf(p[4]) : null);
    }
}
