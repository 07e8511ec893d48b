package io.jobstats.counts;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * Counts, for every term featured by a set of ads, the ads featuring it under each term they feature: the rows of
 * co_occurrence (V14) for one region and half month. The term's own count is its ads.
 * <p>
 * Counted in a dense square over the terms present (ads carry ~25 terms of ~1,100, so a UK half month on 10M ads is
 * 36 million increments into 1.3 million cells), a band of rows per pass when the square would exceed
 * {@link #MAX_CELLS}: a larger taxonomy costs passes over the ads, not memory.
 * <p>
 * Example: ads {1, 2}, {1, 3}, {2} give term 1 the row (1: 2, 2: 1, 3: 1), term 2 (1: 1, 2: 2), term 3 (1: 1, 3: 1).
 * <p>
 * A row is stored {@link #encode encoded}: per term, ascending, the gap from the previous term's id (from 0) then
 * its count, each an unsigned LEB128 varint. Term 1's row above is 01 02 01 01 01 01: six bytes for what two int
 * arrays hold in 24 (plus their headers). Ads feature most terms of a region's half month together, so gaps are a
 * byte and counts one or two: a UK row of ~800 terms is ~2.5 KB.
 */
public final class CoOccurrenceCounter {

    /** The most cells of one pass: 64 MB of counts. */
    static final int MAX_CELLS = 16 * 1024 * 1024;

    /** Receives a term's row: the ids of the terms its ads feature, ascending, and how many of its ads feature each. */
    public interface Rows {
        void row(int termId, int[] termIds, int[] counts);
    }

    private CoOccurrenceCounter() {
    }

    /** Every term's row, in ascending order of term id; each ad's terms distinct. */
    public static void count(List<int[]> ads, Rows out) {
        count(ads, out, MAX_CELLS);
    }

    static void count(List<int[]> ads, Rows out, int maxCells) {
        int[] present = ads.stream().flatMapToInt(Arrays::stream).distinct().sorted().toArray();
        if (present.length == 0) {
            return;
        }
        int k = present.length;
        int[] index = new int[present[k - 1] + 1];
        for (int i = 0; i < k; i++) {
            index[present[i]] = i;
        }
        int band = Math.max(1, Math.min(k, maxCells / k));
        int[] cells = new int[band * k];
        for (int from = 0; from < k; from += band) {
            int to = Math.min(k, from + band);
            Arrays.fill(cells, 0);
            for (int[] terms : ads) {
                for (int t : terms) {
                    int row = index[t] - from;
                    if (row >= 0 && row < to - from) {
                        int base = row * k;
                        for (int u : terms) {
                            cells[base + index[u]]++;
                        }
                    }
                }
            }
            for (int row = 0; row < to - from; row++) {
                emit(present[from + row], cells, row * k, present, out);
            }
        }
    }

    /** A row as co_occurrence keeps it. */
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

    /** Receives one (term, count) pair of a row. */
    public interface Pairs {
        void pair(int termId, int count);
    }

    /** Reads back a row {@link #encode} wrote, pair by pair. */
    public static void decode(byte[] row, Pairs out) {
        int term = 0;
        for (int[] at = {0}; at[0] < row.length; ) {
            term += readVarint(row, at);
            out.pair(term, readVarint(row, at));
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

    private static int readVarint(byte[] in, int[] at) {
        int v = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = in[at[0]++];
            v |= (b & 0x7f) << shift;
            if (b >= 0) {
                return v;
            }
        }
    }

    private static void emit(int termId, int[] cells, int base, int[] present, Rows out) {
        int n = 0;
        for (int i = 0; i < present.length; i++) {
            n += cells[base + i] != 0 ? 1 : 0;
        }
        int[] ids = new int[n];
        int[] counts = new int[n];
        for (int i = 0, j = 0; i < present.length; i++) {
            if (cells[base + i] != 0) {
                ids[j] = present[i];
                counts[j++] = cells[base + i];
            }
        }
        out.row(termId, ids, counts);
    }
}
