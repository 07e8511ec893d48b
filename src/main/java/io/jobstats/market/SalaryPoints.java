package io.jobstats.market;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

/**
 * The valid salary points of a set of ads as their distinct values (ascending) and how many ads quote each: ads
 * quote a few thousand distinct amounts, so a set of any size is a short list, and every distribution figure (mean,
 * histogram, order statistics, percentiles, a median of the ads without a skill) is exact from it.
 * <p>
 * Worked example: points 30,000, 30,000, 35,000, 52,000 are values [30000, 35000, 52000] with counts [2, 1, 1]; n = 4,
 * mean 36,750, the median (PostgreSQL's percentile_cont(0.5)) 32,500, x(3) = 35,000; in bands of 5,000 they fall in
 * [30000, 35000) 2, [35000, 40000) 1, then 40,000 to 50,000 empty, [50000, 55000) 1.
 */
public final class SalaryPoints {

    public static final SalaryPoints NONE = new SalaryPoints(new double[0], new long[0]);

    /** The interval's half width in standard deviations of the binomial(n, 1/2) count: 0.98 √n ≈ 1.96 × √n / 2. */
    static final double INTERVAL_Z = 0.98;
    /** Below this many points the order statistics cannot make a 95% interval. */
    static final int INTERVAL_MIN_POINTS = 6;

    private final double[] values;
    private final long[] counts;
    /** cumulative[i] = counts[0] + ... + counts[i]. */
    private final long[] cumulative;

    public record Band(double low, double high, long count) {
    }

    public record Interval(double low, double high) {
    }

    public SalaryPoints(double[] values, long[] counts) {
        if (values.length != counts.length) {
            throw new IllegalArgumentException("values and counts differ in length");
        }
        this.values = values;
        this.counts = counts;
        this.cumulative = new long[counts.length];
        long sum = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] <= 0 || i > 0 && values[i] <= values[i - 1]) {
                throw new IllegalArgumentException("values must ascend with positive counts");
            }
            sum += counts[i];
            cumulative[i] = sum;
        }
    }

    /** From (value, count) pairs in any order, a value possibly more than once. */
    public static SalaryPoints of(TreeMap<Double, Long> byValue) {
        double[] v = new double[byValue.size()];
        long[] c = new long[byValue.size()];
        int i = 0;
        for (var e : byValue.entrySet()) {
            v[i] = e.getKey();
            c[i++] = e.getValue();
        }
        return new SalaryPoints(v, c);
    }

    /**
     * Gathers (point, count) pairs in any order, a point possibly many times and a count possibly negative (ads taken
     * away at a period's edge); the sum of each point's counts must not be negative. Each point's counts are summed as
     * they come, in a table of the distinct points (open addressing on the point's bits), and only the distinct
     * points are sorted at the end: a term's half months share most of their points, so the market index's three
     * million pairs are some 300,000 points to sort, and a recount's ads, one pair each, a few thousand.
     */
    public static final class Builder {
        /** No point's bits: points are numbers, and NaN is refused. */
        private static final long FREE = Double.doubleToRawLongBits(Double.NaN);

        private long[] keys = free(16);
        private long[] sums = new long[16];
        private int distinct;

        public Builder add(double value, long count) {
            if (Double.isNaN(value)) {
                throw new IllegalArgumentException("a salary point must be a number");
            }
            long bits = Double.doubleToRawLongBits(value + 0.0); // -0.0 and 0.0: one point
            int mask = keys.length - 1;
            int i = slot(bits, mask);
            while (keys[i] != bits) {
                if (keys[i] == FREE) {
                    keys[i] = bits;
                    if (++distinct * 2 > keys.length) {
                        sums[i] = count;
                        rehash(keys.length * 2);
                        return this;
                    }
                    break;
                }
                i = (i + 1) & mask;
            }
            sums[i] += count;
            return this;
        }

        /**
         * A row's points as salary_count keeps them, in either of {@link PointsEncoding}'s encodings. The table is
         * grown first to hold them all as new points, two bytes or more each, rather than doubled again and again
         * while a UK month's two rows bring in 2,000 of them.
         */
        public Builder addEncoded(byte[] row) {
            int need = (distinct + row.length / 2) * 2;
            int room = Integer.highestOneBit(Math.max(need - 1, 1)) << 1; // the least power of two ≥ need
            if (room > keys.length) {
                rehash(room);
            }
            PointsEncoding.decode(row, this);
            return this;
        }

        public Builder addAll(SalaryPoints points) {
            for (int i = 0; i < points.values.length; i++) {
                add(points.values[i], points.counts[i]);
            }
            return this;
        }

        public SalaryPoints build() {
            double[] v = new double[distinct];
            int n = 0;
            for (long key : keys) {
                if (key != FREE) {
                    v[n++] = Double.longBitsToDouble(key);
                }
            }
            Arrays.sort(v);
            long[] c = new long[distinct];
            int kept = 0;
            int mask = keys.length - 1;
            for (double value : v) {
                long bits = Double.doubleToRawLongBits(value);
                int i = slot(bits, mask);
                while (keys[i] != bits) {
                    i = (i + 1) & mask;
                }
                if (sums[i] < 0) {
                    throw new IllegalStateException("more ads taken away than held at " + value);
                }
                if (sums[i] > 0) {
                    v[kept] = value;
                    c[kept++] = sums[i];
                }
            }
            return new SalaryPoints(Arrays.copyOf(v, kept), Arrays.copyOf(c, kept));
        }

        /**
         * Fibonacci hashing: the top bits of the product, which depend on every bit of the point's (a round amount's
         * low bits are all zero).
         */
        private static int slot(long bits, int mask) {
            return (int) ((bits * 0x9E3779B97F4A7C15L) >>> (64 - Integer.bitCount(mask))) & mask;
        }

        private void rehash(int capacity) {
            long[] oldKeys = keys;
            long[] oldSums = sums;
            keys = free(capacity);
            sums = new long[capacity];
            int mask = capacity - 1;
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldKeys[j] != FREE) {
                    int i = slot(oldKeys[j], mask);
                    while (keys[i] != FREE) {
                        i = (i + 1) & mask;
                    }
                    keys[i] = oldKeys[j];
                    sums[i] = oldSums[j];
                }
            }
        }

        private static long[] free(int capacity) {
            long[] keys = new long[capacity];
            Arrays.fill(keys, FREE);
            return keys;
        }
    }

    /**
     * The points of several sets of ads together. Each part's values ascend already, so the parts are merged in
     * turn as sorted lists, in time linear in their lengths with nothing hashed or sorted: a salary trend merges a
     * window of months for each of its 37 months, a UK month some 2,000 points.
     */
    public static SalaryPoints merge(Collection<SalaryPoints> parts) {
        SalaryPoints all = NONE;
        for (SalaryPoints part : parts) {
            all = all.plus(part);
        }
        return all;
    }

    /** These points and another set's, each value's counts summed. */
    private SalaryPoints plus(SalaryPoints other) {
        if (other.values.length == 0) {
            return this;
        }
        if (values.length == 0) {
            return other;
        }
        double[] v = new double[values.length + other.values.length];
        long[] c = new long[v.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < values.length && j < other.values.length) {
            if (values[i] < other.values[j]) {
                v[n] = values[i];
                c[n++] = counts[i++];
            } else if (other.values[j] < values[i]) {
                v[n] = other.values[j];
                c[n++] = other.counts[j++];
            } else {
                v[n] = values[i];
                c[n++] = counts[i++] + other.counts[j++];
            }
        }
        for (; i < values.length; i++, n++) {
            v[n] = values[i];
            c[n] = counts[i];
        }
        for (; j < other.values.length; j++, n++) {
            v[n] = other.values[j];
            c[n] = other.counts[j];
        }
        return new SalaryPoints(Arrays.copyOf(v, n), Arrays.copyOf(c, n));
    }

    /** These points less those of a subset of their ads (the ads of a universe without a skill). */
    public SalaryPoints minus(SalaryPoints subset) {
        Builder left = new Builder().addAll(this);
        for (int i = 0; i < subset.values.length; i++) {
            left.add(subset.values[i], -subset.counts[i]);
        }
        try {
            return left.build();
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("not a subset: " + e.getMessage(), e);
        }
    }

    /** As salary_count keeps them (PointsEncoding's compact encoding), read back by {@link Builder#addEncoded}. */
    public byte[] encoded() {
        return PointsEncoding.encode(values, counts);
    }

    /** In V10's fixed pairs, as releases before the compact encoding read them (CountsConfig). */
    public byte[] fixedPairs() {
        return PointsEncoding.fixedPairs(values, counts);
    }

    public long size() {
        return cumulative.length == 0 ? 0 : cumulative[cumulative.length - 1];
    }

    /** The arithmetic mean; null without points. */
    public Double mean() {
        if (size() == 0) {
            return null;
        }
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += values[i] * counts[i];
        }
        return sum / size();
    }

    /** x(i) of the points sorted ascending, 1 ≤ i ≤ n. */
    public double orderStatistic(long i) {
        if (i < 1 || i > size()) {
            throw new IndexOutOfBoundsException(i);
        }
        int at = Arrays.binarySearch(cumulative, i);
        return values[at >= 0 ? at : -at - 1];
    }

    /**
     * PostgreSQL's percentile_cont: at position h = p (n − 1) counting from 0, x(⌊h⌋) + (h − ⌊h⌋)(x(⌈h⌉) − x(⌊h⌋)),
     * in the same floating-point steps so that the figures equal those taken in SQL; null without points.
     */
    public Double percentile(double p) {
        if (size() == 0) {
            return null;
        }
        double h = p * (size() - 1);
        long lo = (long) Math.floor(h);
        long hi = (long) Math.ceil(h);
        double a = orderStatistic(lo + 1);
        if (lo == hi) {
            return a;
        }
        double b = orderStatistic(hi + 1);
        return a + (b - a) * (h - lo);
    }

    public Double median() {
        return percentile(0.5);
    }

    /**
     * The distribution-free 95% interval of the median: x(j) to x(k), j = max(1, ⌊n/2 − 0.98√n⌋),
     * k = min(n, ⌈n/2 + 1 + 0.98√n⌉); null below six points, where no such interval reaches 95%.
     */
    public Interval medianInterval() {
        long n = size();
        if (n < INTERVAL_MIN_POINTS) {
            return null;
        }
        double half = INTERVAL_Z * Math.sqrt(n);
        long j = Math.max(1, (long) Math.floor(n / 2.0 - half));
        long k = Math.min(n, (long) Math.ceil(n / 2.0 + 1 + half));
        return new Interval(orderStatistic(j), orderStatistic(k));
    }

    /** How many bands of this width span the points: from the smallest point's band to the largest's. */
    public long bandCount(double width) {
        if (size() == 0) {
            return 0;
        }
        return (long) Math.floor(values[values.length - 1] / width) - (long) Math.floor(values[0] / width) + 1;
    }

    /** Bands [k·w, (k+1)·w) from the smallest point's to the largest's, empty ones included, each with its count. */
    public List<Band> histogram(double width) {
        List<Band> bands = new ArrayList<>();
        if (size() == 0) {
            return bands;
        }
        long first = (long) Math.floor(values[0] / width);
        long[] n = new long[Math.toIntExact(bandCount(width))];
        for (int i = 0; i < values.length; i++) {
            n[(int) ((long) Math.floor(values[i] / width) - first)] += counts[i];
        }
        for (int b = 0; b < n.length; b++) {
            bands.add(new Band((first + b) * width, (first + b + 1) * width, n[b]));
        }
        return bands;
    }
}
