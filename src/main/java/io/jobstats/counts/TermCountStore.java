package io.jobstats.counts;

import io.jobstats.database.BinaryCopy;
import io.jobstats.reference.RegionNode;
import io.jobstats.reference.RegionTree;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The stored term counts: term_count (one row per counted region, employment and half month, its arrays indexed by
 * term and category id) and the rows of term_count_delta that loads append before they are folded in (see the V2 and
 * V3 migrations). Every write here runs in a transaction that holds the data version's row lock.
 */
@ApplicationScoped
public class TermCountStore {

    /**
     * The levels counted ahead, down to the authorities (265 regions with the UK's): a nation's or a subregion's page
     * ranks the term in each of its children, which then reads a few kept rows per child instead of every ad of the
     * parent (on 10M ads, Scotland's year: ~97,000 ads). Below them (districts, towns, villages) a universe is small
     * enough to scan, and each is a single position.
     */
    private static final Set<RegionNode.Kind> COUNTED = EnumSet.of(RegionNode.Kind.COUNTRY, RegionNode.Kind.NATION,
            RegionNode.Kind.AREA, RegionNode.Kind.SUBREGION, RegionNode.Kind.AUTHORITY);

    /**
     * The levels whose co-occurrences are kept (co_occurrence, V14): those above the authorities. Only a region's own
     * page reads them, and an authority's term has a few hundred ads a year to read instead; kept, the authorities'
     * rows were four fifths of the table's rows on 10M ads (some 7 GB) and much of a recount's time.
     */
    private static final Set<RegionNode.Kind> CO_OCCURRENCES_KEPT = EnumSet.of(RegionNode.Kind.COUNTRY,
            RegionNode.Kind.NATION, RegionNode.Kind.AREA, RegionNode.Kind.SUBREGION);

    /**
     * The most rows one COPY carries into or out of term_count: each is ~4.5 KB in COPY's binary form, and the buffers
     * of a year's rows at once (a rebuild's: ~12,700 rows with the authorities) outgrew a 512 MB heap.
     */
    private static final int KEYS_PER_COPY = 2_000;

    private static final String HELD_DELTAS = """
            SELECT region_id, employment, bucket, ads, term_ids::text, term_counts::text, category_ids::text,
                   category_counts::text
            FROM term_count_delta
            WHERE load_id = ? OR ? IS NULL""";

    @Inject
    DataSource dataSource;

    private volatile int[] categoryOf;

    /** Whether term_count holds rows for the region. */
    public static boolean counted(RegionNode r) {
        return COUNTED.contains(r.kind);
    }

    /** The ids of the regions with kept counts: the kept rows' statements find a half month's rows by them. */
    static int[] countedIds(RegionTree regions) {
        return regions.nodes().stream().filter(TermCountStore::counted).mapToInt(r -> r.id).toArray();
    }

    /** Whether co_occurrence holds rows for the region. */
    public static boolean coOccurrencesKept(RegionNode r) {
        return CO_OCCURRENCES_KEPT.contains(r.kind);
    }

    /** An empty delta over the terms the database holds. */
    public CountDelta delta() {
        return new CountDelta(categoryOf());
    }

    /** The sum of the delta rows of a load, or of all of them (loadId null). */
    CountDelta heldDeltas(Connection c, Long loadId) throws SQLException {
        CountDelta sum = delta();
        try (PreparedStatement ps = c.prepareStatement(HELD_DELTAS)) {
            ps.setObject(1, loadId, Types.BIGINT);
            ps.setObject(2, loadId, Types.BIGINT);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    CountDelta.Row r = sum.row(new CountDelta.Key(rs.getInt(1), rs.getShort(2), rs.getDate(3).toLocalDate()));
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
    void apply(Connection c, CountDelta delta) throws SQLException {
        List<CountDelta.Key> keys = new ArrayList<>(delta.rows.keySet());
        for (int from = 0; from < keys.size(); from += KEYS_PER_COPY) {
            apply(c, delta, keys.subList(from, Math.min(keys.size(), from + KEYS_PER_COPY)));
        }
    }

    /** {@link #apply} for some of the delta's keys. */
    private static void apply(Connection c, CountDelta delta, List<CountDelta.Key> keys) throws SQLException {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE IF NOT EXISTS term_count_in (LIKE term_count INCLUDING STORAGE) ON COMMIT DELETE ROWS");
            s.execute("TRUNCATE term_count_in");
            copyIn(copy, keys, k -> null);
            ByteArrayOutputStream held = new ByteArrayOutputStream();
            copy.copyOut("""
                    COPY (SELECT c.region_id, c.employment, c.bucket, c.ads, c.terms, c.categories
                          FROM term_count c JOIN term_count_in k USING (region_id, employment, bucket))
                    TO STDOUT (FORMAT binary)""", held);
            BinaryCopy.Reader in = new BinaryCopy.Reader(held.toByteArray());
            while (in.nextRow()) {
                CountDelta.Row r = delta.rows.get(new CountDelta.Key(in.int4(), in.int2(), in.date()));
                r.ads += in.int4();
                r.terms = IntArrays.add(r.terms, in.int4Array());
                r.categories = IntArrays.add(r.categories, in.int4Array());
            }
            s.execute("TRUNCATE term_count_in");
            copyIn(copy, keys, delta.rows::get);
            s.execute("""
                    INSERT INTO term_count SELECT * FROM term_count_in
                    ON CONFLICT (region_id, employment, bucket) DO UPDATE
                    SET ads = excluded.ads, terms = excluded.terms, categories = excluded.categories""");
            // Replacements can move every ad out of a half month; an empty row would only be read as zeros.
            s.execute("""
                    DELETE FROM term_count c USING term_count_in k
                    WHERE c.region_id = k.region_id AND c.employment = k.employment AND c.bucket = k.bucket AND c.ads = 0""");
        } catch (IOException e) {
            throw new SQLException("COPY of term counts failed", e);
        }
    }

    /** The keys into term_count_in, each with its row's figures, or with zeros and empty arrays where there is none. */
    private static void copyIn(CopyManager copy, List<CountDelta.Key> keys, Function<CountDelta.Key, CountDelta.Row> rows)
            throws SQLException, IOException {
        BinaryCopy.Writer out = new BinaryCopy.Writer(keys.size() * 64);
        for (CountDelta.Key k : keys) {
            CountDelta.Row r = rows.apply(k);
            out.row(6).int4(k.regionId()).int2(k.employment()).date(k.bucket()).int4(r == null ? 0 : r.ads)
                    .int4Array(r == null ? new int[1] : r.terms).int4Array(r == null ? new int[1] : r.categories);
        }
        copy.copyIn("COPY term_count_in FROM STDIN (FORMAT binary)", new ByteArrayInputStream(out.finish()));
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

    static boolean exists(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next();
        }
    }
}
