package io.jobstats.database;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.LocalDate;

/**
 * PostgreSQL's binary COPY format for the column types the service writes in bulk: see "Binary Format" under COPY
 * in the PostgreSQL documentation. It spares the server parsing text, which was most of its cost of loading an ad.
 */
public final class BinaryCopy {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final int INT4_OID = 23;
    private static final long EPOCH_2000 = LocalDate.of(2000, 1, 1).toEpochDay();

    private BinaryCopy() {
    }

    public static final class Writer {
        private final Out out;

        public Writer(int sizeHint) {
            this(sizeHint, true);
        }

        private Writer(int sizeHint, boolean header) {
            out = new Out(sizeHint);
            if (header) {
                out.write(SIGNATURE);
                out.writeInt(0);
                out.writeInt(0);
            }
        }

        /** What a {@link #fields} writer holds. */
        public byte[] bytes() {
            return out.toByteArray();
        }

        public Writer row(int fields) {
            out.writeShort(fields);
            return this;
        }

        public Writer int2(short v) {
            out.writeInt(2);
            out.writeShort(v);
            return this;
        }

        public Writer int4(int v) {
            out.writeInt(4);
            out.writeInt(v);
            return this;
        }

        public Writer int8(long v) {
            out.writeInt(8);
            out.writeLong(v);
            return this;
        }

        /** A counts array (index = id) as two arrays: the ids with a non-zero count, and those counts. */
        public Writer sparse(int[] counts) {
            int n = 0;
            for (int i = 1; i < counts.length; i++) {
                n += counts[i] != 0 ? 1 : 0;
            }
            int[] ids = new int[n];
            int[] values = new int[n];
            for (int i = 1, k = 0; i < counts.length; i++) {
                if (counts[i] != 0) {
                    ids[k] = i;
                    values[k++] = counts[i];
                }
            }
            return list(ids).list(values);
        }

        /** A plain int4[] (element k of the array is values[k - 1]). */
        public Writer list(int[] values) {
            if (values.length == 0) {
                out.writeInt(12);
                out.writeInt(0);
                out.writeInt(0);
                out.writeInt(INT4_OID);
                return this;
            }
            out.writeInt(20 + 8 * values.length);
            out.writeInt(1);
            out.writeInt(0);
            out.writeInt(INT4_OID);
            out.writeInt(values.length);
            out.writeInt(1);
            for (int v : values) {
                out.writeInt(4);
                out.writeInt(v);
            }
            return this;
        }

        /** A writer of fields without the file header: for rows written piece by piece (see {@link #raw}). */
        public static Writer fields(int sizeHint) {
            return new Writer(sizeHint, false);
        }

        public Writer text(String v) {
            if (v == null) {
                return nul();
            }
            // PostgreSQL text cannot hold NUL; the text format path dropped it too.
            byte[] b = (v.indexOf('\u0000') >= 0 ? v.replace("\u0000", "") : v).getBytes(StandardCharsets.UTF_8);
            out.writeInt(b.length);
            out.write(b);
            return this;
        }

        public Writer nul() {
            out.writeInt(-1);
            return this;
        }

        public Writer bool(boolean v) {
            out.writeInt(1);
            out.writeByte(v ? 1 : 0);
            return this;
        }

        public Writer float8(Double v) {
            if (v == null) {
                return nul();
            }
            out.writeInt(8);
            out.writeDouble(v);
            return this;
        }

        public Writer int4(Integer v) {
            return v == null ? nul() : int4(v.intValue());
        }

        public Writer nullableDate(LocalDate d) {
            return d == null ? nul() : date(d);
        }

        /**
         * numeric: base-10000 digits, the weight of the first, a sign and the display scale (PostgreSQL's
         * NumericVar), from the value's exact decimal form.
         */
        public Writer numeric(Double v) {
            if (v == null) {
                return nul();
            }
            BigDecimal d = BigDecimal.valueOf(v);
            int scale = Math.max(d.scale(), 0);
            String plain = d.abs().setScale(scale).toPlainString();
            int dot = plain.indexOf('.');
            String whole = (dot < 0 ? plain : plain.substring(0, dot)).replaceFirst("^0+", "");
            String fraction = dot < 0 ? "" : plain.substring(dot + 1);
            whole = "0".repeat((4 - whole.length() % 4) % 4) + whole;
            fraction = fraction + "0".repeat((4 - fraction.length() % 4) % 4);
            String all = whole + fraction;
            int[] digits = new int[all.length() / 4];
            for (int i = 0; i < digits.length; i++) {
                digits[i] = Integer.parseInt(all.substring(i * 4, i * 4 + 4));
            }
            int weight = whole.length() / 4 - 1;
            int first = 0;
            while (first < digits.length && digits[first] == 0) {
                first++;
                weight--;
            }
            int last = digits.length;
            while (last > first && digits[last - 1] == 0) {
                last--;
            }
            int n = last - first;
            out.writeInt(8 + 2 * n);
            out.writeShort(n);
            out.writeShort(n == 0 ? 0 : weight);
            out.writeShort(d.signum() < 0 ? 0x4000 : 0);
            out.writeShort(scale);
            for (int i = first; i < last; i++) {
                out.writeShort(digits[i]);
            }
            return this;
        }

        /** Bytes made by a {@link #fields} writer. */
        public Writer raw(byte[] fields) {
            out.write(fields);
            return this;
        }

        public Writer bytea(byte[] v) {
            out.writeInt(v.length);
            out.write(v);
            return this;
        }

        public Writer date(LocalDate d) {
            return int4((int) (d.toEpochDay() - EPOCH_2000));
        }

        /** A counts array (index = id, index 0 unused): index 0 is not written, so SQL element k is index k. */
        public Writer int4Array(int[] counts) {
            return list(counts.length <= 1 ? new int[0] : java.util.Arrays.copyOfRange(counts, 1, counts.length));
        }

        public byte[] finish() {
            out.writeShort(-1);
            return out.toByteArray();
        }
    }

    /**
     * A growing big-endian byte buffer: DataOutputStream over ByteArrayOutputStream makes four synchronized calls
     * per int, and a batch writes millions of them.
     */
    private static final class Out {
        private byte[] buf;
        private int pos;

        Out(int size) {
            buf = new byte[Math.max(size, 64)];
        }

        private void ensure(int n) {
            if (pos + n > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
            }
        }

        void write(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, buf, pos, b.length);
            pos += b.length;
        }

        void writeByte(int v) {
            ensure(1);
            buf[pos++] = (byte) v;
        }

        void writeShort(int v) {
            ensure(2);
            buf[pos++] = (byte) (v >>> 8);
            buf[pos++] = (byte) v;
        }

        void writeInt(int v) {
            ensure(4);
            buf[pos++] = (byte) (v >>> 24);
            buf[pos++] = (byte) (v >>> 16);
            buf[pos++] = (byte) (v >>> 8);
            buf[pos++] = (byte) v;
        }

        void writeLong(long v) {
            writeInt((int) (v >>> 32));
            writeInt((int) v);
        }

        void writeDouble(double v) {
            writeLong(Double.doubleToLongBits(v));
        }

        byte[] toByteArray() {
            return java.util.Arrays.copyOf(buf, pos);
        }
    }

    public static final class Reader {
        private final ByteBuffer in;

        public Reader(byte[] data) {
            in = ByteBuffer.wrap(data);
            if (data.length == 0) {
                return;
            }
            in.position(SIGNATURE.length + 4);
            in.position(in.position() + 4 + in.getInt());
        }

        /** Moves to the next row; false at the end. */
        public boolean nextRow() {
            return in.remaining() >= 2 && in.getShort() != -1;
        }

        public short int2() {
            in.getInt();
            return in.getShort();
        }

        public int int4() {
            in.getInt();
            return in.getInt();
        }

        public LocalDate date() {
            return LocalDate.ofEpochDay(EPOCH_2000 + int4());
        }

        /** A counts array: element k (from lower bound 1) at index k, index 0 left 0. */
        public int[] int4Array() {
            in.getInt();
            return BinaryCopy.int4Array(in);
        }
    }

    /**
     * One int4[] value in PostgreSQL's binary form (array_send, as a column of a binary result arrives: the driver
     * hands its bytes over through getBytes), its element k at index k from its lower bound (1 unless the array says
     * otherwise), the indexes before it 0 (one dimension without null elements, as every counts array is); without
     * boxing each element as the driver's getArray does.
     */
    public static int[] int4Array(byte[] value) {
        return int4Array(ByteBuffer.wrap(value));
    }

    private static int[] int4Array(ByteBuffer in) {
        int dims = in.getInt();
        in.getInt();
        in.getInt();
        if (dims == 0) {
            return new int[0];
        }
        int n = in.getInt();
        int lower = in.getInt();
        int[] out = new int[n + lower];
        for (int i = 0; i < n; i++) {
            in.getInt();
            out[lower + i] = in.getInt();
        }
        return out;
    }
}
