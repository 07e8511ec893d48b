package io.jobstats.market;

import io.jobstats.database.BinaryCopy;
import io.jobstats.database.DataVersion;
import io.jobstats.database.ReferenceData;
import io.jobstats.geography.RegionNode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Connection;
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
 * Keeps term_count plus term_count_delta (see V2 and V3 migrations) equal to what ad_fact holds: every transaction
 * that adds or removes facts appends the matching {@link Delta} to term_count_delta before it commits, so a reader
 * sees the facts and the counts of the same batches; when a load ends, its deltas are folded into term_count.
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
        foldLeftovers();
    }

    /**
     * Folds every delta row into term_count by reading the rows themselves: what loads that never ended (a crash,
     * a lost database) left. Safe beside a load under way on another pod: that load folds only the rows of its own
     * that remain when it ends (see {@link #compact}).
     */
    public void foldLeftovers() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            dataVersion.bump(c);
            if (!exists(c, "SELECT 1 FROM term_count_delta LIMIT 1")) {
                c.rollback();
                return;
            }
            long started = System.nanoTime();
            apply(c, heldDeltas(c, null));
            int rows;
            try (Statement s = c.createStatement()) {
                rows = s.executeUpdate("DELETE FROM term_count_delta");
            }
            c.commit();
            LOG.infof("Folded %d term count delta rows left by unfinished loads in %d ms", rows,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** Recounts from ad_fact when there are facts but no counts: after the V2 migration or a reference data change. */
    public void rebuildIfMissing() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            // The version's row lock makes loads wait for the recount, as they wait for each other.
            dataVersion.bump(c);
            // With deltas held, a load is under way (or was cut short) and the figures are right as they are.
            if (!exists(c, "SELECT 1 FROM ad_fact LIMIT 1") || exists(c, "SELECT 1 FROM term_count LIMIT 1")
                    || exists(c, "SELECT 1 FROM term_count_delta LIMIT 1")) {
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

    /** The count changes of one load: what its committed batches appended, summed. */
    public static final class Load {
        private long id;
        private int batches;
        private Delta total;

        private Load() {
        }

        /** The batch whose delta was appended has committed. */
        public void committed(Delta batch) {
            if (batch.rows.isEmpty()) {
                return;
            }
            batches++;
            if (total == null) {
                total = batch;
            } else {
                total.addAll(batch);
            }
        }
    }

    public Load begin() {
        return new Load();
    }

    /** Appends one batch's changes as rows of term_count_delta, in the caller's transaction (the batch's). */
    public void append(Connection c, Load load, Delta delta) throws SQLException {
        if (delta.rows.isEmpty()) {
            return;
        }
        if (load.id == 0) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT nextval('term_count_load')")) {
                rs.next();
                load.id = rs.getLong(1);
            }
        }
        try {
            BinaryCopy.Writer out = new BinaryCopy.Writer(delta.rows.size() * 1024);
            for (Map.Entry<Key, Row> e : delta.rows.entrySet()) {
                Key k = e.getKey();
                Row r = e.getValue();
                out.row(10).int8(load.id).int4(load.batches + 1).int4(k.regionId).int2(k.employment).date(k.bucket).int4(r.ads);
                out.sparse(r.terms).sparse(r.categories);
            }
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY term_count_delta (load_id, batch, region_id, employment, "
                    + "bucket, ads, term_ids, term_counts, category_ids, category_counts) FROM STDIN (FORMAT binary)",
                    new java.io.ByteArrayInputStream(out.finish()));
        } catch (IOException e) {
            throw new SQLException("COPY of term count deltas failed: " + e.getMessage(), e);
        }
    }

    /**
     * Folds the load's deltas into term_count, in a transaction of its own. The load's sum in memory is used when
     * all its batches' rows are still there; if a recount took some of them meanwhile, the rows that remain are summed.
     */
    public void compact(Load load) throws SQLException {
        if (load.id == 0) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            dataVersion.bump(c);
            Delta sum = load.total;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(DISTINCT batch) FROM term_count_delta WHERE load_id = ?")) {
                ps.setLong(1, load.id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) != load.batches) {
                        sum = heldDeltas(c, load.id);
                    }
                }
            }
            if (sum != null) {
                apply(c, sum);
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM term_count_delta WHERE load_id = ?")) {
                ps.setLong(1, load.id);
                ps.executeUpdate();
            }
            c.commit();
        }
    }

    /** The sum of the delta rows of a load, or of all of them (loadId null). */
    private Delta heldDeltas(Connection c, Long loadId) throws SQLException {
        Delta sum = delta();
        try (PreparedStatement ps = c.prepareStatement("SELECT region_id, employment, bucket, ads, term_ids::text, "
                + "term_counts::text, category_ids::text, category_counts::text FROM term_count_delta "
                + "WHERE load_id = ? OR ? IS NULL")) {
            ps.setObject(1, loadId, java.sql.Types.BIGINT);
            ps.setObject(2, loadId, java.sql.Types.BIGINT);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Row r = sum.row(new Key(rs.getInt(1), rs.getShort(2), rs.getDate(3).toLocalDate()));
                    r.ads += rs.getInt(4);
                    r.terms = IntArrays.addSparse(r.terms, IntArrays.parse(rs.getString(5)), IntArrays.parse(rs.getString(6)));
                    r.categories = IntArrays.addSparse(r.categories, IntArrays.parse(rs.getString(7)), IntArrays.parse(rs.getString(8)));
                }
            }
        }
        return sum;
    }

    /**
     * Adds the delta to the stored counts, in the caller's transaction (which holds the data version's row lock, so no
     * other writer touches the counts meanwhile). Read, add here, write back, all in COPY's binary form: adding arrays
     * element by element is cheap in Java and dear in SQL, and the text form of thousands of ~1,100-element arrays
     * cost more to print and parse than everything else a batch does.
     */
    public void apply(Connection c, Delta delta) throws SQLException {
        if (delta.rows.isEmpty()) {
            return;
        }
        List<Key> keys = new ArrayList<>(delta.rows.keySet());
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE IF NOT EXISTS term_count_in (LIKE term_count INCLUDING STORAGE) ON COMMIT DELETE ROWS");
            s.execute("TRUNCATE term_count_in");
            copyIn(copy, keys, k -> null);
            ByteArrayOutputStream held = new ByteArrayOutputStream();
            copy.copyOut("COPY (SELECT c.region_id, c.employment, c.bucket, c.ads, c.terms, c.categories FROM term_count c "
                    + "JOIN term_count_in k USING (region_id, employment, bucket)) TO STDOUT (FORMAT binary)", held);
            BinaryCopy.Reader in = new BinaryCopy.Reader(held.toByteArray());
            while (in.nextRow()) {
                Row r = delta.rows.get(new Key(in.int4(), in.int2(), in.date()));
                r.ads += in.int4();
                r.terms = IntArrays.add(r.terms, in.int4Array());
                r.categories = IntArrays.add(r.categories, in.int4Array());
            }
            s.execute("TRUNCATE term_count_in");
            copyIn(copy, keys, delta.rows::get);
            s.execute("INSERT INTO term_count SELECT * FROM term_count_in ON CONFLICT (region_id, employment, bucket) DO UPDATE "
                    + "SET ads = excluded.ads, terms = excluded.terms, categories = excluded.categories");
            // Replacements can move every ad out of a bucket; an empty row would only be read as zeros.
            s.execute("DELETE FROM term_count c USING term_count_in k WHERE c.region_id = k.region_id "
                    + "AND c.employment = k.employment AND c.bucket = k.bucket AND c.ads = 0");
        } catch (IOException e) {
            throw new SQLException("COPY of term counts failed", e);
        }
    }

    /** The keys into term_count_in, each with its row's figures, or with zeros and empty arrays where there is none. */
    private static void copyIn(CopyManager copy, List<Key> keys, java.util.function.Function<Key, Row> rows)
            throws SQLException, IOException {
        BinaryCopy.Writer out = new BinaryCopy.Writer(keys.size() * 64);
        for (Key k : keys) {
            Row r = rows.apply(k);
            out.row(6).int4(k.regionId).int2(k.employment).date(k.bucket).int4(r == null ? 0 : r.ads)
                    .int4Array(r == null ? new int[1] : r.terms).int4Array(r == null ? new int[1] : r.categories);
        }
        copy.copyIn("COPY term_count_in FROM STDIN (FORMAT binary)", new java.io.ByteArrayInputStream(out.finish()));
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
                Row row = row(new Key(r.id, employment, bucket));
                row.ads += sign;
                for (int t : terms) {
                    row.terms = IntArrays.increment(row.terms, t, sign);
                }
                for (int i = 0; i < distinctCategories; i++) {
                    row.categories = IntArrays.increment(row.categories, seen[i], sign);
                }
            }
        }

        private Row row(Key key) {
            return rows.computeIfAbsent(key, k -> new Row(categoryOf.length, categories));
        }

        /** Adds another delta's counts to this one's. */
        void addAll(Delta other) {
            for (Map.Entry<Key, Row> e : other.rows.entrySet()) {
                Row mine = row(e.getKey());
                mine.ads += e.getValue().ads;
                mine.terms = IntArrays.add(mine.terms, e.getValue().terms);
                mine.categories = IntArrays.add(mine.categories, e.getValue().categories);
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
