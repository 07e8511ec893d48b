package io.jobstats.market;

import io.jobstats.database.DataVersion;
import io.jobstats.database.ReferenceData;
import io.jobstats.geography.RegionNode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the term_count table (see V2__term_arrays_and_counts.sql) equal to what ad_fact holds: every transaction
 * that adds or removes facts applies the matching {@link Delta} before it commits, so a reader sees the facts and
 * the counts of the same loads.
 */
@ApplicationScoped
public class TermCounts {

    private static final Logger LOG = Logger.getLogger(TermCounts.class);

    /** The levels counted ahead: few regions, each holding many ads. Below them a universe is small enough to scan. */
    private static final Set<RegionNode.Kind> COUNTED =
            EnumSet.of(RegionNode.Kind.COUNTRY, RegionNode.Kind.NATION, RegionNode.Kind.AREA, RegionNode.Kind.SUBREGION);

    @Inject
    DataSource dataSource;

    @Inject
    ReferenceData reference;

    @Inject
    DataVersion dataVersion;

    private volatile int[] categoryOf;

    public static boolean counted(RegionNode r) {
        return COUNTED.contains(r.kind);
    }

    /** The half month holding the day: its first day, the 1st or the 16th. */
    public static LocalDate bucket(LocalDate day) {
        return day.withDayOfMonth(day.getDayOfMonth() <= 15 ? 1 : 16);
    }

    /** The last day of the half month holding the day. */
    public static LocalDate bucketEnd(LocalDate day) {
        return day.getDayOfMonth() <= 15 ? day.withDayOfMonth(15) : day.with(TemporalAdjusters.lastDayOfMonth());
    }

    /** Before the demo data loads (its deltas need the counts complete); after the reference data, which empties them when it changes. */
    void onStart(@Observes @Priority(1500) StartupEvent event) throws SQLException {
        reference.regions();
        rebuildIfMissing();
    }

    /** Recounts from ad_fact when there are facts but no counts: after the V2 migration or a reference data change. */
    public void rebuildIfMissing() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            // The version's row lock makes loads wait for the recount, as they wait for each other.
            dataVersion.bump(c);
            if (!exists(c, "SELECT 1 FROM ad_fact LIMIT 1") || exists(c, "SELECT 1 FROM term_count LIMIT 1")) {
                c.rollback();
                return;
            }
            long started = System.nanoTime();
            Delta all = delta();
            long facts = 0;
            try (Statement s = c.createStatement()) {
                s.setFetchSize(10_000);
                try (ResultSet rs = s.executeQuery("SELECT employment, posted_on, region_pos, terms::text FROM ad_fact")) {
                    while (rs.next()) {
                        all.add(reference.regions().byPosition(rs.getInt(3)), rs.getShort(1), rs.getDate(2).toLocalDate(),
                                IntArrays.parse(rs.getString(4)), 1);
                        facts++;
                    }
                }
            }
            apply(c, all);
            c.commit();
            LOG.infof("Term counts rebuilt from %d ads in %d ms", facts, (System.nanoTime() - started) / 1_000_000);
        }
    }

    public Delta delta() {
        return new Delta(categoryOf());
    }

    /** Adds the delta to the stored counts, in the caller's transaction. */
    public void apply(Connection c, Delta delta) throws SQLException {
        if (delta.rows.isEmpty()) {
            return;
        }
        int n = delta.rows.size();
        Integer[] regions = new Integer[n];
        Short[] types = new Short[n];
        Date[] buckets = new Date[n];
        List<Key> keys = new ArrayList<>(delta.rows.keySet());
        for (int i = 0; i < n; i++) {
            Key k = keys.get(i);
            regions[i] = k.regionId;
            types[i] = k.employment;
            buckets[i] = Date.valueOf(k.bucket);
        }
        // Read, add here, write back: adding two arrays element by element is cheap in Java and dear in SQL.
        try (PreparedStatement ps = c.prepareStatement("SELECT c.region_id, c.employment, c.bucket, c.ads, c.terms::text, "
                + "c.categories::text FROM term_count c JOIN unnest(?::int[], ?::smallint[], ?::date[]) AS k(r, e, b) "
                + "ON c.region_id = k.r AND c.employment = k.e AND c.bucket = k.b FOR UPDATE OF c")) {
            ps.setArray(1, c.createArrayOf("int4", regions));
            ps.setArray(2, c.createArrayOf("int2", types));
            ps.setArray(3, c.createArrayOf("date", buckets));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Row r = delta.rows.get(new Key(rs.getInt(1), rs.getShort(2), rs.getDate(3).toLocalDate()));
                    r.ads += rs.getInt(4);
                    r.terms = IntArrays.add(r.terms, IntArrays.parseCounts(rs.getString(5)));
                    r.categories = IntArrays.add(r.categories, IntArrays.parseCounts(rs.getString(6)));
                }
            }
        }
        Integer[] ads = new Integer[n];
        String[] terms = new String[n];
        String[] categories = new String[n];
        for (int i = 0; i < n; i++) {
            Row r = delta.rows.get(keys.get(i));
            ads[i] = r.ads;
            terms[i] = IntArrays.formatCounts(r.terms);
            categories[i] = IntArrays.formatCounts(r.categories);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO term_count (region_id, employment, bucket, ads, terms, categories) "
                + "SELECT r, e, b, a, t::int[], g::int[] FROM unnest(?::int[], ?::smallint[], ?::date[], ?::int[], ?::text[], ?::text[]) "
                + "AS x(r, e, b, a, t, g) ON CONFLICT (region_id, employment, bucket) DO UPDATE "
                + "SET ads = excluded.ads, terms = excluded.terms, categories = excluded.categories")) {
            ps.setArray(1, c.createArrayOf("int4", regions));
            ps.setArray(2, c.createArrayOf("int2", types));
            ps.setArray(3, c.createArrayOf("date", buckets));
            ps.setArray(4, c.createArrayOf("int4", ads));
            ps.setArray(5, c.createArrayOf("text", terms));
            ps.setArray(6, c.createArrayOf("text", categories));
            ps.executeUpdate();
        }
        // Replacements can move every ad out of a bucket; an empty row would only be read as zeros.
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM term_count c USING unnest(?::int[], ?::smallint[], ?::date[]) "
                + "AS k(r, e, b) WHERE c.region_id = k.r AND c.employment = k.e AND c.bucket = k.b AND c.ads = 0")) {
            ps.setArray(1, c.createArrayOf("int4", regions));
            ps.setArray(2, c.createArrayOf("int2", types));
            ps.setArray(3, c.createArrayOf("date", buckets));
            ps.executeUpdate();
        }
    }

    /** The category id of each term id (0 where there is no term), as the database numbers them. */
    private int[] categoryOf() {
        int[] known = categoryOf;
        if (known == null) {
            Map<Integer, Integer> m = new HashMap<>();
            int max = 0;
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id, category_id FROM term")) {
                while (rs.next()) {
                    m.put(rs.getInt(1), rs.getInt(2));
                    max = Math.max(max, rs.getInt(1));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read the terms' categories", e);
            }
            known = new int[max + 1];
            for (Map.Entry<Integer, Integer> e : m.entrySet()) {
                known[e.getKey()] = e.getValue();
            }
            categoryOf = known;
        }
        return known;
    }

    private static boolean exists(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next();
        }
    }

    private record Key(int regionId, short employment, LocalDate bucket) {
    }

    /** Index i of each array holds the count of term (or category) id i, as element i of the SQL array. */
    private static final class Row {
        int ads;
        int[] terms;
        int[] categories;

        Row(int terms, int categories) {
            this.terms = new int[terms];
            this.categories = new int[categories];
        }
    }

    /** Counts to add (or, for ads removed, subtract) in one transaction. */
    public static final class Delta {
        private final Map<Key, Row> rows = new HashMap<>();
        private final int[] categoryOf;
        private final int categories;
        private int[] seen = new int[16];

        private Delta(int[] categoryOf) {
            this.categoryOf = categoryOf;
            this.categories = java.util.Arrays.stream(categoryOf).max().orElse(0) + 1;
        }

        /** One ad, counted (+1) or uncounted (-1) in each counted region it lies in. */
        public void add(RegionNode region, short employment, LocalDate posted, int[] terms, int sign) {
            LocalDate bucket = bucket(posted);
            int distinctCategories = categories(terms);
            for (RegionNode r = region; r != null; r = r.parent) {
                if (!counted(r)) {
                    continue;
                }
                Row row = rows.computeIfAbsent(new Key(r.id, employment, bucket), k -> new Row(categoryOf.length, categories));
                row.ads += sign;
                for (int t : terms) {
                    row.terms = IntArrays.increment(row.terms, t, sign);
                }
                for (int i = 0; i < distinctCategories; i++) {
                    row.categories = IntArrays.increment(row.categories, seen[i], sign);
                }
            }
        }

        /** The distinct categories of the terms, into {@code seen}; returns how many. */
        private int categories(int[] terms) {
            int n = 0;
            for (int t : terms) {
                int cat = t < categoryOf.length ? categoryOf[t] : 0;
                boolean dup = cat == 0;
                for (int i = 0; i < n && !dup; i++) {
                    dup = seen[i] == cat;
                }
                if (!dup) {
                    if (n == seen.length) {
                        seen = java.util.Arrays.copyOf(seen, n * 2);
                    }
                    seen[n++] = cat;
                }
            }
            return n;
        }
    }
}
