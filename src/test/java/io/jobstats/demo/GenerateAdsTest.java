package io.jobstats.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
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
}
