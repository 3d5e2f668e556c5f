package cn.egov.projects.notify.channel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Chinese SMS in UCS-2 (data coding 0x08): a text of up to {@value #SINGLE} characters fits one message; a longer one
 * is sent as a concatenated message of parts of up to {@value #PART} characters, each after a 6-byte user data header
 * (IEI 0x00, reference, total, sequence). A surrogate pair is never cut. A text longer than
 * {@value #MAX_PARTS} parts is shortened to fit, ending in "…".
 */
public final class SmsText {

    /** Characters of one UCS-2 message (140 bytes). */
    public static final int SINGLE = 70;
    /** Characters of one part of a concatenated UCS-2 message (134 bytes after the header). */
    public static final int PART = 67;
    /** The most parts sent for one message. */
    public static final int MAX_PARTS = 5;

    private SmsText() {
    }

    /** The text as it goes out: shortened when it would need more than {@link #MAX_PARTS} parts. */
    public static String fitted(String text) {
        if (text.length() <= PART * MAX_PARTS) {
            return text;
        }
        int end = PART * MAX_PARTS - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    /** The text's parts (before encoding): one when it fits {@link #SINGLE} characters. */
    public static List<String> parts(String text) {
        String t = fitted(text);
        if (t.length() <= SINGLE) {
            return List.of(t);
        }
        List<String> parts = new ArrayList<>();
        int from = 0;
        while (from < t.length()) {
            int to = Math.min(from + PART, t.length());
            if (to < t.length() && Character.isHighSurrogate(t.charAt(to - 1))) {
                to--;
            }
            parts.add(t.substring(from, to));
            from = to;
        }
        return parts;
    }

    /**
     * The short_message bytes of each part: UCS-2 (UTF-16BE) alone for a single message, behind a concatenation
     * header (to be sent with esm_class UDHI) for several.
     *
     * @param reference the concatenation reference, the same for all parts of one message
     */
    public static List<byte[]> encode(String text, int reference) {
        List<String> parts = parts(text);
        if (parts.size() == 1) {
            return List.of(parts.get(0).getBytes(StandardCharsets.UTF_16BE));
        }
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            byte[] body = parts.get(i).getBytes(StandardCharsets.UTF_16BE);
            byte[] pdu = new byte[6 + body.length];
            pdu[0] = 0x05;
            pdu[1] = 0x00;
            pdu[2] = 0x03;
            pdu[3] = (byte) reference;
            pdu[4] = (byte) parts.size();
            pdu[5] = (byte) (i + 1);
            System.arraycopy(body, 0, pdu, 6, body.length);
            out.add(pdu);
        }
        return out;
    }
}
