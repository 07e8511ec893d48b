package io.jobstats.counts;

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
 * A row is stored as {@link TermPairs}: term 1's row above is 01 02 01 01 01 01.
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
