package cn.egov.projects.application.account;

import cn.egov.projects.application.view.OtpAlgorithm;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Time-based one-time codes (RFC 6238) over HOTP's dynamic truncation (RFC 4226 §5.3), the MAC given from outside
 * (HMAC-SM3 or HMAC-SHA-1 under the account's secret); base32 (RFC 4648, no padding) for showing a secret; the
 * {@code otpauth://totp/} URI authenticator apps read from a QR code. Pure functions, no state.
 */
public final class Totp {

    /** Digits of a code. */
    public static final int DIGITS = 6;
    /** Seconds of a time step (RFC 6238 X). */
    public static final int PERIOD_SECONDS = 30;
    /** Bytes of a new secret: 160 bits (RFC 4226 §4 recommends at least 160). */
    public static final int SECRET_BYTES = 20;
    /** The issuer the authenticator app shows beside the account. */
    public static final String ISSUER = "egov-projects";

    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private Totp() {
    }

    /** The time step of an instant (RFC 6238 T = floor(unix time / 30), T0 = 0). */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), PERIOD_SECONDS);
    }

    /** The 8-byte big-endian counter the MAC is computed over (RFC 4226 C). */
    public static byte[] counter(long step) {
        byte[] c = new byte[8];
        for (int i = 7; i >= 0; i--) {
            c[i] = (byte) step;
            step >>>= 8;
        }
        return c;
    }

    /**
     * The code of a MAC value by dynamic truncation: the low 4 bits of the last byte give an offset, the 31 bits from
     * there modulo 10^digits, zero-padded. Works for any MAC of at least 20 bytes (SHA-1: 20, SM3: 32).
     */
    public static String truncate(byte[] mac, int digits) {
        if (digits < 1 || digits > 8) {
            throw new IllegalArgumentException("digits must be 1..8");
        }
        int offset = mac[mac.length - 1] & 0x0f;
        int binary = ((mac[offset] & 0x7f) << 24) | ((mac[offset + 1] & 0xff) << 16)
                | ((mac[offset + 2] & 0xff) << 8) | (mac[offset + 3] & 0xff);
        String code = Integer.toString(binary % POWERS[digits]);
        return "0".repeat(digits - code.length()) + code;
    }

    /** The code of a time step under a MAC of the counter (the secret is inside the MAC function). */
    public static String code(UnaryOperator<byte[]> macOfCounter, long step, int digits) {
        return truncate(macOfCounter.apply(counter(step)), digits);
    }

    /** Base32 without padding (RFC 4648 §6), as authenticator apps take a secret typed in. */
    public static String base32(byte[] data) {
        StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32[(buffer >>> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }

    /** The bytes of a base32 text (case and spaces ignored, padding allowed); IllegalArgumentException if not base32. */
    public static byte[] fromBase32(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == ' ' || c == '=') {
                continue;
            }
            int value = c >= 'A' && c <= 'Z' ? c - 'A' : c >= '2' && c <= '7' ? c - '2' + 26 : -1;
            if (value < 0) {
                throw new IllegalArgumentException("not base32: " + c);
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >>> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }

    /**
     * The {@code otpauth://totp/} URI of a secret (the de-facto format of authenticator apps): label
     * {@code issuer:account}, with the secret, issuer, algorithm, digits and period.
     */
    public static String uri(String account, byte[] secret, OtpAlgorithm algorithm) {
        String label = encode(ISSUER) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + base32(secret) + "&issuer=" + encode(ISSUER)
                + "&algorithm=" + algorithm.uriName() + "&digits=" + DIGITS + "&period=" + PERIOD_SECONDS;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
