package cn.egov.projects.persistence.crypto;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Encrypts one value of one column of one row with SM4 in GCM mode (GB/T 32907; authenticated encryption), for
 * personal data at rest: mobile numbers, e-mail addresses, identity numbers, second-factor secrets — any text
 * column. Each value gets a fresh random 12-byte IV and a 128-bit tag; the table, the column and a stable key of the
 * row are bound in as associated data, so that a value copied into another row or column does not decrypt there.
 * A value is stored as text, {@code sm4gcm:v1:<key id>:<base64(iv | ciphertext | tag)>}: the key id lets every key of
 * the {@link DataKeys key file} decrypt and {@code rotate-keys} find the values still under an older one.
 *
 * <p>The domain and the application see plaintext only; the persistence adapters encrypt what they write and
 * decrypt what they read. A text without the prefix is a value written before encryption at rest (read as it is,
 * and encrypted by the carry-over at the next start, {@code PersonalDataSweep}). Errors never quote a value.
 */
public final class FieldCipher {

    /** What a stored value starts with. */
    public static final String PREFIX = "sm4gcm:v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** The longest plaintext encrypted (characters); longer is a mistake of the caller, refused. */
    public static final int MAX_PLAINTEXT = 4096;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataKeys keys;

    /**
     * The project contacts this cipher last encrypted or decrypted, both ways: a stored text read again is not
     * decrypted again (it was authenticated for that row and column), and {@link #encryptUnlessUnchanged} keeps a
     * value's stored text (the IV is never used for another plaintext). Only the {@link #REMEMBERED_TABLE project}'s
     * contacts, written back on every step of a project: no secret (a second factor's) and no other table's value
     * is kept in memory. Bounded: emptied when full.
     */
    private final Map<Plain, String> storedOf = new ConcurrentHashMap<>();
    private final Map<Stored, String> plainOf = new ConcurrentHashMap<>();

    /** How many values each direction remembers at most. */
    static final int REMEMBERED = 4_096;

    /** The one table whose values are remembered. */
    static final String REMEMBERED_TABLE = "project";

    private record Plain(Field field, String rowKey, String plaintext) {
    }

    private record Stored(Field field, String rowKey, String stored) {
    }

    public FieldCipher(DataKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    private void remember(Field field, String rowKey, String plaintext, String stored) {
        if (!REMEMBERED_TABLE.equals(field.table())) {
            return;
        }
        if (storedOf.size() >= REMEMBERED || plainOf.size() >= REMEMBERED) {
            storedOf.clear();
            plainOf.clear();
        }
        plainOf.put(new Stored(field, rowKey, stored), plaintext);
        if (isCurrent(stored)) {
            storedOf.put(new Plain(field, rowKey, plaintext), stored);
        }
    }

    /** A cipher under a key of this process only: for tests and throwaway databases. */
    public static FieldCipher ephemeral() {
        return new FieldCipher(DataKeys.ephemeral());
    }

    /** The keys this cipher uses. */
    public DataKeys keys() {
        return keys;
    }

    /**
     * Which column a value belongs to: its table and column, as bound into the associated data. Any column may have
     * one (e.g. {@code new Field("account", "totp_secret")}).
     */
    public record Field(String table, String column) {
        public Field {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
            if (table.contains("|") || column.contains("|")) {
                throw new IllegalArgumentException("a table or column name must not contain '|'");
            }
        }

        @Override
        public String toString() {
            return table + "." + column;
        }
    }

    /** Raised when a stored value cannot be decrypted; says which column and row, never the value. */
    public static final class UndecryptableException extends IllegalStateException {
        UndecryptableException(String message) {
            super(message);
        }

        UndecryptableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The stored text of {@code plaintext} in that column of that row, under the newest key; null stays null. */
    public String encrypt(Field field, String rowKey, String plaintext) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rowKey, "rowKey");
        if (plaintext == null) {
            return null;
        }
        if (plaintext.length() > MAX_PLAINTEXT) {
            throw new IllegalArgumentException("a value of " + field + " longer than " + MAX_PLAINTEXT
                    + " characters is not encrypted");
        }
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] in = plaintext.getBytes(StandardCharsets.UTF_8);
        GCMModeCipher gcm = gcm(true, keys.newestKey(), iv, aad(field, rowKey));
        byte[] out = new byte[gcm.getOutputSize(in.length)];
        int n = gcm.processBytes(in, 0, in.length, out, 0);
        try {
            gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("SM4-GCM encryption failed", e);
        }
        Arrays.fill(in, (byte) 0);
        byte[] stored = ByteBuffer.allocate(IV_BYTES + out.length).put(iv).put(out).array();
        String text = PREFIX + keys.newestId() + ":" + Base64.getEncoder().withoutPadding().encodeToString(stored);
        remember(field, rowKey, plaintext, text);
        return text;
    }

    /**
     * {@link #encrypt}, except that a value this cipher has just read or written in that column of that row, under
     * the newest key, keeps the stored text it had: for a record written back with what it was read with (a project
     * saved on every step), which would otherwise be encrypted again each time. Tells a reader of the database only
     * that the value did not change.
     */
    public String encryptUnlessUnchanged(Field field, String rowKey, String plaintext) {
        if (plaintext != null) {
            String known = storedOf.get(new Plain(Objects.requireNonNull(field, "field"),
                    Objects.requireNonNull(rowKey, "rowKey"), plaintext));
            if (known != null && isCurrent(known)) {
                return known;
            }
        }
        return encrypt(field, rowKey, plaintext);
    }

    /**
     * The plaintext of a stored value of that column of that row; null stays null, and a text without the prefix
     * (written before encryption at rest) is returned as it is.
     *
     * @throws UndecryptableException when the value names a key the key file does not have, is malformed, or does
     *                                not decrypt under its key for this row and column (moved or altered)
     */
    public String decrypt(Field field, String rowKey, String stored) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rowKey, "rowKey");
        if (stored == null || !isEncrypted(stored)) {
            return stored;
        }
        String known = plainOf.get(new Stored(field, rowKey, stored));
        if (known != null) {
            return known; // decrypted and authenticated before, for this row and column
        }
        int colon = stored.indexOf(':', PREFIX.length());
        if (colon < 0) {
            throw new UndecryptableException("the value of " + field + " in row " + rowKey + " is malformed");
        }
        String keyId = stored.substring(PREFIX.length(), colon);
        byte[] key = keys.key(keyId).orElseThrow(() -> new UndecryptableException("the value of " + field
                + " in row " + rowKey + " is encrypted under key " + safeId(keyId)
                + ", which the data key file does not hold (keys " + keys.ids() + ")"));
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(stored.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new UndecryptableException("the value of " + field + " in row " + rowKey + " is malformed", e);
        }
        if (bytes.length < IV_BYTES + TAG_BITS / 8) {
            throw new UndecryptableException("the value of " + field + " in row " + rowKey + " is malformed");
        }
        GCMModeCipher gcm = gcm(false, key, Arrays.copyOf(bytes, IV_BYTES), aad(field, rowKey));
        byte[] out = new byte[gcm.getOutputSize(bytes.length - IV_BYTES)];
        int n = gcm.processBytes(bytes, IV_BYTES, bytes.length - IV_BYTES, out, 0);
        try {
            n += gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new UndecryptableException("the value of " + field + " in row " + rowKey + " does not decrypt:"
                    + " it was encrypted for another row or column, or altered", e);
        }
        String plaintext = new String(out, 0, n, StandardCharsets.UTF_8);
        remember(field, rowKey, plaintext, stored);
        return plaintext;
    }

    /** Whether a stored text is an encrypted value (of any key). */
    public static boolean isEncrypted(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** The id of the key a stored value is encrypted under; empty for a plaintext or null value. */
    public static Optional<String> keyIdOf(String stored) {
        if (!isEncrypted(stored)) {
            return Optional.empty();
        }
        int colon = stored.indexOf(':', PREFIX.length());
        return colon < 0 ? Optional.empty() : Optional.of(stored.substring(PREFIX.length(), colon));
    }

    /** Whether a stored value is null or encrypted under the newest key (nothing for {@code rotate-keys} to do). */
    public boolean isCurrent(String stored) {
        return stored == null || keyIdOf(stored).filter(keys.newestId()::equals).isPresent();
    }

    /** The value written again under the newest key (a plaintext one encrypted); null stays null. */
    public String reencrypt(Field field, String rowKey, String stored) {
        return encrypt(field, rowKey, decrypt(field, rowKey, stored));
    }

    private static String safeId(String keyId) {
        return keyId.length() > 10 ? keyId.substring(0, 10) + "…" : keyId;
    }

    private static byte[] aad(Field field, String rowKey) {
        return ("egov|" + field.table() + "|" + field.column() + "|" + rowKey).getBytes(StandardCharsets.UTF_8);
    }

    private static GCMModeCipher gcm(boolean encrypt, byte[] key, byte[] iv, byte[] aad) {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, iv, aad));
        Arrays.fill(key, (byte) 0);
        return gcm;
    }

    @Override
    public String toString() {
        return "FieldCipher[" + keys + "]";
    }
}
