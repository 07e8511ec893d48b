package io.jobstats.market;

import io.jobstats.counts.Varints;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * How salary_count keeps a row's salary points (the distinct points ascending, each with its count of ads): compact,
 * or V10's fixed pairs, which rows written before the compact encoding still hold until they are rewritten
 * ({@code SalaryRowsCompaction}), and which pods write while older ones share the database ({@code CountsConfig}); a
 * reader takes either, told apart by the first byte.
 * <p>
 * Compact: the byte {@value #COMPACT}, then per point its step from the point before (from 0 for the first) when both
 * are whole numbers below 2^53, as a varint of the step shifted left one bit; otherwise the varint 1 and the point's
 * float8; then the point's count as a varint. Varints are unsigned LEB128 ({@link Varints}), float8s big-endian.
 * Ads quote round amounts, so a point takes two to four bytes where a fixed pair takes twelve: the market index of
 * the UK reads some three million of them a period.
 * <p>
 * Fixed pairs (V10): per point its float8 then its count's int4, big-endian. A positive float8's first byte is
 * below 0x80, so it never reads as the compact marker.
 * <p>
 * Worked example: 30,000 twice, 35,000 and 52,000 are {@code 81 | E0 D4 03 02 | 90 4E 01 | D0 89 02 01}: steps 30,000,
 * 5,000 and 17,000, shifted to 60,000, 10,000 and 34,000; 12 bytes, where fixed pairs take 36.
 */
public final class PointsEncoding {

    /** The first byte of a compact row. */
    public static final int COMPACT = 0x81;

    /** Whole numbers from 0 below this are stepped exactly in a long; larger ones are written as float8s. */
    private static final double WHOLE_LIMIT = 0x1p53;

    private PointsEncoding() {
    }

    /** The points (ascending, each with its positive count) in the compact encoding. */
    public static byte[] encode(double[] values, long[] counts) {
        byte[] out = new byte[1 + values.length * 19];
        out[0] = (byte) COMPACT;
        int at = 1;
        double before = 0;
        for (int i = 0; i < values.length; i++) {
            at = writePoint(out, at, before, values[i]);
            at = Varints.write(out, at, counts[i]);
            before = values[i];
        }
        return Arrays.copyOf(out, at);
    }

    /** The points in V10's fixed pairs. */
    public static byte[] fixedPairs(double[] values, long[] counts) {
        ByteBuffer out = ByteBuffer.allocate(values.length * 12);
        for (int i = 0; i < values.length; i++) {
            out.putDouble(values[i]).putInt(Math.toIntExact(counts[i]));
        }
        return out.array();
    }

    /** Adds a row's points, in either encoding, to the builder. */
    public static void decode(byte[] row, SalaryPoints.Builder into) {
        if (row.length == 0 || (row[0] & 0xFF) < 0x80) {
            ByteBuffer in = ByteBuffer.wrap(row);
            while (in.hasRemaining()) {
                into.add(in.getDouble(), in.getInt());
            }
            return;
        }
        if ((row[0] & 0xFF) != COMPACT) {
            throw new IllegalArgumentException("salary points in an unknown encoding, first byte " + (row[0] & 0xFF));
        }
        int[] at = {1};
        double before = 0;
        while (at[0] < row.length) {
            double v = readPoint(row, at, before);
            into.add(v, Varints.read(row, at));
            before = v;
        }
    }

    /**
     * Writes the point v, stepped from the point before as the class comment says (at most nineteen bytes), from
     * out[at]; returns where it ends. Also {@link PlacedPointsEncoding}'s.
     */
    static int writePoint(byte[] out, int at, double before, double v) {
        if (whole(before) && whole(v) && v >= before) {
            return Varints.write(out, at, ((long) v - (long) before) << 1);
        }
        at = Varints.write(out, at, 1);
        ByteBuffer.wrap(out, at, 8).putDouble(v);
        return at + 8;
    }

    /** Reads a point {@link #writePoint} wrote after the point before, from in[at[0]], and moves at[0] past it. */
    static double readPoint(byte[] in, int[] at, double before) {
        long step = Varints.read(in, at);
        if ((step & 1) == 0) {
            return (long) before + (step >>> 1);
        }
        double v = ByteBuffer.wrap(in, at[0], 8).getDouble();
        at[0] += 8;
        return v;
    }

    /** Whether a row is in the compact encoding (else V10's fixed pairs). */
    public static boolean compact(byte[] row) {
        return row.length > 0 && (row[0] & 0xFF) == COMPACT;
    }

    private static boolean whole(double v) {
        return v >= 0 && v < WHOLE_LIMIT && v == Math.rint(v);
    }
}
