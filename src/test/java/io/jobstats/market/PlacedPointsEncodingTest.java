package io.jobstats.market;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlacedPointsEncodingTest {

    /**
     * The class comment's worked example, the ads given out of order: position 40 = 28; 30,000 shifted is
     * 60,000 = 96 + 84·128 + 3·128² (E0 D4 03), twice; then step 0 and 5,000 shifted, 10,000 = 16 + 78·128 (90 4E),
     * once; then step 260 = 4 + 2·128 (84 02) and 56,000 = 64 + 53·128 + 3·128² (C0 B5 03), once.
     */
    @Test
    void theWorkedExample() {
        byte[] row = PlacedPointsEncoding.encode(new int[] {300, 40, 40, 40},
                new double[] {28_000, 35_000, 30_000, 30_000}, 4);
        assertEquals("28e0d4030200904e018402c0b50301", HexFormat.of().formatHex(row));
        assertEquals(List.of("40|30000.0|2", "40|35000.0|1", "300|28000.0|1"), read(row));
    }

    /**
     * Random days of ads at positions from 0 to 100,000 and well beyond, quoting round amounts, amounts that are not
     * round (a day rate from a yearly figure) and, now and then, a negative or a huge one, of which only the first
     * {@code n} of the arrays count: read back, each distinct pair with its count, as a sorted map of the same ads
     * counts them. Round amounts at a few dozen towns take about four bytes an ad.
     */
    @Test
    void daysReadBackAsTheirAdsCountThem() {
        Random random = new Random(11);
        for (int day = 0; day < 300; day++) {
            int n = random.nextInt(day % 10 == 0 ? 3 : 3_000);
            int[] positions = new int[n + 5];
            double[] points = new double[n + 5];
            TreeMap<String, Long> expected = new TreeMap<>();
            for (int i = 0; i < positions.length; i++) {
                positions[i] = random.nextInt(10) == 0 ? random.nextInt(Integer.MAX_VALUE) : 40 * random.nextInt(50);
                int kind = random.nextInt(20);
                points[i] = kind < 14 ? 20_000 + 2_500.0 * random.nextInt(40)
                        : kind < 19 ? (20_000 + 7.5 * random.nextInt(10_000)) / 260
                        : random.nextBoolean() ? -1_000 : 0x1p60;
                if (i < n) {
                    expected.merge(key(positions[i], points[i]), 1L, Long::sum);
                }
            }
            byte[] row = PlacedPointsEncoding.encode(positions, points, n);
            TreeMap<String, Long> back = new TreeMap<>();
            List<String> order = new ArrayList<>();
            PlacedPointsEncoding.decode(row, (position, point, count) -> {
                assertEquals(null, back.put(key(position, point), count));
                order.add(key(position, point));
            });
            assertEquals(expected, back, "day " + day);
            assertEquals(new ArrayList<>(expected.keySet()), order, "ascending, day " + day);
        }
        int[] towns = new int[1_000];
        double[] round = new double[1_000];
        for (int i = 0; i < towns.length; i++) {
            towns[i] = 40 * random.nextInt(30);
            round[i] = 20_000 + 2_500.0 * random.nextInt(40);
        }
        int bytes = PlacedPointsEncoding.encode(towns, round, towns.length).length;
        assertTrue(bytes <= 4 * towns.length, bytes + " bytes");
    }

    /** Position and point as a key that sorts as the encoding does: both zero-padded, the point's bits flipped. */
    private static String key(int position, double point) {
        long bits = Double.doubleToLongBits(point);
        long sortable = bits < 0 ? ~bits : bits | Long.MIN_VALUE;
        return String.format("%010d|%016x", position, sortable);
    }

    private static List<String> read(byte[] row) {
        List<String> out = new ArrayList<>();
        PlacedPointsEncoding.decode(row, (position, point, count) -> out.add(position + "|" + point + "|" + count));
        return out;
    }
}
