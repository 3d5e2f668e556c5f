package cn.egov.projects.persistence.audit;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;

/**
 * The key that seals the audit trail (HMAC-SM3, GM/T 0042 over SM3 of GB/T 32905). It is kept outside the database —
 * in a file of its own ({@code EGOV_AUDIT_KEY_FILE}), made at the first start when absent — so that whoever can write
 * the database cannot seal a record they changed. 32 random bytes, stored as base64 text.
 */
public final class AuditKey {

    /** The length of a key made here, and the least a key file may hold. */
    public static final int BYTES = 32;
    private static final int MAX_FILE = 4096;

    private final byte[] key;

    private AuditKey(byte[] key) {
        this.key = key.clone();
        byte[] own = this.key;
        this.macs = ThreadLocal.withInitial(() -> {
            HMac mac = new HMac(new SM3Digest());
            mac.init(new KeyParameter(own));
            return mac;
        });
    }

    /** A key from its bytes (at least {@value #BYTES}). */
    public static AuditKey of(byte[] key) {
        if (key == null || key.length < BYTES) {
            throw new IllegalArgumentException("an audit key needs at least " + BYTES + " bytes");
        }
        return new AuditKey(key);
    }

    /** A key that lives as long as this process: for tests and throwaway databases only. */
    public static AuditKey ephemeral() {
        byte[] bytes = new byte[BYTES];
        new SecureRandom().nextBytes(bytes);
        return new AuditKey(bytes);
    }

    /**
     * Reads the key file, or — when it does not exist and {@code create} is set — makes one readable by its owner only.
     *
     * @throws IllegalArgumentException when the file cannot be read or holds no usable key (the message says why)
     */
    public static AuditKey fromFile(Path file, boolean create) {
        try {
            if (Files.notExists(file) && create) {
                make(file);
            }
            if (Files.size(file) > MAX_FILE) {
                throw new IllegalArgumentException("the audit key file " + file + " is larger than " + MAX_FILE + " bytes");
            }
            String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the audit key file " + file + " does not hold base64 text", e);
            }
            if (bytes.length < BYTES) {
                throw new IllegalArgumentException("the audit key in " + file + " has " + bytes.length
                        + " bytes; at least " + BYTES + " are needed");
            }
            return new AuditKey(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the audit key file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void make(Path file) throws IOException {
        byte[] bytes = new byte[BYTES];
        new SecureRandom().nextBytes(bytes);
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = Files.createTempFile(dir, ".audit-key", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE));
            } catch (UnsupportedOperationException notPosix) {
                // a file system without POSIX permissions: the directory's protection applies
            }
            Files.writeString(tmp, Base64.getEncoder().encodeToString(bytes) + "\n", StandardCharsets.US_ASCII);
            try (var channel = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.createLink(file, tmp);
            } catch (FileAlreadyExistsException raced) {
                // another process made it first: use theirs
            } catch (UnsupportedOperationException noLinks) {
                Files.move(tmp, file);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** HMAC-SM3 of the text under this key, as 64 lowercase hex digits. */
    public String seal(String text) {
        HMac mac = macs.get();
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        mac.update(in, 0, in.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0); // and back to the keyed state, for the next seal on this thread
        return HexFormat.of().formatHex(out);
    }

    /**
     * One HMAC-SM3 per thread, keyed once: its inner and outer keyed states are kept and restored after each seal
     * instead of hashed again from the key (two of the few SM3 blocks a record's seal takes).
     */
    private final ThreadLocal<HMac> macs;

    @Override
    public String toString() {
        return "AuditKey[" + key.length + " bytes]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuditKey k && Arrays.equals(key, k.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }
}
