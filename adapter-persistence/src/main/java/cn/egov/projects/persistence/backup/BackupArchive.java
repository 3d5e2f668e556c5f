package cn.egov.projects.persistence.backup;

import org.bouncycastle.crypto.digests.SM3Digest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A backup archive: a zip file with the data entry ({@code data.sql}, H2's script of the whole database, or
 * {@code data.dump}, pg_dump's custom format), {@code manifest.properties} ({@link Manifest}: what it holds and the
 * data's SM3 digest) and {@code manifest.sm3} (the manifest's SM3 digest). A restore reads the archive only after
 * both digests match, so a damaged or altered archive is refused before anything is written. The digests detect
 * damage, not a forger who recomputes them: the audit chain, checked after every restore under its key, does that for
 * the audit trail. The key files (audit key, data key) are never in an archive; they are backed up apart.
 */
public final class BackupArchive {

    public static final String MANIFEST = "manifest.properties";
    public static final String MANIFEST_DIGEST = "manifest.sm3";
    private static final int MAX_MANIFEST = 1 << 20;

    private BackupArchive() {
    }

    /**
     * Writes the archive: the data file as {@code manifest.dataEntry()}, with its digest and size set in the
     * manifest here. The archive is made beside its place, forced to the disk and moved into place in one step; an
     * existing file is never replaced.
     *
     * @return the manifest as written
     */
    public static Manifest write(Path archive, Manifest manifest, Path data) throws IOException {
        if (Files.exists(archive)) {
            throw new FileAlreadyExistsException(archive.toString());
        }
        String dataSm3;
        try (InputStream in = Files.newInputStream(data)) {
            dataSm3 = sm3(in, null);
        }
        Manifest complete = new Manifest(manifest.vendor(), manifest.schemaVersion(), manifest.createdAt(),
                manifest.createdBy(), manifest.counts(), manifest.auditLastId(), manifest.auditCount(),
                manifest.auditLastSeal(), manifest.dataEntry(), dataSm3, Files.size(data));
        byte[] manifestBytes = complete.toBytes();
        Path dir = archive.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".backup-", ".zip.part");
        try {
            try (OutputStream file = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(file)) {
                zip.putNextEntry(new ZipEntry(complete.dataEntry()));
                Files.copy(data, zip);
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(MANIFEST));
                zip.write(manifestBytes);
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(MANIFEST_DIGEST));
                zip.write((sm3(manifestBytes) + "\n").getBytes(StandardCharsets.US_ASCII));
                zip.closeEntry();
            }
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(tmp, archive, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return complete;
    }

    /**
     * Checks the archive and copies its data entry to {@code dataOut}.
     *
     * @return its manifest
     * @throws BackupException (DAMAGED) when the file is not such an archive, is damaged, or a digest does not match
     */
    public static Manifest read(Path archive, Path dataOut) throws IOException {
        if (!Files.isRegularFile(archive)) {
            throw new BackupException(BackupException.Kind.DAMAGED, "找不到备份文件：" + archive,
                    "no backup file at " + archive);
        }
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            byte[] manifestBytes = small(zip, MANIFEST);
            String digest = new String(small(zip, MANIFEST_DIGEST), StandardCharsets.US_ASCII).trim();
            if (!digest.equals(sm3(manifestBytes))) {
                throw Manifest.damaged("清单与其SM3摘要不符", "the manifest does not match its SM3 digest", null);
            }
            Manifest manifest = Manifest.parse(manifestBytes);
            ZipEntry data = zip.getEntry(manifest.dataEntry());
            if (data == null || data.isDirectory()) {
                throw Manifest.damaged("缺少数据部分", "the data entry is missing", null);
            }
            String dataSm3;
            long[] bytes = new long[1];
            try (InputStream in = zip.getInputStream(data); OutputStream out = Files.newOutputStream(dataOut)) {
                dataSm3 = sm3(in, chunk -> {
                    out.write(chunk.bytes(), 0, chunk.length());
                    bytes[0] += chunk.length();
                });
            }
            if (bytes[0] != manifest.dataBytes() || !dataSm3.equals(manifest.dataSm3())) {
                throw Manifest.damaged("数据部分与清单中的SM3摘要不符", "the data does not match the manifest's SM3 digest",
                        null);
            }
            return manifest;
        } catch (ZipException e) {
            throw Manifest.damaged("不是完好的zip文件", "not an intact zip file (" + e.getMessage() + ")", e);
        }
    }

    private static byte[] small(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw Manifest.damaged("缺少" + name, "there is no " + name, null);
        }
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes(MAX_MANIFEST + 1);
            if (bytes.length > MAX_MANIFEST) {
                throw Manifest.damaged(name + "过大", name + " is too large", null);
            }
            return bytes;
        }
    }

    /** A piece of what is digested. */
    private record Chunk(byte[] bytes, int length) {
    }

    @FunctionalInterface
    private interface Sink {
        void accept(Chunk chunk) throws IOException;
    }

    /** SM3 (GB/T 32905) of the bytes, as 64 lowercase hex digits. */
    public static String sm3(byte[] bytes) {
        SM3Digest digest = new SM3Digest();
        digest.update(bytes, 0, bytes.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    private static String sm3(InputStream in, Sink sink) throws IOException {
        SM3Digest digest = new SM3Digest();
        byte[] buffer = new byte[64 * 1024];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            digest.update(buffer, 0, n);
            if (sink != null) {
                sink.accept(new Chunk(buffer, n));
            }
        }
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
