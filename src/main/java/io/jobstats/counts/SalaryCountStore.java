package io.jobstats.counts;

import io.jobstats.database.DataVersion;
import io.jobstats.database.NamedSql;
import io.jobstats.reference.ReferenceData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The kept salary points (salary_count, V10): a batch that adds or removes ads marks the half months it touches as
 * stale in its own transaction, and a recount rewrites a stale half month's rows from ad_fact and clears its mark in
 * one transaction. Readers take a marked half month from ad_fact, so every figure is exact at every committed
 * version, whether or not the recount has run.
 */
@ApplicationScoped
public class SalaryCountStore {

    private static final Logger LOG = Logger.getLogger(SalaryCountStore.class);

    /** A half month of one employment type. */
    public record Bucket(short employment, LocalDate start) {
    }

    private static final String MARK = """
            INSERT INTO salary_count_stale (employment, bucket, last_day) VALUES (?, ?, ?)
            ON CONFLICT DO NOTHING""";

    /** Every half month held, marked for a recount: when the regions' positions or the terms may have moved. */
    public static final String MARK_ALL = """
            INSERT INTO salary_count_stale (employment, bucket, last_day)
            SELECT DISTINCT employment, b,
                   CASE WHEN extract(day FROM b) = 1 THEN b + 14 ELSE (date_trunc('month', b) + interval '1 month')::date - 1 END
            FROM (SELECT employment,
                         date_trunc('month', posted_on)::date + CASE WHEN extract(day FROM posted_on) > 15 THEN 15 ELSE 0 END AS b
                  FROM ad_fact) f
            ON CONFLICT DO NOTHING""";

    private static final NamedSql STALE = NamedSql.of("SELECT employment, bucket FROM salary_count_stale ORDER BY bucket, employment");

    private static final NamedSql IS_STALE = NamedSql.of("""
            SELECT 1 FROM salary_count_stale WHERE employment = :employment AND bucket = :bucket""");

    /** By the counted regions' ids, so that the bucket index finds the rows. */
    private static final NamedSql DELETE_ROWS = NamedSql.of("""
            DELETE FROM salary_count WHERE region_id = ANY (:regions) AND employment = :employment AND bucket = :bucket""");

    /**
     * Each counted region's ads of the half month with a salary point, grouped by term (0 for every ad) and point, as
     * V10's encoding: each distinct point's float8 and its count's int4, ascending.
     */
    private static final NamedSql COUNT = NamedSql.of("""
            INSERT INTO salary_count (region_id, employment, term_id, bucket, points)
            SELECT region_id, :employment, term_id, :bucket, string_agg(float8send(p) || int4send(n), ''::bytea ORDER BY p)
            FROM (
                SELECT r.id AS region_id, t AS term_id, a.salary_point AS p, count(*)::int AS n
                FROM ad_fact a
                JOIN region r ON r.id = ANY (:regions) AND a.region_pos BETWEEN r.lft AND r.rgt
                CROSS JOIN LATERAL unnest(a.terms || 0) AS t
                WHERE a.employment = :employment AND a.posted_on BETWEEN :bucket AND :lastDay AND a.salary_point IS NOT NULL
                GROUP BY r.id, t, a.salary_point
            ) x
            GROUP BY region_id, term_id
            """);

    private static final NamedSql CLEAR = NamedSql.of("""
            DELETE FROM salary_count_stale WHERE employment = :employment AND bucket = :bucket""");

    @Inject
    DataSource dataSource;

    @Inject
    DataVersion dataVersion;

    @Inject
    ReferenceData reference;

    /** Marks the half months, in the caller's transaction (a batch's, which holds the data version's row lock). */
    public void markStale(Connection c, Collection<Bucket> buckets) throws SQLException {
        if (buckets.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(MARK)) {
            for (Bucket b : buckets) {
                ps.setShort(1, b.employment());
                ps.setObject(2, b.start());
                ps.setObject(3, HalfMonths.end(b.start()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Every half month marked stale. */
    public List<Bucket> stale() throws SQLException {
        List<Bucket> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = STALE.prepare(c, Map.of());
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Bucket(rs.getShort(1), rs.getDate(2).toLocalDate()));
            }
        }
        return out;
    }

    /**
     * Rewrites the rows of each half month still marked, one transaction each. Each takes the data version's row lock
     * (without raising the version: the figures do not change), so no batch adds ads to the half month between the
     * count and the clearing of its mark; a batch that comes after marks it again.
     *
     * @return how many half months were recounted
     */
    public int recount(Set<Bucket> buckets) throws SQLException {
        long started = System.nanoTime();
        int done = 0;
        int[] regions = reference.regions().nodes().stream().filter(TermCountStore::counted).mapToInt(r -> r.id).toArray();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            for (Bucket b : buckets) {
                dataVersion.lock(c);
                Map<String, Object> p = Map.of("employment", b.employment(), "bucket", b.start(),
                        "lastDay", HalfMonths.end(b.start()), "regions", regions);
                try (PreparedStatement marked = IS_STALE.prepare(c, p); ResultSet rs = marked.executeQuery()) {
                    if (!rs.next()) {
                        c.rollback();
                        continue;
                    }
                }
                for (NamedSql step : List.of(DELETE_ROWS, COUNT, CLEAR)) {
                    try (PreparedStatement ps = step.prepare(c, p)) {
                        ps.executeUpdate();
                    }
                }
                c.commit();
                done++;
            }
        }
        if (done > 0) {
            LOG.infof("Salary points of %d half months recounted in %d ms", done, (System.nanoTime() - started) / 1_000_000);
        }
        return done;
    }

    /** The half months of a count delta's rows: those its ads were posted in. */
    public static Set<Bucket> buckets(CountDelta delta) {
        Set<Bucket> out = new TreeSet<>(Comparator.comparing(Bucket::start).thenComparing(Bucket::employment));
        delta.rows.keySet().forEach(k -> out.add(new Bucket(k.employment(), k.halfMonth())));
        return out;
    }
}
