package io.jobstats.counts;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** PostgreSQL's int[] text form, read and written by hand, and the sums the term counts make of such arrays. */
class IntArraysTest {

    @Test
    void readsWhatItWrites() {
        Random random = new Random(7);
        for (int n : new int[] {0, 1, 15, 16, 17, 1000}) {
            int[] values = random.ints(n, -1_000_000, 1_000_000).toArray();
            String text = IntArrays.format(new StringBuilder(), values).toString();
            assertArrayEquals(values, IntArrays.parse(text), text);
        }
        assertEquals("{}", IntArrays.format(new StringBuilder(), new int[0]).toString());
        assertArrayEquals(new int[] {3, -7, 12}, IntArrays.parse("{3,-7,12}"));
    }

    @Test
    void sumsGrowToTheLongerArray() {
        assertArrayEquals(new int[] {5, 7, 3}, IntArrays.add(new int[] {4, 5}, new int[] {1, 2, 3}));
        assertArrayEquals(new int[] {5, 7, 3}, IntArrays.add(new int[] {4, 5, 3}, new int[] {1, 2}));
        assertArrayEquals(new int[] {0, 2, 0, 5}, IntArrays.addSparse(new int[] {0, 1}, new int[] {1, 3}, new int[] {1, 5}));
        assertArrayEquals(new int[] {0, 0, -1}, IntArrays.increment(new int[0], 2, -1));
    }

    @Test
    void incrementAllIsIncrementAtEachIndex() {
        Random random = new Random(11);
        for (int round = 0; round < 200; round++) {
            int[] a = random.ints(random.nextInt(6), -3, 4).toArray();
            int[] ids = random.ints(random.nextInt(8), 0, 12).distinct().toArray();
            int by = random.nextBoolean() ? 1 : -1;
            int[] expected = a.clone();
            for (int i : ids) {
                expected = IntArrays.increment(expected, i, by);
            }
            assertArrayEquals(expected, IntArrays.incrementAll(a.clone(), ids, by));
        }
    }
}
