package io.jobstats.market;

import io.jobstats.ads.Employment;
import io.jobstats.counts.HalfMonths;
import io.jobstats.counts.TermCountStore;
import io.jobstats.database.ReadConnections;
import io.jobstats.database.SqlFailures;
import io.jobstats.market.MarketRecords.CoOccurrenceCount;
import io.jobstats.market.MarketRecords.MonthCount;
import io.jobstats.market.MarketRecords.MonthSalaries;
import io.jobstats.market.MarketRecords.RoleAds;
import io.jobstats.market.MarketRecords.Universe;
import io.jobstats.reference.ReferenceData;
import io.jobstats.reference.RegionNode;
import io.jobstats.reference.Term;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every figure's SQL over ad_fact (one row per ad, its terms as an array) and term_count (term counts kept by the
 * load per counted region and half month), one query per figure group, each in a cache of its own (a cache key is the arguments
 * alone) under its arguments and the data version (the last argument of each method), so a committed load makes every earlier entry unreachable on every pod.
 * Salary points are already in the employment type's unit; percentiles are PostgreSQL's percentile_cont.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MarketRepository {

    private static final String PERCENTILES =
            "percentile_cont(array[0.1, 0.25, 0.5, 0.75, 0.9]::float8[]) WITHIN GROUP (ORDER BY %s)";
    private static final String IN_UNIVERSE = inUniverse("");
    /** term_count rows of whole buckets; binds region id, employment, first and last bucket. */
    private static final String IN_BUCKETS = " c.region_id = ? AND c.employment = ? AND c.bucket BETWEEN ? AND ? ";
    /**
     * ad_fact rows of the days at the period's edges that its buckets leave out (added) or take in beyond it
     * (subtracted); each binds a universe, after the sign its rows count with.
     */
    private static final String IN_HEAD = inUniverse("a");
    private static final String IN_TAIL = inUniverse("a");

    /** The universe predicate over a table alias; binds employment, period start and end, region lft and rgt. */
    private static String inUniverse(String alias) {
        String a = alias.isEmpty() ? "" : alias + ".";
        return " " + a + "employment = ? AND " + a + "posted_on BETWEEN ? AND ? AND " + a + "region_pos BETWEEN ? AND ? ";
    }

    /** The read path: statement and socket timeouts bound every query (application.properties). */
    @Inject
    ReadConnections connections;

    @Inject
    ReferenceData reference;

    /** The latest posted date held that is not after {@code today}: an ad dated ahead moves no default period. */
    @CacheResult(cacheName = "market-latest-posted")
    public LocalDate latestPosted(long version, LocalDate today) {
        // One index probe per employment type rather than a scan.
        return query(version, """
                SELECT greatest((SELECT max(posted_on) FROM ad_fact WHERE employment = 0 AND posted_on <= ?),
                                (SELECT max(posted_on) FROM ad_fact WHERE employment = 1 AND posted_on <= ?))
                """, ps -> {
            ps.setObject(1, today);
            ps.setObject(2, today);
        }, rs -> {
            rs.next();
            Date d = rs.getDate(1);
            return d == null ? null : d.toLocalDate();
        });
    }

    /**
     * How many ads of the universe feature each term: vacancies, and the basis of every rank. The half months of the
     * period come from term_count, the days at its edges from ad_fact (see split).
     */
    @CacheResult(cacheName = "market-term-counts")
    public Map<Integer, Long> termCounts(int regionId, Period period, Employment employment, long version) {
        RegionNode r = region(regionId);
        return query(version, "SELECT t::int, sum(n) FROM ("
                        + "SELECT u.t, u.n FROM term_count c CROSS JOIN LATERAL unnest(c.terms) WITH ORDINALITY AS u(n, t) "
                        + "WHERE" + IN_BUCKETS + "AND u.n <> 0 "
                        + "UNION ALL SELECT u.t, u.n FROM term_count_delta c "
                        + "CROSS JOIN LATERAL unnest(c.term_ids, c.term_counts) AS u(t, n) WHERE" + IN_BUCKETS
                        + "UNION ALL SELECT t, ?::int FROM ad_fact a CROSS JOIN LATERAL unnest(a.terms) AS t WHERE" + IN_HEAD
                        + "UNION ALL SELECT t, ?::int FROM ad_fact a CROSS JOIN LATERAL unnest(a.terms) AS t WHERE" + IN_TAIL
                        + ") x GROUP BY t HAVING sum(n) > 0",
                ps -> split(ps, 1, r, period, employment), countsBy(rs -> rs.getInt(1)));
    }

    /** Ads of the universe featuring at least one term of each category (for a role: a recognised title). */
    @CacheResult(cacheName = "market-category-counts")
    public Map<String, Long> categoryCounts(int regionId, Period period, Employment employment, long version) {
        RegionNode r = region(regionId);
        String categoriesOfAd = "CROSS JOIN LATERAL (SELECT DISTINCT t.category_id FROM term t WHERE t.id = ANY (a.terms)) g ";
        return query(version, "SELECT cat.name, sum(n) FROM ("
                        + "SELECT u.g, u.n FROM term_count c CROSS JOIN LATERAL unnest(c.categories) WITH ORDINALITY AS u(n, g) "
                        + "WHERE" + IN_BUCKETS + "AND u.n <> 0 "
                        + "UNION ALL SELECT u.g, u.n FROM term_count_delta c "
                        + "CROSS JOIN LATERAL unnest(c.category_ids, c.category_counts) AS u(g, n) WHERE" + IN_BUCKETS
                        + "UNION ALL SELECT g.category_id, ?::int FROM ad_fact a " + categoriesOfAd + "WHERE" + IN_HEAD
                        + "UNION ALL SELECT g.category_id, ?::int FROM ad_fact a " + categoriesOfAd + "WHERE" + IN_TAIL
                        + ") x JOIN category cat ON cat.id = x.g GROUP BY cat.name HAVING sum(n) > 0",
                ps -> split(ps, 1, r, period, employment), countsBy(rs -> rs.getString(1)));
    }

    @CacheResult(cacheName = "market-universe")
    public Universe universe(int regionId, Period period, Employment employment, long version) {
        RegionNode r = region(regionId);
        return query(version, "SELECT count(*), count(role_id), count(salary_point), " + PERCENTILES.formatted("salary_point")
                        + " FROM ad_fact WHERE" + IN_UNIVERSE,
                ps -> universe(ps, 1, r, period, employment), rs -> {
                    rs.next();
                    return new Universe(rs.getLong(1), rs.getLong(2), Percentiles.of(rs.getLong(3), doubles(rs.getArray(4))));
                });
    }

    @CacheResult(cacheName = "market-term-salaries")
    public Percentiles termSalaries(int termId, int regionId, Period period, Employment employment, long version) {
        RegionNode r = region(regionId);
        return query(version, "SELECT count(salary_point), " + PERCENTILES.formatted("salary_point")
                        + " FROM ad_fact WHERE" + hasTerm(termId) + "AND" + IN_UNIVERSE,
                ps -> {
                    ps.setInt(1, termId);
                    universe(ps, 2, r, period, employment);
                }, rs -> {
                    rs.next();
                    return Percentiles.of(rs.getLong(1), doubles(rs.getArray(2)));
                });
    }

    /** The valid salary points of the ads of the universe featuring the term: the distribution's figures. */
    @CacheResult(cacheName = "market-term-salary-points")
    public SalaryPoints termSalaryPoints(int termId, int regionId, Period period, Employment employment, long version) {
        RegionNode r = region(regionId);
        return query(version, "SELECT salary_point, count(*) FROM ad_fact WHERE" + hasTerm(termId) + "AND" + IN_UNIVERSE
                        + "AND salary_point IS NOT NULL GROUP BY salary_point ORDER BY salary_point",
                ps -> {
                    ps.setInt(1, termId);
                    universe(ps, 2, r, period, employment);
                }, MarketRepository::salaryPoints);
    }

    /** The valid salary points of every ad of the universe (an index-only scan of ad_fact_universe). */
    @CacheResult(cacheName = "market-universe-salary-points")
    public SalaryPoints universeSalaryPoints(int regionId, Period period, Employment employment, long version) {
        RegionNode r = region(regionId);
        return query(version, "SELECT salary_point, count(*) FROM ad_fact WHERE" + IN_UNIVERSE
                        + "AND salary_point IS NOT NULL GROUP BY salary_point ORDER BY salary_point",
                ps -> universe(ps, 1, r, period, employment), MarketRepository::salaryPoints);
    }

    /** The ads of the universe featuring the term, by their role (those without one left out): how many, and their points. */
    @CacheResult(cacheName = "market-term-by-role")
    public Map<Integer, RoleAds> termByRole(int termId, int regionId, Period period, Employment employment, long version) {
        RegionNode r = region(regionId);
        return query(version, "SELECT role_id, salary_point, count(*) FROM ad_fact WHERE" + hasTerm(termId) + "AND" + IN_UNIVERSE
                        + "AND role_id IS NOT NULL GROUP BY role_id, salary_point",
                ps -> {
                    ps.setInt(1, termId);
                    universe(ps, 2, r, period, employment);
                }, rs -> {
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

    /**
     * The same figures as {@link #termSalaries} for many terms in one query, as a batch of terms needs them; the
     * caller puts them in that method's cache. Terms with no ads in the universe are absent.
     */
    public Map<Integer, Percentiles> termSalariesOf(List<Integer> termIds, int regionId, Period period, Employment employment,
                                                    long version) {
        RegionNode r = region(regionId);
        return query(version, "SELECT t, count(salary_point), " + PERCENTILES.formatted("salary_point")
                        + " FROM ad_fact CROSS JOIN LATERAL unnest(terms) AS t WHERE terms && ?::int[] AND t = ANY (?) AND"
                        + IN_UNIVERSE + "GROUP BY t",
                ps -> {
                    Array terms = ps.getConnection().createArrayOf("int4", termIds.toArray());
                    ps.setArray(1, terms);
                    ps.setArray(2, terms);
                    universe(ps, 3, r, period, employment);
                }, percentilesBy());
    }

    /**
     * The same figures as {@link #termSalaries} for one term in each child region of a region, in one query; its keys
     * are the children where the term has ads (the rows of the locations table).
     */
    @CacheResult(cacheName = "market-term-salaries-by-child")
    public Map<Integer, Percentiles> termSalariesByChild(int termId, int regionId, Period period, Employment employment,
                                                         long version) {
        RegionNode r = region(regionId);
        return query(version, "SELECT c.id, count(a.salary_point), " + PERCENTILES.formatted("a.salary_point")
                        + " FROM ad_fact a JOIN region c ON c.parent_id = ? AND a.region_pos BETWEEN c.lft AND c.rgt "
                        + "WHERE a." + hasTerm(termId).strip() + " AND" + inUniverse("a") + "GROUP BY c.id",
                ps -> {
                    ps.setInt(1, r.id);
                    ps.setInt(2, termId);
                    universe(ps, 3, r, period, employment);
                }, percentilesBy());
    }

    /** Open on the day: posted by then, and closing on or after it, or with no closing date posted within 30 days. */
    @CacheResult(cacheName = "market-live-jobs-by-child")
    public Map<Integer, Long> liveJobsByChild(int termId, int regionId, LocalDate asOf, Employment employment, long version) {
        RegionNode r = region(regionId);
        // Two parts: ads with a closing date on or after the day, and ads without one posted in the 30 days up to it
        // (a range of ad_fact_universe). A role's come through ad_fact_role; another term's first part reads the
        // region's history up to the day (V5 traded its closing-date index for the role index).
        String open = "SELECT region_pos FROM ad_fact WHERE employment = ? AND %s AND region_pos BETWEEN ? AND ? AND" + hasTerm(termId);
        return query(version, "SELECT c.id, count(*) FROM ("
                        + open.formatted("closes_on >= ? AND posted_on <= ?") + " UNION ALL "
                        + open.formatted("closes_on IS NULL AND posted_on BETWEEN ? AND ?")
                        + ") a JOIN region c ON (c.id = ? OR c.parent_id = ?) AND a.region_pos BETWEEN c.lft AND c.rgt GROUP BY c.id",
                ps -> {
                    LocalDate[][] ranges = {{asOf, asOf}, {asOf.minusDays(30), asOf}};
                    for (int b = 0; b < 2; b++) {
                        int i = b * 6 + 1;
                        ps.setShort(i, employment.code());
                        ps.setDate(i + 1, Date.valueOf(ranges[b][0]));
                        ps.setDate(i + 2, Date.valueOf(ranges[b][1]));
                        ps.setInt(i + 3, r.lft);
                        ps.setInt(i + 4, r.rgt);
                        ps.setInt(i + 5, termId);
                    }
                    ps.setInt(13, r.id);
                    ps.setInt(14, r.id);
                }, countsBy(rs -> rs.getInt(1)));
    }

    /** Ads of the universe featuring the term and each other term, with their counts. */
    @CacheResult(cacheName = "market-co-occurrences")
    public List<CoOccurrenceCount> coOccurrences(int termId, int regionId, Period period, Employment employment, long version) {
        RegionNode r = region(regionId);
        return query(version, "SELECT o, count(*) FROM ad_fact CROSS JOIN LATERAL unnest(terms) AS o "
                        + "WHERE" + hasTerm(termId) + "AND o <> ? AND" + IN_UNIVERSE + "GROUP BY o",
                ps -> {
                    ps.setInt(1, termId);
                    ps.setInt(2, termId);
                    universe(ps, 3, r, period, employment);
                }, rs -> {
                    List<CoOccurrenceCount> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(new CoOccurrenceCount(rs.getInt(1), rs.getLong(2)));
                    }
                    return rows;
                });
    }

    /**
     * Per calendar month from..to: ads featuring the term, and all ads, in the region; from term_count for a counted
     * region (a month is two whole buckets), else from ad_fact.
     */
    @CacheResult(cacheName = "market-vacancy-trend")
    public List<MonthCount> vacancyTrend(int termId, int regionId, LocalDate from, LocalDate to, Employment employment, long version) {
        RegionNode r = region(regionId);
        String months = "FROM generate_series(date_trunc('month', ?::date), date_trunc('month', ?::date), interval '1 month') m ";
        boolean counted = TermCountStore.counted(r);
        String sql = counted
                ? "SELECT to_char(m, 'YYYY-MM'), coalesce(sum(c.n), 0), coalesce(sum(c.ads), 0) " + months
                        + "LEFT JOIN (SELECT bucket, terms[?] AS n, ads FROM term_count WHERE region_id = ? AND employment = ? "
                        + "  UNION ALL SELECT bucket, term_counts[array_position(term_ids, ?)], ads FROM term_count_delta "
                        + "  WHERE region_id = ? AND employment = ?) c "
                        + "ON c.bucket >= m AND c.bucket < m + interval '1 month' GROUP BY m ORDER BY m"
                : "SELECT to_char(m, 'YYYY-MM'), count(*) FILTER (WHERE a.hit), count(a.hit) " + months
                        + "LEFT JOIN (SELECT posted_on, terms @> ARRAY[?::int] AS hit FROM ad_fact "
                        + "  WHERE employment = ? AND region_pos BETWEEN ? AND ?) a "
                        + "ON a.posted_on >= m AND a.posted_on < m + interval '1 month' GROUP BY m ORDER BY m";
        return query(version, sql, ps -> {
            ps.setDate(1, Date.valueOf(from));
            ps.setDate(2, Date.valueOf(to));
            if (counted) {
                for (int i = 3; i <= 6; i += 3) {
                    ps.setInt(i, termId);
                    ps.setInt(i + 1, r.id);
                    ps.setShort(i + 2, employment.code());
                }
            } else {
                ps.setInt(3, termId);
                ps.setShort(4, employment.code());
                ps.setInt(5, r.lft);
                ps.setInt(6, r.rgt);
            }
        }, rs -> {
            List<MonthCount> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(new MonthCount(rs.getString(1), rs.getLong(2), rs.getLong(3)));
            }
            return rows;
        });
    }

    /** Per calendar month from..to: p10, median and p90 over the salary points of the window of months ending there. */
    @CacheResult(cacheName = "market-salary-trend")
    public List<MonthSalaries> salaryTrend(int termId, int regionId, int window, LocalDate from, LocalDate to,
                                           Employment employment, long version) {
        RegionNode r = region(regionId);
        // The term's points over the whole span are read once, then each month's window is taken from them.
        return query(version, "WITH p AS MATERIALIZED (SELECT posted_on, salary_point FROM ad_fact WHERE" + hasTerm(termId)
                        + "AND employment = ? AND region_pos BETWEEN ? AND ? AND salary_point IS NOT NULL "
                        + "AND posted_on >= date_trunc('month', ?::date) - make_interval(months => ? - 1) "
                        + "AND posted_on < date_trunc('month', ?::date) + interval '1 month') "
                        + "SELECT to_char(m, 'YYYY-MM'), s.n, s.p[1], s.p[2], s.p[3] "
                        + "FROM generate_series(date_trunc('month', ?::date), date_trunc('month', ?::date), interval '1 month') m "
                        + "CROSS JOIN LATERAL (SELECT count(*) AS n, "
                        + "  percentile_cont(array[0.1, 0.5, 0.9]::float8[]) WITHIN GROUP (ORDER BY salary_point) AS p "
                        + "  FROM p WHERE p.posted_on >= m - make_interval(months => ? - 1) AND p.posted_on < m + interval '1 month') s "
                        + "ORDER BY m",
                ps -> {
                    ps.setInt(1, termId);
                    ps.setShort(2, employment.code());
                    ps.setInt(3, r.lft);
                    ps.setInt(4, r.rgt);
                    ps.setDate(5, Date.valueOf(from));
                    ps.setInt(6, window);
                    ps.setDate(7, Date.valueOf(to));
                    ps.setDate(8, Date.valueOf(from));
                    ps.setDate(9, Date.valueOf(to));
                    ps.setInt(10, window);
                }, rs -> {
                    List<MonthSalaries> rows = new ArrayList<>();
                    while (rs.next()) {
                        long n = rs.getLong(2);
                        rows.add(new MonthSalaries(rs.getString(1), n, n == 0 ? null : rs.getDouble(3),
                                n == 0 ? null : rs.getDouble(4), n == 0 ? null : rs.getDouble(5)));
                    }
                    return rows;
                });
    }

    /**
     * The ad features the term: a role through the ad's one role column (ad_fact_role is its index), so a role's
     * figures read its own ads rather than every ad of the universe; any other term through the terms array. Binds
     * the term id.
     */
    private String hasTerm(int termId) {
        Term t = reference.taxonomy().byId(termId);
        return t != null && t.isRole() ? " role_id = ? " : " terms @> ARRAY[?::int] ";
    }

    private RegionNode region(int id) {
        return reference.regions().byId(id);
    }

    /**
     * Binds IN_BUCKETS twice (term_count, then term_count_delta), then a sign and IN_HEAD, a sign and IN_TAIL, from
     * the period's split into whole half months and edge days ({@link HalfMonths#split}); a region without stored
     * counts reads the whole period from ad_fact.
     */
    private static void split(PreparedStatement ps, int first, RegionNode r, Period p, Employment e) throws SQLException {
        HalfMonths.Split split = HalfMonths.split(p.start(), p.end(), TermCountStore.counted(r));
        for (int i = first; i < first + 8; i += 4) {
            buckets(ps, i, r, e, split.firstHalf(), split.lastHalf());
        }
        edge(ps, first + 8, r, split.head(), e);
        edge(ps, first + 14, r, split.tail(), e);
    }

    /** Binds IN_BUCKETS: the half months starting from the first day to the last (none when they are reversed). */
    private static void buckets(PreparedStatement ps, int first, RegionNode r, Employment e, LocalDate from, LocalDate to)
            throws SQLException {
        ps.setInt(first, r.id);
        ps.setShort(first + 1, e.code());
        ps.setDate(first + 2, Date.valueOf(from));
        ps.setDate(first + 3, Date.valueOf(to));
    }

    private static void edge(PreparedStatement ps, int first, RegionNode r, HalfMonths.Edge edge, Employment e)
            throws SQLException {
        ps.setInt(first, edge.sign());
        universe(ps, first + 1, r, edge.from(), edge.to(), e);
    }

    private static void universe(PreparedStatement ps, int first, RegionNode r, Period p, Employment e) throws SQLException {
        universe(ps, first, r, p.start(), p.end(), e);
    }

    private static void universe(PreparedStatement ps, int first, RegionNode r, LocalDate start, LocalDate end, Employment e)
            throws SQLException {
        ps.setShort(first, e.code());
        ps.setDate(first + 1, Date.valueOf(start));
        ps.setDate(first + 2, Date.valueOf(end));
        ps.setInt(first + 3, r.lft);
        ps.setInt(first + 4, r.rgt);
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

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
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

    /** Rows of (distinct salary point, ads quoting it) in ascending order of the point. */
    private static SalaryPoints salaryPoints(ResultSet rs) throws SQLException {
        TreeMap<Double, Long> points = new TreeMap<>();
        while (rs.next()) {
            points.put(rs.getDouble(1), rs.getLong(2));
        }
        return SalaryPoints.of(points);
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
    private <T> T query(long version, String sql, Binder binder, Reader<T> reader) {
        try (Connection c = connections.at(version); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                return reader.read(rs);
            }
        } catch (SQLException e) {
            throw SqlFailures.of("A market query", e);
        }
    }
}
