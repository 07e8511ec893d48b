package io.jobstats.market;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SalaryPointsTest {

    /** The class comment's worked example: 30,000 twice, 35,000 and 52,000. */
    private static final SalaryPoints EXAMPLE = new SalaryPoints(new double[] {30_000, 35_000, 52_000}, new long[] {2, 1, 1});

    @Test
    void theWorkedExample() {
        assertEquals(4, EXAMPLE.size());
        assertEquals(36_750, EXAMPLE.mean());
        // h = 0.5 × 3 = 1.5: x(2) + 0.5 × (x(3) − x(2)) = 30,000 + 2,500.
        assertEquals(32_500, EXAMPLE.median());
        assertEquals(35_000, EXAMPLE.orderStatistic(3));
        assertEquals(List.of(new SalaryPoints.Band(30_000, 35_000, 2), new SalaryPoints.Band(35_000, 40_000, 1),
                new SalaryPoints.Band(40_000, 45_000, 0), new SalaryPoints.Band(45_000, 50_000, 0),
                new SalaryPoints.Band(50_000, 55_000, 1)), EXAMPLE.histogram(5_000));
        assertNull(EXAMPLE.medianInterval(), "four points make no 95% interval");
    }

    /**
     * The kept rows' encoding (float8 then int4, big-endian) merged with pairs from the ads, an edge's ads taken away:
     * 30,000 ×2 and 35,000 kept in one half month, 30,000 and 52,000 in another, less 30,000 once (a day outside the
     * period) is the worked example; a point whose ads are all taken away is gone, and taking away more than there
     * were is refused.
     */
    @Test
    void aBuilderMergesKeptRowsAndEdges() {
        ByteBuffer first = ByteBuffer.allocate(24).putDouble(30_000).putInt(2).putDouble(35_000).putInt(1);
        SalaryPoints merged = new SalaryPoints.Builder().addEncoded(first.array()).add(52_000, 1).add(30_000, 1)
                .add(40_000, 1).add(30_000, -1).add(40_000, -1).build();
        assertEquals(EXAMPLE.size(), merged.size());
        for (double p : new double[] {0.1, 0.25, 0.5, 0.75, 0.9}) {
            assertEquals(EXAMPLE.percentile(p), merged.percentile(p));
        }
        assertEquals(EXAMPLE.histogram(1_000), merged.histogram(1_000));
        assertEquals(0, new SalaryPoints.Builder().build().size());
        assertThrows(IllegalStateException.class, () -> new SalaryPoints.Builder().add(30_000, 1).add(30_000, -2).build());
    }

    /**
     * Against a TreeMap's sums: kept rows (each an ascending run, a value repeated across runs), single pairs in any
     * order, and ads taken away again; from none to as many rows as a year's trend window merges, so from no points
     * to some 200, the builder's table growing five times on the way (16 to 512 slots).
     */
    @Test
    void aBuilderSumsRunsInAnyOrder() {
        Random random = new Random(5);
        for (int runs = 0; runs <= 25; runs++) {
            SalaryPoints.Builder builder = new SalaryPoints.Builder();
            TreeMap<Double, Long> expected = new TreeMap<>();
            for (int r = 0; r < runs; r++) {
                TreeMap<Double, Long> row = new TreeMap<>();
                for (int i = random.nextInt(40); i > 0; i--) {
                    row.merge(20_000.0 + 250 * random.nextInt(200), 1L + random.nextInt(3), Long::sum);
                }
                builder.addAll(SalaryPoints.of(row));
                row.forEach((v, n) -> expected.merge(v, n, Long::sum));
                for (int i = random.nextInt(5); i > 0; i--) {
                    double v = 20_000.0 + 250 * random.nextInt(200);
                    builder.add(v, 1).add(v, 2).add(v, -1);
                    expected.merge(v, 2L, Long::sum);
                }
            }
            SalaryPoints built = builder.build();
            assertEquals(expected.isEmpty() ? SalaryPoints.NONE.histogram(250) : SalaryPoints.of(expected).histogram(250),
                    built.histogram(250), runs + " runs");
            assertEquals(expected.values().stream().mapToLong(Long::longValue).sum(), built.size());
        }
    }

    /**
     * merge against a TreeMap's sums: from no part to a year's window of months, each part from none to 300 points
     * drawn from 400 amounts (so parts share most values, as months do), a part empty now and then; and the builder
     * fed the same rows in their stored encoding, its table grown to fit each row first.
     */
    @Test
    void mergeSumsSortedParts() {
        Random random = new Random(11);
        for (int k = 0; k <= 12; k++) {
            List<SalaryPoints> parts = new ArrayList<>();
            TreeMap<Double, Long> expected = new TreeMap<>();
            SalaryPoints.Builder decoded = new SalaryPoints.Builder();
            for (int p = 0; p < k; p++) {
                TreeMap<Double, Long> part = new TreeMap<>();
                for (int i = random.nextInt(301); i > 0; i--) {
                    part.merge(15_000.0 + 125 * random.nextInt(400), 1L + random.nextInt(4), Long::sum);
                }
                SalaryPoints points = part.isEmpty() ? SalaryPoints.NONE : SalaryPoints.of(part);
                parts.add(points);
                decoded.addEncoded(points.encoded());
                part.forEach((v, n) -> expected.merge(v, n, Long::sum));
            }
            SalaryPoints listed = expected.isEmpty() ? SalaryPoints.NONE : SalaryPoints.of(expected);
            assertArrayEquals(listed.encoded(), SalaryPoints.merge(parts).encoded(), k + " parts");
            assertArrayEquals(listed.encoded(), decoded.build().encoded(), k + " rows decoded");
        }
    }

    /**
     * Amounts that are not round (a contract's day rate from a yearly figure, an hourly rate's midpoint), 30,000 of
     * them one pair each in any order as a recount adds them, against a TreeMap's counts; and a point that is not a
     * number refused.
     */
    @Test
    void aBuilderCountsAnyAmounts() {
        Random random = new Random(7);
        SalaryPoints.Builder builder = new SalaryPoints.Builder();
        TreeMap<Double, Long> expected = new TreeMap<>();
        for (int i = 0; i < 30_000; i++) {
            double point = random.nextBoolean() ? (20_000 + random.nextInt(5_000) * 7.5) / 260
                    : 10_000 + random.nextDouble() * 90_000;
            builder.add(point, 1);
            expected.merge(point, 1L, Long::sum);
        }
        SalaryPoints built = builder.build();
        SalaryPoints listed = SalaryPoints.of(expected);
        assertEquals(listed.size(), built.size());
        for (long i = 1; i <= listed.size(); i += 101) {
            assertEquals(listed.orderStatistic(i), built.orderStatistic(i));
        }
        assertEquals(listed.histogram(1_000), built.histogram(1_000));
        assertThrows(IllegalArgumentException.class, () -> new SalaryPoints.Builder().add(Double.NaN, 1));
    }

    /**
     * n = 100: j = floor(50 − 9.8) = 40, k = ceil(51 + 9.8) = 61; with the points 1..100 the interval is 40 to 61.
     * n = 6: j = max(1, floor(3 − 2.4)) = 1, k = min(6, ceil(4 + 2.4)) = 6: the extremes.
     */
    @Test
    void medianIntervalFromOrderStatistics() {
        assertEquals(new SalaryPoints.Interval(40, 61), ascending(100).medianInterval());
        assertEquals(new SalaryPoints.Interval(1, 6), ascending(6).medianInterval());
        assertNull(ascending(5).medianInterval());
    }

    /** Against sorting a plain list: percentiles as R type 7, order statistics, the mean, a complement and a merge. */
    @Test
    void agreesWithThePointsListed() {
        Random random = new Random(11);
        List<Double> all = new ArrayList<>();
        List<Double> some = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            double p = 20_000 + 500 * random.nextInt(150);
            all.add(p);
            if (random.nextInt(3) == 0) {
                some.add(p);
            }
        }
        SalaryPoints whole = of(all);
        SalaryPoints part = of(some);
        List<Double> rest = new ArrayList<>(all);
        some.forEach(rest::remove);
        all.sort(null);
        for (double p : new double[] {0, 0.1, 0.25, 0.5, 0.75, 0.9, 1}) {
            double h = (all.size() - 1) * p;
            int lo = (int) Math.floor(h);
            int hi = Math.min(lo + 1, all.size() - 1);
            assertEquals(all.get(lo) + (h - lo) * (all.get(hi) - all.get(lo)), whole.percentile(p), 1e-9);
        }
        for (int i = 1; i <= all.size(); i += 37) {
            assertEquals(all.get(i - 1), whole.orderStatistic(i));
        }
        assertEquals(all.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), whole.mean(), 1e-6);
        assertEquals(of(rest).median(), whole.minus(part).median());
        assertEquals(whole.size(), SalaryPoints.merge(List.of(part, whole.minus(part))).size());
        assertEquals(whole.histogram(1_000), SalaryPoints.merge(List.of(part, whole.minus(part))).histogram(1_000));
        assertEquals(all.size(), whole.histogram(2_500).stream().mapToLong(SalaryPoints.Band::count).sum());
    }

    @Test
    void refusesWhatIsNotASubset() {
        assertThrows(IllegalArgumentException.class, () -> EXAMPLE.minus(of(List.of(31_000.0))));
        assertThrows(IllegalArgumentException.class, () -> new SalaryPoints(new double[] {2, 1}, new long[] {1, 1}));
    }

    @Test
    void noPoints() {
        assertNull(SalaryPoints.NONE.mean());
        assertNull(SalaryPoints.NONE.median());
        assertEquals(List.of(), SalaryPoints.NONE.histogram(5_000));
    }

    private static SalaryPoints ascending(int n) {
        List<Double> v = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            v.add((double) i);
        }
        return of(v);
    }

    private static SalaryPoints of(List<Double> points) {
        TreeMap<Double, Long> m = new TreeMap<>();
        points.forEach(p -> m.merge(p, 1L, Long::sum));
        return SalaryPoints.of(m);
    }
}
