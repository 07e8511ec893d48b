package io.jobstats.market;

import io.jobstats.database.Employment;
import io.jobstats.database.ReferenceData;
import io.jobstats.geography.RegionNode;
import io.jobstats.market.MarketRecords.CoOccurrenceCount;
import io.jobstats.market.MarketRecords.MonthCount;
import io.jobstats.market.MarketRecords.MonthSalaries;
import io.jobstats.market.MarketRecords.Universe;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
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

/**
 * Every figure's SQL, one query per figure group, each in a cache of its own (a cache key is the arguments
 * alone) under its arguments and the data version (the last argument of each method), so a committed load makes every earlier entry unreachable on every pod.
 * Salary points are already in the employment type's unit; percentiles are PostgreSQL's percentile_cont.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MarketRepository {

    private static final String PERCENTILES =
            "percentile_cont(array[0.1, 0.25, 0.5, 0.75, 0.9]::float8[]) WITHIN GROUP (ORDER BY %s)";
    private static final String IN_UNIVERSE = inUniverse("");

    /** The universe predicate over a table alias; binds employment, period start and end, region lft and rgt. */
    private static String inUniverse(String alias) {
        String a = alias.isEmpty() ? "" : alias + ".";
        return " " + a + "employment = ? AND " + a + "posted_on BETWEEN ? AND ? AND " + a + "region_pos BETWEEN ? AND ? ";
    }

    @Inject
    DataSource dataSource;

    @Inject
    ReferenceData reference;

    @CacheResult(cacheName = "market-latest-posted")
    public LocalDate latestPosted(long version) {
        return query("SELECT max(posted_on) FROM ad", ps -> { }, rs -> {
            rs.next();
            Date d = rs.getDate(1);
            return d == null ? null : d.toLocalDate();
        });
    }

    /** How many ads of the universe feature each term: vacancies, and the basis of every rank. */
    @CacheResult(cacheName = "market-term-counts")
    public Map<Integer, Long> termCounts(int regionId, Period period, Employment employment, long version) {
        RegionNode r = region(regionId);
        return query("SELECT term_id, count(*) FROM ad_term WHERE" + IN_UNIVERSE + "GROUP BY term_id",
                ps -> universe(ps, 1, r, period, employment), countsBy(rs -> rs.getInt(1)));
    }

    /** Ads of the universe featuring at least one term of each category (for a role: a recognised title). */
    @CacheResult(cacheName = "market-category-counts")
    public Map<String, Long> categoryCounts(int regionId, Period period, Employment employment, long version) {
        RegionNode r = region(regionId);
        return query("SELECT c.name, count(DISTINCT a.ad_id) FROM ad_term a JOIN term t ON t.id = a.term_id "
                        + "JOIN category c ON c.id = t.category_id WHERE" + inUniverse("a") + "GROUP BY c.name",
                ps -> universe(ps, 1, r, period, employment), countsBy(rs -> rs.getString(1)));
    }

    @CacheResult(cacheName = "market-universe")
    public Universe universe(int regionId, Period period, Employment employment, long version) {
        RegionNode r = region(regionId);
        return query("SELECT count(*), count(role_id), count(salary_point), " + PERCENTILES.formatted("salary_point")
                        + " FROM ad WHERE" + IN_UNIVERSE,
                ps -> universe(ps, 1, r, period, employment), rs -> {
                    rs.next();
                    return new Universe(rs.getLong(1), rs.getLong(2), Percentiles.of(rs.getLong(3), doubles(rs.getArray(4))));
                });
    }

    @CacheResult(cacheName = "market-term-salaries")
    public Percentiles termSalaries(int termId, int regionId, Period period, Employment employment, long version) {
        RegionNode r = region(regionId);
        return query("SELECT count(salary_point), " + PERCENTILES.formatted("salary_point")
                        + " FROM ad_term WHERE term_id = ? AND" + IN_UNIVERSE,
                ps -> {
                    ps.setInt(1, termId);
                    universe(ps, 2, r, period, employment);
                }, rs -> {
                    rs.next();
                    return Percentiles.of(rs.getLong(1), doubles(rs.getArray(2)));
                });
    }

    /**
     * The same figures as {@link #termSalaries} for many terms in one query, as a batch of terms needs them; the
     * caller puts them in that method's cache. Terms with no ads in the universe are absent.
     */
    public Map<Integer, Percentiles> termSalariesOf(List<Integer> termIds, int regionId, Period period, Employment employment) {
        RegionNode r = region(regionId);
        return query("SELECT term_id, count(salary_point), " + PERCENTILES.formatted("salary_point")
                        + " FROM ad_term WHERE term_id = ANY (?) AND" + IN_UNIVERSE + "GROUP BY term_id",
                ps -> {
                    ps.setArray(1, ps.getConnection().createArrayOf("int4", termIds.toArray()));
                    universe(ps, 2, r, period, employment);
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
        return query("SELECT c.id, count(a.salary_point), " + PERCENTILES.formatted("a.salary_point")
                        + " FROM ad_term a JOIN region c ON c.parent_id = ? AND a.region_pos BETWEEN c.lft AND c.rgt "
                        + "WHERE a.term_id = ? AND" + inUniverse("a") + "GROUP BY c.id",
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
        return query("SELECT c.id, count(*) FROM ad_term a JOIN region c ON c.id = ? OR (c.parent_id = ?) "
                        + "WHERE a.region_pos BETWEEN c.lft AND c.rgt AND a.term_id = ? AND a.employment = ? "
                        + "AND a.posted_on <= ? AND (a.closes_on >= ? OR (a.closes_on IS NULL AND a.posted_on >= ?)) "
                        + "AND a.region_pos BETWEEN ? AND ? GROUP BY c.id",
                ps -> {
                    ps.setInt(1, r.id);
                    ps.setInt(2, r.id);
                    ps.setInt(3, termId);
                    ps.setShort(4, employment.code());
                    ps.setDate(5, Date.valueOf(asOf));
                    ps.setDate(6, Date.valueOf(asOf));
                    ps.setDate(7, Date.valueOf(asOf.minusDays(30)));
                    ps.setInt(8, r.lft);
                    ps.setInt(9, r.rgt);
                }, countsBy(rs -> rs.getInt(1)));
    }

    /** Ads of the universe featuring the term and each other term, with their counts. */
    @CacheResult(cacheName = "market-co-occurrences")
    public List<CoOccurrenceCount> coOccurrences(int termId, int regionId, Period period, Employment employment, long version) {
        RegionNode r = region(regionId);
        return query("SELECT o.term_id, count(*) FROM ad_term a JOIN ad_term o ON o.ad_id = a.ad_id AND o.term_id <> a.term_id "
                        + "WHERE a.term_id = ? AND" + inUniverse("a") + "GROUP BY o.term_id",
                ps -> {
                    ps.setInt(1, termId);
                    universe(ps, 2, r, period, employment);
                }, rs -> {
                    List<CoOccurrenceCount> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(new CoOccurrenceCount(rs.getInt(1), rs.getLong(2)));
                    }
                    return rows;
                });
    }

    /** Per calendar month from..to: ads featuring the term, and all ads, in the region. */
    @CacheResult(cacheName = "market-vacancy-trend")
    public List<MonthCount> vacancyTrend(int termId, int regionId, LocalDate from, LocalDate to, Employment employment, long version) {
        RegionNode r = region(regionId);
        return query("SELECT to_char(m, 'YYYY-MM'), "
                        + "(SELECT count(*) FROM ad_term a WHERE a.term_id = ? AND a.employment = ? AND a.posted_on >= m "
                        + "  AND a.posted_on < m + interval '1 month' AND a.region_pos BETWEEN ? AND ?), "
                        + "(SELECT count(*) FROM ad WHERE ad.employment = ? AND ad.posted_on >= m "
                        + "  AND ad.posted_on < m + interval '1 month' AND ad.region_pos BETWEEN ? AND ?) "
                        + "FROM generate_series(date_trunc('month', ?::date), date_trunc('month', ?::date), interval '1 month') m "
                        + "ORDER BY m",
                ps -> {
                    ps.setInt(1, termId);
                    ps.setShort(2, employment.code());
                    ps.setInt(3, r.lft);
                    ps.setInt(4, r.rgt);
                    ps.setShort(5, employment.code());
                    ps.setInt(6, r.lft);
                    ps.setInt(7, r.rgt);
                    ps.setDate(8, Date.valueOf(from));
                    ps.setDate(9, Date.valueOf(to));
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
        return query("SELECT to_char(m, 'YYYY-MM'), s.n, s.p[1], s.p[2], s.p[3] "
                        + "FROM generate_series(date_trunc('month', ?::date), date_trunc('month', ?::date), interval '1 month') m "
                        + "CROSS JOIN LATERAL (SELECT count(salary_point) AS n, "
                        + "  percentile_cont(array[0.1, 0.5, 0.9]::float8[]) WITHIN GROUP (ORDER BY salary_point) AS p "
                        + "  FROM ad_term a WHERE a.term_id = ? AND a.employment = ? "
                        + "  AND a.posted_on >= m - make_interval(months => ? - 1) AND a.posted_on < m + interval '1 month' "
                        + "  AND a.region_pos BETWEEN ? AND ?) s ORDER BY m",
                ps -> {
                    ps.setDate(1, Date.valueOf(from));
                    ps.setDate(2, Date.valueOf(to));
                    ps.setInt(3, termId);
                    ps.setShort(4, employment.code());
                    ps.setInt(5, window);
                    ps.setInt(6, r.lft);
                    ps.setInt(7, r.rgt);
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

    private RegionNode region(int id) {
        return reference.regions().byId(id);
    }

    private static void universe(PreparedStatement ps, int first, RegionNode r, Period p, Employment e) throws SQLException {
        ps.setShort(first, e.code());
        ps.setDate(first + 1, Date.valueOf(p.start()));
        ps.setDate(first + 2, Date.valueOf(p.end()));
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

    private <T> T query(String sql, Binder binder, Reader<T> reader) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                return reader.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Market query failed: " + e.getMessage(), e);
        }
    }
}
