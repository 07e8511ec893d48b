package io.jobstats.demo;

import io.jobstats.reference.RegionNode;
import io.jobstats.reference.RegionTree;
import io.jobstats.reference.RegionTreeBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GenerateAdsTest {

    private static final Pattern ID = Pattern.compile("\"sourceId\":\"([^\"]+)\"");
    private static final Pattern POSTED = Pattern.compile("\"postedOn\":\"([0-9-]+)\"");
    private static final Pattern LOCATION = Pattern.compile("\"location\":\"([^\"]+)\"");

    /** Ten years of ads by month: exactly COUNT, each id once, all in range, months shaped as GenerateAds says. */
    @Test
    void tenYearsByMonth(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ads.ndjson");
        GenerateAds.main(new String[] {file.toString(), "24000", "100", "7", "10"});
        List<String> lines = Files.readAllLines(file);
        assertEquals(24_000, lines.size());
        Set<String> ids = new HashSet<>();
        Map<YearMonth, Integer> byMonth = new TreeMap<>();
        for (String line : lines) {
            Matcher id = ID.matcher(line);
            Matcher posted = POSTED.matcher(line);
            assertTrue(id.find() && posted.find(), line);
            ids.add(id.group(1));
            LocalDate day = LocalDate.parse(posted.group(1));
            assertTrue(!day.isBefore(LocalDate.of(2015, 5, 3)) && !day.isAfter(GenerateAds.END), day.toString());
            byMonth.merge(YearMonth.from(day), 1, Integer::sum);
        }
        assertEquals(24_000, ids.size(), "every ad its own source id");
        assertEquals(121, byMonth.size());
        // The shape, with room for rounding: January above the December before it, the last year above the first.
        assertTrue(byMonth.get(YearMonth.of(2024, 1)) > byMonth.get(YearMonth.of(2023, 12)) * 1.3, byMonth.toString());
        int first = 0;
        int last = 0;
        for (int m = 0; m < 12; m++) {
            first += byMonth.get(YearMonth.of(2015, 6).plusMonths(m));
            last += byMonth.get(YearMonth.of(2024, 5).plusMonths(m));
        }
        assertEquals(Math.pow(GenerateAds.GROWTH, 9), (double) last / first, 0.08);
    }

    /**
     * With PLACES at 40, about 40% of the ads name one of the gazetteer's places, half of them towns, each
     * resolving to that town or village. Without PLACES the same seed writes the same ads, all at the demo's cities.
     */
    @Test
    void placesSpreadAdsOverTheGazetteer(@TempDir Path dir) throws IOException {
        RegionTree tree = RegionTreeBuilder.buildFromResources();
        GazetteerPlaces gazetteer = GazetteerPlaces.of(tree);
        Set<String> towns = new HashSet<>(gazetteer.towns());
        Set<String> villages = new HashSet<>(gazetteer.villages());
        Path spread = dir.resolve("spread.ndjson");
        GenerateAds.main(new String[] {spread.toString(), "20000", "100", "7", "2", "40"});
        Map<RegionNode.Kind, Integer> drawn = new EnumMap<>(RegionNode.Kind.class);
        Set<String> distinct = new HashSet<>();
        for (String line : Files.readAllLines(spread)) {
            String location = location(line);
            RegionNode.Kind kind = towns.contains(location) ? RegionNode.Kind.TOWN
                    : villages.contains(location) ? RegionNode.Kind.VILLAGE : null;
            if (kind != null) {
                assertEquals(kind, tree.resolve(location).region().kind, location);
                drawn.merge(kind, 1, Integer::sum);
                distinct.add(location);
            }
        }
        // 8,000 expected at places, 4,000 of each kind: binomial sd ~55 each.
        assertEquals(4_000, drawn.getOrDefault(RegionNode.Kind.TOWN, 0), 250, drawn.toString());
        assertEquals(4_000, drawn.getOrDefault(RegionNode.Kind.VILLAGE, 0), 250, drawn.toString());
        assertTrue(distinct.size() > 4_000, "places are drawn from the whole gazetteer: " + distinct.size());

        Path plain = dir.resolve("plain.ndjson");
        Path zero = dir.resolve("zero.ndjson");
        GenerateAds.main(new String[] {plain.toString(), "2000", "100", "7", "2"});
        GenerateAds.main(new String[] {zero.toString(), "2000", "100", "7", "2", "0"});
        List<String> lines = Files.readAllLines(plain);
        assertEquals(lines, Files.readAllLines(zero));
        assertTrue(lines.stream().map(GenerateAdsTest::location).distinct().count() < 50, "the demo's cities only");
    }

    private static String location(String line) {
        Matcher location = LOCATION.matcher(line);
        assertTrue(location.find(), line);
        return location.group(1);
    }
}
