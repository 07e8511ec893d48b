package io.jobstats.counts;

/**
 * Unsigned LEB128 varints, as the kept rows' byte encodings write them (TermPairs, PointsEncoding): seven bits a
 * byte, low bits first, the top bit set on every byte but the last. Example: 300 = 44 + 2·128 is AC 02.
 */
public final class Varints {

    private Varints() {
    }

    /** Writes v, taken as unsigned, from out[at] (at most ten bytes); returns where it ends. */
    public static int write(byte[] out, int at, long v) {
        while ((v & ~0x7FL) != 0) {
            out[at++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out[at++] = (byte) v;
        return at;
    }

    /** Reads the varint that starts at in[at[0]], and moves at[0] past it. */
    public static long read(byte[] in, int[] at) {
        long v = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = in[at[0]++];
            v |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return v;
            }
        }
    }
}
