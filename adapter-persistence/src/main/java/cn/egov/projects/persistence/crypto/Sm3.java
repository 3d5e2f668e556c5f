package cn.egov.projects.persistence.crypto;

import org.bouncycastle.crypto.digests.SM3Digest;

import java.util.HexFormat;

/** SM3 digests (GB/T 32905) as 64 lowercase hex digits: what an uploaded document's integrity is checked by. */
public final class Sm3 {

    private final SM3Digest digest = new SM3Digest();

    /** Adds bytes to the digest being computed. */
    public Sm3 update(byte[] bytes, int offset, int length) {
        digest.update(bytes, offset, length);
        return this;
    }

    /** The digest of everything added, as hex; the digest starts over. */
    public String hex() {
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    /** The SM3 digest of these bytes, as hex. */
    public static String of(byte[] bytes) {
        return new Sm3().update(bytes, 0, bytes.length).hex();
    }
}
