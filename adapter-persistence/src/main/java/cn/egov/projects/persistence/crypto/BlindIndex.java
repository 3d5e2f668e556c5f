package cn.egov.projects.persistence.crypto;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A keyed blind index: HMAC-SM3 of a value under a key kept outside the database, so that a column can be unique on a
 * personal value (a reminder's recipient) without holding it. Equal values give equal indexes; without the key an
 * index tells nothing of the value, and cannot be checked against a list of guessed mobile numbers.
 *
 * <p>The index key is derived from the data key file ({@code EGOV_DATA_KEY_FILE}): HMAC-SM3, under the file's
 * first key {@code k1}, of a fixed label naming the purpose. {@code rotate-keys} adds keys after it and never removes
 * one, so the index of a value stays the same across rotations — it must, since the ledger's unique key is made of
 * it. A key file without {@code k1} is refused (the indexes would all change).
 */
public final class BlindIndex {

    private static final String LABEL = "egov|blind-index|v1|";
    /** The key the index key is derived from: the first a key file is made with. */
    private static final String FIRST = "k1";

    private final byte[] key;

    /** The index of one purpose (e.g. {@code reminder-recipient}) under the keys' oldest key. */
    public BlindIndex(DataKeys keys, String purpose) {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(purpose, "purpose");
        byte[] oldest = keys.key(FIRST).orElseThrow(() -> new IllegalArgumentException("the data key file holds no"
                + " key " + FIRST + ", from which the blind indexes (the reminder ledger's unique key) are derived:"
                + " restore the file with it (keys " + keys.ids() + ")"));
        try {
            this.key = mac(oldest, LABEL + purpose);
        } finally {
            Arrays.fill(oldest, (byte) 0);
        }
    }

    /** The index of a value: 64 lowercase hex digits. */
    public String of(String value) {
        return HexFormat.of().formatHex(mac(key, Objects.requireNonNull(value, "value")));
    }

    private static byte[] mac(byte[] key, String text) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(key));
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        mac.update(in, 0, in.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    @Override
    public String toString() {
        return "BlindIndex[HMAC-SM3]";
    }
}
