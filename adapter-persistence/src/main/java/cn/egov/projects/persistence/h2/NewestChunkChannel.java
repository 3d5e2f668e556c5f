package cn.egov.projects.persistence.h2;

import org.h2.mvstore.DataUtils;
import org.h2.store.fs.FileBase;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The channel of an H2 store file ({@code *.mv.db}) that keeps the file's store header on the newest chunk written,
 * so that a commit that returned is found again when the file is opened after a crash.
 *
 * <p>Why: H2 (2.5.252) writes each commit's changes as a new chunk, often into space freed by older chunks, and only
 * sometimes rewrites the store header, which names the chunk that recovery starts from. Recovery finds the newest
 * chunk by following each chunk's prediction of where the next one will go, or at the end of the file. When a chunk
 * lands neither where its predecessor predicted nor at the end of the file, H2 does rewrite the header — but from the
 * chunk written before it, since H2 records the new chunk as the last one only after the header is written. Until the
 * next chunk comes, the committed chunk cannot be found: a process killed (or a machine losing power) in between comes
 * back without that commit, although it had returned. This was seen as acknowledged writes lost after {@code kill -9}.
 *
 * <p>So this channel watches the writes H2 makes: after each chunk has been written whole, it writes the store header
 * naming that chunk (its block, id and version, every other field as H2 last wrote or read it), and a header H2 writes
 * that names an older chunk than the newest is written naming the newest instead. A header H2 marks clean (a closed
 * store, or one rolled back to an earlier chunk) is written as it is and taken as the newest. With the file opened in
 * {@code "rwd"} mode each of these writes is on the device when it returns, the chunk before the header that names
 * it, and both before the commit returns.
 *
 * <p>The header format is H2's: two identical blocks of {@code key:value} pairs in hexadecimal, sorted by key, closed
 * by a Fletcher-32 checksum ({@code fletcher}) and a newline. Only positional reads and writes, which are what H2's
 * store uses, are watched.
 */
final class NewestChunkChannel extends FileBase {

    /** H2's block size: the store header fills blocks 0 and 1, chunks start at block boundaries after them. */
    static final int BLOCK_SIZE = 4 * 1024;
    /** Chunk headers are shorter than this (H2 reads at most this much of one). */
    private static final int MAX_CHUNK_HEADER = 1024;
    private static final byte[] CHUNK_PREFIX = "chunk:".getBytes(StandardCharsets.ISO_8859_1);
    private static final String FLETCHER = "fletcher";

    private final FileChannel file;
    /** The fields of the last valid store header read or written; null until one is seen. */
    private HashMap<String, String> header;
    /** The newest chunk written (or named by a header taken as is): its version, id and block, in hexadecimal. */
    private long newestVersion = -1;
    private String newestId;
    private String newestBlock;

    NewestChunkChannel(FileChannel file) {
        this.file = file;
    }

    /** Reads as the file does (pages are read concurrently); the store header read at opening is kept. */
    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        int start = dst.position();
        int read = file.read(dst, position);
        if (position == 0 && read > 0) {
            byte[] bytes = new byte[Math.min(read, BLOCK_SIZE)];
            dst.duplicate().position(start).get(bytes);
            keepHeaderRead(bytes);
        }
        return read;
    }

    private synchronized void keepHeaderRead(byte[] bytes) {
        if (header == null) {
            header = parseHeader(bytes);
        }
    }

    @Override
    public synchronized int write(ByteBuffer src, long position) throws IOException {
        if (position == 0 && src.remaining() >= BLOCK_SIZE) {
            return writeHeader(src);
        }
        if (position >= 2L * BLOCK_SIZE && startsWith(src, CHUNK_PREFIX)) {
            return writeChunk(src, position);
        }
        return file.write(src, position);
    }

    /** A header H2 writes: as it is when it is clean or names the newest chunk, else naming the newest. */
    private int writeHeader(ByteBuffer src) throws IOException {
        byte[] block = new byte[BLOCK_SIZE];
        src.duplicate().get(block);
        HashMap<String, String> fields = parseHeader(block);
        if (fields == null) {
            return file.write(src, 0);
        }
        header = fields;
        long version = hex(fields.get("version"));
        if (fields.containsKey("clean") || version >= newestVersion || newestId == null) {
            if (fields.containsKey("chunk") && fields.containsKey("block")) {
                newestVersion = version;
                newestId = fields.get("chunk");
                newestBlock = fields.get("block");
            }
            return file.write(src, 0);
        }
        int length = src.remaining();
        writeNewestHeader();
        src.position(src.limit());
        return length;
    }

    /** A chunk, written whole; then the header naming it when it is the newest. */
    private int writeChunk(ByteBuffer src, long position) throws IOException {
        Map<String, String> chunk = parseChunkHeader(src);
        int written = 0;
        while (src.hasRemaining()) {
            written += file.write(src, position + written);
        }
        if (chunk != null) {
            long version = hex(chunk.get("version"));
            if (version >= newestVersion) {
                newestVersion = version;
                newestId = chunk.get("chunk");
                newestBlock = Long.toHexString(position / BLOCK_SIZE);
                if (header != null) {
                    writeNewestHeader();
                }
            }
        }
        return written;
    }

    private void writeNewestHeader() throws IOException {
        HashMap<String, String> fields = new HashMap<>(header);
        fields.remove("clean");
        fields.put("block", newestBlock);
        fields.put("chunk", newestId);
        fields.put("version", Long.toHexString(newestVersion));
        StringBuilder text = DataUtils.appendMap(new StringBuilder(112), fields);
        byte[] bytes = text.toString().getBytes(StandardCharsets.ISO_8859_1);
        DataUtils.appendMap(text, FLETCHER, DataUtils.getFletcher32(bytes, 0, bytes.length));
        text.append('\n');
        bytes = text.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer blocks = ByteBuffer.allocate(2 * BLOCK_SIZE);
        blocks.put(bytes).position(BLOCK_SIZE);
        blocks.put(bytes).rewind();
        while (blocks.hasRemaining()) {
            file.write(blocks, blocks.position());
        }
    }

    /** The fields of a store header block, or null when it is not one (its checksum does not match). */
    static HashMap<String, String> parseHeader(byte[] block) {
        int end = 0;
        while (end < block.length && block[end] != '\n' && block[end] != 0) {
            end++;
        }
        String text = new String(block, 0, end, StandardCharsets.ISO_8859_1).trim();
        int at = text.lastIndexOf("," + FLETCHER + ":");
        if (at < 0) {
            return null;
        }
        try {
            byte[] checked = text.substring(0, at).getBytes(StandardCharsets.ISO_8859_1);
            int checksum = (int) Long.parseLong(text.substring(at + FLETCHER.length() + 2), 16);
            if (checksum != DataUtils.getFletcher32(checked, 0, checked.length)) {
                return null;
            }
            return DataUtils.parseMap(text.substring(0, at));
        } catch (RuntimeException notAHeader) {
            return null;
        }
    }

    /** The fields of the chunk header at the start of {@code src}, or null when there is none to read. */
    private static Map<String, String> parseChunkHeader(ByteBuffer src) {
        ByteBuffer view = src.duplicate();
        int length = Math.min(view.remaining(), MAX_CHUNK_HEADER);
        for (int i = 0; i < length; i++) {
            if (view.get(view.position() + i) == '\n') {
                byte[] bytes = new byte[i];
                view.get(bytes);
                try {
                    Map<String, String> fields = DataUtils.parseMap(new String(bytes, StandardCharsets.ISO_8859_1));
                    return fields.containsKey("chunk") && fields.containsKey("version") ? fields : null;
                } catch (RuntimeException notAChunk) {
                    return null;
                }
            }
        }
        return null;
    }

    private static boolean startsWith(ByteBuffer src, byte[] prefix) {
        if (src.remaining() < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (src.get(src.position() + i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static long hex(String value) {
        return value == null ? -1 : Long.parseLong(value, 16);
    }

    // ------------------------------------------------------------------------------ everything else as the file's

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return file.read(dst);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        return file.write(src);
    }

    @Override
    public long position() throws IOException {
        return file.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        file.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return file.size();
    }

    @Override
    public synchronized FileChannel truncate(long size) throws IOException {
        file.truncate(size);
        return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        file.force(metaData);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return file.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        file.close();
    }
}
