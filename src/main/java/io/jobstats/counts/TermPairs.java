package io.jobstats.counts;

import java.io.ByteArrayOutputStream;

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
        ByteArrayOutputStream out = new ByteArrayOutputStream(termIds.length * 3);
        int previous = 0;
        for (int i = 0; i < termIds.length; i++) {
            varint(out, termIds[i] - previous);
            varint(out, counts[i]);
            previous = termIds[i];
        }
        return out.toByteArray();
    }

    /** The row of a count per term id (element t counts term t): its terms with a count other than zero. */
    public static byte[] encode(int[] countsByTerm) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(countsByTerm.length * 3);
        int previous = 0;
        for (int t = 1; t < countsByTerm.length; t++) {
            if (countsByTerm[t] != 0) {
                varint(out, t - previous);
                varint(out, countsByTerm[t]);
                previous = t;
            }
        }
        return out.toByteArray();
    }

    /** Reads back a row {@link #encode} wrote, pair by pair. */
    public static void decode(byte[] row, Pairs out) {
        int term = 0;
        for (int[] at = {0}; at[0] < row.length; ) {
            term += (int) Varints.read(row, at);
            out.pair(term, (int) Varints.read(row, at));
        }
    }

    private static void varint(ByteArrayOutputStream out, int v) {
        if (v < 0) {
            throw new IllegalArgumentException("term ids must ascend and counts be positive: " + v);
        }
        while (v >= 0x80) {
            out.write(v & 0x7f | 0x80);
            v >>>= 7;
        }
        out.write(v);
    }
}
