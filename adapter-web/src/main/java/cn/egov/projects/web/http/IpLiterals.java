package cn.egov.projects.web.http;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Textual IP addresses, read strictly and without any name look-up (unlike {@code InetAddress.getByName}): IPv4 in
 * dotted-quad form (no leading zeros), IPv6 in any RFC 4291 form (with an embedded IPv4 tail, without a zone). An
 * IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) reads as its IPv4 address. Written back canonically: IPv6 as RFC
 * 5952 says (lower case, longest run of zero groups as {@code ::}).
 */
public final class IpLiterals {

    private static final Pattern IPV4 = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private IpLiterals() {
    }

    /** The address's 4 or 16 bytes, or null when the text is not an IP address. */
    public static byte[] parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.trim();
        if (s.indexOf(':') < 0) {
            return ipv4(s);
        }
        return ipv6(s);
    }

    private static byte[] ipv4(String s) {
        if (!IPV4.matcher(s).matches()) {
            return null;
        }
        String[] parts = s.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            int n = Integer.parseInt(parts[i]);
            if (n > 255) {
                return null;
            }
            bytes[i] = (byte) n;
        }
        return bytes;
    }

    private static byte[] ipv6(String s) {
        if (!IPV6_CHARS.matcher(s).matches()) {
            return null;
        }
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        List<Integer> head = groups(gap < 0 ? s : s.substring(0, gap), gap < 0);
        List<Integer> tail = gap < 0 ? List.of() : groups(s.substring(gap + 2), true);
        if (head == null || tail == null) {
            return null;
        }
        int given = head.size() + tail.size();
        if (gap < 0 ? given != 8 : given > 7) {
            return null;
        }
        int[] all = new int[8];
        for (int i = 0; i < head.size(); i++) {
            all[i] = head.get(i);
        }
        for (int i = 0; i < tail.size(); i++) {
            all[8 - tail.size() + i] = tail.get(i);
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[2 * i] = (byte) (all[i] >>> 8);
            bytes[2 * i + 1] = (byte) all[i];
        }
        if (isIpv4Mapped(bytes)) {
            return new byte[]{bytes[12], bytes[13], bytes[14], bytes[15]};
        }
        return bytes;
    }

    /** The 16-bit groups of one side of {@code ::}; the last may be an IPv4 tail when it ends the address. */
    private static List<Integer> groups(String part, boolean endsAddress) {
        List<Integer> groups = new ArrayList<>();
        if (part.isEmpty()) {
            return groups;
        }
        String[] pieces = part.split(":", -1);
        for (int i = 0; i < pieces.length; i++) {
            String piece = pieces[i];
            if (piece.indexOf('.') >= 0) {
                byte[] v4 = i == pieces.length - 1 && endsAddress ? ipv4(piece) : null;
                if (v4 == null) {
                    return null;
                }
                groups.add(((v4[0] & 0xff) << 8) | (v4[1] & 0xff));
                groups.add(((v4[2] & 0xff) << 8) | (v4[3] & 0xff));
            } else if (piece.isEmpty() || piece.length() > 4) {
                return null;
            } else {
                groups.add(Integer.parseInt(piece, 16));
            }
        }
        return groups;
    }

    private static boolean isIpv4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }

    /** The canonical text of 4 or 16 bytes. */
    public static String format(byte[] bytes) {
        if (bytes.length == 4) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    /**
     * The address of one element of an {@code X-Forwarded-For} list: a bare address, {@code [IPv6]}, either with a
     * port ({@code 203.0.113.7:4711}, {@code [2001:db8::1]:4711}); null when it is none of these (e.g.
     * {@code unknown}).
     */
    public static byte[] parseForwarded(String element) {
        if (element == null) {
            return null;
        }
        String s = element.trim();
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0 || !(close == s.length() - 1 || isPort(s.substring(close + 1)))) {
                return null;
            }
            String inner = s.substring(1, close);
            return inner.indexOf(':') < 0 ? null : ipv6(inner);
        }
        int colon = s.indexOf(':');
        if (colon > 0 && colon == s.lastIndexOf(':')) {
            // IPv4 with a port
            return isPort(s.substring(colon)) ? ipv4(s.substring(0, colon)) : null;
        }
        return parse(s);
    }

    private static boolean isPort(String suffix) {
        return suffix.matches(":[0-9]{1,5}");
    }
}
