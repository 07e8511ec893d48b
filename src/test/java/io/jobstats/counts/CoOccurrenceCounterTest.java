package io.jobstats.counts;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A term's row counts its ads under each term they feature, itself included, however many passes the square takes,
 * and reads back from its encoding unchanged.
 */
class CoOccurrenceCounterTest {

    @Test
    void theWorkedExample() {
        assertEquals(Map.of(1, "[1, 2, 3]=[2, 1, 1]", 2, "[1, 2]=[1, 2]", 3, "[1, 3]=[1, 1]"),
                rows(List.of(new int[] {1, 2}, new int[] {1, 3}, new int[] {2}), CoOccurrenceCounter.MAX_CELLS));
    }

    @Test
    void noAdsNoRows() {
        assertEquals(Map.of(), rows(List.of(), CoOccurrenceCounter.MAX_CELLS));
        assertEquals(Map.of(), rows(List.of(new int[0]), CoOccurrenceCounter.MAX_CELLS));
    }

    /** Random ads against pairs counted one by one in maps; in one pass, in bands of 7 rows, and a row at a time. */
    @Test
    void randomAdsMatchAPairByPairCount() {
        Random random = new Random(11);
        List<int[]> ads = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            ads.add(random.ints(1 + random.nextInt(12), 1, 300).distinct().toArray());
        }
        Map<Integer, TreeMap<Integer, Integer>> pairs = new TreeMap<>();
        for (int[] terms : ads) {
            for (int t : terms) {
                for (int u : terms) {
                    pairs.computeIfAbsent(t, x -> new TreeMap<>()).merge(u, 1, Integer::sum);
                }
            }
        }
        Map<Integer, String> expected = new TreeMap<>();
        pairs.forEach((t, row) -> expected.put(t, row.keySet() + "=" + row.values()));
        int present = pairs.size();
        assertEquals(expected, rows(ads, CoOccurrenceCounter.MAX_CELLS));
        assertEquals(expected, rows(ads, present * 7));
        assertEquals(expected, rows(ads, 1));
    }

    private static Map<Integer, String> rows(List<int[]> ads, int maxCells) {
        Map<Integer, String> out = new TreeMap<>();
        List<Integer> order = new ArrayList<>();
        CoOccurrenceCounter.count(ads, (t, ids, counts) -> {
            order.add(t);
            out.put(t, Arrays.toString(ids) + "=" + Arrays.toString(counts));
            // Each row as kept reads back the same.
            List<Integer> readIds = new ArrayList<>();
            List<Integer> readCounts = new ArrayList<>();
            TermPairs.decode(TermPairs.encode(ids, counts), (id, n) -> {
                readIds.add(id);
                readCounts.add(n);
            });
            assertEquals(Arrays.toString(ids) + "=" + Arrays.toString(counts), readIds + "=" + readCounts);
        }, maxCells);
        assertEquals(order.stream().sorted().toList(), order, "rows in ascending order of term");
        return out;
    }
}
