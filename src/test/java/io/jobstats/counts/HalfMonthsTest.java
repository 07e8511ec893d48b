package io.jobstats.counts;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The term counts are kept per half month (1st-15th, 16th-end); a range is read as whole half months plus edge days. */
class HalfMonthsTest {

    @Test
    void aDayFallsInTheHalfMonthOfItsDate() {
        assertEquals(LocalDate.of(2025, 5, 1), HalfMonths.start(LocalDate.of(2025, 5, 2)));
        assertEquals(LocalDate.of(2025, 5, 1), HalfMonths.start(LocalDate.of(2025, 5, 15)));
        assertEquals(LocalDate.of(2025, 5, 16), HalfMonths.start(LocalDate.of(2025, 5, 16)));
        assertEquals(LocalDate.of(2025, 5, 15), HalfMonths.end(LocalDate.of(2025, 5, 1)));
        assertEquals(LocalDate.of(2025, 5, 31), HalfMonths.end(LocalDate.of(2025, 5, 16)));
        assertEquals(LocalDate.of(2024, 2, 29), HalfMonths.end(LocalDate.of(2024, 2, 20)));
        assertEquals(LocalDate.of(2025, 2, 28), HalfMonths.end(LocalDate.of(2025, 2, 28)));
    }

    @Test
    void theReferencePeriodReadsFourDaysFromTheAds() {
        // 3 November 2024 to 2 May 2025: 1-15 November taken whole less 1-2 November; 1-15 May left out, 1-2 May added.
        HalfMonths.Split s = HalfMonths.split(LocalDate.of(2024, 11, 3), LocalDate.of(2025, 5, 2), true);
        assertEquals(LocalDate.of(2024, 11, 1), s.firstHalf());
        assertEquals(LocalDate.of(2025, 4, 16), s.lastHalf());
        assertEquals(new HalfMonths.Edge(-1, LocalDate.of(2024, 11, 1), LocalDate.of(2024, 11, 2)), s.head());
        assertEquals(new HalfMonths.Edge(+1, LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 2)), s.tail());
    }

    @Test
    void withoutCountsEveryDayIsReadFromTheAds() {
        LocalDate from = LocalDate.of(2024, 11, 3);
        LocalDate to = LocalDate.of(2025, 5, 2);
        HalfMonths.Split s = HalfMonths.split(from, to, false);
        assertEquals(days(from, to, 1), covered(s));
        assertEquals(new HalfMonths.Edge(+1, from, to), s.head());
    }

    /**
     * Every range of 28 days to 13 months starting on any day of 2024 (a leap year): the half months plus the
     * head minus or plus its days count each day of the range exactly once and no other, and each edge reads at most
     * half of its half month.
     */
    @Test
    void everySplitCoversItsRangeExactly() {
        int checked = 0;
        for (LocalDate from = LocalDate.of(2024, 1, 1); from.isBefore(LocalDate.of(2025, 1, 1)); from = from.plusDays(1)) {
            for (int length = 27; length < 400; length += 13) {
                LocalDate to = from.plusDays(length);
                HalfMonths.Split s = HalfMonths.split(from, to, true);
                assertEquals(days(from, to, 1), covered(s), from + ".." + to);
                assertTrue(edgeDays(s.head()) <= 8 && edgeDays(s.tail()) <= 8, from + ".." + to + ": " + s);
                checked++;
            }
        }
        assertTrue(checked > 10_000);
    }

    private static Map<LocalDate, Integer> covered(HalfMonths.Split s) {
        Map<LocalDate, Integer> n = new HashMap<>();
        for (LocalDate h = s.firstHalf(); !h.isAfter(s.lastHalf()); h = HalfMonths.end(h).plusDays(1)) {
            assertEquals(h, HalfMonths.start(h));
            add(n, days(h, HalfMonths.end(h), 1));
        }
        add(n, days(s.head().from(), s.head().to(), s.head().sign()));
        add(n, days(s.tail().from(), s.tail().to(), s.tail().sign()));
        n.values().removeIf(v -> v == 0);
        return n;
    }

    private static Map<LocalDate, Integer> days(LocalDate from, LocalDate to, int sign) {
        Map<LocalDate, Integer> n = new HashMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            n.put(d, sign);
        }
        return n;
    }

    private static void add(Map<LocalDate, Integer> into, Map<LocalDate, Integer> days) {
        days.forEach((d, v) -> into.merge(d, v, Integer::sum));
    }

    private static long edgeDays(HalfMonths.Edge e) {
        return Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(e.from(), e.to()) + 1);
    }
}
