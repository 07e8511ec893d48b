package io.jobstats.market;

import io.jobstats.ads.Workplace;
import io.jobstats.counts.HalfMonths;
import io.jobstats.counts.IntArrays;
import io.jobstats.counts.LiveCounter;
import io.jobstats.counts.SalaryCountStore;
import io.jobstats.counts.TermCountStore;
import io.jobstats.counts.TermPairs;
import io.jobstats.database.BinaryCopy;
import io.jobstats.database.NamedSql;
import io.jobstats.database.ReadConnections;
import io.jobstats.database.SqlFailures;
import io.jobstats.market.MarketRecords.CoOccurrenceCount;
import io.jobstats.market.MarketRecords.MonthCount;
import io.jobstats.market.MarketRecords.MonthSalaries;
import io.jobstats.market.MarketRecords.RoleAds;
import io.jobstats.market.MarketRecords.Universe;
import io.jobstats.reference.ReferenceData;
import io.jobstats.reference.RegionNode;
import io.jobstats.reference.RegionTree;
import io.jobstats.reference.Term;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CacheResult;
import io.quarkus.cache.CaffeineCache;
import io.quarkus.cache.CompositeCacheKey;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.postgresql.PGStatement;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

/**
 * Every figure's SQL over ad_fact (one row per ad, its terms as an array) and term_count (term counts kept by the
 * load per counted region and half month), one statement per figure group, each in a cache of its own under its
 * arguments, the {@link Scope} among them with the data version, so a committed load makes every earlier entry
 * unreachable on every pod. Salary points are already in the employment type's unit; percentiles are PostgreSQL's
 * percentile_cont.
 * <p>
 * The statements name their parameters. Every one restricts ad_fact to a universe the same way:
 * {@code employment = :employment AND posted_on BETWEEN :start AND :end AND region_pos BETWEEN :lft AND :rgt AND
 * (cardinality(:positions::int[]) = 0 OR region_pos = ANY (:positions)) AND workplace = ANY (:workplaces)}: the
 * region as its nested-set range and, where a statement reads a whole period of a big region's ads, the positions of
 * its places as well (see {@link #positions}); every workplace when the scope names none.
 * Statements about one term come in two forms, {@code {HAS_TERM}} standing for {@code role_id = :term} for a role (so
 * its figures read its own ads through ad_fact_role) or {@code terms @> ARRAY[:term::int]} for any other term.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MarketRepository {

    /** The read path: statement and socket timeouts bound every query (application.properties). */
    @Inject
    ReadConnections connections;

    @Inject
    ReferenceData reference;

    @Inject
    KeptRows keptRows;

    private static final NamedSql LATEST_POSTED = NamedSql.of("""
            SELECT greatest((SELECT max(posted_on) FROM ad_fact WHERE employment = 0 AND posted_on <= :today),
                            (SELECT max(posted_on) FROM ad_fact WHERE employment = 1 AND posted_on <= :today))
            """);

    /** The latest posted date held that is not after {@code today}: an ad dated ahead moves no default period. */
    @CacheResult(cacheName = "market-latest-posted")
    public LocalDate latestPosted(long version, LocalDate today) {
        // One index probe per employment type rather than a scan.
        return query(version, LATEST_POSTED, Map.of("today", today), rs -> {
            rs.next();
            Date d = rs.getDate(1);
            return d == null ? null : d.toLocalDate();
        });
    }

    /**
     * Whole half months from term_count (each row's array, element t the ads featuring term id t; only for the row
     * versions not in :heldRows, see {@link KeptRows}, each row with its half month and identity) and the deltas of a
     * running load (sparse: ids and counts), plus (:headSign = +1) or less (-1) the period's edge days
     * :headFrom..:headTo and :tailFrom..:tailTo (see {@link HalfMonths#split}), each row with its region: the
     * regions :regions at once (a page's locations read the term's rank in every child). They are summed here, in
     * well under a millisecond, rather than by unnesting and grouping a UK period's ~100,000 (term, count) pairs in
     * PostgreSQL.
     */
    private static final String TERM_COUNTS_KEPT = """
            SELECT c.region_id, CASE WHEN {ID} <> ALL (:heldRows) THEN c.terms END, NULL::int[], NULL::int, c.bucket,
                   {ID}
            FROM term_count c
            WHERE c.region_id = ANY (:regions) AND c.employment = :employment
              AND c.bucket BETWEEN :firstHalf AND :lastHalf
            UNION ALL
            SELECT c.region_id, c.term_ids, c.term_counts, NULL, NULL, NULL FROM term_count_delta c
            WHERE c.region_id = ANY (:regions) AND c.employment = :employment
              AND c.bucket BETWEEN :firstHalf AND :lastHalf
            UNION ALL
            """.replace("{ID}", KeptRows.ID);

    /** The edge days from term_count_day (sparse, signed), and a row without a region if a half month was stale. */
    private static final NamedSql TERM_COUNTS = NamedSql.of(TERM_COUNTS_KEPT + """
            SELECT d.region_id, d.term_ids, d.term_counts, :headSign::int, NULL, NULL FROM term_count_day d
            WHERE d.region_id = ANY (:regions) AND d.employment = :employment AND d.day BETWEEN :headFrom AND :headTo
            UNION ALL
            SELECT d.region_id, d.term_ids, d.term_counts, :tailSign::int, NULL, NULL FROM term_count_day d
            WHERE d.region_id = ANY (:regions) AND d.employment = :employment AND d.day BETWEEN :tailFrom AND :tailTo
            UNION ALL
            SELECT NULL, NULL, NULL, NULL, NULL, NULL FROM salary_count_stale
            WHERE employment = :employment AND bucket BETWEEN :staleFrom AND :staleTo
            """);

    /**
     * The edge days from their ads, each with its terms: where no day is kept, or while one is stale. One region
     * only, :region, the scope's (its range and positions).
     */
    private static final NamedSql TERM_COUNTS_OF_ADS = NamedSql.of(TERM_COUNTS_KEPT + """
            SELECT :region::int, a.terms, NULL, :headSign::int, NULL, NULL FROM ad_fact a
            WHERE a.employment = :employment AND a.posted_on BETWEEN :headFrom AND :headTo
              AND a.region_pos BETWEEN :lft AND :rgt
              AND (cardinality(:positions::int[]) = 0 OR a.region_pos = ANY (:positions))
              AND a.workplace = ANY (:workplaces)
            UNION ALL
            SELECT :region::int, a.terms, NULL, :tailSign::int, NULL, NULL FROM ad_fact a
            WHERE a.employment = :employment AND a.posted_on BETWEEN :tailFrom AND :tailTo
              AND a.region_pos BETWEEN :lft AND :rgt
              AND (cardinality(:positions::int[]) = 0 OR a.region_pos = ANY (:positions))
              AND a.workplace = ANY (:workplaces)
            """);

    /** How many ads of the universe feature each term: vacancies, and the basis of every rank. */
    @CacheResult(cacheName = "market-term-counts")
    public AdsByTerm termCounts(Scope s) {
        return keptRead(s, s.period().start(), s.period().end(), (kept, stale) -> {
            AdsByTerm[] counts = termCountsIn(s, new int[] {s.regionId()}, kept, stale);
            return counts == null ? null : counts[0];
        });
    }

    /**
     * {@link #termCounts} of the scope's period and type in each of the regions, in their order, from one statement:
     * the scope's own region, or regions with kept counts; null when its snapshot found a half month marked stale.
     */
    private AdsByTerm[] termCountsIn(Scope s, int[] regions, boolean kept, boolean[] stale) {
        Map<String, Object> p = split(s);
        int employment = s.employment().code();
        LocalDate firstHalf = (LocalDate) p.get("firstHalf");
        LocalDate lastHalf = (LocalDate) p.get("lastHalf");
        Map<String, int[]> held = new HashMap<>();
        Map<Integer, Integer> index = new HashMap<>();
        for (int i = 0; i < regions.length; i++) {
            index.put(regions[i], i);
            held.putAll(keptRows.held(regions[i], employment, firstHalf, lastHalf));
        }
        p.put("regions", regions);
        p.put("heldRows", held.keySet().toArray(String[]::new));
        return query(s.version(), kept ? TERM_COUNTS : TERM_COUNTS_OF_ADS, p, true, rs -> {
            long[][] byRegion = new long[regions.length][termIdBound()];
            while (rs.next()) {
                int region = rs.getInt(1);
                if (rs.wasNull()) {
                    stale[0] = true;
                    return null;
                }
                int r = index.get(region);
                byte[] first = rs.getBytes(2);
                String id = rs.getString(6);
                if (id != null) {
                    // A kept half month: element t counts term id t.
                    int[] terms = first == null ? held.get(id) : BinaryCopy.int4Array(first);
                    if (first != null) {
                        keptRows.put(region, employment, rs.getDate(5).toLocalDate(), id, terms);
                    }
                    if (byRegion[r].length < terms.length) {
                        byRegion[r] = Arrays.copyOf(byRegion[r], terms.length);
                    }
                    long[] sums = byRegion[r];
                    for (int t = 1; t < terms.length; t++) {
                        sums[t] += terms[t];
                    }
                    continue;
                }
                int[] ids = BinaryCopy.int4Array(first);
                byte[] counts = rs.getBytes(3);
                int sign = rs.getInt(4);
                if (counts != null) {
                    // A delta row (no sign) or a day (signed): ids and their counts.
                    int[] n = BinaryCopy.int4Array(counts);
                    int by = sign == 0 ? 1 : sign;
                    for (int k = 0; k < ids.length; k++) {
                        byRegion[r] = add(byRegion[r], ids[k], (long) n[k] * by);
                    }
                } else {
                    // An ad of an edge: its terms (index 0 below the lower bound is 0, no term id, left uncounted).
                    for (int t : ids) {
                        byRegion[r] = add(byRegion[r], t, sign);
                    }
                }
            }
            return Arrays.stream(byRegion).map(AdsByTerm::of).toArray(AdsByTerm[]::new);
        });
    }

    /** The ads of a universe, each with its position and terms. */
    private static final NamedSql ADS_TERMS = NamedSql.of("""
            SELECT region_pos, terms FROM ad_fact
            WHERE employment = :employment AND posted_on BETWEEN :start AND :end AND region_pos BETWEEN :lft AND :rgt
              AND (cardinality(:positions::int[]) = 0 OR region_pos = ANY (:positions))
              AND workplace = ANY (:workplaces)
            """);

    /**
     * {@link #termCounts} of the given children of the scope's region, by child id, for the caller to seed
     * termCounts' cache with: a page's locations otherwise read them child by child, now and a year earlier (Scotland's
     * 32 council areas: 64 statements). Children with kept counts from one statement over their kept rows (none when a
     * half month of the period is marked stale: each is then read on its own); the others (an authority's towns) from
     * one read of their ads over the period, their positions listed.
     */
    public Map<Integer, AdsByTerm> childrenTermCounts(Scope s, Collection<Integer> childIds) {
        RegionNode region = reference.regions().byId(s.regionId());
        List<RegionNode> ofAds = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        for (int id : childIds) {
            RegionNode c = reference.regions().byId(id);
            if (c.parent == region) {
                if (counted(s.in(id))) {
                    kept.add(id);
                } else {
                    ofAds.add(c);
                }
            }
        }
        Map<Integer, AdsByTerm> out = childrenTermCountsOfAds(s, ofAds);
        if (!kept.isEmpty()) {
            int[] ids = kept.stream().mapToInt(Integer::intValue).toArray();
            Scope first = s.in(ids[0]);
            AdsByTerm[] counts = keptRead(first, s.period().start(), s.period().end(),
                    (fromKept, stale) -> fromKept ? termCountsIn(first, ids, true, stale) : null);
            for (int i = 0; counts != null && i < ids.length; i++) {
                out.put(ids[i], counts[i]);
            }
        }
        return out;
    }

    /** The children of the scope's region that have kept counts in the scope: a nation's council areas, say. */
    public List<Integer> keptChildren(Scope s) {
        return reference.regions().byId(s.regionId()).children.stream().map(c -> c.id).filter(c -> counted(s.in(c)))
                .toList();
    }

    /** The children's term counts from one read of their ads. */
    private Map<Integer, AdsByTerm> childrenTermCountsOfAds(Scope s, List<RegionNode> children) {
        RegionTree regions = reference.regions();
        RegionNode region = regions.byId(s.regionId());
        Map<Integer, long[]> byChild = new HashMap<>();
        List<int[]> positions = new ArrayList<>();
        int bound = termIdBound();
        for (RegionNode c : children) {
            byChild.put(c.id, new long[bound]);
            positions.add(positions(c));
        }
        if (byChild.isEmpty()) {
            return new HashMap<>();
        }
        Map<String, Object> p = params(s);
        p.put("positions", positions.stream().flatMapToInt(Arrays::stream).toArray());
        query(s.version(), ADS_TERMS, p, true, rs -> {
            while (rs.next()) {
                RegionNode child = regions.childAt(region, rs.getInt(1));
                long[] counts = child == null ? null : byChild.get(child.id);
                if (counts != null) {
                    // Index 0, below the array's lower bound, is no term id and stays uncounted.
                    for (int t : BinaryCopy.int4Array(rs.getBytes(2))) {
                        counts[t]++;
                    }
                }
            }
            return null;
        });
        Map<Integer, AdsByTerm> out = new HashMap<>();
        byChild.forEach((child, counts) -> out.put(child, AdsByTerm.of(counts)));
        return out;
    }

    /** One more than the taxonomy's highest term id: the length of an array indexed by term id. */
    private int termIdBound() {
        return reference.taxonomy().terms().stream().mapToInt(Term::id).max().orElse(0) + 1;
    }

    private static long[] add(long[] counts, int i, long by) {
        long[] out = i < counts.length ? counts : Arrays.copyOf(counts, i + 1);
        out[i] += by;
        return out;
    }

    /**
     * As TERM_COUNTS, counting each ad once per category of its terms (from term_count's categories arrays); {EDGES}
     * gives the edge days' (category id, signed count) rows and {STALE} a row without a name when it reads kept days
     * and a half month was stale.
     */
    private static final String CATEGORY_COUNTS_OF = """
            SELECT cat.name, sum(n) FROM (
                SELECT u.g, u.n FROM term_count c CROSS JOIN LATERAL unnest(c.categories) WITH ORDINALITY AS u(n, g)
                WHERE c.region_id = :region AND c.employment = :employment AND c.bucket BETWEEN :firstHalf AND :lastHalf
                  AND u.n <> 0
                UNION ALL
                SELECT u.g, u.n FROM term_count_delta c
                CROSS JOIN LATERAL unnest(c.category_ids, c.category_counts) AS u(g, n)
                WHERE c.region_id = :region AND c.employment = :employment AND c.bucket BETWEEN :firstHalf AND :lastHalf
                UNION ALL
                {EDGES}
            ) x JOIN category cat ON cat.id = x.g GROUP BY cat.name HAVING sum(n) > 0
            {STALE}
            """;

    private static final NamedSql CATEGORY_COUNTS = NamedSql.of(CATEGORY_COUNTS_OF.replace("{EDGES}", """
                SELECT u.g, :headSign * u.n FROM term_count_day d
                CROSS JOIN LATERAL unnest(d.category_ids, d.category_counts) AS u(g, n)
                WHERE d.region_id = :region AND d.employment = :employment AND d.day BETWEEN :headFrom AND :headTo
                UNION ALL
                SELECT u.g, :tailSign * u.n FROM term_count_day d
                CROSS JOIN LATERAL unnest(d.category_ids, d.category_counts) AS u(g, n)
                WHERE d.region_id = :region AND d.employment = :employment AND d.day BETWEEN :tailFrom AND :tailTo
            """).replace("{STALE}", """
            UNION ALL
            SELECT NULL, NULL FROM salary_count_stale
            WHERE employment = :employment AND bucket BETWEEN :staleFrom AND :staleTo
            """));

    private static final NamedSql CATEGORY_COUNTS_OF_ADS = NamedSql.of(CATEGORY_COUNTS_OF.replace("{EDGES}", """
                SELECT g.category_id, :headSign::int FROM ad_fact a
                CROSS JOIN LATERAL (SELECT DISTINCT t.category_id FROM term t WHERE t.id = ANY (a.terms)) g
                WHERE a.employment = :employment AND a.posted_on BETWEEN :headFrom AND :headTo
                  AND a.region_pos BETWEEN :lft AND :rgt
                  AND (cardinality(:positions::int[]) = 0 OR a.region_pos = ANY (:positions))
                  AND a.workplace = ANY (:workplaces)
                UNION ALL
                SELECT g.category_id, :tailSign::int FROM ad_fact a
                CROSS JOIN LATERAL (SELECT DISTINCT t.category_id FROM term t WHERE t.id = ANY (a.terms)) g
                WHERE a.employment = :employment AND a.posted_on BETWEEN :tailFrom AND :tailTo
                  AND a.region_pos BETWEEN :lft AND :rgt
                  AND (cardinality(:positions::int[]) = 0 OR a.region_pos = ANY (:positions))
                  AND a.workplace = ANY (:workplaces)
            """).replace("{STALE}", ""));

    /** Ads of the universe featuring at least one term of each category (for a role: a recognised title). */
    @CacheResult(cacheName = "market-category-counts")
    public Map<String, Long> categoryCounts(Scope s) {
        return keptRead(s, s.period().start(), s.period().end(), (kept, stale) ->
                query(s.version(), kept ? CATEGORY_COUNTS : CATEGORY_COUNTS_OF_ADS, split(s), rs -> {
                    Map<String, Long> m = new HashMap<>();
                    while (rs.next()) {
                        String name = rs.getString(1);
                        if (name == null) {
                            stale[0] = true;
                            return null;
                        }
                        m.put(name, rs.getLong(2));
                    }
                    return m;
                }));
    }

    /**
     * The universe's ads and those with a recognised title, as TERM_COUNTS reads terms: whole half months from the
     * kept rows (an ad with a recognised title is one featuring a term of the roles' category, since only a title
     * gives an ad a role), a running load's deltas, and the edge days ({@code {EDGES}}); the third column says whether
     * a half month whose kept days were read was marked stale. A UK half year of 10 million ads is some 24 kept rows
     * and a dozen day rows instead of its ~500,000 ads.
     */
    private static final String UNIVERSE_OF = """
            WITH titles AS (SELECT id FROM category WHERE name = :titles)
            SELECT coalesce(sum(x.ads), 0)::bigint, coalesce(sum(x.titled), 0)::bigint,
                   coalesce(bool_or(x.stale), FALSE)
            FROM (
                SELECT c.ads, coalesce(c.categories[(SELECT id FROM titles)], 0) AS titled, FALSE AS stale
                FROM term_count c
                WHERE c.region_id = :region AND c.employment = :employment AND c.bucket BETWEEN :firstHalf AND :lastHalf
                UNION ALL
                SELECT c.ads, {TITLED}, FALSE FROM term_count_delta c
                WHERE c.region_id = :region AND c.employment = :employment AND c.bucket BETWEEN :firstHalf AND :lastHalf
                UNION ALL
                {EDGES}
            ) x
            """;

    /** An ad count of a sparse row (term_count_delta's, term_count_day's) with a recognised title. */
    private static final String TITLED = """
            coalesce((SELECT sum(u.n) FROM unnest(c.category_ids, c.category_counts) AS u(g, n)
                      WHERE u.g = (SELECT id FROM titles)), 0)""";

    /** The edge days from term_count_day, signed, and a stale row if a half month was marked in the snapshot. */
    private static final NamedSql UNIVERSE = NamedSql.of(UNIVERSE_OF.replace("{EDGES}", """
                SELECT :headSign * c.ads, :headSign * {TITLED}, FALSE FROM term_count_day c
                WHERE c.region_id = :region AND c.employment = :employment AND c.day BETWEEN :headFrom AND :headTo
                UNION ALL
                SELECT :tailSign * c.ads, :tailSign * {TITLED}, FALSE FROM term_count_day c
                WHERE c.region_id = :region AND c.employment = :employment AND c.day BETWEEN :tailFrom AND :tailTo
                UNION ALL
                SELECT 0, 0, TRUE FROM salary_count_stale
                WHERE employment = :employment AND bucket BETWEEN :staleFrom AND :staleTo
            """).replace("{TITLED}", TITLED));

    /** The edge days from their ads: where no day is kept, or while one is stale. */
    private static final NamedSql UNIVERSE_OF_ADS = NamedSql.of(UNIVERSE_OF.replace("{EDGES}", """
                SELECT :headSign * count(*), :headSign * count(role_id), FALSE FROM ad_fact
                WHERE employment = :employment AND posted_on BETWEEN :headFrom AND :headTo AND region_pos BETWEEN :lft AND :rgt
                  AND (cardinality(:positions::int[]) = 0 OR region_pos = ANY (:positions))
                  AND workplace = ANY (:workplaces)
                UNION ALL
                SELECT :tailSign * count(*), :tailSign * count(role_id), FALSE FROM ad_fact
                WHERE employment = :employment AND posted_on BETWEEN :tailFrom AND :tailTo AND region_pos BETWEEN :lft AND :rgt
                  AND (cardinality(:positions::int[]) = 0 OR region_pos = ANY (:positions))
                  AND workplace = ANY (:workplaces)
            """).replace("{TITLED}", TITLED));

    /**
     * The universe's ads and those with a recognised title: the basis of a term's shares, so every term page reads
     * them. Its salaries are apart ({@link #universeSalaries}): at the UK, their edge days are some 20,000 ads.
     */
    @CacheResult(cacheName = "market-universe")
    public Universe universe(Scope s) {
        long[] counts = keptRead(s, s.period().start(), s.period().end(), (kept, stale) -> {
            Map<String, Object> p = split(s);
            p.put("titles", Term.JOB_TITLES);
            return query(s.version(), kept ? UNIVERSE : UNIVERSE_OF_ADS, p, rs -> {
                rs.next();
                stale[0] = rs.getBoolean(3);
                return new long[] {rs.getLong(1), rs.getLong(2)};
            });
        });
        return new Universe(counts[0], counts[1]);
    }

    /** p10-p90 of every valid salary point of the universe: the market table's salary figures. */
    @CacheResult(cacheName = "market-universe-salaries")
    public Percentiles universeSalaries(Scope s) {
        return Percentiles.of(universeSalaryPoints(s));
    }

    /**
     * The salary points of the ads of a scope featuring a term ({@code {HAS_TERM}}), or of every ad, posted :from..:to,
     * from ad_fact, by calendar month and point: for a scope without kept rows, or while a half month of the range is
     * marked stale.
     */
    private static final TermSql POINTS = TermSql.of("""
            SELECT date_trunc('month', posted_on)::date, NULL::bytea, salary_point, count(*) FROM ad_fact
            WHERE employment = :employment AND posted_on BETWEEN :from AND :to AND region_pos BETWEEN :lft AND :rgt
              AND (cardinality(:positions::int[]) = 0 OR region_pos = ANY (:positions))
              AND workplace = ANY (:workplaces) AND salary_point IS NOT NULL AND {HAS_TERM}
            GROUP BY 1, 3
            """);

    /**
     * POINTS from the kept rows, for a scope with them, by the day that keys each row: the whole half months
     * :firstHalf..:lastHalf from salary_count (keyed by the half month, PointsEncoding; sign 0), and the edge days
     * (see {@link HalfMonths#split}) from salary_point_day (V17), added (:headSign = +1) or taken away (-1), each ad
     * with its position, of which the caller keeps those of the region (:lft..:rgt). A row without a key says that a
     * half month of the range, its edges' included, was marked stale in the statement's snapshot: its kept rows
     * cannot be trusted, and the caller reads the range with POINTS.
     */
    private static final NamedSql KEPT_POINTS = NamedSql.of("""
            SELECT c.bucket, c.points, NULL::float8, 0::bigint FROM salary_count c
            WHERE c.region_id = :region AND c.employment = :employment AND c.term_id = :termKey
              AND c.bucket BETWEEN :firstHalf AND :lastHalf
            UNION ALL
            SELECT NULL, NULL, NULL, NULL FROM salary_count_stale
            WHERE employment = :employment AND bucket BETWEEN :staleFrom AND :staleTo
            UNION ALL
            SELECT day, points, NULL, :headSign::bigint FROM salary_point_day
            WHERE employment = :employment AND day BETWEEN :headFrom AND :headTo AND term_id = :termKey
            UNION ALL
            SELECT day, points, NULL, :tailSign::bigint FROM salary_point_day
            WHERE employment = :employment AND day BETWEEN :tailFrom AND :tailTo AND term_id = :termKey
            """);

    /** p10-p90 of the salary points of the ads of the universe featuring the term. */
    @CacheResult(cacheName = "market-term-salaries")
    public Percentiles termSalaries(int termId, Scope s) {
        return Percentiles.of(termSalaryPoints(termId, s));
    }

    /**
     * The valid salary points of the ads of the universe featuring the term: the distribution's figures. From the read
     * of the region's and its children's ({@link #familyPoints}) when a page that shows its children's has started it.
     */
    @CacheResult(cacheName = "market-term-salary-points")
    public SalaryPoints termSalaryPoints(int termId, Scope s) {
        FamilyPoints family = keptFamily(s) ? startedFamily(termId, s) : null;
        return family != null && family.points() != null ? family.points().get(s.regionId()) : ownPoints(termId, s);
    }

    @Inject
    @CacheName("market-term-family-points")
    Cache familyCache;

    /**
     * Starts reading {@link #familyPoints} on the executor when the scope has a {@link #keptFamily}, for a page that
     * shows both the region's salaries and its children's: registered in the cache before this returns, so that the
     * region's salaries resolved next wait for it ({@link #startedFamily}) instead of scanning the region's edge days
     * on their own. A failed read leaves no entry, and the figures' own reads report the fault.
     */
    public void startFamily(int termId, Scope s, Executor executor) {
        if (keptFamily(s)) {
            familyCache.getAsync(familyKey(termId, s), k -> Uni.createFrom()
                            .item(() -> readFamilyPoints(termId, s)).runSubscriptionOn(executor))
                    .subscribe().with(done -> { }, failed -> { });
        }
    }

    /** The key @CacheResult makes for familyPoints(term, scope). */
    private static CompositeCacheKey familyKey(int termId, Scope s) {
        return new CompositeCacheKey(termId, s);
    }

    /**
     * familyPoints of the term and scope, waited for, when it is held or being read ({@link #startFamily}); else
     * null. A failed read is null too: the caller's own read then meets and reports the fault.
     */
    private FamilyPoints startedFamily(int termId, Scope s) {
        CompletableFuture<FamilyPoints> f = familyCache.as(CaffeineCache.class).getIfPresent(familyKey(termId, s));
        try {
            return f == null ? null : f.join();
        } catch (CompletionException | CancellationException e) {
            return null;
        }
    }

    /** POINTS: the term's salary points in the scope's region alone. */
    private SalaryPoints ownPoints(int termId, Scope s) {
        return SalaryPoints.merge(points(POINTS.of(term(termId)), termId, s, s.period().start(), s.period().end())
                .values());
    }

    /** Whether the scope and each child of its region have kept counts (a region without children has none). */
    private boolean keptFamily(Scope s) {
        List<RegionNode> children = reference.regions().byId(s.regionId()).children;
        return counted(s) && !children.isEmpty() && children.stream().allMatch(c -> counted(s.in(c.id)));
    }

    /**
     * A term's salary points in a region and in each of its children, by region id; null when the read found a half
     * month of the period marked stale (the caller then reads each region from its ads).
     */
    public record FamilyPoints(Map<Integer, SalaryPoints> points) {
    }

    /**
     * The term's salary points in a region with {@link #keptFamily} and in each of its children, from one read of the
     * region's edge days (FAMILY_POINTS): a page shows both, the region's salaries and its locations' medians, and
     * at the UK those days are some 20,000 ads of the index to test for the term, at a nation nearly as many.
     */
    @CacheResult(cacheName = "market-term-family-points")
    public FamilyPoints familyPoints(int termId, Scope s) {
        return readFamilyPoints(termId, s);
    }

    /** {@link #familyPoints}, read now: also the loader {@link #startFamily} puts in the cache. */
    private FamilyPoints readFamilyPoints(int termId, Scope s) {
        return new FamilyPoints(keptRead(true, s, s.period().start(), s.period().end(),
                (fromKept, stale) -> fromKept ? keptFamilyPoints(termId, s, stale) : null));
    }

    /** The valid salary points of every ad of the universe. */
    @CacheResult(cacheName = "market-universe-salary-points")
    public SalaryPoints universeSalaryPoints(Scope s) {
        return SalaryPoints.merge(points(POINTS.every(), 0, s, s.period().start(), s.period().end()).values());
    }

    /** The points over from..to, by calendar month: KEPT_POINTS when the scope's kept rows serve, else sql. */
    private Map<LocalDate, SalaryPoints> points(NamedSql sql, int termKey, Scope s, LocalDate from, LocalDate to) {
        RegionNode region = reference.regions().byId(s.regionId());
        return keptRead(s, from, to, (kept, stale) -> {
            Map<String, Object> p = split(s, from, to, kept);
            p.put("term", termKey);
            p.put("termKey", termKey);
            p.put("from", from);
            p.put("to", to);
            return query(s.version(), kept ? KEPT_POINTS : sql, p, true, rs -> {
                Map<LocalDate, SalaryPoints.Builder> months = new TreeMap<>();
                while (rs.next()) {
                    Date key = rs.getDate(1);
                    if (key == null) {
                        stale[0] = true;
                        return null;
                    }
                    SalaryPoints.Builder month = months.computeIfAbsent(key.toLocalDate().withDayOfMonth(1),
                            k -> new SalaryPoints.Builder());
                    byte[] points = rs.getBytes(2);
                    long n = rs.getLong(4);
                    if (points == null) {
                        month.add(rs.getDouble(3), n);
                    } else if (n == 0) {
                        month.addEncoded(points);
                    } else {
                        PlacedPointsEncoding.decode(points, (position, point, count) -> {
                            if (position >= region.lft && position <= region.rgt) {
                                month.add(point, n * count);
                            }
                        });
                    }
                }
                Map<LocalDate, SalaryPoints> out = new TreeMap<>();
                months.forEach((m, b) -> out.put(m, b.build()));
                return out;
            });
        });
    }

    /**
     * One read of what is recounted per half month (salary points, day term counts, co-occurrences, live jobs), from
     * those kept rows or not; it sets {@code stale[0]} when its snapshot found a mark.
     */
    private interface KeptRead<T> {
        T read(boolean kept, boolean[] stale);
    }

    /**
     * Reads from the recounted rows when the scope has them and none of the range's half months was marked
     * stale at the request's version, else from ad_fact alone; and from ad_fact alone when the statement's own
     * snapshot found a mark after all (a load's batch committed in between).
     */
    private <T> T keptRead(Scope s, LocalDate from, LocalDate to, KeptRead<T> read) {
        return keptRead(counted(s), s, from, to, read);
    }

    /** {@link #keptRead} for kept rows the scope has when {@code levelKept}. */
    private <T> T keptRead(boolean levelKept, Scope s, LocalDate from, LocalDate to, KeptRead<T> read) {
        boolean kept = levelKept && staleSalaries(s.version()).stream()
                .noneMatch(b -> b.employment() == s.employment().code()
                        && !b.start().isBefore(HalfMonths.start(from)) && !b.start().isAfter(to));
        boolean[] stale = {false};
        T out = read.read(kept, stale);
        return stale[0] ? read.read(false, stale) : out;
    }

    private static final NamedSql STALE_SALARIES = NamedSql.of("SELECT employment, bucket FROM salary_count_stale");

    /**
     * The half months whose recounted rows are marked stale (SalaryCountStore): a handful, and only while a load runs.
     * Kept a few seconds only (application.properties): a recount clears marks without a new data version.
     */
    @CacheResult(cacheName = "market-stale-salaries")
    public List<SalaryCountStore.Bucket> staleSalaries(long version) {
        return query(version, STALE_SALARIES, Map.of(), rs -> {
            List<SalaryCountStore.Bucket> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new SalaryCountStore.Bucket(rs.getShort(1), rs.getDate(2).toLocalDate()));
            }
            return out;
        });
    }

    private static final TermSql TERM_BY_ROLE = TermSql.of("""
            SELECT role_id, salary_point, count(*) FROM ad_fact
            WHERE {HAS_TERM}
              AND employment = :employment AND posted_on BETWEEN :start AND :end AND region_pos BETWEEN :lft AND :rgt
              AND (cardinality(:positions::int[]) = 0 OR region_pos = ANY (:positions))
              AND workplace = ANY (:workplaces) AND role_id IS NOT NULL
            GROUP BY role_id, salary_point
            """);

    /** The ads of the universe featuring the term, by their role (those without one left out): how many, and their points. */
    @CacheResult(cacheName = "market-term-by-role")
    public Map<Integer, RoleAds> termByRole(int termId, Scope s) {
        return query(s.version(), TERM_BY_ROLE.of(term(termId)), params(s, termId), rs -> {
            Map<Integer, Long> ads = new HashMap<>();
            Map<Integer, TreeMap<Double, Long>> points = new HashMap<>();
            while (rs.next()) {
                int role = rs.getInt(1);
                double point = rs.getDouble(2);
                boolean quoted = !rs.wasNull();
                long n = rs.getLong(3);
                ads.merge(role, n, Long::sum);
                TreeMap<Double, Long> mine = points.computeIfAbsent(role, k -> new TreeMap<>());
                if (quoted) {
                    mine.put(point, n);
                }
            }
            Map<Integer, RoleAds> out = new HashMap<>();
            ads.forEach((role, n) -> out.put(role, new RoleAds(n, SalaryPoints.of(points.get(role)))));
            return out;
        });
    }

    private static final TermSql TERM_WORKPLACES = TermSql.of("""
            SELECT workplace, count(*) FROM ad_fact
            WHERE {HAS_TERM}
              AND employment = :employment AND posted_on BETWEEN :start AND :end AND region_pos BETWEEN :lft AND :rgt
              AND (cardinality(:positions::int[]) = 0 OR region_pos = ANY (:positions))
              AND workplace = ANY (:workplaces)
            GROUP BY workplace
            """);

    /** The ads of the universe featuring the term by workplace. */
    @CacheResult(cacheName = "market-term-workplaces")
    public Map<Workplace, Long> termWorkplaces(int termId, Scope s) {
        return query(s.version(), TERM_WORKPLACES.of(term(termId)), params(s, termId), MarketRepository::byWorkplace);
    }

    private static final NamedSql UNIVERSE_WORKPLACES = NamedSql.of("""
            SELECT workplace, count(*) FROM ad_fact
            WHERE employment = :employment AND posted_on BETWEEN :start AND :end AND region_pos BETWEEN :lft AND :rgt
              AND (cardinality(:positions::int[]) = 0 OR region_pos = ANY (:positions))
              AND workplace = ANY (:workplaces)
            GROUP BY workplace
            """);

    /** Every ad of the universe by workplace (an index-only scan of ad_fact_universe). */
    @CacheResult(cacheName = "market-universe-workplaces")
    public Map<Workplace, Long> universeWorkplaces(Scope s) {
        return query(s.version(), UNIVERSE_WORKPLACES, params(s), MarketRepository::byWorkplace);
    }

    /**
     * POINTS for each of many terms at once: the kept rows of every term ({@code {TERMS}} empty: the market index) or
     * of those in :terms, keyed by term; the stale marks' rows without a key; and the edge days' ads with a point,
     * each once with its terms, added or taken away. Each term's points are gathered here: PostgreSQL's
     * percentile_cont per term, grouped over the ads' terms unnested, sorts every (term, point) pair of the universe
     * and costs several times more (docs/benchmarks.md).
     */
    private static final String TERMS_POINTS = """
            SELECT c.term_id, c.points, NULL::text, NULL::float8, NULL::int FROM salary_count c
            WHERE c.region_id = :region AND c.employment = :employment AND c.bucket BETWEEN :firstHalf AND :lastHalf
              AND c.term_id <> 0 {TERMS}
            UNION ALL
            SELECT NULL, NULL, NULL, NULL, NULL FROM salary_count_stale
            WHERE employment = :employment AND bucket BETWEEN :firstHalf AND :lastHalf
            UNION ALL
            SELECT NULL, NULL, terms::text, salary_point, :headSign::int FROM ad_fact
            WHERE employment = :employment AND posted_on BETWEEN :headFrom AND :headTo AND region_pos BETWEEN :lft AND :rgt
              AND (cardinality(:positions::int[]) = 0 OR region_pos = ANY (:positions))
              AND workplace = ANY (:workplaces) AND salary_point IS NOT NULL
            UNION ALL
            SELECT NULL, NULL, terms::text, salary_point, :tailSign::int FROM ad_fact
            WHERE employment = :employment AND posted_on BETWEEN :tailFrom AND :tailTo AND region_pos BETWEEN :lft AND :rgt
              AND (cardinality(:positions::int[]) = 0 OR region_pos = ANY (:positions))
              AND workplace = ANY (:workplaces) AND salary_point IS NOT NULL
            """;
    private static final NamedSql EVERY_TERMS_POINTS = NamedSql.of(TERMS_POINTS.replace("{TERMS}", ""));
    private static final NamedSql SOME_TERMS_POINTS = NamedSql.of(TERMS_POINTS.replace("{TERMS}", "AND c.term_id = ANY (:terms)"));

    /**
     * The same figures as {@link #termSalaries} for many terms in one query, as a batch of terms needs them; the
     * caller puts them in that method's cache. Terms with no salary points in the universe are absent.
     */
    public Map<Integer, Percentiles> termSalariesOf(List<Integer> termIds, Scope s) {
        Map<Integer, Percentiles> out = new HashMap<>();
        termsPoints(SOME_TERMS_POINTS, termIds.stream().mapToInt(Integer::intValue).toArray(), s)
                .forEach((t, p) -> out.put(t, Percentiles.of(p)));
        return out;
    }

    /** Every term's salary points over the universe: the market index's medians. */
    @CacheResult(cacheName = "market-term-points")
    public Map<Integer, SalaryPoints> termPoints(Scope s) {
        return termsPoints(EVERY_TERMS_POINTS, reference.taxonomy().terms().stream().mapToInt(Term::id).toArray(), s);
    }

    private Map<Integer, SalaryPoints> termsPoints(NamedSql sql, int[] termIds, Scope s) {
        boolean[] wanted = new boolean[Arrays.stream(termIds).max().orElse(0) + 1];
        Arrays.stream(termIds).forEach(t -> wanted[t] = true);
        return keptRead(s, s.period().start(), s.period().end(), (kept, stale) -> {
            Map<String, Object> p = split(s, s.period().start(), s.period().end(), kept);
            p.put("terms", termIds);
            return query(s.version(), sql, p, true, rs -> {
                SalaryPoints.Builder[] terms = new SalaryPoints.Builder[wanted.length];
                while (rs.next()) {
                    byte[] points = rs.getBytes(2);
                    String adTerms = rs.getString(3);
                    if (points != null) {
                        builder(terms, rs.getInt(1)).addEncoded(points);
                    } else if (adTerms != null) {
                        double point = rs.getDouble(4);
                        int sign = rs.getInt(5);
                        for (int t : IntArrays.parse(adTerms)) {
                            if (t < wanted.length && wanted[t]) {
                                builder(terms, t).add(point, sign);
                            }
                        }
                    } else {
                        stale[0] = true;
                        return null;
                    }
                }
                Map<Integer, SalaryPoints> out = new HashMap<>();
                for (int t = 0; t < terms.length; t++) {
                    SalaryPoints points = terms[t] == null ? SalaryPoints.NONE : terms[t].build();
                    if (points.size() > 0) {
                        out.put(t, points);
                    }
                }
                return out;
            });
        });
    }

    private static SalaryPoints.Builder builder(SalaryPoints.Builder[] byTerm, int term) {
        if (byTerm[term] == null) {
            byTerm[term] = new SalaryPoints.Builder();
        }
        return byTerm[term];
    }

    private static final TermSql TERM_SALARIES_BY_CHILD = TermSql.of("""
            SELECT c.id, count(a.salary_point),
                   percentile_cont(array[0.1, 0.25, 0.5, 0.75, 0.9]::float8[]) WITHIN GROUP (ORDER BY a.salary_point)
            FROM ad_fact a JOIN region c ON c.parent_id = :region AND a.region_pos BETWEEN c.lft AND c.rgt
            WHERE a.{HAS_TERM}
              AND a.employment = :employment AND a.posted_on BETWEEN :start AND :end AND a.region_pos BETWEEN :lft AND :rgt
              AND (cardinality(:positions::int[]) = 0 OR a.region_pos = ANY (:positions))
              AND a.workplace = ANY (:workplaces)
            GROUP BY c.id
            """);

    /**
     * KEPT_POINTS in the scope's region and its children (:regions) at once, over the scope's period: each kept row
     * with its region; the edge days' rows with their sign, each ad with its position (the caller keeps the region's
     * and finds each one's child); and a row of NULLs when a half month was marked stale.
     */
    private static final NamedSql FAMILY_POINTS = NamedSql.of("""
            SELECT c.region_id, c.points, 0 FROM salary_count c
            WHERE c.region_id = ANY (:regions) AND c.employment = :employment AND c.term_id = :term
              AND c.bucket BETWEEN :firstHalf AND :lastHalf
            UNION ALL
            SELECT NULL, NULL, NULL FROM salary_count_stale
            WHERE employment = :employment AND bucket BETWEEN :staleFrom AND :staleTo
            UNION ALL
            SELECT NULL, points, :headSign::int FROM salary_point_day
            WHERE employment = :employment AND day BETWEEN :headFrom AND :headTo AND term_id = :term
            UNION ALL
            SELECT NULL, points, :tailSign::int FROM salary_point_day
            WHERE employment = :employment AND day BETWEEN :tailFrom AND :tailTo AND term_id = :term
            """);

    /**
     * The same figures as {@link #termSalaries} for one term in each child region of a region; its keys are the
     * children where the term has ads (the rows of the locations table), or with {@code medians} at least those with a
     * salary point (the medians of a year earlier, read without the children's term counts). Children with kept counts
     * (a nation's areas, say) are read from their kept rows in one statement with the region's own
     * ({@link #familyPoints}; one by one, their own pages' reads, while a half month of the period is marked stale);
     * the others (an authority's towns, few ads each) in one query over their ads.
     */
    @CacheResult(cacheName = "market-term-salaries-by-child")
    public Map<Integer, Percentiles> termSalariesByChild(int termId, Scope s, boolean medians) {
        if (!keptFamily(s)) {
            return query(s.version(), TERM_SALARIES_BY_CHILD.of(term(termId)), withPositions(params(s, termId), s),
                    percentilesBy());
        }
        int[] rows = reference.regions().byId(s.regionId()).children.stream().mapToInt(c -> c.id)
                .filter(c -> medians || termCounts(s.in(c)).of(termId) > 0).toArray();
        Map<Integer, SalaryPoints> kept = rows.length == 0 ? Map.of() : familyPoints(termId, s).points();
        Map<Integer, Percentiles> out = new HashMap<>();
        for (int c : rows) {
            Percentiles p = kept == null ? termSalaries(termId, s.in(c))
                    : Percentiles.of(kept.getOrDefault(c, SalaryPoints.NONE));
            if (!medians || p.sampleSize() > 0) {
                out.put(c, p);
            }
        }
        return out;
    }

    /** FAMILY_POINTS: the salary points of the region and of each child; null when a half month was marked stale. */
    private Map<Integer, SalaryPoints> keptFamilyPoints(int termId, Scope s, boolean[] stale) {
        RegionTree regions = reference.regions();
        RegionNode parent = regions.byId(s.regionId());
        Map<Integer, SalaryPoints.Builder> byRegion = new HashMap<>();
        byRegion.put(parent.id, new SalaryPoints.Builder());
        parent.children.forEach(c -> byRegion.put(c.id, new SalaryPoints.Builder()));
        Map<String, Object> p = split(s, s.period().start(), s.period().end(), true);
        p.put("term", termId);
        p.put("regions", byRegion.keySet().stream().mapToInt(Integer::intValue).toArray());
        SalaryPoints.Builder own = byRegion.get(parent.id);
        return query(s.version(), FAMILY_POINTS, p, true, rs -> {
            while (rs.next()) {
                int region = rs.getInt(1);
                if (!rs.wasNull()) {
                    byRegion.get(region).addEncoded(rs.getBytes(2));
                    continue;
                }
                byte[] points = rs.getBytes(2);
                if (points == null) {
                    stale[0] = true;
                    return null;
                }
                // An edge day's ads at a position in the region: the region's, and its child's unless at the
                // region's own position.
                int sign = rs.getInt(3);
                PlacedPointsEncoding.decode(points, (position, point, count) -> {
                    if (position >= parent.lft && position <= parent.rgt) {
                        own.add(point, sign * count);
                        RegionNode at = regions.childAt(parent, position);
                        if (at != null) {
                            byRegion.get(at.id).add(point, sign * count);
                        }
                    }
                });
            }
            Map<Integer, SalaryPoints> out = new HashMap<>();
            byRegion.forEach((r, b) -> out.put(r, b.build()));
            return Map.copyOf(out);
        });
    }

    /**
     * The ads of the universe featuring the term ({@code {HAS_TERM}}) open on :asOf and open more than 90 days, as
     * {@code {COLUMN}}: few, read through ad_fact_long_open (V13), whose predicate this repeats word for word so that the
     * planner may use it. A part of OPEN_ADS, and of LIVE_KEPT beside the kept rows, which leave these ads out.
     */
    private static final String LONG_OPEN_ADS = """
            SELECT {COLUMN} FROM ad_fact
            WHERE employment = :employment AND closes_on >= :asOf AND posted_on <= :asOf AND closes_on - posted_on > 90
              AND region_pos BETWEEN :lft AND :rgt
              AND (cardinality(:positions::int[]) = 0 OR region_pos = ANY (:positions))
              AND workplace = ANY (:workplaces) AND {HAS_TERM}""";

    /**
     * The ads of the universe featuring the term ({@code {HAS_TERM}}) open on :asOf, as {@code {COLUMN}}, in three
     * disjoint parts: those with a closing date on or after the day and open at most 90 days, posted from :openFrom
     * (open_span) or 90 days back, whichever is later, to the day: a range of ad_fact_universe or ad_fact_place; those
     * open longer (LONG_OPEN_ADS); and those without a closing date posted in the 30 days up to it.
     */
    private static final String OPEN_ADS = """
            SELECT {COLUMN} FROM ad_fact
            WHERE employment = :employment AND closes_on >= :asOf
              AND posted_on BETWEEN greatest(:openFrom, :asOf::date - 90) AND :asOf AND closes_on - posted_on <= 90
              AND region_pos BETWEEN :lft AND :rgt
              AND (cardinality(:positions::int[]) = 0 OR region_pos = ANY (:positions))
              AND workplace = ANY (:workplaces) AND {HAS_TERM}
            UNION ALL
            {LONG_OPEN_ADS}
            UNION ALL
            SELECT {COLUMN} FROM ad_fact
            WHERE employment = :employment AND closes_on IS NULL AND posted_on BETWEEN :monthBefore AND :asOf
              AND region_pos BETWEEN :lft AND :rgt
              AND (cardinality(:positions::int[]) = 0 OR region_pos = ANY (:positions))
              AND workplace = ANY (:workplaces) AND {HAS_TERM}
            """.replace("{LONG_OPEN_ADS}", LONG_OPEN_ADS);

    private static final TermSql LIVE_JOBS_BY_CHILD = TermSql.of("""
            SELECT c.id, count(*) FROM (
            {OPEN_ADS}) a JOIN region c ON (c.id = :region OR c.parent_id = :region) AND a.region_pos BETWEEN c.lft AND c.rgt
            GROUP BY c.id
            """.replace("{OPEN_ADS}", OPEN_ADS.replace("{COLUMN}", "region_pos")));

    /**
     * Live jobs on :asOf from the kept rows (V15) of the regions :regions, each the ads of one half month live that day
     * (TermPairs); the ads open more than 90 days, which those rows leave out (LONG_OPEN_ADS), each with its position
     * and terms; and a row of nulls if a half month the day's rows come from
     * (:staleFrom..:asOf) was marked stale in the statement's snapshot.
     */
    private static final TermSql LIVE_KEPT = TermSql.of("""
            SELECT c.region_id, c.terms, NULL::int, NULL::text FROM live_count c
            WHERE c.region_id = ANY (:regions) AND c.employment = :employment AND c.day = :asOf
            UNION ALL
            SELECT NULL, NULL, NULL, NULL FROM salary_count_stale
            WHERE employment = :employment AND bucket BETWEEN :staleFrom AND :asOf
            UNION ALL
            """ + LONG_OPEN_ADS.replace("{COLUMN}", "NULL, NULL, region_pos, terms::text"));

    /** What LIVE_KEPT's rows say: a region's row of a half month's live ads, or one ad open longer, where it is. */
    private interface LiveRows {
        void kept(int regionId, byte[] terms);

        void longOpen(RegionNode place, int[] terms);
    }

    /** LIVE_KEPT over the regions, into {@code out}: false if the statement found a half month marked stale. */
    private boolean keptLive(Scope s, NamedSql sql, Map<String, Object> p, int[] regionIds, LocalDate asOf, LiveRows out) {
        p.put("regions", regionIds);
        p.put("asOf", asOf);
        p.put("staleFrom", HalfMonths.start(asOf.minusDays(LiveCounter.KEPT_DAYS_OPEN)));
        return query(s.version(), sql, p, true, rs -> {
            while (rs.next()) {
                byte[] terms = rs.getBytes(2);
                String adTerms = rs.getString(4);
                if (terms != null) {
                    out.kept(rs.getInt(1), terms);
                } else if (adTerms != null) {
                    out.longOpen(reference.regions().byPosition(rs.getInt(3)), IntArrays.parse(adTerms));
                } else {
                    return false;
                }
            }
            return true;
        });
    }

    /**
     * Open on the day: posted by then, and closing on or after it, or with no closing date posted within 30 days; in
     * the region (its own key) and each child with such ads. From the kept rows of the region and its children when
     * they all have them and none of the half months the day's rows come from is stale, else from ad_fact.
     */
    @CacheResult(cacheName = "market-live-jobs-by-child")
    public Map<Integer, Long> liveJobsByChild(int termId, Scope s, LocalDate asOf) {
        RegionNode region = reference.regions().byId(s.regionId());
        boolean childrenKept = region.children.stream().allMatch(c -> counted(s.in(c.id)));
        return keptRead(s, asOf.minusDays(LiveCounter.KEPT_DAYS_OPEN), asOf, (kept, stale) -> {
            Map<String, Object> p = params(s, termId);
            if (!kept || !childrenKept) {
                openDays(p, s.version(), asOf);
                return query(s.version(), LIVE_JOBS_BY_CHILD.of(term(termId)), withPositions(p, s),
                        countsBy(rs -> rs.getInt(1)));
            }
            int[] ids = new int[region.children.size() + 1];
            ids[0] = region.id;
            for (int i = 0; i < region.children.size(); i++) {
                ids[i + 1] = region.children.get(i).id;
            }
            Map<Integer, Long> out = new HashMap<>();
            stale[0] = !keptLive(s, LIVE_KEPT.of(term(termId)), p, ids, asOf, new LiveRows() {
                @Override
                public void kept(int regionId, byte[] terms) {
                    TermPairs.decode(terms, (t, n) -> {
                        if (t == termId) {
                            out.merge(regionId, (long) n, Long::sum);
                        }
                    });
                }

                @Override
                public void longOpen(RegionNode place, int[] terms) {
                    // The statement kept only the term's ads: each counts in the region and the child it lies in.
                    for (RegionNode r = place; r != null; r = r.parent) {
                        if (r == region || r.parent == region) {
                            out.merge(r.id, 1L, Long::sum);
                        }
                    }
                }
            });
            return out;
        });
    }

    /**
     * The co-occurrences of the ads of a scope featuring the term: the kept rows of the whole half months
     * :firstHalf..:lastHalf (encoded pairs of term and count, see {@link TermPairs}), and the terms of the
     * ads of the edge days, each to be counted with its sign (see {@link HalfMonths#split}); the ads' terms are
     * counted in Java (a UK half year's 100,000 such ads carry ~2.5 million (ad, term) pairs, which PostgreSQL took
     * longer to unnest and group than to read). A read without kept rows has no whole half months and its whole
     * period as the head edge. A row of nulls says that a half month of the range was marked stale in the statement's
     * snapshot: the caller reads the period from ad_fact.
     */
    private static final TermSql CO_OCCURRENCES = TermSql.of("""
            SELECT c.pairs, NULL::int[], NULL::int FROM co_occurrence c
            WHERE c.region_id = :region AND c.employment = :employment AND c.bucket BETWEEN :firstHalf AND :lastHalf
              AND c.term_id = :term
            UNION ALL
            SELECT NULL, NULL, NULL FROM salary_count_stale
            WHERE employment = :employment AND bucket BETWEEN :firstHalf AND :lastHalf
            UNION ALL
            SELECT NULL, terms, :headSign::int FROM ad_fact
            WHERE employment = :employment AND posted_on BETWEEN :headFrom AND :headTo AND region_pos BETWEEN :lft AND :rgt
              AND (cardinality(:positions::int[]) = 0 OR region_pos = ANY (:positions))
              AND workplace = ANY (:workplaces) AND {HAS_TERM}
            UNION ALL
            SELECT NULL, terms, :tailSign::int FROM ad_fact
            WHERE employment = :employment AND posted_on BETWEEN :tailFrom AND :tailTo AND region_pos BETWEEN :lft AND :rgt
              AND (cardinality(:positions::int[]) = 0 OR region_pos = ANY (:positions))
              AND workplace = ANY (:workplaces) AND {HAS_TERM}
            """);

    /** Ads of the universe featuring the term and each other term, with their counts. */
    @CacheResult(cacheName = "market-co-occurrences")
    public List<CoOccurrenceCount> coOccurrences(int termId, Scope s) {
        long[] byTerm = keptRead(kept(s, TermCountStore::coOccurrencesKept), s, s.period().start(), s.period().end(), (kept, stale) -> {
            Map<String, Object> p = split(s, s.period().start(), s.period().end(), kept);
            p.put("term", termId);
            return query(s.version(), CO_OCCURRENCES.of(term(termId)), p, true, rs -> {
                long[][] counts = {new long[termIdBound()]};
                while (rs.next()) {
                    byte[] pairs = rs.getBytes(1);
                    byte[] terms = rs.getBytes(2);
                    if (pairs != null) {
                        TermPairs.decode(pairs, (t, n) -> counts[0] = add(counts[0], t, n));
                    } else if (terms != null) {
                        int sign = rs.getInt(3);
                        // Index 0, below the array's lower bound, is no term id and is not read back.
                        for (int t : BinaryCopy.int4Array(terms)) {
                            counts[0] = add(counts[0], t, sign);
                        }
                    } else {
                        stale[0] = true;
                        return null;
                    }
                }
                return counts[0];
            });
        });
        List<CoOccurrenceCount> rows = new ArrayList<>();
        for (int t = 1; t < byTerm.length; t++) {
            if (byTerm[t] > 0 && t != termId) {
                rows.add(new CoOccurrenceCount(t, byTerm[t]));
            }
        }
        return rows;
    }

    /**
     * A month is two whole buckets of term_count (and of a running load's deltas). Only the buckets of the months
     * :firstMonth..(:endMonth less a day) are read: a region's rows of every year are ~240 at 10M ads, each with its
     * dense array of every term's count to fetch from TOAST.
     */
    private static final NamedSql VACANCY_TREND_COUNTED = NamedSql.of("""
            SELECT to_char(m, 'YYYY-MM'), coalesce(sum(c.n), 0), coalesce(sum(c.ads), 0)
            FROM generate_series(date_trunc('month', :from::date), date_trunc('month', :to::date), interval '1 month') m
            LEFT JOIN (
                SELECT bucket, terms[:term] AS n, ads FROM term_count
                WHERE region_id = :region AND employment = :employment AND bucket >= :firstMonth AND bucket < :endMonth
                UNION ALL
                SELECT bucket, term_counts[array_position(term_ids, :term)], ads FROM term_count_delta
                WHERE region_id = :region AND employment = :employment AND bucket >= :firstMonth AND bucket < :endMonth
            ) c ON c.bucket >= m AND c.bucket < m + interval '1 month'
            GROUP BY m ORDER BY m
            """);

    private static final NamedSql VACANCY_TREND = NamedSql.of("""
            SELECT to_char(m, 'YYYY-MM'), count(*) FILTER (WHERE a.hit), count(a.hit)
            FROM generate_series(date_trunc('month', :from::date), date_trunc('month', :to::date), interval '1 month') m
            LEFT JOIN (
                SELECT posted_on, terms @> ARRAY[:term::int] AS hit FROM ad_fact
                WHERE employment = :employment AND region_pos BETWEEN :lft AND :rgt
                  AND (cardinality(:positions::int[]) = 0 OR region_pos = ANY (:positions))
                  AND workplace = ANY (:workplaces)
                  AND posted_on >= date_trunc('month', :from::date)
                  AND posted_on < date_trunc('month', :to::date) + interval '1 month'
            ) a ON a.posted_on >= m AND a.posted_on < m + interval '1 month'
            GROUP BY m ORDER BY m
            """);

    /**
     * Per calendar month from..to: ads featuring the term, and all ads, in the region; from term_count for a counted
     * region and any workplace, else from ad_fact.
     */
    @CacheResult(cacheName = "market-vacancy-trend")
    public List<MonthCount> vacancyTrend(int termId, Scope s, LocalDate from, LocalDate to) {
        Map<String, Object> p = params(s, termId);
        p.put("from", from);
        p.put("to", to);
        p.put("firstMonth", from.withDayOfMonth(1));
        p.put("endMonth", to.withDayOfMonth(1).plusMonths(1));
        return query(s.version(), counted(s) ? VACANCY_TREND_COUNTED : VACANCY_TREND, p, rs -> {
            List<MonthCount> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(new MonthCount(rs.getString(1), rs.getLong(2), rs.getLong(3)));
            }
            return rows;
        });
    }

    /**
     * Per calendar month from..to: p10, median and p90 over the salary points of the window of months ending there.
     * The term's points over the whole span are read once by month (whole half months, so the kept rows serve every
     * one not marked stale), then each window merges its months.
     */
    @CacheResult(cacheName = "market-salary-trend")
    public List<MonthSalaries> salaryTrend(int termId, Scope s, int window, LocalDate from, LocalDate to) {
        LocalDate first = from.withDayOfMonth(1);
        LocalDate last = to.withDayOfMonth(1);
        Map<LocalDate, SalaryPoints> months = points(POINTS.of(term(termId)), termId, s, first.minusMonths(window - 1L),
                last.plusMonths(1).minusDays(1));
        List<MonthSalaries> rows = new ArrayList<>();
        for (LocalDate m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            List<SalaryPoints> inWindow = new ArrayList<>(window);
            for (int back = 0; back < window; back++) {
                SalaryPoints month = months.get(m.minusMonths(back));
                if (month != null) {
                    inWindow.add(month);
                }
            }
            SalaryPoints points = SalaryPoints.merge(inWindow);
            rows.add(new MonthSalaries(MONTH.format(m), points.size(), points.percentile(0.1), points.median(),
                    points.percentile(0.9)));
        }
        return rows;
    }

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    /** LIVE_JOBS_BY_CHILD for every term at once, in the region as a whole. */
    private static final NamedSql LIVE_JOBS = TermSql.of("""
            SELECT t, count(*) FROM (
            {OPEN_ADS}) a CROSS JOIN LATERAL unnest(a.terms) AS t
            GROUP BY t
            """.replace("{OPEN_ADS}", OPEN_ADS.replace("{COLUMN}", "terms"))).every();

    /**
     * Every term's ads open on the day in the scope's region: the market index's live jobs. From the kept rows as
     * {@link #liveJobsByChild} reads them, else from ad_fact.
     */
    @CacheResult(cacheName = "market-live-jobs")
    public AdsByTerm liveJobs(Scope s, LocalDate asOf) {
        return keptRead(s, asOf.minusDays(LiveCounter.KEPT_DAYS_OPEN), asOf, (kept, stale) -> {
            Map<String, Object> p = params(s);
            if (!kept) {
                openDays(p, s.version(), asOf);
                return query(s.version(), LIVE_JOBS, p, rs -> {
                    long[] byTerm = new long[termIdBound()];
                    while (rs.next()) {
                        byTerm = add(byTerm, rs.getInt(1), rs.getLong(2));
                    }
                    return AdsByTerm.of(byTerm);
                });
            }
            long[][] byTerm = {new long[termIdBound()]};
            stale[0] = !keptLive(s, LIVE_KEPT.every(), p, new int[] {s.regionId()}, asOf, new LiveRows() {
                @Override
                public void kept(int regionId, byte[] terms) {
                    TermPairs.decode(terms, (t, n) -> byTerm[0] = add(byTerm[0], t, n));
                }

                @Override
                public void longOpen(RegionNode place, int[] terms) {
                    for (int t : terms) {
                        byTerm[0] = add(byTerm[0], t, 1);
                    }
                }
            });
            return AdsByTerm.of(byTerm[0]);
        });
    }

    private static final NamedSql OPEN_SPAN = NamedSql.of("SELECT days FROM open_span");

    /**
     * The most days any ad held is open (V9): an upper bound, so live jobs read only the ads it reaches back to.
     * Called from within this bean too: ArC intercepts self-invocation, so those calls are cached as well.
     */
    @CacheResult(cacheName = "market-open-span")
    public Integer openSpan(long version) {
        return query(version, OPEN_SPAN, Map.of(), rs -> rs.next() ? rs.getInt(1) : 0);
    }

    /** Live jobs' days: :asOf, :openFrom (open_span days before it) and :monthBefore (30 days before it). */
    private void openDays(Map<String, Object> p, long version, LocalDate asOf) {
        p.put("asOf", asOf);
        p.put("openFrom", asOf.minusDays(openSpan(version)));
        p.put("monthBefore", asOf.minusDays(30));
    }

    /** A statement about one term in its two forms, for a role and for any other term, and about every ad. */
    private record TermSql(NamedSql role, NamedSql other, NamedSql every) {
        static TermSql of(String text) {
            return new TermSql(NamedSql.of(text.replace("{HAS_TERM}", "role_id = :term")),
                    NamedSql.of(text.replace("{HAS_TERM}", "terms @> ARRAY[:term::int]")),
                    NamedSql.of(text.replace("{HAS_TERM}", "TRUE")));
        }

        NamedSql of(Term t) {
            return t != null && t.isRole() ? role : other;
        }
    }

    private Term term(int id) {
        return reference.taxonomy().byId(id);
    }

    /** The universe's parameters: region (its id, and its range :lft..:rgt), employment, period, workplaces. */
    private Map<String, Object> params(Scope s) {
        RegionNode r = reference.regions().byId(s.regionId());
        Map<String, Object> p = new HashMap<>();
        p.put("region", r.id);
        p.put("lft", r.lft);
        p.put("rgt", r.rgt);
        p.put("employment", s.employment().code());
        p.put("start", s.period().start());
        p.put("end", s.period().end());
        p.put("workplaces", s.workplace() == null ? ALL_WORKPLACES : new int[] {s.workplace().code()});
        p.put("positions", TermCountStore.counted(r) ? NO_POSITIONS : positions(r));
        return p;
    }

    private static final int[] NO_POSITIONS = new int[0];

    /**
     * The positions an ad of a region may have (its own and its descendants' lft). A statement reading a whole period
     * of a region's ads goes through ad_fact_place (employment, region_pos, posted_on): with the positions listed,
     * PostgreSQL starts at the period's first day for each, where a range of positions made it read each one's ads of
     * every year (at 10 million ads, 171 ms instead of 14 for a city's half year; 446 instead of 56 for a term's
     * salaries by council area of Scotland). Planning costs some 3 ms per thousand positions, so they are listed only
     * where a statement reads a whole period: for a region without kept counts (the largest, an authority, has 1,213
     * places), and for the children of a region whose children have none ({@link #withPositions}). Elsewhere a
     * counted region's statements read only edge days from ad_fact, through ad_fact_universe (by day first).
     */
    private int[] positions(RegionNode r) {
        return positionsById.computeIfAbsent(r.id, id -> {
            List<Integer> out = new ArrayList<>();
            addPositions(r, out);
            return out.stream().mapToInt(Integer::intValue).toArray();
        });
    }

    /** Each region's positions, listed once: Scotland's are 5,441. The tree does not change while the service runs. */
    private final Map<Integer, int[]> positionsById = new ConcurrentHashMap<>();

    /** A statement's parameters with the scope region's positions listed, whether it has kept counts or not. */
    private Map<String, Object> withPositions(Map<String, Object> p, Scope s) {
        p.put("positions", positions(reference.regions().byId(s.regionId())));
        return p;
    }

    private static void addPositions(RegionNode r, List<Integer> out) {
        out.add(r.lft);
        r.children.forEach(c -> addPositions(c, out));
    }

    private static final int[] ALL_WORKPLACES = Arrays.stream(Workplace.values()).mapToInt(Workplace::code).toArray();

    private Map<String, Object> params(Scope s, int termId) {
        Map<String, Object> p = params(s);
        p.put("term", termId);
        return p;
    }

    /** Term counts are kept for the upper levels of the tree over ads of every workplace. */
    private boolean counted(Scope s) {
        return kept(s, TermCountStore::counted);
    }

    /** Whether the scope's region is of a level with kept rows, and the scope over ads of every workplace. */
    private boolean kept(Scope s, Predicate<RegionNode> level) {
        return s.workplace() == null && level.test(reference.regions().byId(s.regionId()));
    }

    /**
     * The universe's parameters and the period's split into whole half months (:firstHalf..:lastHalf, none when
     * reversed) and the edge days added or subtracted ({@link HalfMonths#split}); a scope without kept counts reads
     * the whole period from ad_fact. A mark on a half month of :staleFrom..:staleTo, the half months the whole
     * period's days fall in, makes the kept rows unusable.
     */
    private Map<String, Object> split(Scope s) {
        return split(s, s.period().start(), s.period().end(), counted(s));
    }

    /** The same over the days from..to instead of the scope's period, with whole half months or without. */
    private Map<String, Object> split(Scope s, LocalDate from, LocalDate to, boolean counted) {
        HalfMonths.Split split = HalfMonths.split(from, to, counted);
        Map<String, Object> p = params(s);
        p.put("firstHalf", split.firstHalf());
        p.put("lastHalf", split.lastHalf());
        p.put("headSign", split.head().sign());
        p.put("headFrom", split.head().from());
        p.put("headTo", split.head().to());
        p.put("tailSign", split.tail().sign());
        p.put("tailFrom", split.tail().from());
        p.put("tailTo", split.tail().to());
        p.put("staleFrom", HalfMonths.start(from));
        p.put("staleTo", to);
        return p;
    }

    private static Double[] doubles(Array a) throws SQLException {
        if (a == null) {
            return null;
        }
        Object[] values = (Object[]) a.getArray();
        Double[] out = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] == null ? null : ((Number) values[i]).doubleValue();
        }
        return out;
    }

    private interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Rows of (key, count) as a map. */
    private static <K> Reader<Map<K, Long>> countsBy(Reader<K> key) {
        return rs -> {
            Map<K, Long> m = new HashMap<>();
            while (rs.next()) {
                m.put(key.read(rs), rs.getLong(2));
            }
            return m;
        };
    }

    private static Map<Workplace, Long> byWorkplace(ResultSet rs) throws SQLException {
        Map<Workplace, Long> m = new EnumMap<>(Workplace.class);
        while (rs.next()) {
            m.put(Workplace.values()[rs.getInt(1)], rs.getLong(2));
        }
        return m;
    }

    /** Rows of (key, number of salary points, percentile array) as a map. */
    private static Reader<Map<Integer, Percentiles>> percentilesBy() {
        return rs -> {
            Map<Integer, Percentiles> m = new HashMap<>();
            while (rs.next()) {
                m.put(rs.getInt(1), Percentiles.of(rs.getLong(2), doubles(rs.getArray(3))));
            }
            return m;
        };
    }

    /** Runs the statement on a server that holds at least {@code version} of the data ({@link ReadConnections}). */
    private <T> T query(long version, NamedSql sql, Map<String, ?> values, Reader<T> reader) {
        return query(version, sql, values, false, reader);
    }

    /**
     * {@code binary}: the results come in PostgreSQL's binary form (the driver's forced binary transfer, which
     * prepares the statement on the server at once): salary_count's points travel as their bytes rather than twice as
     * many hex digits the server prints and the driver parses, several megabytes for the market index.
     */
    private <T> T query(long version, NamedSql sql, Map<String, ?> values, boolean binary, Reader<T> reader) {
        try (Connection c = connections.at(version); PreparedStatement ps = sql.prepare(c, values)) {
            if (binary) {
                ps.unwrap(PGStatement.class).setPrepareThreshold(-1);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return reader.read(rs);
            }
        } catch (SQLException e) {
            throw SqlFailures.of("A market query", e);
        }
    }
}
