package io.jobstats.counts;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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

    @Test
    void termsMustAscendAndCountsBePositive() {
        assertThrows(IllegalArgumentException.class, () -> TermPairs.encode(new int[] {2, 1}, new int[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> TermPairs.encode(new int[] {1}, new int[] {-1}));
    }
}
