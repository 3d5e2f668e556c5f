package cn.egov.projects.web.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The reverse proxies whose forwarded headers are believed: IPv4 and IPv6 addresses and CIDR blocks
 * ({@code 10.0.0.5, 10.1.0.0/16, fd00::/8}). Empty — the default — trusts none: every forwarded header is ignored and
 * the client is the direct peer. A block of every address ({@code /0}) is refused: it would let any client name its
 * own address.
 */
public final class TrustedProxies {

    /** Trusts no proxy. */
    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    /** One address or block: its network bytes and prefix length. */
    private record Block(byte[] network, int prefix) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }

        @Override
        public String toString() {
            return IpLiterals.format(network) + (prefix == network.length * 8 ? "" : "/" + prefix);
        }
    }

    private final List<Block> blocks;

    private TrustedProxies(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /**
     * Reads a comma-separated list of addresses and CIDR blocks; blank means none.
     *
     * @throws IllegalArgumentException naming the first element at fault and why, in one line
     */
    public static TrustedProxies parse(String list) {
        if (list == null || list.isBlank()) {
            return NONE;
        }
        List<Block> blocks = new ArrayList<>();
        for (String raw : list.split(",")) {
            String item = raw.trim();
            if (item.isEmpty()) {
                continue;
            }
            blocks.add(block(item));
        }
        return new TrustedProxies(blocks);
    }

    private static Block block(String item) {
        int slash = item.indexOf('/');
        String address = slash < 0 ? item : item.substring(0, slash);
        byte[] network = IpLiterals.parse(address);
        if (network == null) {
            throw new IllegalArgumentException("'" + item + "' is not an IP address or CIDR block (e.g. 10.0.0.5, "
                    + "10.0.0.0/8, fd00::/8); host names are not accepted");
        }
        int bits = network.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String length = item.substring(slash + 1);
            if (!length.matches("[0-9]{1,3}") || Integer.parseInt(length) > bits) {
                throw new IllegalArgumentException("'" + item + "' has a bad prefix length: it must be 0-" + bits);
            }
            prefix = Integer.parseInt(length);
        }
        if (prefix == 0) {
            throw new IllegalArgumentException("'" + item + "' would trust every address, so that any client could "
                    + "forge its own; name the proxies' addresses or their network");
        }
        Block block = new Block(network, prefix);
        byte[] masked = network.clone();
        for (int i = 0; i < masked.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - 8 * i));
            masked[i] &= (byte) ((0xff << (8 - keep)) & 0xff);
        }
        if (!java.util.Arrays.equals(masked, network)) {
            throw new IllegalArgumentException("'" + item + "' has host bits set; did you mean "
                    + IpLiterals.format(masked) + "/" + prefix + "?");
        }
        return block;
    }

    /** Whether the address (4 or 16 bytes, an IPv4-mapped address read as IPv4) is a trusted proxy's. */
    public boolean contains(byte[] address) {
        if (address == null) {
            return false;
        }
        for (Block block : blocks) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    /** The canonical list, comma-separated; {@code none} when empty. */
    @Override
    public String toString() {
        return blocks.isEmpty() ? "none"
                : blocks.stream().map(Block::toString).collect(Collectors.joining(",")).toLowerCase(Locale.ROOT);
    }
}
