package io.jobstats.counts;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A row is its terms' gaps and counts in varints, and reads back unchanged. */
class TermPairsTest {

    @Test
    void rowsAreEncodedAsGapsAndCountsInVarints() {
        assertEquals("[1, 2, 1, 1, 1, 1]", Arrays.toString(TermPairs.encode(new int[] {1, 2, 3}, new int[] {2, 1, 1})));
        // Gap 300 and count 70,000 take two and three bytes.
        assertEquals("[-84, 2, -16, -94, 4]", Arrays.toString(TermPairs.encode(new int[] {300}, new int[] {70_000})));
        assertEquals(0, TermPairs.encode(new int[0], new int[0]).length);
    }

    @Test
    void rowsReadBackUnchanged() {
        int[] ids = {1, 2, 130, 131, 20_000};
        int[] counts = {1, 127, 128, 16_384, Integer.MAX_VALUE};
        List<Integer> readIds = new ArrayList<>();
        List<Integer> readCounts = new ArrayList<>();
        TermPairs.decode(TermPairs.encode(ids, counts), (id, n) -> {
            readIds.add(id);
            readCounts.add(n);
        });
        assertEquals(Arrays.toString(ids), readIds.toString());
        assertEquals(Arrays.toString(counts), readCounts.toString());
    }

    /** Pairs of five-byte counts and three-byte gaps, past the three bytes a pair a row is first given room for. */
    @Test
    void wideRowsReadBackUnchanged() {
        int[] ids = IntStream.range(1, 200).map(i -> i * 20_000).toArray();
        int[] counts = IntStream.range(1, 200).map(i -> Integer.MAX_VALUE - i).toArray();
        List<Integer> readIds = new ArrayList<>();
        List<Integer> readCounts = new ArrayList<>();
        byte[] row = TermPairs.encode(ids, counts);
        TermPairs.decode(row, (id, n) -> {
            readIds.add(id);
            readCounts.add(n);
        });
        assertEquals(Arrays.toString(ids), readIds.toString());
        assertEquals(Arrays.toString(counts), readCounts.toString());
        // Each gap 20,000 (past 2^14: three bytes) and each count past 2^28 (five).
        assertEquals(199 * (3 + 5), row.length);
    }

    /** A count per term id is encoded as the pairs of its terms counted, term 0 and zero counts left out. */
    @Test
    void aCountPerTermIsEncodedAsItsPairs() {
        assertEquals(Arrays.toString(TermPairs.encode(new int[] {1, 2, 3}, new int[] {2, 1, 1})),
                Arrays.toString(TermPairs.encode(new int[] {0, 2, 1, 1})));
        assertEquals(Arrays.toString(TermPairs.encode(new int[] {300}, new int[] {70_000})),
                Arrays.toString(TermPairs.encode(withAt(300, 70_000))));
        assertEquals(0, TermPairs.encode(new int[] {0, 0, 0}).length);
    }

    private static int[] withAt(int i, int v) {
        int[] out = new int[i + 1];
        out[i] = v;
        return out;
    }

    @Test
    void termsMustAscendAndCountsBePositive() {
        assertThrows(IllegalArgumentException.class, () -> TermPairs.encode(new int[] {2, 1}, new int[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> TermPairs.encode(new int[] {1}, new int[] {-1}));
    }
}
