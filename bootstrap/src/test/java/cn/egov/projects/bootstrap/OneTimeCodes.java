package cn.egov.projects.bootstrap;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One-time codes as an authenticator app computes them (RFC 6238: 6 digits, 30 s, HMAC-SM3 or HMAC-SHA-1), for the
 * tests that sign in as an administrator. A code is accepted once only, so {@link #fresh} hands out each time step
 * at most once per account: the current one or the next (the server accepts the step before its own, its own and
 * the next); when both are used it waits for the next step of the real time.
 */
final class OneTimeCodes {

    private static final Pattern SECRET = Pattern.compile("TOTP secret \\(base32\\):? ([A-Z2-7]{16,})");
    private static final Pattern ALGORITHM = Pattern.compile("TOTP algorithm:? (SM3|SHA1)");

    /** A secret and its algorithm. */
    record Secret(String base32, String algorithm) {
    }

    private final Map<String, Secret> secrets = new ConcurrentHashMap<>();
    private final Map<String, Long> lastStep = new ConcurrentHashMap<>();

    void put(String username, Secret secret) {
        secrets.put(username, secret);
    }

    boolean has(String username) {
        return secrets.containsKey(username);
    }

    /** The secret {@code create-admin} printed. */
    static Secret printed(String output) {
        Matcher s = SECRET.matcher(output);
        Matcher a = ALGORITHM.matcher(output);
        if (!s.find() || !a.find()) {
            throw new AssertionError("no TOTP secret printed: " + output);
        }
        return new Secret(s.group(1), a.group(1));
    }

    /** A code of the account not handed out before (null for an account without a second factor). */
    synchronized String fresh(String username) {
        Secret secret = secrets.get(username);
        if (secret == null) {
            return null;
        }
        while (true) {
            long current = Math.floorDiv(Instant.now().getEpochSecond(), 30);
            // the current step or the next (the server, checking a moment later, may be a step on already: it takes
            // the step before its own, its own and the next); an earlier one could be too old by then
            long step = Math.max(current, lastStep.getOrDefault(username, Long.MIN_VALUE) + 1);
            if (step <= current + 1) {
                lastStep.put(username, step);
                return code(secret, step);
            }
            // both steps used: the next one comes with the real time
            long wait = (current + 1) * 30_000 - System.currentTimeMillis();
            try {
                wait(Math.max(1, wait + 50));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static String code(Secret secret, long step) {
        Digest digest = "SM3".equals(secret.algorithm()) ? new SM3Digest() : new SHA1Digest();
        HMac mac = new HMac(digest);
        mac.init(new KeyParameter(decode(secret.base32())));
        mac.update(ByteBuffer.allocate(8).putLong(step).array(), 0, 8);
        byte[] h = new byte[mac.getMacSize()];
        mac.doFinal(h, 0);
        int o = h[h.length - 1] & 0xf;
        int bin = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
        return String.format(Locale.ROOT, "%06d", bin % 1_000_000);
    }

    static String now(Secret secret) {
        return code(secret, Math.floorDiv(Instant.now().getEpochSecond(), 30));
    }

    private static byte[] decode(String base32) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : base32.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
