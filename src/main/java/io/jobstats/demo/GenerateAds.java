package io.jobstats.demo;

import io.jobstats.reference.RegionTreeBuilder;
import io.jobstats.reference.Taxonomy;
import io.jobstats.reference.TaxonomyFile;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a benchmark or demo file of generated ads without starting the service:
 * {@code java -cp 'target/quarkus-app/app/*:target/quarkus-app/lib/main/*' io.jobstats.demo.GenerateAds FILE COUNT
 * [DESCRIPTION_LENGTH] [SEED] [YEARS] [PLACES]}. The same arguments give the same file.
 * <p>
 * Without YEARS (or with 0) the ads span the three years to 2 May 2025, more of them later. With YEARS they span
 * that many years to the same day, shared out by month as IT job ads are ({@link #monthWeight}): a market growing 6%
 * a year, busiest in January after the December lull, quieter in August.
 * <p>
 * PLACES (a percentage, default 0) puts that share of the ads at the gazetteer's towns and villages
 * ({@link GazetteerPlaces}); the rest go to the few dozen cities of the demo's weighted list. Benchmarks use it so
 * that pages of authorities, towns and villages read ads, as they do on a real market.
 */
public final class GenerateAds {

    private GenerateAds() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: GenerateAds FILE COUNT [DESCRIPTION_LENGTH=1500] [SEED=20250502] [YEARS=0]"
                    + " [PLACES=0]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        int length = args.length > 2 ? Integer.parseInt(args[2]) : 1500;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 20250502L;
        int years = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        int placesPercent = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        // Ids only matter inside the service; the generator uses names.
        Taxonomy taxonomy = TaxonomyFile.read().numbered();
        GazetteerPlaces places = placesPercent > 0 ? GazetteerPlaces.of(RegionTreeBuilder.buildFromResources()) : null;
        DemoAdGenerator generator = new DemoAdGenerator(taxonomy, seed, DemoAdGenerator.RESERVED_ROLES, places,
                placesPercent);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            if (years > 0) {
                writeByMonth(generator, out, count, years, length);
            } else {
                generator.write(out, count, LocalDate.of(2022, 5, 3), LocalDate.of(2025, 5, 2), length);
            }
        }
    }

    static final LocalDate END = LocalDate.of(2025, 5, 2);
    /** January to December: the year's shape of IT job ads (a January peak, an August and a December dip). */
    static final double[] SEASON = {1.15, 1.10, 1.05, 1.00, 1.00, 0.98, 0.95, 0.88, 1.02, 1.00, 0.95, 0.75};
    static final double GROWTH = 1.06;

    /** A month's share of the ads before normalising: its season times the market's growth since the first month. */
    static double monthWeight(YearMonth month, YearMonth first) {
        long monthsIn = first.until(month, java.time.temporal.ChronoUnit.MONTHS);
        return SEASON[month.getMonthValue() - 1] * Math.pow(GROWTH, monthsIn / 12.0);
    }

    private static void writeByMonth(DemoAdGenerator generator, BufferedWriter out, int count, int years, int length) {
        LocalDate from = END.minusYears(years).plusDays(1);
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(END)); m = m.plusMonths(1)) {
            months.add(m);
        }
        // A month's days inside the range: the first and last months are partly outside it.
        double[] weight = new double[months.size()];
        double total = 0;
        for (int i = 0; i < months.size(); i++) {
            YearMonth m = months.get(i);
            LocalDate start = max(m.atDay(1), from);
            LocalDate end = min(m.atEndOfMonth(), END);
            weight[i] = monthWeight(m, months.get(0)) * (end.toEpochDay() - start.toEpochDay() + 1) / m.lengthOfMonth();
            total += weight[i];
        }
        int written = 0;
        double share = 0;
        for (int i = 0; i < months.size(); i++) {
            share += weight[i] / total;
            // Cumulative rounding: the months add up to exactly COUNT.
            int upTo = i == months.size() - 1 ? count : (int) Math.round(share * count);
            YearMonth m = months.get(i);
            generator.write(out, upTo - written, max(m.atDay(1), from), min(m.atEndOfMonth(), END), length, written, false);
            written = upTo;
        }
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
