package io.jobstats.market;

import io.jobstats.counts.Varints;

import java.util.Arrays;

/**
 * How salary_point_day (V17) keeps a day's salary points of a term with the position of each ad quoting one, so that
 * a reader takes those of any region, the range of positions {@code lft..rgt}, from one row a day.
 * <p>
 * The distinct (position, point) pairs in ascending order, each as: the step from the position before (from 0 for
 * the first) as a varint; the point, stepped from the point before at the same position (from 0 at a new position)
 * as {@link PointsEncoding} steps them: the varint of the step shifted left one bit when both are whole numbers below
 * 2^53, else the varint 1 and the point's float8; then the count of ads with that pair as a varint. Varints are
 * unsigned LEB128 ({@link Varints}), float8s big-endian.
 * <p>
 * Worked example: two ads at position 40 quoting 30,000, one at 40 quoting 35,000 and one at 300 quoting 28,000 are
 * {@code 28 | E0 D4 03 | 02 | 00 | 90 4E | 01 | 84 02 | C0 B5 03 | 01}: position 40, point 30,000 (60,000 shifted)
 * twice; position step 0, point step 5,000 once; position step 260, point 28,000 once. 15 bytes for four ads.
 */
public final class PlacedPointsEncoding {

    private PlacedPointsEncoding() {
    }

    /** Receives a row's pairs, in ascending order. */
    public interface Visitor {
        void pair(int position, double point, long count);
    }

    /**
     * The first {@code n} ads' pairs, each ad one pair ({@code positions[i]}, {@code points[i]}), in any order;
     * positions are not negative. The arrays' first n entries are sorted in place.
     */
    public static byte[] encode(int[] positions, double[] points, int n) {
        sort(positions, points, n);
        byte[] out = new byte[n * 24];
        int at = 0;
        int position = 0;
        double before = 0;
        for (int i = 0; i < n; ) {
            int j = i + 1;
            while (j < n && positions[j] == positions[i] && Double.compare(points[j], points[i]) == 0) {
                j++;
            }
            if (positions[i] != position) {
                before = 0;
            }
            at = Varints.write(out, at, positions[i] - position);
            at = PointsEncoding.writePoint(out, at, before, points[i]);
            at = Varints.write(out, at, j - i);
            position = positions[i];
            before = points[i];
            i = j;
        }
        return Arrays.copyOf(out, at);
    }

    /** Calls the visitor with each pair of a row, ascending. */
    public static void decode(byte[] row, Visitor visitor) {
        int[] at = {0};
        int position = 0;
        double before = 0;
        while (at[0] < row.length) {
            int step = Math.toIntExact(Varints.read(row, at));
            if (step != 0) {
                before = 0;
            }
            position += step;
            double v = PointsEncoding.readPoint(row, at, before);
            visitor.pair(position, v, Varints.read(row, at));
            before = v;
        }
    }

    /** Sorts the first n pairs by position, then point: by position through packed keys, then each run's points. */
    private static void sort(int[] positions, double[] points, int n) {
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = (long) positions[i] << 32 | i;
        }
        Arrays.sort(keys);
        double[] byKey = new double[n];
        for (int i = 0; i < n; i++) {
            positions[i] = (int) (keys[i] >>> 32);
            byKey[i] = points[(int) keys[i]];
        }
        System.arraycopy(byKey, 0, points, 0, n);
        for (int i = 0; i < n; ) {
            int j = i + 1;
            while (j < n && positions[j] == positions[i]) {
                j++;
            }
            Arrays.sort(points, i, j);
            i = j;
        }
    }
}
