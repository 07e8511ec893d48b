package io.jobstats.counts;

import io.jobstats.database.BinaryCopy;
import io.jobstats.database.DataVersion;
import io.jobstats.database.NamedSql;
import io.jobstats.database.Transaction;
import io.jobstats.market.SalaryPoints;
import io.jobstats.pacing.Pacing;
import io.jobstats.reference.ReferenceData;
import io.jobstats.reference.RegionNode;
import io.jobstats.reference.RegionTree;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The counts kept per half month by recounting it from its ads: the salary points (salary_count, V10), the term
 * counts of its days (term_count_day, V12), the co-occurrences (co_occurrence, V14), the live jobs of its ads on
 * each day (live_count, V15) and its days' salary points with their ads' positions (salary_point_day, V17). A batch
 * that adds or removes ads marks the half months it touches as stale in its own transaction, and a recount rewrites
 * a stale half month's rows from ad_fact and clears its mark in one transaction. Readers take a marked half month
 * from ad_fact, so every figure is exact at every committed version, whether or not the recount has run.
 */
@ApplicationScoped
public class SalaryCountStore {

    private static final Logger LOG = Logger.getLogger(SalaryCountStore.class);

    /** A half month of one employment type. */
    public record Bucket(short employment, LocalDate start) {
    }

    private static final NamedSql MARK = NamedSql.of("""
            INSERT INTO salary_count_stale (employment, bucket, last_day) VALUES (:employment, :bucket, :lastDay)
            ON CONFLICT DO NOTHING""");

    /** Every half month held, marked for a recount: when the regions' positions or the terms may have moved. */
    public static final String MARK_ALL = """
            INSERT INTO salary_count_stale (employment, bucket, last_day)
            SELECT DISTINCT employment, b,
                   CASE WHEN extract(day FROM b) = 1 THEN b + 14 ELSE (date_trunc('month', b) + interval '1 month')::date - 1 END
            FROM (SELECT employment,
                         date_trunc('month', posted_on)::date + CASE WHEN extract(day FROM posted_on) > 15 THEN 15 ELSE 0 END AS b
                  FROM ad_fact) f
            ON CONFLICT DO NOTHING""";

    /**
     * Empties every kept count, term_count's included, before MARK_ALL: CountRecovery then rebuilds term_count and
     * the recount rewrites every half month from its ads. TRUNCATE, not DELETE: at 10M ads a DELETE of these ~12 GB
     * took over two minutes (past a pod's startup probe) and left as many dead rows.
     */
    public static final String EMPTY_ALL =
            "TRUNCATE term_count, salary_count, term_count_day, co_occurrence, live_count, salary_point_day";

    /**
     * Newest first: after a full recount is marked (a reference data change, a change of the kept levels), the half
     * months most pages read are kept again first; at 10M ads with authorities kept, all of them take ~35 minutes.
     */
    private static final NamedSql STALE = NamedSql.of("""
            SELECT employment, bucket FROM salary_count_stale ORDER BY bucket DESC, employment""");

    private static final NamedSql IS_STALE = NamedSql.of("""
            SELECT 1 FROM salary_count_stale WHERE employment = :employment AND bucket = :bucket""");

    /** By the counted regions' ids, so that the primary key finds the rows. */
    static final NamedSql DELETE_ROWS = NamedSql.of("""
            DELETE FROM salary_count WHERE region_id = ANY (:regions) AND employment = :employment AND bucket = :bucket""");

    /** Rows as {@link #salaryRows} writes them. */
    static final String COPY_ROWS = """
            COPY salary_count (region_id, employment, term_id, bucket, points) FROM STDIN (FORMAT binary)""";

    private static final String COPY_DAYS = """
            COPY term_count_day (region_id, employment, day, ads, term_ids, term_counts, category_ids, category_counts)
            FROM STDIN (FORMAT binary)""";

    private static final String COPY_CO_OCCURRENCES = """
            COPY co_occurrence (region_id, employment, bucket, term_id, pairs) FROM STDIN (FORMAT binary)""";

    private static final String COPY_LIVE = """
            COPY live_count (region_id, employment, day, bucket, terms) FROM STDIN (FORMAT binary)""";

    private static final String COPY_POINT_DAYS = """
            COPY salary_point_day (employment, day, term_id, points) FROM STDIN (FORMAT binary)""";

    private static final NamedSql DELETE_POINT_DAYS = NamedSql.of("""
            DELETE FROM salary_point_day WHERE employment = :employment AND day BETWEEN :bucket AND :lastDay""");

    private static final NamedSql DELETE_DAYS = NamedSql.of("""
            DELETE FROM term_count_day WHERE region_id = ANY (:regions) AND employment = :employment
              AND day BETWEEN :bucket AND :lastDay""");

    private static final NamedSql DELETE_CO_OCCURRENCES = NamedSql.of("""
            DELETE FROM co_occurrence WHERE region_id = ANY (:regions) AND employment = :employment AND bucket = :bucket""");

    /** The half month's live jobs: its ads are live up to 90 days after its last day (LiveCounter). */
    private static final NamedSql DELETE_LIVE = NamedSql.of("""
            DELETE FROM live_count WHERE region_id = ANY (:regions) AND employment = :employment
              AND day BETWEEN :bucket AND :lastLiveDay AND bucket = :bucket""");

    /** The half month's ads: about 6,000 on 1M ads, 60,000 on 10M. */
    private static final NamedSql BUCKET_ADS = NamedSql.of("""
            SELECT region_pos, salary_point, terms::text, posted_on, closes_on FROM ad_fact
            WHERE employment = :employment AND posted_on BETWEEN :bucket AND :lastDay
            """);

    private static final NamedSql CLEAR = NamedSql.of("""
            DELETE FROM salary_count_stale WHERE employment = :employment AND bucket = :bucket""");

    @Inject
    DataSource dataSource;

    @Inject
    CountsConfig config;

    @Inject
    DataVersion dataVersion;

    @Inject
    ReferenceData reference;

    @Inject
    TermCountStore termCounts;

    @Inject
    Pacing pacing;

    @Inject
    TermIndexes termIndexes;

    /** Makes the next chunk of a half month's rows while the current one is written (PipelinedCopy). */
    @Inject
    ManagedExecutor executor;

    /** Marks the half months, in the caller's transaction (a batch's, which holds the data version's row lock). */
    public void markStale(Connection c, Collection<Bucket> buckets) throws SQLException {
        if (buckets.isEmpty()) {
            return;
        }
        // A batch's ads fall in one or a few half months.
        for (Bucket b : buckets) {
            try (PreparedStatement ps = MARK.prepare(c, Map.of("employment", b.employment(), "bucket", b.start(),
                    "lastDay", HalfMonths.end(b.start())))) {
                ps.executeUpdate();
            }
        }
    }

    /** Every half month marked stale, newest first (see STALE). */
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
     * count and the clearing of its mark; a batch that comes after marks it again. Between half months it gives way
     * to readers (Pacing). A recount of many half months sets the term indexes aside meanwhile (TermIndexes).
     *
     * @return how many half months were recounted
     */
    public int recount(Set<Bucket> buckets) throws SQLException {
        boolean indexesAside = termIndexes.setAsideFor(buckets.size());
        try {
            return recountEach(buckets);
        } finally {
            if (indexesAside) {
                termIndexes.restore();
            }
        }
    }

    private int recountEach(Set<Bucket> buckets) throws SQLException {
        long started = System.nanoTime();
        int done = 0;
        int[] regions = TermCountStore.countedIds(reference.regions());
        try (Connection c = dataSource.getConnection(); Transaction t = Transaction.begin(c)) {
            Pacing.Step sinceWait = pacing.start();
            for (Bucket b : buckets) {
                dataVersion.lock(c);
                Map<String, Object> p = Map.of("employment", b.employment(), "bucket", b.start(),
                        "lastDay", HalfMonths.end(b.start()), "regions", regions,
                        "lastLiveDay", HalfMonths.end(b.start()).plusDays(LiveCounter.KEPT_DAYS_OPEN));
                try (PreparedStatement marked = IS_STALE.prepare(c, p); ResultSet rs = marked.executeQuery()) {
                    if (!rs.next()) {
                        c.rollback();
                        continue;
                    }
                }
                CountDelta days = termCounts.delta();
                Map<Integer, List<int[]>> adsByRegion = new TreeMap<>();
                LiveCounter live = new LiveCounter(b.start());
                SalaryPointDays pointDays = new SalaryPointDays(b.start());
                Map<Integer, SalaryPoints.Builder[]> salaries = count(c, b, p, days, adsByRegion, live, pointDays);
                for (NamedSql step : List.of(DELETE_ROWS, DELETE_DAYS, DELETE_CO_OCCURRENCES, DELETE_LIVE,
                        DELETE_POINT_DAYS, CLEAR)) {
                    try (PreparedStatement ps = step.prepare(c, p)) {
                        ps.executeUpdate();
                    }
                }
                // Salary points, co-occurrences and live jobs a region at a time, each region's builders let go
                // once encoded: a half month's rows of every counted region in one buffer (with its copies as it
                // grew) took a 512 MB heap past its limit when a load ended beside the pages benchmark.
                List<PipelinedCopy.Chunk> chunks = new ArrayList<>();
                boolean compact = config.compactSalaryRows();
                for (int regionId : List.copyOf(salaries.keySet())) {
                    chunks.add(new PipelinedCopy.Chunk(COPY_ROWS,
                            () -> salaryRows(regionId, b, salaries.remove(regionId), compact)));
                }
                chunks.add(new PipelinedCopy.Chunk(COPY_DAYS, () -> dayRows(days)));
                chunks.add(new PipelinedCopy.Chunk(COPY_POINT_DAYS, () -> pointDays.rows(b.employment())));
                for (Map.Entry<Integer, List<int[]>> e : adsByRegion.entrySet()) {
                    chunks.add(new PipelinedCopy.Chunk(COPY_CO_OCCURRENCES,
                            () -> coOccurrenceRows(e.getKey(), b, e.getValue())));
                }
                for (int regionId : live.regionIds()) {
                    chunks.add(new PipelinedCopy.Chunk(COPY_LIVE, () -> liveRows(live, regionId, b)));
                }
                try {
                    PipelinedCopy.run(c.unwrap(PGConnection.class).getCopyAPI(), chunks, executor);
                } catch (IOException e) {
                    throw new SQLException("COPY of a half month's recounted rows failed", e);
                }
                c.commit();
                done++;
                pacing.pause(sinceWait, "recount");
                sinceWait = pacing.start();
            }
        }
        if (done > 0) {
            LOG.infof("Salary points, day term counts, co-occurrences, live jobs and day salary points of %d half "
                    + "months recounted in %d ms", done, (System.nanoTime() - started) / 1_000_000);
        }
        return done;
    }

    /**
     * The half month's salary points, a builder per counted region and term id: per counted region the ad lies in,
     * its point counted under each of its terms and under term 0 (every ad); every ad into {@code days}, by the day it
     * was posted, and into {@code live}; and its terms into {@code adsByRegion} under each region it lies in whose
     * co-occurrences are kept; its point, with its position, into {@code pointDays}. Grouped here rather than in SQL,
     * which would join every ad to its regions and group a hundred (region, term, point) triples per ad.
     */
    private Map<Integer, SalaryPoints.Builder[]> count(Connection c, Bucket b, Map<String, Object> p, CountDelta days,
                                                       Map<Integer, List<int[]>> adsByRegion, LiveCounter live,
                                                       SalaryPointDays pointDays)
            throws SQLException {
        RegionTree regions = reference.regions();
        Map<Integer, SalaryPoints.Builder[]> byRegion = new HashMap<>();
        try (PreparedStatement ps = BUCKET_ADS.prepare(c, p)) {
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double point = rs.getDouble(2);
                    boolean quoted = !rs.wasNull();
                    int[] terms = IntArrays.parse(rs.getString(3));
                    int position = rs.getInt(1);
                    RegionNode place = regions.byPosition(position);
                    LocalDate posted = rs.getDate(4).toLocalDate();
                    Date closes = rs.getDate(5);
                    days.addOnDay(place, b.employment(), posted, terms);
                    live.add(place, posted, closes == null ? null : closes.toLocalDate(), terms);
                    if (quoted) {
                        pointDays.add(posted, position, point, terms);
                    }
                    for (RegionNode r = place; r != null; r = r.parent) {
                        if (!TermCountStore.counted(r)) {
                            continue;
                        }
                        if (TermCountStore.coOccurrencesKept(r)) {
                            adsByRegion.computeIfAbsent(r.id, k -> new ArrayList<>()).add(terms);
                        }
                        if (quoted) {
                            builder(byRegion, r.id, 0).add(point, 1);
                            for (int t : terms) {
                                builder(byRegion, r.id, t).add(point, 1);
                            }
                        }
                    }
                }
            }
        }
        return byRegion;
    }

    /** A region's salary rows of the half month as COPY's binary form. */
    private static byte[] salaryRows(int regionId, Bucket b, SalaryPoints.Builder[] byTerm, boolean compact) {
        BinaryCopy.Writer out = new BinaryCopy.Writer(1 << 16);
        for (int t = 0; t < byTerm.length; t++) {
            if (byTerm[t] != null) {
                out.row(5).int4(regionId).int2(b.employment()).int4(t).date(b.start())
                        .bytea(compact ? byTerm[t].build().encoded() : byTerm[t].build().fixedPairs());
            }
        }
        return out.finish();
    }

    /** The day rows as COPY's binary form, sparse. */
    private static byte[] dayRows(CountDelta days) {
        BinaryCopy.Writer out = new BinaryCopy.Writer(days.rows.size() * 1024);
        days.rows.forEach((k, r) -> out.row(8).int4(k.regionId()).int2(k.employment()).date(k.bucket()).int4(r.ads)
                .sparse(r.terms).sparse(r.categories));
        return out.finish();
    }

    /** A region's co-occurrence rows of the half month as COPY's binary form. */
    private static byte[] coOccurrenceRows(int regionId, Bucket b, List<int[]> ads) {
        BinaryCopy.Writer out = new BinaryCopy.Writer(1 << 16);
        CoOccurrenceCounter.count(ads, (t, ids, counts) ->
                out.row(5).int4(regionId).int2(b.employment()).date(b.start()).int4(t)
                        .bytea(TermPairs.encode(ids, counts)));
        return out.finish();
    }

    /** A region's live_count rows of the half month as COPY's binary form. */
    private static byte[] liveRows(LiveCounter live, int regionId, Bucket b) {
        BinaryCopy.Writer out = new BinaryCopy.Writer(1 << 16);
        live.rows(regionId, (region, day, countsByTerm) -> out.row(5).int4(region).int2(b.employment()).date(day)
                .date(b.start()).bytea(TermPairs.encode(countsByTerm)));
        return out.finish();
    }

    /**
     * The builder of the region's term, by region and then term id. Both packed in one long key would hash to region
     * id xor term id: a half month's ~70,000 keys (authorities included) collide in long chains.
     */
    private static SalaryPoints.Builder builder(Map<Integer, SalaryPoints.Builder[]> byRegion, int regionId,
                                                int termId) {
        SalaryPoints.Builder[] byTerm = byRegion.get(regionId);
        if (byTerm == null || termId >= byTerm.length) {
            byTerm = byTerm == null ? new SalaryPoints.Builder[Math.max(1024, termId + 1)]
                    : Arrays.copyOf(byTerm, Math.max(2 * byTerm.length, termId + 1));
            byRegion.put(regionId, byTerm);
        }
        if (byTerm[termId] == null) {
            byTerm[termId] = new SalaryPoints.Builder();
        }
        return byTerm[termId];
    }

    /** The half months of a count delta's rows: those its ads were posted in. */
    public static Set<Bucket> buckets(CountDelta delta) {
        Set<Bucket> out = new TreeSet<>(Comparator.comparing(Bucket::start).thenComparing(Bucket::employment));
        delta.rows.keySet().forEach(k -> out.add(new Bucket(k.employment(), k.bucket())));
        return out;
    }
}
