package io.jobstats.counts;

import io.jobstats.reference.RegionNode;
import io.jobstats.reference.RegionTree;
import io.jobstats.reference.RegionTreeBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A half month's ads live on each day, per counted region and term, as the running sum of their changes: the worked
 * example, the bounds of what is kept, and random ads against a day-by-day count.
 */
class LiveCounterTest {

    static RegionTree regions;

    @BeforeAll
    static void tree() {
        regions = RegionTreeBuilder.buildFromResources();
        int id = 1;
        for (RegionNode n : regions.nodes()) {
            n.id = id++;
        }
    }

    private static final LocalDate MARCH = LocalDate.of(2025, 3, 1);

    @Test
    void theWorkedExample() {
        LiveCounter live = new LiveCounter(MARCH);
        RegionNode uk = regions.root();
        live.add(uk, MARCH.plusDays(1), MARCH.plusDays(3), new int[] {1, 2});
        live.add(uk, MARCH.plusDays(2), null, new int[] {2});
        Map<String, String> expected = new TreeMap<>();
        expected.put("2025-03-02", "[1, 2]=[1, 1]");
        expected.put("2025-03-03", "[1, 2]=[1, 2]");
        expected.put("2025-03-04", "[1, 2]=[1, 2]");
        for (LocalDate d = MARCH.plusDays(4); !d.isAfter(LocalDate.of(2025, 4, 2)); d = d.plusDays(1)) {
            expected.put(d.toString(), "[2]=[1]");
        }
        assertEquals(Map.of(uk.id, expected), rows(live));
    }

    @Test
    void adsOpenUpToNinetyDaysAreKeptAndLongerOnesLeftToTheirIndex() {
        LocalDate posted = MARCH.plusDays(14);
        assertEquals(posted.plusDays(30), LiveCounter.lastLiveDay(posted, null));
        assertEquals(posted.plusDays(90), LiveCounter.lastLiveDay(posted, posted.plusDays(90)));
        assertNull(LiveCounter.lastLiveDay(posted, posted.plusDays(91)));
        LiveCounter live = new LiveCounter(MARCH);
        live.add(regions.root(), posted, posted.plusDays(90), new int[] {5});
        live.add(regions.root(), posted, posted.plusDays(91), new int[] {6});
        Map<String, String> days = rows(live).get(regions.root().id);
        assertEquals(91, days.size());
        assertEquals("[5]=[1]", days.get(posted.plusDays(90).toString()));
        assertThrows(IllegalArgumentException.class, () -> live.add(regions.root(), MARCH.minusDays(1), null, new int[] {5}));
    }

    /** Random ads in random places against each ad counted on each of its days in each counted region above it. */
    @Test
    void randomAdsMatchADayByDayCount() {
        Random random = new Random(5);
        LocalDate first = LocalDate.of(2024, 2, 16);
        List<RegionNode> places = regions.nodes().stream().filter(n -> n.depth >= 2).toList();
        LiveCounter live = new LiveCounter(first);
        Map<Integer, Map<String, TreeMap<Integer, Integer>>> expected = new TreeMap<>();
        for (int i = 0; i < 3_000; i++) {
            RegionNode place = places.get(random.nextInt(places.size()));
            LocalDate posted = first.plusDays(random.nextInt(14));
            LocalDate closes = random.nextInt(5) == 0 ? null : posted.plusDays(random.nextInt(100));
            int[] terms = random.ints(1 + random.nextInt(6), 1, 40).distinct().toArray();
            live.add(place, posted, closes, terms);
            LocalDate last = closes == null ? posted.plusDays(30) : closes;
            if (closes != null && closes.isAfter(posted.plusDays(90))) {
                continue;
            }
            for (RegionNode r = place; r != null; r = r.parent) {
                if (TermCountStore.counted(r)) {
                    for (LocalDate d = posted; !d.isAfter(last); d = d.plusDays(1)) {
                        for (int t : terms) {
                            expected.computeIfAbsent(r.id, k -> new TreeMap<>())
                                    .computeIfAbsent(d.toString(), k -> new TreeMap<>()).merge(t, 1, Integer::sum);
                        }
                    }
                }
            }
        }
        Map<Integer, Map<String, String>> want = new TreeMap<>();
        expected.forEach((region, days) -> days.forEach((day, terms) -> want.computeIfAbsent(region, k -> new TreeMap<>())
                .put(day, terms.keySet() + "=" + terms.values())));
        assertEquals(want, rows(live));
    }

    private static Map<Integer, Map<String, String>> rows(LiveCounter live) {
        Map<Integer, Map<String, String>> out = new TreeMap<>();
        live.regionIds().forEach(regionId -> live.rows(regionId, (region, day, countsByTerm) -> {
            List<Integer> ids = new ArrayList<>();
            List<Integer> counts = new ArrayList<>();
            for (int t = 0; t < countsByTerm.length; t++) {
                if (countsByTerm[t] != 0) {
                    ids.add(t);
                    counts.add(countsByTerm[t]);
                }
            }
            out.computeIfAbsent(region, k -> new TreeMap<>()).put(day.toString(), ids + "=" + counts);
        }));
        return out;
    }
}
