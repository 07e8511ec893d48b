package io.jobstats.market;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AdsByTermTest {

    /** The class comment's worked example: term 3 has 5 ads, terms 1 and 4 have 2, term 2 none. */
    @Test
    void theWorkedExample() {
        AdsByTerm counts = AdsByTerm.of(new long[] {0, 2, 0, 5, 2});
        assertEquals(5, counts.of(3));
        assertEquals(0, counts.of(2));
        assertEquals(0, counts.of(9), "an id beyond the array has no ads");
        assertEquals(1, counts.rank(3));
        // One term (3) has more ads than 1 and 4: both rank 1 + 1.
        assertEquals(2, counts.rank(1));
        assertEquals(2, counts.rank(4));
        assertNull(counts.rank(2));
        assertArrayEquals(new int[] {0, 2, 0, 1, 2}, counts.ranks());
        List<String> seen = new ArrayList<>();
        counts.forEach((t, n) -> seen.add(t + ":" + n));
        assertEquals(List.of("1:2", "3:5", "4:2"), seen);
    }

    /** Every term's rank at once agrees with counting, term by term, the terms with more ads. */
    @Test
    void ranksAgreeWithCounting() {
        Random random = new Random(3);
        long[] byId = new long[400];
        for (int t = 1; t < byId.length; t++) {
            byId[t] = random.nextInt(4) == 0 ? 0 : random.nextInt(50);
        }
        AdsByTerm counts = AdsByTerm.of(byId);
        int[] ranks = counts.ranks();
        for (int t = 1; t < byId.length; t++) {
            int higher = 0;
            for (long n : byId) {
                higher += n > byId[t] ? 1 : 0;
            }
            assertEquals(byId[t] == 0 ? 0 : higher + 1, ranks[t], "term " + t);
            assertEquals(byId[t] == 0 ? null : higher + 1, counts.rank(t), "term " + t);
        }
    }
}
