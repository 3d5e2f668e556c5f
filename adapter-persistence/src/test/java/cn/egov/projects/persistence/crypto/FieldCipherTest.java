package cn.egov.projects.persistence.crypto;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldCipherTest {

    private static final FieldCipher.Field MOBILE = new FieldCipher.Field("account", "mobile");
    private static final FieldCipher.Field EMAIL = new FieldCipher.Field("account", "email");

    private static DataKeys keys(String... ids) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (int i = 0; i < ids.length; i++) {
            byte[] key = new byte[16];
            key[0] = (byte) (i + 1);
            keys.put(ids[i], key);
        }
        return DataKeys.of(keys);
    }

    @Test
    @DisplayName("SM4-GCM round trip: the stored text names the key and holds no plaintext")
    void roundTrip() {
        FieldCipher cipher = new FieldCipher(keys("k1"));
        String stored = cipher.encrypt(MOBILE, "user-1", "13912345678");
        assertThat(stored).startsWith("sm4gcm:v1:k1:").doesNotContain("13912345678").doesNotContain("5678");
        assertThat(cipher.decrypt(MOBILE, "user-1", stored)).isEqualTo("13912345678");
        String email = cipher.encrypt(EMAIL, "user-1", "张三@example.cn");
        assertThat(cipher.decrypt(EMAIL, "user-1", email)).isEqualTo("张三@example.cn");
        assertThat(cipher.encrypt(MOBILE, "user-1", null)).isNull();
        assertThat(cipher.decrypt(MOBILE, "user-1", null)).isNull();
    }

    @Test
    @DisplayName("a fresh IV for every value: the same value twice gives two different ciphertexts")
    void freshIv() {
        FieldCipher cipher = new FieldCipher(keys("k1"));
        String a = cipher.encrypt(MOBILE, "user-1", "13912345678");
        String b = cipher.encrypt(MOBILE, "user-1", "13912345678");
        assertThat(a).isNotEqualTo(b);
        byte[] ivA = Base64.getDecoder().decode(a.substring(a.lastIndexOf(':') + 1));
        byte[] ivB = Base64.getDecoder().decode(b.substring(b.lastIndexOf(':') + 1));
        assertThat(java.util.Arrays.copyOf(ivA, 12)).isNotEqualTo(java.util.Arrays.copyOf(ivB, 12));
        // 12-byte IV, 11 bytes of ciphertext, a 16-byte tag
        assertThat(ivA).hasSize(12 + 11 + 16);
    }

    @Test
    @DisplayName("a project contact written back unchanged keeps its stored text; a changed one, another row's or a newer key's is encrypted afresh; no other table's value is remembered")
    void unchangedValuesKeepTheirStoredText() {
        FieldCipher cipher = new FieldCipher(keys("k1"));
        // only a project's contacts are remembered: an account's, or a second factor's secret, never
        String secret = cipher.encrypt(PersonalFields.SECOND_FACTOR_SECRET, "user-1", "JBSWY3DPEHPK3PXP");
        assertThat(cipher.encryptUnlessUnchanged(PersonalFields.SECOND_FACTOR_SECRET, "user-1", "JBSWY3DPEHPK3PXP"))
                .isNotEqualTo(secret);
        assertThat(cipher.decrypt(PersonalFields.SECOND_FACTOR_SECRET, "user-1", secret)).isEqualTo("JBSWY3DPEHPK3PXP");
        assertThat(cipher.encryptUnlessUnchanged(PersonalFields.SECOND_FACTOR_SECRET, "user-1", "JBSWY3DPEHPK3PXP"))
                .as("not kept after a read either").isNotEqualTo(secret);
        String stored = cipher.encrypt(PersonalFields.LEADER_MOBILE, "user-1", "13912345678");
        assertThat(cipher.encryptUnlessUnchanged(PersonalFields.LEADER_MOBILE, "user-1", "13912345678")).isEqualTo(stored);
        assertThat(cipher.encryptUnlessUnchanged(PersonalFields.LEADER_MOBILE, "user-2", "13912345678")).isNotEqualTo(stored);
        assertThat(cipher.encryptUnlessUnchanged(PersonalFields.LEADER_EMAIL, "user-1", "13912345678")).isNotEqualTo(stored);
        String changed = cipher.encryptUnlessUnchanged(PersonalFields.LEADER_MOBILE, "user-1", "13812345678");
        assertThat(changed).isNotEqualTo(stored);
        assertThat(cipher.decrypt(PersonalFields.LEADER_MOBILE, "user-1", changed)).isEqualTo("13812345678");

        // read by another process (another cipher object): kept once read
        FieldCipher reader = new FieldCipher(keys("k1"));
        assertThat(reader.decrypt(PersonalFields.LEADER_MOBILE, "user-1", stored)).isEqualTo("13912345678");
        assertThat(reader.encryptUnlessUnchanged(PersonalFields.LEADER_MOBILE, "user-1", "13912345678")).isEqualTo(stored);
        // after a rotation the value read under the old key is written under the new one
        FieldCipher rotated = new FieldCipher(keys("k1", "k2"));
        assertThat(rotated.decrypt(PersonalFields.LEADER_MOBILE, "user-1", stored)).isEqualTo("13912345678");
        assertThat(rotated.encryptUnlessUnchanged(PersonalFields.LEADER_MOBILE, "user-1", "13912345678")).startsWith("sm4gcm:v1:k2:");
        // a value read before still does not decrypt once altered, nor in another row
        int last = stored.length() - 5;
        String altered = stored.substring(0, last) + (stored.charAt(last) == 'A' ? 'B' : 'A') + stored.substring(last + 1);
        assertThatThrownBy(() -> reader.decrypt(PersonalFields.LEADER_MOBILE, "user-1", altered))
                .isInstanceOf(FieldCipher.UndecryptableException.class);
        assertThatThrownBy(() -> reader.decrypt(PersonalFields.LEADER_MOBILE, "user-2", stored))
                .isInstanceOf(FieldCipher.UndecryptableException.class);
    }

    @Test
    @DisplayName("the table, column and row are bound in: a value moved to another row or column does not decrypt")
    void associatedData() {
        FieldCipher cipher = new FieldCipher(keys("k1"));
        String stored = cipher.encrypt(MOBILE, "user-1", "13912345678");
        assertThatThrownBy(() -> cipher.decrypt(MOBILE, "user-2", stored))
                .isInstanceOf(FieldCipher.UndecryptableException.class)
                .hasMessageContaining("account.mobile").hasMessageContaining("user-2")
                .hasMessageContaining("another row or column").hasMessageNotContaining("139");
        assertThatThrownBy(() -> cipher.decrypt(EMAIL, "user-1", stored))
                .isInstanceOf(FieldCipher.UndecryptableException.class);
        assertThatThrownBy(() -> cipher.decrypt(new FieldCipher.Field("project", "mobile"), "user-1", stored))
                .isInstanceOf(FieldCipher.UndecryptableException.class);
    }

    @Test
    @DisplayName("an altered ciphertext does not decrypt")
    void tampering() {
        FieldCipher cipher = new FieldCipher(keys("k1"));
        String stored = cipher.encrypt(MOBILE, "user-1", "13912345678");
        int last = stored.length() - 5;
        String altered = stored.substring(0, last) + (stored.charAt(last) == 'A' ? 'B' : 'A') + stored.substring(last + 1);
        assertThatThrownBy(() -> cipher.decrypt(MOBILE, "user-1", altered))
                .isInstanceOf(FieldCipher.UndecryptableException.class);
        assertThatThrownBy(() -> cipher.decrypt(MOBILE, "user-1", "sm4gcm:v1:k1:AAAA"))
                .isInstanceOf(FieldCipher.UndecryptableException.class).hasMessageContaining("malformed");
    }

    @Test
    @DisplayName("a value under a key the key file does not hold is refused naming the key; older keys still decrypt")
    void keyIds() {
        FieldCipher old = new FieldCipher(keys("k1"));
        String underK1 = old.encrypt(MOBILE, "user-1", "13912345678");
        FieldCipher rotated = new FieldCipher(keys("k1", "k2"));
        assertThat(rotated.decrypt(MOBILE, "user-1", underK1)).isEqualTo("13912345678");
        assertThat(rotated.isCurrent(underK1)).isFalse();
        String underK2 = rotated.reencrypt(MOBILE, "user-1", underK1);
        assertThat(underK2).startsWith("sm4gcm:v1:k2:");
        assertThat(rotated.isCurrent(underK2)).isTrue();
        assertThatThrownBy(() -> old.decrypt(MOBILE, "user-1", underK2))
                .isInstanceOf(FieldCipher.UndecryptableException.class).hasMessageContaining("key k2")
                .hasMessageContaining("does not hold");
        // a different key under the same id does not decrypt either
        Map<String, byte[]> other = Map.of("k1", new byte[16]);
        assertThatThrownBy(() -> new FieldCipher(DataKeys.of(other)).decrypt(MOBILE, "user-1", underK1))
                .isInstanceOf(FieldCipher.UndecryptableException.class);
    }

    @Test
    @DisplayName("a value written before encryption at rest reads as it is and is not current")
    void plaintextBeforeMigration() {
        FieldCipher cipher = new FieldCipher(keys("k1"));
        assertThat(cipher.decrypt(MOBILE, "user-1", "13912345678")).isEqualTo("13912345678");
        assertThat(cipher.isCurrent("13912345678")).isFalse();
        assertThat(cipher.reencrypt(MOBILE, "user-1", "13912345678")).startsWith("sm4gcm:v1:k1:");
    }

    @Test
    @DisplayName("the key file is made on first use readable by its owner only; a key is added after the others")
    void keyFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys").resolve("data.key");
        DataKeys made = DataKeys.fromFile(file, true);
        assertThat(made.ids()).containsExactly("k1");
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);
        assertThat(DataKeys.fromFile(file, true)).isEqualTo(made);
        String value = new FieldCipher(made).encrypt(MOBILE, "u", "13912345678");

        DataKeys added = DataKeys.addKey(file);
        assertThat(added.ids()).containsExactly("k1", "k2");
        assertThat(added.newestId()).isEqualTo("k2");
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);
        assertThat(new FieldCipher(DataKeys.fromFile(file, false)).decrypt(MOBILE, "u", value))
                .isEqualTo("13912345678");
        assertThat(added.toString()).doesNotContain(Files.readString(file).split("\\s+")[1]);
    }

    @Test
    @DisplayName("a missing or broken key file is refused with a clear message")
    void badKeyFiles(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> DataKeys.fromFile(dir.resolve("absent.key"), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot read the data key file");
        Path shortKey = dir.resolve("short.key");
        Files.writeString(shortKey, "k1 " + Base64.getEncoder().encodeToString(new byte[8]) + "\n");
        assertThatThrownBy(() -> DataKeys.fromFile(shortKey, false)).hasMessageContaining("16 bytes");
        Path twice = dir.resolve("twice.key");
        String key = Base64.getEncoder().encodeToString(new byte[16]);
        Files.writeString(twice, "k1 " + key + "\nk1 " + key + "\n", StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> DataKeys.fromFile(twice, false)).hasMessageContaining("twice");
        Path empty = dir.resolve("empty.key");
        Files.writeString(empty, "# nothing\n");
        assertThatThrownBy(() -> DataKeys.fromFile(empty, false)).hasMessageContaining("no key");
        Files.setPosixFilePermissions(empty, Set.of(PosixFilePermission.OWNER_READ));
    }

    @Test
    @DisplayName("SM3 of 'abc' is the GB/T 32905 example")
    void sm3() {
        assertThat(Sm3.of("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }
}
