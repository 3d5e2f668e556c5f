package cn.egov.projects.application.fake;

import cn.egov.projects.application.view.OtpAlgorithm;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

import java.time.Instant;
import java.util.Locale;

/**
 * One-time codes as an authenticator app computes them (RFC 6238, 6 digits, 30 s), written here independently of
 * the application's own implementation: base32 decoding, HMAC with BouncyCastle, dynamic truncation.
 */
public final class TotpCodes {

    private TotpCodes() {
    }

    /** The 6-digit code of a base32 secret at an instant. */
    public static String at(String base32Secret, OtpAlgorithm algorithm, Instant at) {
        return ofStep(base32Secret, algorithm, Math.floorDiv(at.getEpochSecond(), 30), 6);
    }

    public static String ofStep(String base32Secret, OtpAlgorithm algorithm, long step, int digits) {
        return truncate(hmac(algorithm, decode(base32Secret), step), digits);
    }

    public static byte[] hmac(OtpAlgorithm algorithm, byte[] key, long step) {
        Digest digest = algorithm == OtpAlgorithm.SM3 ? new SM3Digest() : new SHA1Digest();
        HMac mac = new HMac(digest);
        mac.init(new KeyParameter(key));
        byte[] counter = java.nio.ByteBuffer.allocate(8).putLong(step).array();
        mac.update(counter, 0, 8);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    public static String truncate(byte[] h, int digits) {
        int o = h[h.length - 1] & 0xf;
        long bin = ((h[o] & 0x7fL) << 24) | ((h[o + 1] & 0xffL) << 16) | ((h[o + 2] & 0xffL) << 8) | (h[o + 3] & 0xffL);
        long mod = (long) Math.pow(10, digits);
        return String.format(Locale.ROOT, "%0" + digits + "d", bin % mod);
    }

    public static byte[] decode(String base32) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : base32.toUpperCase(Locale.ROOT).toCharArray()) {
            int v = alphabet.indexOf(c);
            if (v < 0) {
                continue;
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
