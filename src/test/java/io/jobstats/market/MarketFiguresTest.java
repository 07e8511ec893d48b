package io.jobstats.market;

import io.jobstats.EmbeddedPostgresResource;
import io.jobstats.TestAds;
import io.jobstats.TestRows;
import io.jobstats.TestTokens;
import io.jobstats.ads.Workplace;
import io.jobstats.counts.TermPairs;
import io.jobstats.counts.CountRecovery;
import io.jobstats.counts.SalaryCountStore;
import io.jobstats.counts.SalaryRowsCompaction;
import io.jobstats.database.BinaryCopy;
import io.jobstats.demo.DemoAdGenerator;
import io.jobstats.reference.ReferenceData;
import io.jobstats.reference.Seniority;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generated ads go in through POST /ads; every figure type then comes back through GraphQL and is checked against
 * a computation in plain Java over the same stored rows: counting maps for ranks and co-occurrence, sort and
 * interpolate for percentiles. The computation reads every stored ad, whatever its source, as the figures count
 * them; the class removes its own ads when it ends.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class MarketFiguresTest {

    static final LocalDate END = LocalDate.of(2021, 6, 30);
    static final int PERMANENT = 0;

    @AfterAll
    static void removeOwnAds() {
        TestAds.remove("demo", "places", "cache-test", "kept-rows", "recount", "long-open");
    }

    @Inject
    ReferenceData reference;

    @Inject
    DataSource dataSource;

    @Inject
    CountRecovery countRecovery;

    @Inject
    SalaryRowsCompaction compaction;

    static boolean loaded;
    static Data data;

    record Ad(long id, int role, LocalDate posted, LocalDate closes, int pos, Double point, Workplace workplace, Set<Integer> terms) {
    }

    record Region(int id, int parent, String name, String slug, int lft, int rgt) {
        boolean contains(int pos) {
            return lft <= pos && pos <= rgt;
        }
    }

    record Data(List<Ad> ads, Map<Integer, String> termName, Map<Integer, String> termCategory, Map<String, Region> bySlug,
                List<Region> regions) {
    }

    /** Loads the generated ads once; reads what is stored before every test, as a test may have added ads. */
    @BeforeEach
    void load() throws SQLException {
        if (!loaded) {
            loaded = true;
            StringWriter ads = new StringWriter();
            new DemoAdGenerator(reference.taxonomy(), 7, DemoAdGenerator.RESERVED_ROLES)
                    .write(ads, 20_000, LocalDate.of(2018, 7, 1), END, 300);
            // The demo's places are cities, each at its authority's own position: these put ads at places within one
            // (Birmingham's villages), and at a town, below the kept levels, enough for its figures to mean something.
            for (int i = 0; i < 40; i++) {
                ads.append("{\"source\":\"places\",\"sourceId\":\"").append(String.valueOf(i))
                        .append("\",\"title\":\"Backend Developer\",\"description\":\"Java and SQL\",\"location\":\"")
                        .append(i % 2 == 0 ? "Edgbaston" : "Erdington").append("\",\"salary\":{\"min\":")
                        .append(String.valueOf(30_000 + 1_000 * i)).append(",\"period\":\"YEAR\"},\"employment\":\"PERMANENT\",\"postedOn\":\"")
                        .append(LocalDate.of(2021, 1, 4).plusDays(3L * i).toString()).append("\"}\n");
            }
            String[] titles = {"Backend Developer", "Data Engineer", "DevOps Engineer"};
            String[] skills = {"Java and SQL", "Python, SQL and Kubernetes", "Terraform, AWS and Python"};
            for (int i = 0; i < 240; i++) {
                ads.append("{\"source\":\"town\",\"sourceId\":\"").append(String.valueOf(i)).append("\",\"title\":\"")
                        .append(titles[i % 3]).append("\",\"description\":\"").append(skills[i % 3 == 0 ? i % 2 : 2 - i % 2])
                        .append("\",\"location\":\"Royal Leamington Spa\",\"salary\":{\"min\":")
                        .append(String.valueOf(28_000 + 250 * (i % 97))).append(",\"period\":\"YEAR\"},")
                        .append("\"employment\":\"PERMANENT\",\"postedOn\":\"")
                        .append(LocalDate.of(2020, 11, 1).plusDays(i).toString()).append("\"}\n");
            }
            TestTokens.asLoader().contentType("application/x-ndjson").body(ads.toString().getBytes(StandardCharsets.UTF_8))
                    .post("/ads").then().statusCode(200);
        }
        data = read();
    }

    private Data read() throws SQLException {
        Map<Long, Ad> ads = new HashMap<>();
        Map<Integer, String> names = new HashMap<>();
        Map<Integer, String> categories = new HashMap<>();
        List<Region> regions = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT id, coalesce(role_id, -1), posted_on, closes_on, region_pos, salary_point, "
                    + "workplace FROM ad WHERE employment = 0")) {
                while (rs.next()) {
                    double p = rs.getDouble(6);
                    Double point = rs.wasNull() ? null : p;
                    java.sql.Date closes = rs.getDate(4);
                    ads.put(rs.getLong(1), new Ad(rs.getLong(1), rs.getInt(2), rs.getDate(3).toLocalDate(),
                            closes == null ? null : closes.toLocalDate(), rs.getInt(5), point,
                            Workplace.values()[rs.getInt(7)], new HashSet<>()));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT ad_id, unnest(terms) FROM ad_fact WHERE employment = 0")) {
                while (rs.next()) {
                    Ad a = ads.get(rs.getLong(1));
                    if (a != null) {
                        a.terms().add(rs.getInt(2));
                    }
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT t.id, t.name, c.name FROM term t JOIN category c ON c.id = t.category_id")) {
                while (rs.next()) {
                    names.put(rs.getInt(1), rs.getString(2));
                    categories.put(rs.getInt(1), rs.getString(3));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT id, coalesce(parent_id, -1), name, slug, lft, rgt FROM region")) {
                while (rs.next()) {
                    regions.add(new Region(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6)));
                }
            }
        }
        Map<String, Region> bySlug = regions.stream().collect(Collectors.toMap(Region::slug, r -> r));
        return new Data(List.copyOf(ads.values()), names, categories, bySlug, regions);
    }

    // ---- the independent computation ----

    static LocalDate start(LocalDate end, int months) {
        return end.minusMonths(months).plusDays(1);
    }

    /** The workplace a test's figures are restricted to; null for any. */
    static Workplace onlyWorkplace;

    /** Every stored ad of the workplace the figures are restricted to. */
    static List<Ad> ads() {
        return onlyWorkplace == null ? data.ads() : data.ads().stream().filter(a -> a.workplace() == onlyWorkplace).toList();
    }

    static List<Ad> universe(Region r, LocalDate end, int months) {
        LocalDate from = start(end, months);
        return ads().stream().filter(a -> r.contains(a.pos()) && !a.posted().isBefore(from) && !a.posted().isAfter(end))
                .toList();
    }

    static Map<Integer, Long> termCounts(List<Ad> u) {
        Map<Integer, Long> m = new HashMap<>();
        u.forEach(a -> a.terms().forEach(t -> m.merge(t, 1L, Long::sum)));
        return m;
    }

    static Integer rank(int term, List<Ad> u) {
        Map<Integer, Long> counts = termCounts(u);
        long mine = counts.getOrDefault(term, 0L);
        return mine == 0 ? null : 1 + (int) counts.values().stream().filter(n -> n > mine).count();
    }

    /** R type 7 / PERCENTILE.INC: sort, then interpolate between closest ranks. */
    static Double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> v = values.stream().sorted().toList();
        double h = (v.size() - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, v.size() - 1);
        return v.get(lo) + (h - lo) * (v.get(hi) - v.get(lo));
    }

    static List<Double> points(List<Ad> ads) {
        return ads.stream().map(Ad::point).filter(Objects::nonNull).toList();
    }

    static List<Ad> featuring(int term, List<Ad> ads) {
        return ads.stream().filter(a -> a.terms().contains(term)).toList();
    }

    static Region nation(Region r) {
        Region n = r;
        Map<Integer, Region> byId = data.regions().stream().collect(Collectors.toMap(Region::id, x -> x));
        while (byId.containsKey(n.parent()) && byId.get(n.parent()).parent() != -1) {
            n = byId.get(n.parent());
        }
        return n;
    }

    static Double change(Double now, Double before) {
        return now == null || before == null ? null : (now - before) / before;
    }

    // ---- the service's answer ----

    /** Fractions as doubles: as floats, shares would differ from the computation in the seventh digit. */
    static final RestAssuredConfig DOUBLES = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));

    static Response graphql(String query) {
        Response r = given().config(DOUBLES).contentType("application/json").body(Map.of("query", query)).post("/graphql");
        r.then().statusCode(200);
        Object errors = r.path("errors");
        org.junit.jupiter.api.Assertions.assertNull(errors, r.asString());
        return r;
    }

    /** The most-advertised role and the most-advertised skill of the universe: figures with real sample sizes. */
    static int top(List<Ad> u, Predicate<Integer> kind) {
        return termCounts(u).entrySet().stream().filter(e -> kind.test(e.getKey()))
                .max(Map.Entry.<Integer, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .orElseThrow().getKey();
    }

    @Test
    void termFiguresMatchAnIndependentComputation() {
        checkTermFigures("midlands", END, 500);
    }

    /**
     * Periods that start and end inside half months: counts are kept per half month, the edges come from the ads.
     * Starting on 11 December, the period's five days of its first half month are added to the whole half months;
     * ending on 10 June, its last half month is taken whole and the five days after the period subtracted.
     */
    @Test
    void termFiguresMatchOverAPeriodCuttingHalfMonths() {
        checkTermFigures("midlands", LocalDate.of(2021, 6, 10), 500);
    }

    /** The other way round: from 21 December, its first half month taken whole less five days; to 20 June, five days added. */
    @Test
    void termFiguresMatchOverAPeriodCuttingHalfMonthsTheOtherWay() {
        checkTermFigures("midlands", LocalDate.of(2021, 6, 20), 500);
    }

    /** A town: below the levels whose term counts are kept ahead, every figure comes from the ads. */
    @Test
    void termFiguresMatchInARegionWithoutKeptCounts() {
        checkTermFigures("royal-leamington-spa", LocalDate.of(2021, 6, 10), 100);
    }

    /** An authority, with kept counts, whose children (its town and villages, some with ads) have none. */
    @Test
    void termFiguresMatchInARegionWhoseChildrenHaveNoKeptCounts() {
        // Its ads lie at several places (its own position and its villages').
        Region birmingham = data.bySlug().get("birmingham");
        assertTrue(universe(birmingham, LocalDate.of(2021, 6, 10), 6).stream().map(Ad::pos).distinct().count() > 2);
        checkTermFigures("birmingham", LocalDate.of(2021, 6, 10), 100);
    }

    /** A subregion whose children are authorities: every child's figures from its own kept counts. */
    @Test
    void termFiguresMatchInARegionWhoseChildrenHaveKeptCounts() {
        checkTermFigures("west-midlands", LocalDate.of(2021, 6, 10), 100);
    }

    /**
     * A locations table without its changes (read first, so that nothing of a year earlier is cached for it) has the
     * full table's other figures, which the tests above check against the ads: for a region whose children have kept
     * counts and for one whose children have none.
     */
    @Test
    void locationsWithoutTheirChangesKeepTheirOtherFigures() {
        for (String slug : List.of("west-midlands", "birmingham")) {
            LocalDate end = LocalDate.of(2021, 6, 20);
            String name = data.termName().get(top(universe(data.bySlug().get(slug), end, 6),
                    t -> !data.termCategory().get(t).equals("Job Titles")));
            String q = "{ term(name: \"" + name + "\") { market(region: \"" + slug + "\", period: {end: \"" + end
                    + "\", months: 6}) { locations { region { slug } %s } } } }";
            String path = "data.term.market.locations";
            List<Map<String, Object>> some = graphql(q.formatted("rank vacancies median liveJobs")).path(path);
            List<Map<String, Object>> full = graphql(q.formatted("rank rankChange vacancies median medianChange "
                    + "liveJobs")).path(path);
            assertTrue(full.size() > 1, slug + ": " + full);
            // West Midlands' authorities had the term's ads a year earlier too (Birmingham's places had none).
            assertTrue(slug.equals("birmingham") || full.stream()
                    .anyMatch(row -> row.get("rankChange") != null && row.get("medianChange") != null), slug);
            full.forEach(row -> {
                row.remove("rankChange");
                row.remove("medianChange");
            });
            assertEquals(full, some, slug);
        }
    }

    /** Every figure over the ads of one workplace: term counts then come from the ads, not the kept counts. */
    @Test
    void termFiguresMatchForOneWorkplace() {
        onlyWorkplace = Workplace.HYBRID;
        try {
            checkTermFigures("midlands", END, 150);
        } finally {
            onlyWorkplace = null;
        }
    }

    private void checkTermFigures(String slug, LocalDate end, int minUniverse) {
        Region region = data.bySlug().get(slug);
        List<Ad> u = universe(region, end, 6);
        List<Ad> lastYear = universe(region, end.minusYears(1), 6);
        assertTrue(u.size() > minUniverse, "universe of " + u.size());
        int role = top(u, t -> data.termCategory().get(t).equals("Job Titles"));
        int skill = top(u, t -> !data.termCategory().get(t).equals("Job Titles"));
        for (int term : List.of(role, skill)) {
            String name = data.termName().get(term);
            boolean isRole = data.termCategory().get(term).equals("Job Titles");
            Response r = graphql("{ term(name: \"" + name.replace("\"", "\\\"") + "\") { market(region: \"" + slug + "\", "
                    + (onlyWorkplace == null ? "" : "workplace: " + onlyWorkplace + ", ")
                    + "period: {end: \"" + end + "\", months: 6}) { remoteShare hybridShare rank rankChange vacancies shareOfAllVacancies "
                    + "shareOfCategory salariesQuoted salary { sampleSize p10 p25 median p75 p90 mean medianInterval { low high } "
                    + "histogram { low high count } } salaryPremium bySeniority { seniority vacancies salariesQuoted median } "
                    + "medianChange nationMedian "
                    + "liveJobs locations { region { slug } rank rankChange vacancies median medianChange liveJobs } "
                    + "coOccurringSkills(first: 1000) { rank count share lift term { name } } "
                    + "coOccurringByCategory(perCategory: 1000) { category { name } skills { rank count term { name } } } "
                    + "vacancyTrend(from: \"2020-01-01\", to: \"2021-06-30\") { month vacancies allVacancies share } "
                    + "salaryTrend(window: 3, from: \"2020-01-01\", to: \"2021-06-30\") { month sampleSize p10 median p90 } } } }");
            String m = "data.term.market.";
            List<Ad> mine = featuring(term, u);
            assertEquals(mine.size(), ((Number) r.path(m + "vacancies")).intValue(), name);
            assertClose((double) mine.stream().filter(a -> a.workplace() == Workplace.REMOTE).count() / mine.size(),
                    r.path(m + "remoteShare"));
            assertClose((double) mine.stream().filter(a -> a.workplace() == Workplace.HYBRID).count() / mine.size(),
                    r.path(m + "hybridShare"));
            assertEquals(rank(term, u), intOrNull(r.path(m + "rank")), name);
            Integer before = rank(term, lastYear);
            assertEquals(before == null ? null : before - rank(term, u), intOrNull(r.path(m + "rankChange")), name);
            assertClose((double) mine.size() / u.size(), r.path(m + "shareOfAllVacancies"));
            long inCategory = u.stream().filter(a -> isRole ? a.role() >= 0
                    : a.terms().stream().anyMatch(t -> data.termCategory().get(t).equals(data.termCategory().get(term)))).count();
            assertClose((double) mine.size() / inCategory, r.path(m + "shareOfCategory"));
            List<Double> pts = points(mine);
            assertEquals(pts.size(), ((Number) r.path(m + "salariesQuoted")).intValue());
            assertClose(percentile(pts, 0.1), r.path(m + "salary.p10"));
            assertClose(percentile(pts, 0.25), r.path(m + "salary.p25"));
            assertClose(percentile(pts, 0.5), r.path(m + "salary.median"));
            assertClose(percentile(pts, 0.75), r.path(m + "salary.p75"));
            assertClose(percentile(pts, 0.9), r.path(m + "salary.p90"));
            checkDistribution(pts, r.path(m + "salary"), 5_000);
            List<Double> others = points(u.stream().filter(a -> !a.terms().contains(term)).toList());
            assertClose(percentile(pts, 0.5) / percentile(others, 0.5) - 1, r.path(m + "salaryPremium"));
            checkBySeniority(mine, r.path(m + "bySeniority"));
            assertClose(change(percentile(pts, 0.5), percentile(points(featuring(term, lastYear)), 0.5)), r.path(m + "medianChange"));
            assertClose(percentile(points(featuring(term, universe(nation(region), end, 6))), 0.5), r.path(m + "nationMedian"));
            assertEquals(live(term, region, end), ((Number) r.path(m + "liveJobs")).longValue());
            checkLocations(term, region, end, r.path(m + "locations"));
            checkCoOccurrence(term, u, r.path(m + "coOccurringSkills"), r.path(m + "coOccurringByCategory"));
            checkTrends(term, region, r.path(m + "vacancyTrend"), r.path(m + "salaryTrend"));
        }
    }

    /**
     * Mean, median interval and histogram from the sorted points: x(j) to x(k) with j = max(1, floor(n/2 − 0.98√n)),
     * k = min(n, ceil(n/2 + 1 + 0.98√n)); bands of the given width counted by walking the points.
     */
    static void checkDistribution(List<Double> points, Map<String, Object> salary, double width) {
        List<Double> sorted = points.stream().sorted().toList();
        int n = sorted.size();
        assertTrue(n >= 6, "too few points to check the interval: " + n);
        assertClose(sorted.stream().mapToDouble(Double::doubleValue).sum() / n, salary.get("mean"));
        int j = Math.max(1, (int) Math.floor(n / 2.0 - 0.98 * Math.sqrt(n)));
        int k = Math.min(n, (int) Math.ceil(n / 2.0 + 1 + 0.98 * Math.sqrt(n)));
        Map<?, ?> interval = (Map<?, ?>) salary.get("medianInterval");
        assertClose(sorted.get(j - 1), interval.get("low"));
        assertClose(sorted.get(k - 1), interval.get("high"));
        TreeMap<Long, Integer> bands = new TreeMap<>();
        sorted.forEach(p -> bands.merge((long) Math.floor(p / width), 1, Integer::sum));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> histogram = (List<Map<String, Object>>) salary.get("histogram");
        assertEquals(bands.lastKey() - bands.firstKey() + 1, histogram.size());
        for (int b = 0; b < histogram.size(); b++) {
            long band = bands.firstKey() + b;
            assertClose((double) band * width, histogram.get(b).get("low"));
            assertClose((double) (band + 1) * width, histogram.get(b).get("high"));
            assertEquals(bands.getOrDefault(band, 0), ((Number) histogram.get(b).get("count")).intValue());
        }
    }

    /** The term's ads grouped by their role's seniority (Seniority's rule, tested on its own), in the enum's order. */
    static void checkBySeniority(List<Ad> mine, List<Map<String, Object>> rows) {
        Map<Seniority, List<Ad>> bySeniority = new TreeMap<>();
        for (Ad a : mine) {
            Seniority s = a.role() < 0 ? null : Seniority.of(data.termName().get(a.role()));
            if (s != null) {
                bySeniority.computeIfAbsent(s, x -> new ArrayList<>()).add(a);
            }
        }
        assertEquals(bySeniority.keySet().stream().map(Enum::name).toList(), rows.stream().map(r -> r.get("seniority")).toList());
        int i = 0;
        for (List<Ad> ads : bySeniority.values()) {
            Map<String, Object> row = rows.get(i++);
            assertEquals(ads.size(), ((Number) row.get("vacancies")).intValue());
            assertEquals(points(ads).size(), ((Number) row.get("salariesQuoted")).intValue());
            assertClose(percentile(points(ads), 0.5), row.get("median"));
        }
    }

    static long live(int term, Region r, LocalDate asOf) {
        return ads().stream().filter(a -> a.terms().contains(term) && r.contains(a.pos()) && !a.posted().isAfter(asOf)
                && (a.closes() != null ? !a.closes().isBefore(asOf) : !a.posted().isBefore(asOf.minusDays(30)))).count();
    }

    private static void checkLocations(int term, Region parent, LocalDate end, List<Map<String, Object>> rows) {
        List<Region> children = data.regions().stream().filter(c -> c.parent() == parent.id()).toList();
        List<Object[]> expected = new ArrayList<>();
        for (Region c : children) {
            List<Ad> u = universe(c, end, 6);
            List<Ad> mine = featuring(term, u);
            if (mine.isEmpty()) {
                continue;
            }
            List<Ad> before = universe(c, end.minusYears(1), 6);
            Integer rankBefore = rank(term, before);
            Double median = percentile(points(mine), 0.5);
            expected.add(new Object[] {c.slug(), c.name(), rank(term, u), rankBefore == null ? null : rankBefore - rank(term, u),
                    (long) mine.size(), median, change(median, percentile(points(featuring(term, before)), 0.5)), live(term, c, end)});
        }
        expected.sort(Comparator.comparingLong((Object[] e) -> (long) e[4]).reversed().thenComparing(e -> (String) e[1]));
        assertEquals(expected.size(), rows.size());
        for (int i = 0; i < expected.size(); i++) {
            Object[] e = expected.get(i);
            Map<String, Object> row = rows.get(i);
            assertEquals(e[0], ((Map<?, ?>) row.get("region")).get("slug"));
            assertEquals(e[2], intOrNull(row.get("rank")));
            assertEquals(e[3], intOrNull(row.get("rankChange")));
            assertEquals(e[4], ((Number) row.get("vacancies")).longValue());
            assertClose((Double) e[5], row.get("median"));
            assertClose((Double) e[6], row.get("medianChange"));
            assertEquals(e[7], ((Number) row.get("liveJobs")).longValue());
        }
    }

    private static void checkCoOccurrence(int term, List<Ad> u, List<Map<String, Object>> rows,
                                          List<Map<String, Object>> byCategory) {
        Map<Integer, Long> counts = new HashMap<>();
        List<Ad> mine = featuring(term, u);
        mine.forEach(a -> a.terms().stream().filter(t -> t != term && !data.termCategory().get(t).equals("Job Titles"))
                .forEach(t -> counts.merge(t, 1L, Long::sum)));
        Map<Integer, Long> own = termCounts(u);
        List<Integer> order = new ArrayList<>(counts.keySet());
        order.sort(Comparator.comparingLong((Integer t) -> counts.get(t)).reversed()
                .thenComparing(Comparator.comparingLong((Integer t) -> own.get(t)).reversed())
                .thenComparing(t -> data.termName().get(t), String.CASE_INSENSITIVE_ORDER));
        assertEquals(order.size(), rows.size());
        List<Integer> ranks = denseRanks(order, counts);
        for (int i = 0; i < order.size(); i++) {
            long n = counts.get(order.get(i));
            Map<String, Object> row = rows.get(i);
            assertEquals(data.termName().get(order.get(i)), ((Map<?, ?>) row.get("term")).get("name"));
            assertEquals(n, ((Number) row.get("count")).longValue());
            assertEquals(ranks.get(i), ((Number) row.get("rank")).intValue());
            assertClose((double) n / mine.size(), row.get("share"));
            assertClose(((double) n / mine.size()) / ((double) own.get(order.get(i)) / u.size()), row.get("lift"));
        }
        Map<String, List<Integer>> grouped = new TreeMap<>();
        counts.keySet().forEach(t -> grouped.computeIfAbsent(data.termCategory().get(t), k -> new ArrayList<>()).add(t));
        assertEquals(new ArrayList<>(grouped.keySet()),
                byCategory.stream().map(c -> ((Map<?, ?>) c.get("category")).get("name")).toList());
        int i = 0;
        for (List<Integer> terms : grouped.values()) {
            terms.sort(Comparator.comparingLong((Integer t) -> counts.get(t)).reversed()
                    .thenComparing(t -> data.termName().get(t), String.CASE_INSENSITIVE_ORDER));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> skills = (List<Map<String, Object>>) byCategory.get(i++).get("skills");
            assertEquals(terms.stream().map(data.termName()::get).toList(),
                    skills.stream().map(s -> ((Map<?, ?>) s.get("term")).get("name")).toList());
            assertEquals(denseRanks(terms, counts), skills.stream().map(x -> ((Number) x.get("rank")).intValue()).toList());
        }
    }

    /** 1, 1, 2, 2, 3 ...: a new rank wherever the count, in the given order, changes. */
    private static List<Integer> denseRanks(List<Integer> ordered, Map<Integer, Long> counts) {
        List<Integer> ranks = new ArrayList<>();
        int rank = 0;
        long last = -1;
        for (int t : ordered) {
            rank += counts.get(t) != last ? 1 : 0;
            last = counts.get(t);
            ranks.add(rank);
        }
        return ranks;
    }

    private static void checkTrends(int term, Region r, List<Map<String, Object>> vacancies, List<Map<String, Object>> salaries) {
        YearMonth first = YearMonth.of(2020, 1);
        assertEquals(18, vacancies.size());
        assertEquals(18, salaries.size());
        for (int i = 0; i < 18; i++) {
            YearMonth month = first.plusMonths(i);
            List<Ad> inMonth = ads().stream().filter(a -> r.contains(a.pos()) && YearMonth.from(a.posted()).equals(month)).toList();
            Map<String, Object> v = vacancies.get(i);
            assertEquals(month.toString(), v.get("month"));
            assertEquals(featuring(term, inMonth).size(), ((Number) v.get("vacancies")).intValue());
            assertEquals(inMonth.size(), ((Number) v.get("allVacancies")).intValue());
            YearMonth windowStart = month.minusMonths(2);
            List<Double> pts = points(featuring(term, ads().stream().filter(a -> r.contains(a.pos())
                    && !YearMonth.from(a.posted()).isBefore(windowStart) && !YearMonth.from(a.posted()).isAfter(month)).toList()));
            Map<String, Object> s = salaries.get(i);
            assertEquals(pts.size(), ((Number) s.get("sampleSize")).intValue(), month.toString());
            assertClose(percentile(pts, 0.1), s.get("p10"));
            assertClose(percentile(pts, 0.5), s.get("median"));
            assertClose(percentile(pts, 0.9), s.get("p90"));
        }
    }

    /** market over a list of terms is resolved as one batch; each term must still get its own figures. */
    @Test
    void aPageOfTermsGetsEachTermsOwnFigures() {
        Region midlands = data.bySlug().get("midlands");
        List<Ad> u = universe(midlands, END, 6);
        List<Ad> lastYear = universe(midlands, END.minusYears(1), 6);
        List<Ad> england = universe(nation(midlands), END, 6);
        Response r = graphql("{ terms(category: \"Programming Languages\", first: 40) { edges { node { name "
                + "market(region: \"midlands\", period: {end: \"" + END + "\", months: 6}) { vacancies salariesQuoted "
                + "salary { median p90 } medianChange nationMedian } } } } }");
        List<Map<String, Object>> edges = r.path("data.terms.edges");
        assertEquals(40, edges.size());
        Map<String, Integer> ids = data.termName().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
        int withSalaries = 0;
        for (Map<String, Object> edge : edges) {
            Map<?, ?> node = (Map<?, ?>) edge.get("node");
            int term = ids.get((String) node.get("name"));
            Map<?, ?> m = (Map<?, ?>) node.get("market");
            List<Double> pts = points(featuring(term, u));
            withSalaries += pts.isEmpty() ? 0 : 1;
            assertEquals(featuring(term, u).size(), ((Number) m.get("vacancies")).intValue(), (String) node.get("name"));
            assertEquals(pts.size(), ((Number) m.get("salariesQuoted")).intValue(), (String) node.get("name"));
            assertClose(percentile(pts, 0.5), ((Map<?, ?>) m.get("salary")).get("median"));
            assertClose(percentile(pts, 0.9), ((Map<?, ?>) m.get("salary")).get("p90"));
            assertClose(change(percentile(pts, 0.5), percentile(points(featuring(term, lastYear)), 0.5)), m.get("medianChange"));
            assertClose(percentile(points(featuring(term, england)), 0.5), m.get("nationMedian"));
        }
        assertTrue(withSalaries > 5, "only " + withSalaries + " terms with salaries: the comparison would say little");
    }

    @Test
    void marketTableMatchesAnIndependentComputation() {
        Region midlands = data.bySlug().get("midlands");
        Response r = graphql("{ market(region: \"midlands\", period: {end: \"" + END + "\", months: 6}) { vacancies "
                + "remoteShare hybridShare withRecognisedTitle shareWithRecognisedTitle salariesQuoted salary { p10 p25 median p75 p90 } medianChange "
                + "nationMedian nationMedianChange previous(years: 2) { vacancies salary { median } } } }");
        List<Ad> u = universe(midlands, END, 6);
        List<Double> pts = points(u);
        long recognised = u.stream().filter(a -> a.role() >= 0).count();
        assertEquals(u.size(), ((Number) r.path("data.market.vacancies")).intValue());
        assertEquals(recognised, ((Number) r.path("data.market.withRecognisedTitle")).longValue());
        long remote = u.stream().filter(a -> a.workplace() == Workplace.REMOTE).count();
        long hybrid = u.stream().filter(a -> a.workplace() == Workplace.HYBRID).count();
        assertTrue(remote > 20 && hybrid > 20, remote + " remote and " + hybrid + " hybrid ads");
        assertClose((double) remote / u.size(), r.path("data.market.remoteShare"));
        assertClose((double) hybrid / u.size(), r.path("data.market.hybridShare"));
        assertClose((double) recognised / u.size(), r.path("data.market.shareWithRecognisedTitle"));
        assertEquals(pts.size(), ((Number) r.path("data.market.salariesQuoted")).intValue());
        double[] ps = {0.1, 0.25, 0.5, 0.75, 0.9};
        String[] fields = {"p10", "p25", "median", "p75", "p90"};
        for (int i = 0; i < ps.length; i++) {
            assertClose(percentile(pts, ps[i]), r.path("data.market.salary." + fields[i]));
        }
        assertClose(change(percentile(pts, 0.5), percentile(points(universe(midlands, END.minusYears(1), 6)), 0.5)),
                r.path("data.market.medianChange"));
        Region england = nation(midlands);
        assertEquals("England", england.name());
        Double nationNow = percentile(points(universe(england, END, 6)), 0.5);
        assertClose(nationNow, r.path("data.market.nationMedian"));
        assertClose(change(nationNow, percentile(points(universe(england, END.minusYears(1), 6)), 0.5)),
                r.path("data.market.nationMedianChange"));
        List<Ad> twoYears = universe(midlands, END.minusYears(2), 6);
        assertEquals(twoYears.size(), ((Number) r.path("data.market.previous.vacancies")).intValue());
        assertClose(percentile(points(twoYears), 0.5), r.path("data.market.previous.salary.median"));
    }

    /**
     * The market index: every term with an ad in the universe, each row's figures computed here term by term, in the
     * default order (rank, then name); then filtered by category and sorted by median, largest first, nulls last, and
     * read in two pages.
     */
    @Test
    void marketIndexMatchesAnIndependentComputation() {
        Region midlands = data.bySlug().get("midlands");
        List<Ad> u = universe(midlands, END, 6);
        List<Ad> lastYear = universe(midlands, END.minusYears(1), 6);
        Map<Integer, Long> counts = termCounts(u);
        String row = "node { term { name } rank rankChange vacancies shareOfAllVacancies salariesQuoted median medianChange "
                + "liveJobs }";
        List<Map<String, Object>> edges = new ArrayList<>();
        String after = null;
        do {
            Response r = graphql("{ market(region: \"midlands\", period: {end: \"" + END + "\", months: 6}) { "
                    + "terms(first: 500" + (after == null ? "" : ", after: \"" + after + "\"") + ") { totalCount "
                    + "pageInfo { hasNextPage endCursor } edges { " + row + " } } } }");
            edges.addAll(r.path("data.market.terms.edges"));
            assertEquals(counts.size(), ((Number) r.path("data.market.terms.totalCount")).intValue());
            after = r.path("data.market.terms.pageInfo.hasNextPage") ? r.path("data.market.terms.pageInfo.endCursor") : null;
        } while (after != null);
        assertTrue(counts.size() > 500, counts.size() + " terms: fewer would not need a second page");
        List<Integer> expectedOrder = new ArrayList<>(counts.keySet());
        expectedOrder.sort(Comparator.comparing((Integer t) -> rank(t, u)).thenComparing(t -> data.termName().get(t),
                String.CASE_INSENSITIVE_ORDER));
        assertEquals(expectedOrder.stream().map(data.termName()::get).toList(),
                edges.stream().map(e -> ((Map<?, ?>) ((Map<?, ?>) e.get("node")).get("term")).get("name")).toList());
        for (int i = 0; i < edges.size(); i++) {
            int term = expectedOrder.get(i);
            Map<?, ?> node = (Map<?, ?>) edges.get(i).get("node");
            List<Ad> mine = featuring(term, u);
            assertEquals(rank(term, u), intOrNull(node.get("rank")));
            Integer before = rank(term, lastYear);
            assertEquals(before == null ? null : before - rank(term, u), intOrNull(node.get("rankChange")));
            assertEquals(mine.size(), ((Number) node.get("vacancies")).intValue());
            assertClose((double) mine.size() / u.size(), node.get("shareOfAllVacancies"));
            List<Double> pts = points(mine);
            assertEquals(pts.size(), ((Number) node.get("salariesQuoted")).intValue());
            assertClose(percentile(pts, 0.5), node.get("median"));
            assertClose(change(percentile(pts, 0.5), percentile(points(featuring(term, lastYear)), 0.5)), node.get("medianChange"));
            assertEquals(live(term, midlands, END), ((Number) node.get("liveJobs")).longValue());
        }

        String category = "Programming Languages";
        List<Integer> languages = counts.keySet().stream().filter(t -> data.termCategory().get(t).equals(category))
                .sorted(Comparator.comparing((Integer t) -> percentile(points(featuring(t, u)), 0.5),
                                Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(t -> data.termName().get(t), String.CASE_INSENSITIVE_ORDER))
                .toList();
        assertTrue(languages.size() > 6, languages.toString());
        String page = "{ market(region: \"midlands\", period: {end: \"" + END + "\", months: 6}) { terms(category: \""
                + category + "\", sort: {by: MEDIAN}, first: 5%s) { totalCount pageInfo { hasNextPage endCursor } "
                + "edges { node { term { name } } } } } }";
        Response first = graphql(page.formatted(""));
        Response second = graphql(page.formatted(", after: \"" + first.path("data.market.terms.pageInfo.endCursor") + "\""));
        List<Object> names = new ArrayList<>();
        for (Response p : List.of(first, second)) {
            assertEquals(languages.size(), ((Number) p.path("data.market.terms.totalCount")).intValue());
            List<Map<String, Object>> e = p.path("data.market.terms.edges");
            e.forEach(x -> names.add(((Map<?, ?>) ((Map<?, ?>) x.get("node")).get("term")).get("name")));
        }
        assertEquals(languages.stream().limit(10).map(data.termName()::get).toList(), names);
    }

    /**
     * Live jobs read back only as far as the longest any ad has been open (open_span): an ad open for three years
     * must raise it, and count on a day three years after its posting.
     */
    @Test
    void anAdOpenForYearsIsLive() {
        String q = "{ skill(name: \"Kubernetes\") { market(region: \"uk\", period: {end: \"" + END + "\", months: 6}) { liveJobs } } }";
        int before = graphql(q).path("data.skill.market.liveJobs");
        String ad = "{\"source\":\"long-open\",\"sourceId\":\"1\",\"title\":\"Platform Engineer\",\"description\":\"Kubernetes\","
                + "\"location\":\"Leeds\",\"employment\":\"PERMANENT\",\"postedOn\":\"" + END.minusYears(3) + "\","
                + "\"closesOn\":\"" + END.plusDays(1) + "\"}";
        TestTokens.asLoader().contentType("application/x-ndjson").body(ad.getBytes(StandardCharsets.UTF_8)).post("/ads").then().statusCode(200);
        assertEquals(before + 1, (int) graphql(q).path("data.skill.market.liveJobs"));
    }

    /**
     * Live jobs read the ads open up to 90 days through the universe's range of posting dates and those open longer
     * through an index of their own (V13): ads open 89 to 92 days and three years, each closing on the day, must all
     * count, as the independent computation over every stored ad counts them, in the term's page, its locations and
     * the market index.
     */
    @Test
    void adsOpenAroundNinetyDaysAreLiveOnTheirLastDay() throws SQLException {
        LocalDate asOf = END.minusYears(1);
        StringBuilder ads = new StringBuilder();
        for (int days : new int[] {89, 90, 91, 92, 3 * 365}) {
            ads.append("{\"source\":\"long-open\",\"sourceId\":\"span-").append(days)
                    .append("\",\"title\":\"Platform Engineer\",\"description\":\"Kubernetes\",\"location\":\"Leeds\",")
                    .append("\"employment\":\"PERMANENT\",\"postedOn\":\"").append(asOf.minusDays(days))
                    .append("\",\"closesOn\":\"").append(asOf).append("\"}\n");
        }
        TestTokens.asLoader().contentType("application/x-ndjson").body(ads.toString().getBytes(StandardCharsets.UTF_8))
                .post("/ads").then().statusCode(200);
        data = read();
        int term = data.termName().entrySet().stream().filter(e -> e.getValue().equals("Kubernetes")).findFirst()
                .orElseThrow().getKey();
        Region uk = data.bySlug().get("uk");
        Response r = graphql("{ skill(name: \"Kubernetes\") { market(region: \"uk\", period: {end: \"" + asOf
                + "\", months: 6}) { liveJobs locations { region { slug } liveJobs } } } market(region: \"uk\", period: "
                + "{end: \"" + asOf + "\", months: 6}) { terms(search: \"Kubernetes\") { edges { node { term { name } "
                + "liveJobs } } } } }");
        long expected = live(term, uk, asOf);
        assertTrue(expected >= 5, expected + " live: the five ads at least");
        assertEquals(expected, ((Number) r.path("data.skill.market.liveJobs")).longValue());
        List<Map<String, Object>> rows = r.path("data.skill.market.locations");
        for (Map<String, Object> row : rows) {
            Region child = data.bySlug().get((String) ((Map<?, ?>) row.get("region")).get("slug"));
            assertEquals(live(term, child, asOf), ((Number) row.get("liveJobs")).longValue(), child.slug());
        }
        assertTrue(rows.stream().anyMatch(row -> ((Map<?, ?>) row.get("region")).get("slug").equals("england")), rows.toString());
        List<Map<String, Object>> index = r.path("data.market.terms.edges");
        Map<?, ?> node = index.stream().map(e -> (Map<?, ?>) e.get("node"))
                .filter(n -> ((Map<?, ?>) n.get("term")).get("name").equals("Kubernetes")).findFirst().orElseThrow();
        assertEquals(expected, ((Number) node.get("liveJobs")).longValue());
    }

    /** A histogram's width must be positive and make at most 1,000 bands; either refusal names the argument. */
    @Test
    void aHistogramWidthOutOfRangeIsRefused() {
        for (String width : List.of("0", "-5", "1")) {
            Response r = given().contentType("application/json").body(Map.of("query", "{ market(region: \"midlands\", "
                    + "period: {end: \"" + END + "\", months: 6}) { vacancies salary { histogram(width: " + width + ") { count } } } }"))
                    .post("/graphql");
            r.then().statusCode(200);
            assertEquals("BAD_USER_INPUT", r.path("errors[0].extensions.code"), width + ": " + r.asString());
            assertEquals("width", r.path("errors[0].extensions.argument"), width);
            assertTrue(r.path("data.market.vacancies") instanceof Number, "the other fields are answered: " + r.asString());
        }
    }

    /** Before the generated ads' range, so the other figures here are not disturbed. */
    @Test
    void aLoadInvalidatesCachedFigures() {
        assertALoadAddsOne("2017-12-31", 1, "cache-test", "2017-12-15");
    }

    /**
     * A half month's kept row, read once and held by its row version (KeptRows), is read again once a load has
     * rewritten it: the period's whole half months hold the other tests' ads, so the first query holds their rows.
     */
    @Test
    void aLoadRewritesHeldKeptRows() {
        assertALoadAddsOne("2021-05-31", 6, "kept-rows", "2021-03-20");
    }

    /** The UK's Kubernetes vacancies over the period, asked before and after a load of one such ad posted in it. */
    private static void assertALoadAddsOne(String end, int months, String source, String postedOn) {
        String q = "{ skill(name: \"Kubernetes\") { market(region: \"uk\", period: {end: \"" + end + "\", months: " + months
                + "}) { vacancies } } }";
        int before = graphql(q).path("data.skill.market.vacancies");
        String ad = "{\"source\":\"" + source + "\",\"sourceId\":\"1\",\"title\":\"Platform Engineer\","
                + "\"description\":\"Kubernetes\",\"location\":\"Leeds\",\"employment\":\"PERMANENT\",\"postedOn\":\"" + postedOn + "\"}";
        TestTokens.asLoader().contentType("application/x-ndjson").body(ad.getBytes(StandardCharsets.UTF_8)).post("/ads").then().statusCode(200);
        assertEquals(before + 1, (int) graphql(q).path("data.skill.market.vacancies"));
    }

    /**
     * The term counts a load keeps, through adds and replacements that move ads between regions, months and terms,
     * equal a recount from the stored ads. In 2015, before the other tests' ranges.
     */
    @Test
    void keptTermCountsEqualARecount() throws SQLException {
        String[] places = {"Birmingham", "Nottingham", "Leeds", "Glasgow", "Cardiff", "London", "Remote", "Exeter"};
        String[] skills = {"Java", "C#", "Python", "Kubernetes", "SQL", "Azure", "AWS", "React"};
        for (int round = 0; round < 2; round++) {
            StringBuilder ads = new StringBuilder();
            for (int i = 0; i < 120; i++) {
                int k = i * 7 + round * 3;
                ads.append("{\"source\":\"recount\",\"sourceId\":\"").append(i).append("\",\"title\":\"")
                        .append(k % 3 == 0 ? "Junior Backend Developer" : "Data Engineer").append("\",\"description\":\"")
                        .append(skills[k % skills.length]).append(" and ").append(skills[(k / 3) % skills.length])
                        .append("\",\"location\":\"").append(places[k % places.length]).append("\",\"employment\":\"")
                        .append(k % 5 == 0 ? "CONTRACT" : "PERMANENT").append("\",\"salaryText\":\"")
                        .append(k % 5 == 0 ? "£" + (400 + k % 7 * 25) + "/day" : "£" + (30 + k % 11) + "k").append("\",\"postedOn\":\"")
                        .append(LocalDate.of(2015, 1, 1).plusDays(k % 360));
                // Open from the day of posting to 96 days, or without a closing date.
                if (k % 4 != 0) {
                    ads.append("\",\"closesOn\":\"").append(LocalDate.of(2015, 1, 1).plusDays(k % 360 + k % 97));
                }
                ads.append("\"}\n");
            }
            TestTokens.asLoader().contentType("application/x-ndjson").body(ads.toString().getBytes(StandardCharsets.UTF_8)).post("/ads")
                    .then().statusCode(200).body("adsReplaced", org.hamcrest.Matchers.is(round == 0 ? 0 : 120));
        }
        String rows = "SELECT region_id, employment, bucket, ads, array_to_string(terms, ','), array_to_string(categories, ',') "
                + "FROM term_count WHERE bucket < '2016-01-01' ORDER BY 1, 2, 3";
        List<String> kept = strings(rows);
        assertTrue(kept.size() > 20, kept.toString());
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM term_count");
        }
        countRecovery.rebuildIfMissing();
        assertEquals(strings(rows), kept);

        // The salary counts of every half month the loads touched, the replaced ads' old ones included, were recounted.
        String salaryRows = "SELECT region_id, employment, term_id, bucket, encode(points, 'hex') FROM salary_count "
                + "WHERE bucket < '2016-01-01' ORDER BY 1, 2, 3, 4";
        List<String> keptSalaries = strings(salaryRows);
        assertTrue(keptSalaries.size() > 100, keptSalaries.toString());
        assertEquals(List.of("0|"), strings("SELECT count(*) FROM salary_count_stale"));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM salary_count WHERE bucket < '2016-01-01'");
            s.execute(SalaryCountStore.MARK_ALL);
        }
        countRecovery.recountStaleSalaries();
        assertEquals(keptSalaries, strings(salaryRows));

        // The days' term counts, recounted with the salary points, against a count in SQL of the same ads.
        String counted = "JOIN region r ON a.region_pos BETWEEN r.lft AND r.rgt AND r.kind IN ('COUNTRY', 'NATION', 'AREA', 'SUBREGION', 'AUTHORITY') "
                + "WHERE a.posted_on < '2016-01-01'";
        assertDays("SELECT d.region_id, d.employment, d.day, d.ads FROM term_count_day d",
                "SELECT r.id, a.employment, a.posted_on, count(*) FROM ad_fact a " + counted + " GROUP BY 1, 2, 3");
        assertDays("SELECT d.region_id, d.employment, d.day, u.t, u.n FROM term_count_day d "
                        + "CROSS JOIN LATERAL unnest(d.term_ids, d.term_counts) AS u(t, n)",
                "SELECT r.id, a.employment, a.posted_on, t, count(*) FROM ad_fact a CROSS JOIN LATERAL unnest(a.terms) AS t "
                        + counted + " GROUP BY 1, 2, 3, 4");
        assertDays("SELECT d.region_id, d.employment, d.day, u.g, u.n FROM term_count_day d "
                        + "CROSS JOIN LATERAL unnest(d.category_ids, d.category_counts) AS u(g, n)",
                "SELECT r.id, a.employment, a.posted_on, g, count(*) FROM ad_fact a "
                        + "CROSS JOIN LATERAL (SELECT DISTINCT category_id FROM term WHERE id = ANY (a.terms)) AS c(g) "
                        + counted + " GROUP BY 1, 2, 3, 4");

        // The co-occurrences, recounted with them, against the pairs of the same ads' terms counted in SQL: kept above
        // the authorities only.
        String pairsCounted = counted.replace(", 'AUTHORITY')", ")");
        String half = "date_trunc('month', a.posted_on)::date + CASE WHEN extract(day FROM a.posted_on) > 15 THEN 15 ELSE 0 END";
        List<String> pairs = pairRows("SELECT region_id, employment, bucket, term_id, pairs FROM co_occurrence "
                + "WHERE bucket < '2016-01-01' ORDER BY 1, 2, 3, 4");
        assertTrue(pairs.size() > 100, pairs.toString());
        assertEquals(strings("SELECT r.id, a.employment, " + half + ", t, u, count(*) FROM ad_fact a "
                + "CROSS JOIN LATERAL unnest(a.terms) AS t CROSS JOIN LATERAL unnest(a.terms) AS u " + pairsCounted
                + " GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5"), pairs);

        // The live jobs, recounted with them, against each ad open up to 90 days counted on every day it is live.
        List<String> live = pairRows("SELECT region_id, employment, day, bucket, terms FROM live_count "
                + "WHERE bucket < '2016-01-01' ORDER BY 1, 2, 3, 4");
        assertTrue(live.size() > 1000, live.toString());
        assertEquals(strings("SELECT r.id, a.employment, d::date, " + half + ", t, count(*) FROM ad_fact a "
                + "CROSS JOIN LATERAL generate_series(a.posted_on, coalesce(a.closes_on, a.posted_on + 30), interval '1 day') AS d "
                + "CROSS JOIN LATERAL unnest(a.terms) AS t " + counted
                + " AND (a.closes_on IS NULL OR a.closes_on - a.posted_on <= 90) GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5"), live);

        // The days' salary points with their ads' positions, recounted with them, against the ads quoting a salary
        // grouped by day, term (0: every ad), position and point.
        List<String> pointDays = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT employment, day, term_id, points FROM salary_point_day "
                     + "WHERE day < '2016-01-01' ORDER BY 1, 2, 3")) {
            while (rs.next()) {
                String key = rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|";
                PlacedPointsEncoding.decode(rs.getBytes(4), (position, point, n) ->
                        pointDays.add(key + position + "|"
                                + BigDecimal.valueOf(point).stripTrailingZeros().toPlainString() + "|" + n + "|"));
            }
        }
        assertTrue(pointDays.size() > 100, pointDays.toString());
        assertEquals(strings("SELECT a.employment, a.posted_on, t, a.region_pos, a.salary_point::float8, count(*) "
                + "FROM ad_fact a CROSS JOIN LATERAL unnest(array_prepend(0, a.terms)) AS t WHERE a.posted_on < '2016-01-01' "
                + "AND a.salary_point IS NOT NULL GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5"), pointDays);
    }

    /** Rows of four key columns and TermPairs, as strings("...") gives them with each pair unnested. */
    private List<String> pairRows(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String key = rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4) + "|";
                TermPairs.decode(rs.getBytes(5), (t, n) -> out.add(key + t + "|" + n + "|"));
            }
        }
        return out;
    }

    /** The kept day rows before 2016 (a query whose third column is the day) against the same from the ads. */
    private void assertDays(String kept, String fromAds) throws SQLException {
        List<String> rows = strings("SELECT * FROM (" + kept + ") k WHERE day < '2016-01-01' ORDER BY 1, 2, 3, 4");
        assertTrue(rows.size() > 100, rows.toString());
        assertEquals(strings(fromAds + " ORDER BY 1, 2, 3, 4"), rows);
    }

    /**
     * A half month whose salary counts, day term counts, co-occurrences, live jobs and day salary points are marked
     * stale (by a batch of a running load, a migration) is read from the ads, also when the mark came after the
     * request began; every salary figure, rank, co-occurrence and live-jobs count must be the same either way, and the
     * same once the recount has cleared the marks.
     */
    @Test
    void salaryFiguresReadKeptCountsAndStaleHalfMonthsAlike() throws SQLException {
        String q = everyKeptFigure();
        assertEquals(List.of("0|"), strings("SELECT count(*) FROM salary_count_stale"));
        assertTrue(Integer.parseInt(strings("SELECT count(*) FROM salary_count WHERE bucket BETWEEN '2020-01-01' AND '2021-06-30'")
                .get(0).replace("|", "")) > 1000);
        String kept = graphql(q).asString();
        assertTrue(kept.contains("\"median\":") && !kept.contains("\"median\":null,\"p75\""), kept);
        // Only the half month of a period's head edge (16-19 June) marked, its day rows wrong: the statements' own
        // snapshot must find that mark too, not only those of the whole half months.
        String edge = q.replace("2021-06-10", "2021-06-19");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM salary_point_day WHERE day BETWEEN '2021-06-16' AND '2021-06-30'");
            s.execute("INSERT INTO salary_count_stale (employment, bucket, last_day) "
                    + "SELECT DISTINCT employment, DATE '2021-06-16', DATE '2021-06-30' FROM ad_fact");
        }
        String edgeRaced = graphql(edge).asString();
        // As a batch would between a request's start and its statements: the half months are marked and their kept
        // rows are wrong, at the version the request began with, whose list of marks (none) is cached already.
        String other = q.replace("2021-06-10", "2021-06-20");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM salary_count WHERE bucket >= '2020-01-01'");
            s.execute("DELETE FROM term_count_day WHERE day >= '2020-01-01'");
            s.execute("DELETE FROM co_occurrence WHERE bucket >= '2020-01-01'");
            s.execute("DELETE FROM live_count WHERE bucket >= '2020-01-01'");
            s.execute("DELETE FROM salary_point_day WHERE day >= '2020-01-01'");
            s.execute(SalaryCountStore.MARK_ALL);
        }
        String raced = graphql(other).asString();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("UPDATE data_version SET version = version + 1");
        }
        assertEquals(kept, graphql(q).asString());
        countRecovery.recountStaleSalaries();
        assertEquals(List.of("0|"), strings("SELECT count(*) FROM salary_count_stale"));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("UPDATE data_version SET version = version + 1");
        }
        assertEquals(kept, graphql(q).asString());
        assertEquals(graphql(other).asString(), raced);
        assertEquals(graphql(edge).asString(), edgeRaced);
    }

    /** The top skill's and role's pages with every figure read from kept rows, and the Midlands' market index. */
    private String everyKeptFigure() {
        return topSkillAndRole("rank rankChange vacancies shareOfAllVacancies shareOfCategory salariesQuoted "
                + "salary { p10 p25 median p75 p90 mean histogram(width: 2500) { low count } } medianChange nationMedian "
                + "liveJobs locations { region { slug } rank rankChange vacancies median medianChange liveJobs } "
                + "previous(years: 1) { salary { median } } "
                + "coOccurringSkills(first: 20) { rank count share lift term { name } } "
                + "coOccurringByCategory(perCategory: 5) { category { name } skills { rank count term { name } } } "
                + "salaryTrend(from: \"2020-06-01\", to: \"2021-06-30\", window: 3) { month sampleSize p10 median p90 }")
                .replaceFirst("}$", "") + " market(region: \"midlands\", "
                + "period: {end: \"2021-06-10\", months: 6}) { terms(first: 20) { edges { node { term { name } median "
                + "medianChange salariesQuoted liveJobs } } } } }";
    }

    /**
     * Salary rows that a release before the compact encoding kept in V10's fixed pairs, as a database upgraded to this
     * one holds them: every figure read from them is the one read from compact rows, and the compaction rewrites them
     * to the very bytes the recount wrote, once.
     */
    @Test
    void salaryRowsInFixedPairsReadAlikeAndAreRewrittenCompactly() throws SQLException, IOException {
        String q = everyKeptFigure();
        compaction.run(); // rows another class left in fixed pairs (FixedSalaryRowsTest), if any remain
        String rows = "SELECT region_id, employment, term_id, bucket, encode(points, 'hex') FROM salary_count "
                + "WHERE bucket BETWEEN '2019-06-01' AND '2021-06-30' ORDER BY 1, 2, 3, 4";
        List<String> compact = strings(rows);
        assertTrue(compact.size() > 1000, compact.size() + " rows");
        String kept = graphql(q).asString();
        // Taken out and put back in fixed pairs, as the compaction puts them back compactly.
        BinaryCopy.Writer fixed = new BinaryCopy.Writer(1 << 20);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            String range = "FROM salary_count WHERE bucket BETWEEN '2019-06-01' AND '2021-06-30'";
            try (ResultSet rs = s.executeQuery("SELECT region_id, employment, term_id, bucket, points " + range)) {
                while (rs.next()) {
                    fixed.row(5).int4(rs.getInt(1)).int2(rs.getShort(2)).int4(rs.getInt(3))
                            .date(rs.getDate(4).toLocalDate())
                            .bytea(PointsEncodingTest.fixedPairs(PointsEncodingTest.readCompact(rs.getBytes(5))));
                }
            }
            s.execute("DELETE " + range);
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY salary_count (region_id, employment, term_id, "
                    + "bucket, points) FROM STDIN (FORMAT binary)", new ByteArrayInputStream(fixed.finish()));
            s.execute("UPDATE data_version SET version = version + 1");
        }
        assertTrue(strings(rows).stream().noneMatch(new HashSet<>(compact)::contains), "every row in fixed pairs");
        assertEquals(kept, graphql(q).asString());
        List<String> halfMonths = strings("SELECT count(DISTINCT (employment, bucket)) FROM salary_count "
                + "WHERE bucket BETWEEN '2019-06-01' AND '2021-06-30'");
        assertEquals(halfMonths, List.of(compaction.run().halfMonths() + "|"));
        assertEquals(compact, strings(rows));
        assertEquals(0, compaction.run().halfMonths());
    }

    /**
     * While a load runs, its batches' counts are rows of term_count_delta beside term_count; every figure must read
     * the two alike. Half of the kept rows are moved to deltas (as a load would leave them) and the figures compared;
     * then the deltas are folded back as at start-up.
     */
    @Test
    void figuresReadKeptCountsAndDeltasAlike() throws SQLException {
        String q = topSkillAndRole("rank rankChange vacancies shareOfAllVacancies shareOfCategory "
                + "coOccurringSkills(first: 5) { count term { name } } "
                + "vacancyTrend(from: \"2020-06-01\", to: \"2021-06-30\") { month vacancies allVacancies }");
        String before = graphql(q).asString();
        String moved = "extract(day FROM bucket) = 1";
        String sparse = "ARRAY(SELECT i FROM generate_subscripts(%1$s, 1) i WHERE %1$s[i] <> 0 ORDER BY i), "
                + "ARRAY(SELECT %1$s[i] FROM generate_subscripts(%1$s, 1) i WHERE %1$s[i] <> 0 ORDER BY i)";
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept_aside AS SELECT * FROM term_count WHERE " + moved);
            s.execute("INSERT INTO term_count_delta SELECT -1, 1, region_id, employment, bucket, ads, "
                    + sparse.formatted("terms") + ", " + sparse.formatted("categories") + " FROM kept_aside");
            s.execute("DELETE FROM term_count WHERE " + moved);
            s.execute("UPDATE data_version SET version = version + 1");
        }
        String rows = "SELECT region_id, employment, bucket, ads, array_to_string(terms, ','), array_to_string(categories, ',') "
                + "FROM %s WHERE " + moved + " ORDER BY 1, 2, 3";
        List<String> aside = strings(rows.formatted("kept_aside"));
        try {
            assertTrue(before.contains("\"rank\":"), before);
            assertEquals(before, graphql(q).asString());
            // What a load that never ended leaves is folded back at start-up.
            countRecovery.foldLeftovers();
            assertEquals(List.of("0|"), strings("SELECT count(*) FROM term_count_delta"));
            assertEquals(aside, strings(rows.formatted("term_count")));
            assertEquals(before, graphql(q).asString());
        } finally {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                if (s.executeUpdate("DELETE FROM term_count_delta WHERE load_id = -1") > 0) {
                    s.execute("INSERT INTO term_count SELECT * FROM kept_aside");
                }
                s.execute("DROP TABLE kept_aside");
                s.execute("UPDATE data_version SET version = version + 1");
            }
        }
    }

    /**
     * A query of the fields of the market of the Midlands' most-advertised skill (alias a) and role (b) in the 6 months
     * to 10 June 2021, a period that cuts half months.
     */
    private static String topSkillAndRole(String marketFields) {
        List<Ad> u = universe(data.bySlug().get("midlands"), END, 6);
        int skill = top(u, t -> !data.termCategory().get(t).equals("Job Titles"));
        int role = top(u, t -> data.termCategory().get(t).equals("Job Titles"));
        String market = "market(region: \"midlands\", period: {end: \"2021-06-10\", months: 6}) { " + marketFields + " } ";
        return "{ a: term(name: \"" + data.termName().get(skill) + "\") { " + market + "} b: term(name: \""
                + data.termName().get(role) + "\") { " + market + "} }";
    }

    private List<String> strings(String sql) throws SQLException {
        return TestRows.of(dataSource, sql);
    }

    private static Integer intOrNull(Object o) {
        return o == null ? null : ((Number) o).intValue();
    }

    private static void assertClose(Double expected, Object actual) {
        if (expected == null) {
            assertEquals(null, actual);
            return;
        }
        assertNotNull(actual, "expected " + expected);
        assertEquals(expected, ((Number) actual).doubleValue(), Math.abs(expected) * 1e-9 + 1e-9);
    }
}
