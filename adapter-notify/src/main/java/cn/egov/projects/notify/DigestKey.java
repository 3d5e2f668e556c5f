package cn.egov.projects.notify;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * What one message carries: every pending reminder of one recipient address on one channel for one day — or, with
 * digests turned off, of one reminder only. Encoded, it is both the ledger's {@code digest_key} and the id of the
 * db-scheduler execution that sends it, so that a message is scheduled once however many reminders join it.
 *
 * @param deadline with {@code offsetDays}: the one reminder of a message when digests are off, else null
 */
public record DigestKey(Channel channel, String recipient, LocalDate day, UUID deadline, Integer offsetDays) {

    private static final String SEP = "|";

    public DigestKey {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(day, "day");
        if (!keyable(recipient)) {
            throw new IllegalArgumentException("a recipient address cannot contain " + SEP);
        }
        if ((deadline == null) != (offsetDays == null)) {
            throw new IllegalArgumentException("a single reminder needs its deadline and offset");
        }
    }

    /** Whether a message can be keyed to this address (no e-mail address or mobile number contains the separator). */
    public static boolean keyable(String recipient) {
        return !recipient.contains(SEP);
    }

    public static DigestKey digest(Channel channel, String recipient, LocalDate day) {
        return new DigestKey(channel, recipient, day, null, null);
    }

    /** The same message on another day: where a reminder sent late goes, with the others of that day. */
    public DigestKey onDay(LocalDate other) {
        return new DigestKey(channel, recipient, other, deadline, offsetDays);
    }

    public String encode() {
        String base = channel + SEP + recipient + SEP + day;
        return deadline == null ? base : base + SEP + deadline + SEP + offsetDays;
    }

    public static DigestKey parse(String text) {
        String[] p = text.split("\\|", -1);
        if (p.length != 3 && p.length != 5) {
            throw new IllegalArgumentException("not a digest key: " + text);
        }
        return new DigestKey(Channel.valueOf(p[0]), p[1], LocalDate.parse(p[2]),
                p.length == 5 ? UUID.fromString(p[3]) : null, p.length == 5 ? Integer.valueOf(p[4]) : null);
    }
}
