package cn.egov.projects.persistence.project;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * The bytes of a document being written: a growing array whose bytes written so far can be copied from any point,
 * so that the JSON of a record can be kept as it was written into the document ({@link RememberedJson}).
 */
final class DocumentBuffer extends OutputStream {

    private byte[] bytes;
    private int size;
    private final boolean remembering;

    /** @param remembering whether the JSON of the records written into it is to be remembered */
    DocumentBuffer(int capacity, boolean remembering) {
        bytes = new byte[capacity];
        this.remembering = remembering;
    }

    boolean remembering() {
        return remembering;
    }

    @Override
    public void write(int b) {
        room(1);
        bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] from, int offset, int length) {
        room(length);
        System.arraycopy(from, offset, bytes, size, length);
        size += length;
    }

    private void room(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(size + more, bytes.length * 2));
        }
    }

    /** How many bytes are written. */
    int size() {
        return size;
    }

    /** A copy of the bytes from {@code from} to the end. */
    byte[] copyFrom(int from) {
        return Arrays.copyOfRange(bytes, from, size);
    }

    /** {@code head}, then this buffer's bytes from {@code from} on, in one array. */
    byte[] after(byte[] head, int from) {
        byte[] all = new byte[head.length + size - from];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bytes, from, all, head.length, size - from);
        return all;
    }
}
