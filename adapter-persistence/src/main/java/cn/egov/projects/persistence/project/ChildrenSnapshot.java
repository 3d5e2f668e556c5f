package cn.egov.projects.persistence.project;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A project's child rows kept with its {@code project} row ({@code project.children_snapshot}), so that loading a
 * project reads one row instead of every child table. The snapshot is written by the same {@code UPDATE} that gives
 * the project its new version, from the same rows the child tables get, so it always describes the child tables of
 * that version; the child tables stay the record that lists, reports and the Audit Bureau query. It names the
 * project and the version it describes: a row whose id or version is not those (copied under another id, or its
 * version raised by whatever changed its tables besides the application) is read from its tables instead.
 *
 * <p>The bytes: a format byte ({@value #FORMAT}), the project's id and version, the number of rows, then per
 * {@link ChildRow} its part, parent seq
 * and seq, a bit set of the slots that are not null (and of the two booleans' values), and the present slots —
 * strings as UTF-8 with their length, dates as epoch days, amounts as unscaled values at scale 2 (the columns are
 * {@code NUMERIC(16,2)}, which round half up likewise), UUIDs as 16 bytes. {@link #decode} gives empty for bytes it does not know (another format,
 * a damaged value): the caller then reads the child tables.
 */
public final class ChildrenSnapshot {

    /** The format this release writes and reads; a change of format or of {@link ChildRows}' slots changes it. */
    static final byte FORMAT = 2;

    private static final int S1 = 1;
    private static final int S2 = 1 << 1;
    private static final int S3 = 1 << 2;
    private static final int S4 = 1 << 3;
    private static final int D1 = 1 << 4;
    private static final int D2 = 1 << 5;
    private static final int D3 = 1 << 6;
    private static final int N1 = 1 << 7;
    private static final int I1 = 1 << 8;
    private static final int B1 = 1 << 9;
    private static final int B2 = 1 << 10;
    private static final int U1 = 1 << 11;
    private static final int B1_TRUE = 1 << 12;
    private static final int B2_TRUE = 1 << 13;

    private ChildrenSnapshot() {
    }

    /** The snapshot of a project's rows, for the project and version of its {@code project} row. */
    public static byte[] of(ProjectRows rows) {
        return encode(rows.project().id(), rows.project().version(), ChildRows.disassemble(rows));
    }

    static byte[] encode(UUID project, long version, List<ChildRow> rows) {
        Out out = new Out(64 + rows.size() * 48);
        out.bytes.write(FORMAT);
        out.uuid(project);
        out.varint(version);
        out.varint(rows.size());
        for (ChildRow r : rows) {
            out.varint(r.part());
            out.varint(r.parentSeq());
            out.varint(r.seq());
            int present = (r.s1() != null ? S1 : 0) | (r.s2() != null ? S2 : 0) | (r.s3() != null ? S3 : 0)
                    | (r.s4() != null ? S4 : 0) | (r.d1() != null ? D1 : 0) | (r.d2() != null ? D2 : 0)
                    | (r.d3() != null ? D3 : 0) | (r.n1() != null ? N1 : 0) | (r.i1() != null ? I1 : 0)
                    | (r.b1() != null ? B1 : 0) | (r.b2() != null ? B2 : 0) | (r.u1() != null ? U1 : 0)
                    | (Boolean.TRUE.equals(r.b1()) ? B1_TRUE : 0) | (Boolean.TRUE.equals(r.b2()) ? B2_TRUE : 0);
            out.varint(present);
            out.text(r.s1());
            out.text(r.s2());
            out.text(r.s3());
            out.text(r.s4());
            out.date(r.d1());
            out.date(r.d2());
            out.date(r.d3());
            if (r.n1() != null) {
                byte[] unscaled = r.n1().setScale(2, RoundingMode.HALF_UP).unscaledValue().toByteArray();
                out.varint(unscaled.length);
                out.bytes.write(unscaled, 0, unscaled.length);
            }
            if (r.i1() != null) {
                out.signed(r.i1());
            }
            if (r.u1() != null) {
                out.uuid(r.u1());
            }
        }
        return out.bytes.toByteArray();
    }

    /**
     * The rows of the snapshot of a project at a version; empty when the bytes are null, of another format, damaged,
     * or of another project or version.
     */
    public static Optional<List<ChildRow>> decode(byte[] snapshot, UUID project, long version) {
        if (snapshot == null || snapshot.length == 0 || snapshot[0] != FORMAT) {
            return Optional.empty();
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(snapshot, 1, snapshot.length - 1);
            if (!new UUID(in.getLong(), in.getLong()).equals(project) || unsigned(in) != version) {
                return Optional.empty();
            }
            int count = length(in);
            List<ChildRow> rows = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int part = varint(in);
                int parentSeq = varint(in);
                int seq = varint(in);
                int present = varint(in);
                String s1 = (present & S1) != 0 ? text(in) : null;
                String s2 = (present & S2) != 0 ? text(in) : null;
                String s3 = (present & S3) != 0 ? text(in) : null;
                String s4 = (present & S4) != 0 ? text(in) : null;
                LocalDate d1 = (present & D1) != 0 ? LocalDate.ofEpochDay(signed(in)) : null;
                LocalDate d2 = (present & D2) != 0 ? LocalDate.ofEpochDay(signed(in)) : null;
                LocalDate d3 = (present & D3) != 0 ? LocalDate.ofEpochDay(signed(in)) : null;
                BigDecimal n1 = null;
                if ((present & N1) != 0) {
                    byte[] unscaled = new byte[length(in)];
                    in.get(unscaled);
                    n1 = new BigDecimal(new BigInteger(unscaled), 2);
                }
                Integer i1 = (present & I1) != 0 ? (int) signed(in) : null;
                Boolean b1 = (present & B1) != 0 ? (present & B1_TRUE) != 0 : null;
                Boolean b2 = (present & B2) != 0 ? (present & B2_TRUE) != 0 : null;
                UUID u1 = (present & U1) != 0 ? new UUID(in.getLong(), in.getLong()) : null;
                rows.add(new ChildRow(part, parentSeq, seq, s1, s2, s3, s4, d1, d2, d3, n1, i1, b1, b2, u1));
            }
            return in.hasRemaining() ? Optional.empty() : Optional.of(rows);
        } catch (RuntimeException damaged) {
            return Optional.empty();
        }
    }

    /** A count or a length: never more than the bytes left (each counted thing takes at least one). */
    private static int length(ByteBuffer in) {
        int length = varint(in);
        if (length > in.remaining()) {
            throw new IllegalArgumentException("length " + length + " beyond the " + in.remaining() + " bytes left");
        }
        return length;
    }

    private static int varint(ByteBuffer in) {
        long value = unsigned(in);
        if (value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("varint out of range");
        }
        return (int) value;
    }

    private static long unsigned(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = in.get();
            value |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("varint too long");
    }

    private static long signed(ByteBuffer in) {
        long zigzag = unsigned(in);
        return (zigzag >>> 1) ^ -(zigzag & 1);
    }

    private static String text(ByteBuffer in) {
        int length = length(in);
        String text = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return text;
    }

    /** The bytes being written. */
    private static final class Out {
        final ByteArrayOutputStream bytes;

        Out(int size) {
            bytes = new ByteArrayOutputStream(size);
        }

        void varint(long value) {
            long v = value;
            while ((v & ~0x7fL) != 0) {
                bytes.write((int) ((v & 0x7f) | 0x80));
                v >>>= 7;
            }
            bytes.write((int) v);
        }

        void signed(long value) {
            varint((value << 1) ^ (value >> 63));
        }

        void text(String text) {
            if (text != null) {
                byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                varint(utf8.length);
                bytes.write(utf8, 0, utf8.length);
            }
        }

        void date(LocalDate date) {
            if (date != null) {
                signed(date.toEpochDay());
            }
        }

        void uuid(UUID id) {
            long[] halves = {id.getMostSignificantBits(), id.getLeastSignificantBits()};
            for (long half : halves) {
                for (int shift = 56; shift >= 0; shift -= 8) {
                    bytes.write((int) (half >>> shift));
                }
            }
        }
    }
}
