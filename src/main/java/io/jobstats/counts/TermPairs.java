package io.jobstats.counts;

import java.util.Arrays;

/**
 * Sparse term counts as the kept rows store them (co_occurrence, V14; live_count, V15): per term, ascending, the gap
 * from the previous term's id (from 0) then its count, each an unsigned LEB128 varint ({@link Varints}).
 * <p>
 * Example: terms 1, 2, 3 counted 2, 1, 1 are 01 02 01 01 01 01: six bytes for what two int arrays hold in 24 (plus
 * their headers). The terms of a region's half month are dense, so gaps are a byte and counts one or two: a UK row
 * of ~800 terms is ~2.5 KB.
 */
public final class TermPairs {

    private TermPairs() {
    }

    /** Receives one (term, count) pair of a row. */
    public interface Pairs {
        void pair(int termId, int count);
    }

    /** The row of the terms, ascending, and their counts, each positive. */
    public static byte[] encode(int[] termIds, int[] counts) {
        byte[] out = new byte[termIds.length * 3 + PAIR_BYTES];
        int at = 0;
        int previous = 0;
        for (int i = 0; i < termIds.length; i++) {
            out = room(out, at);
            at = pair(out, at, termIds[i] - previous, counts[i]);
            previous = termIds[i];
        }
        return Arrays.copyOf(out, at);
    }

    /** The row of a count per term id (element t counts term t): its terms with a count other than zero. */
    public static byte[] encode(int[] countsByTerm) {
        byte[] out = new byte[countsByTerm.length * 3 + PAIR_BYTES];
        int at = 0;
        int previous = 0;
        for (int t = 1; t < countsByTerm.length; t++) {
            if (countsByTerm[t] != 0) {
                out = room(out, at);
                at = pair(out, at, t - previous, countsByTerm[t]);
                previous = t;
            }
        }
        return Arrays.copyOf(out, at);
    }

    /** Reads back a row {@link #encode} wrote, pair by pair. */
    public static void decode(byte[] row, Pairs out) {
        int term = 0;
        for (int[] at = {0}; at[0] < row.length; ) {
            term += (int) Varints.read(row, at);
            out.pair(term, (int) Varints.read(row, at));
        }
    }

    /** The most bytes a pair takes: two varints of ints. */
    private static final int PAIR_BYTES = 10;

    /** The buffer, or a copy twice as long when a pair might not fit from {@code at}. */
    private static byte[] room(byte[] out, int at) {
        return at + PAIR_BYTES <= out.length ? out : Arrays.copyOf(out, 2 * out.length);
    }

    /**
     * Writes a pair from out[at]; returns where it ends. Into a byte array rather than a ByteArrayOutputStream, whose
     * synchronized write of each byte took a quarter of a recount's time in the JVM.
     */
    private static int pair(byte[] out, int at, int gap, int count) {
        if (gap < 0 || count < 0) {
            throw new IllegalArgumentException("term ids must ascend and counts be positive: " + Math.min(gap, count));
        }
        return Varints.write(out, Varints.write(out, at, gap), count);
    }
}
