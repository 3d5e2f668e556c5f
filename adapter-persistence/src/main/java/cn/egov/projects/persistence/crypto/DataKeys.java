package cn.egov.projects.persistence.crypto;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The SM4 keys that encrypt personal data at rest ({@link FieldCipher}), kept outside the database in a file of their
 * own ({@code EGOV_DATA_KEY_FILE}, default {@code data/data.key}) readable by its owner only, so that a copy of the
 * database files or a dump tells nothing without it. The file holds one key a line, {@code <id> <base64 of 16
 * bytes>}, oldest first; lines starting with {@code #} are comments. The last key encrypts; every key decrypts, so
 * values written under an older key stay readable until {@code rotate-keys} has written them again under the newest.
 */
public final class DataKeys {

    /** The length of an SM4 key. */
    public static final int KEY_BYTES = 16;
    private static final int MAX_FILE = 64 * 1024;
    private static final Pattern ID = Pattern.compile("k[1-9][0-9]{0,5}");

    private final LinkedHashMap<String, byte[]> keys;
    private final String newest;

    private DataKeys(LinkedHashMap<String, byte[]> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no data key");
        }
        this.keys = keys;
        this.newest = List.copyOf(keys.keySet()).get(keys.size() - 1);
    }

    /** One random key, {@code k1}, the same for the whole process and lost with it: tests and throwaway databases. */
    public static DataKeys ephemeral() {
        return Ephemeral.KEYS;
    }

    private static final class Ephemeral {
        static final DataKeys KEYS;

        static {
            LinkedHashMap<String, byte[]> keys = new LinkedHashMap<>();
            keys.put("k1", random());
            KEYS = new DataKeys(keys);
        }
    }

    /** Keys given by id, oldest first (tests). */
    public static DataKeys of(Map<String, byte[]> keys) {
        LinkedHashMap<String, byte[]> copy = new LinkedHashMap<>();
        keys.forEach((id, key) -> copy.put(checkedId(id), checkedKey(id, key).clone()));
        return new DataKeys(copy);
    }

    /**
     * Reads the key file, or — when it does not exist and {@code create} is set — makes one with a first key,
     * readable and writable by its owner only.
     *
     * @throws IllegalArgumentException when the file cannot be read or holds no usable key (the message says why,
     *                                  never a key)
     */
    public static DataKeys fromFile(Path file, boolean create) {
        try {
            if (Files.notExists(file) && create) {
                writeAtomically(file, "# egov-projects data keys (SM4): <id> <base64>; the last one encrypts."
                        + " Keep a copy apart from the database backups.\n" + "k1 " + encode(random()) + "\n", false);
            }
            if (Files.size(file) > MAX_FILE) {
                throw new IllegalArgumentException("the data key file " + file + " is larger than " + MAX_FILE
                        + " bytes");
            }
            return parse(file, Files.readAllLines(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the data key file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Adds a new key to the file, after the others (so that it encrypts from now on), and returns the keys the file
     * holds now. The file is replaced in one move: an interruption leaves it as it was or with the new key.
     */
    public static DataKeys addKey(Path file) {
        DataKeys current = fromFile(file, false);
        int next = current.keys.keySet().stream().mapToInt(id -> Integer.parseInt(id.substring(1))).max().orElse(0) + 1;
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII);
            if (!text.isEmpty() && !text.endsWith("\n")) {
                text += "\n";
            }
            writeAtomically(file, text + "k" + next + " " + encode(random()) + "\n", true);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write the data key file " + file + ": " + e.getMessage(), e);
        }
        return fromFile(file, false);
    }

    private static DataKeys parse(Path file, List<String> lines) {
        LinkedHashMap<String, byte[]> keys = new LinkedHashMap<>();
        int number = 0;
        for (String raw : lines) {
            number++;
            String line = raw.trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException("line " + number + " of the data key file " + file
                        + " is not '<id> <base64 key>'");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(parts[1]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + number + " of the data key file " + file
                        + " does not hold base64 text", e);
            }
            try {
                checkedId(parts[0]);
                checkedKey(parts[0], key);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + number + " of the data key file " + file + ": "
                        + e.getMessage(), e);
            }
            if (keys.put(parts[0], key) != null) {
                throw new IllegalArgumentException("the data key file " + file + " names key " + parts[0] + " twice");
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("the data key file " + file + " holds no key");
        }
        return new DataKeys(keys);
    }

    private static String checkedId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a data key id is k followed by a number, e.g. k1");
        }
        return id;
    }

    private static byte[] checkedKey(String id, byte[] key) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("data key " + id + " must have " + KEY_BYTES + " bytes");
        }
        return key;
    }

    private static byte[] random() {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private static String encode(byte[] key) {
        return Base64.getEncoder().encodeToString(key);
    }

    private static void writeAtomically(Path file, String text, boolean replace) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = Files.createTempFile(dir, ".data-key", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, Set.of(PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE));
            } catch (UnsupportedOperationException notPosix) {
                // a file system without POSIX permissions: the directory's protection applies
            }
            Files.writeString(tmp, text, StandardCharsets.US_ASCII);
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            if (replace) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                try {
                    Files.createLink(file, tmp);
                } catch (FileAlreadyExistsException raced) {
                    // another process made it first: use theirs
                } catch (UnsupportedOperationException noLinks) {
                    Files.move(tmp, file);
                }
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The id of the key that encrypts. */
    public String newestId() {
        return newest;
    }

    /** The ids of every key, oldest first. */
    public List<String> ids() {
        return Collections.unmodifiableList(List.copyOf(keys.keySet()));
    }

    /** The key of that id (a copy), if the file has it. */
    Optional<byte[]> key(String id) {
        byte[] key = keys.get(id);
        return key == null ? Optional.empty() : Optional.of(key.clone());
    }

    byte[] newestKey() {
        return keys.get(newest).clone();
    }

    @Override
    public String toString() {
        return "DataKeys" + keys.keySet() + "(newest " + newest + ")";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DataKeys other) || !other.keys.keySet().equals(keys.keySet())) {
            return false;
        }
        return keys.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), other.keys.get(e.getKey())));
    }

    @Override
    public int hashCode() {
        return keys.keySet().hashCode();
    }
}
