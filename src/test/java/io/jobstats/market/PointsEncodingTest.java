package io.jobstats.market;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PointsEncodingTest {

    /**
     * The class comment's worked example: 30,000 twice, 35,000 and 52,000. Steps 30,000, 5,000 and 17,000 shifted
     * left one bit are 60,000 = 96 + 84·128 + 3·128² (E0 D4 03), 10,000 = 16 + 78·128 (90 4E) and
     * 34,000 = 80 + 9·128 + 2·128² (D0 89 02); each followed by its count.
     */
    @Test
    void theWorkedExample() {
        byte[] row = PointsEncoding.encode(new double[] {30_000, 35_000, 52_000}, new long[] {2, 1, 1});
        assertEquals("81e0d40302904e01d0890201", HexFormat.of().formatHex(row));
        SalaryPoints back = new SalaryPoints.Builder().addEncoded(row).build();
        assertEquals(4, back.size());
        assertEquals(32_500, back.median());
        assertEquals(30_000, back.orderStatistic(2));
        assertTrue(PointsEncoding.compact(row));
    }

    /**
     * Random rows of round amounts, of amounts that are not round (a day rate from a yearly figure: 30,000 / 260),
     * and of both, with counts up to a million: each read back as it was, against the fixed pairs of the same points
     * read back too. A round amount's step (here below 500,000, shifted: 21 bits) and count (below 2^21) take three
     * bytes each at most: half a fixed pair.
     */
    @Test
    void rowsReadBackAsTheyWere() {
        Random random = new Random(3);
        for (int row = 0; row < 300; row++) {
            TreeMap<Double, Long> points = new TreeMap<>();
            int kind = row % 3;
            for (int i = random.nextInt(400); i >= 0; i--) {
                double round = 10_000 + 250.0 * random.nextInt(2_000);
                double odd = (20_000 + 7.5 * random.nextInt(10_000)) / 260;
                points.merge(kind == 0 || kind == 2 && random.nextBoolean() ? round : odd,
                        1L + (random.nextInt(10) == 0 ? random.nextInt(1_000_000) : random.nextInt(5)), Long::sum);
            }
            SalaryPoints expected = SalaryPoints.of(points);
            byte[] compact = expected.encoded();
            assertEquals(points, readCompact(compact));
            byte[] fixed = fixedPairs(points);
            for (byte[] encoded : new byte[][] {compact, fixed}) {
                SalaryPoints back = new SalaryPoints.Builder().addEncoded(encoded).build();
                assertEquals(expected.size(), back.size());
                for (long i = 1; i <= expected.size(); i += 1 + expected.size() / 50) {
                    assertEquals(expected.orderStatistic(i), back.orderStatistic(i), "row " + row);
                }
                // The same points and counts, every one: the compact bytes are one to one with them.
                assertArrayEquals(compact, back.encoded(), "row " + row);
            }
            assertFalse(PointsEncoding.compact(fixed));
            if (kind == 0) {
                assertTrue(compact.length <= 1 + 6 * points.size(), compact.length + " bytes for " + points.size());
            }
        }
    }

    @Test
    void anUnknownEncodingIsRefused() {
        SalaryPoints.Builder builder = new SalaryPoints.Builder();
        assertThrows(IllegalArgumentException.class, () -> builder.addEncoded(new byte[] {(byte) 0x82, 2, 1}));
        byte[] marker = {(byte) PointsEncoding.COMPACT};
        assertEquals(0, builder.addEncoded(new byte[0]).addEncoded(marker).build().size());
    }

    /** The compact encoding read as the class comment describes it, byte by byte. */
    static TreeMap<Double, Long> readCompact(byte[] row) {
        assertEquals(0x81, row[0] & 0xFF);
        TreeMap<Double, Long> points = new TreeMap<>();
        ByteBuffer in = ByteBuffer.wrap(row, 1, row.length - 1);
        double before = 0;
        while (in.hasRemaining()) {
            long step = leb128(in);
            double point = step % 2 == 0 ? before + step / 2 : in.getDouble();
            points.put(point, leb128(in));
            before = point;
        }
        return points;
    }

    private static long leb128(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; ; shift += 7) {
            int b = in.get() & 0xFF;
            value += (long) (b % 128) << shift;
            if (b < 128) {
                return value;
            }
        }
    }

    /** V10's encoding, as rows written before the compact one hold it. */
    static byte[] fixedPairs(TreeMap<Double, Long> points) {
        ByteBuffer out = ByteBuffer.allocate(points.size() * 12);
        points.forEach((v, n) -> out.putDouble(v).putInt(Math.toIntExact(n)));
        return out.array();
    }
}
