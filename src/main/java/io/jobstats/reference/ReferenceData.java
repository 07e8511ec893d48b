package io.jobstats.reference;

import io.jobstats.counts.SalaryCountStore;
import io.jobstats.counts.TermCountStore;
import io.jobstats.database.Transaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes the shipped taxonomy and region tree into the database when their versions change, keeping the ids
 * of terms and regions that were there before (ads point at them), and holds both in memory for ingestion and
 * the API. Several pods may start at once: an advisory lock makes one of them write.
 */
@ApplicationScoped
public class ReferenceData {

    private static final Logger LOG = Logger.getLogger(ReferenceData.class);
    private static final long LOCK_KEY = 0x6A6F6273L;

    @Inject
    DataSource dataSource;

    private volatile Taxonomy taxonomy;
    private volatile RegionTree regions;

    void onStart(@Observes StartupEvent event) {
        taxonomy();
    }

    public Taxonomy taxonomy() {
        if (taxonomy == null) {
            load();
        }
        return taxonomy;
    }

    public RegionTree regions() {
        if (regions == null) {
            load();
        }
        return regions;
    }

    /** Loads the reference data again, as a start-up does: how a test sees what a changed version leads to. */
    synchronized void reload() {
        taxonomy = null;
        load();
    }

    private synchronized void load() {
        if (taxonomy != null) {
            return;
        }
        long started = System.nanoTime();
        TaxonomyFile.Contents file = TaxonomyFile.read();
        RegionTree tree = RegionTreeBuilder.buildFromResources();
        // The tree alone: only when it changes are the regions rewritten and the ads' positions moved (at 10M ads two
        // updates over every ad, some two minutes), not when only the kept levels do.
        Function<RegionNode, String> position = n -> n.slug + '|' + n.name + '|' + n.lft + '|' + n.rgt + '|' + n.kind;
        String positionsVersion = version(tree, position);
        // Which regions are counted ahead is part of it: a change of the kept levels recounts them all, as below.
        String regionVersion = version(tree, n -> position.apply(n) + '|' + TermCountStore.counted(n) + '|'
                + TermCountStore.coOccurrencesKept(n));
        try (Connection c = dataSource.getConnection(); Transaction t = Transaction.begin(c)) {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
            }
            Map<String, String> versions = versions(c);
            boolean newTaxonomy = !file.version().equals(versions.get("taxonomy"));
            boolean newRegions = !regionVersion.equals(versions.get("regions"));
            // Without a positions version yet (a database from before it), a new regions version rewrites them too.
            boolean newPositions = newRegions && !positionsVersion.equals(versions.get("region-positions"));
            List<Term> terms = syncTaxonomy(c, file, newTaxonomy);
            syncRegions(c, tree, newPositions);
            if (newTaxonomy || newRegions) {
                // Counted regions and categories may have moved; CountRecovery recounts at start-up.
                try (Statement s = c.createStatement()) {
                    s.execute(SalaryCountStore.EMPTY_ALL);
                    s.execute(SalaryCountStore.MARK_ALL);
                }
            }
            setVersion(c, "taxonomy", file.version());
            setVersion(c, "regions", regionVersion);
            setVersion(c, "region-positions", positionsVersion);
            c.commit();
            this.regions = tree;
            this.taxonomy = new Taxonomy(file.version(), file.categories(), terms);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not load the reference data", e);
        }
        LOG.infof("Reference data ready: %d terms (taxonomy %s), %d regions, in %d ms", taxonomy.terms().size(),
                taxonomy.version(), regions.nodes().size(), (System.nanoTime() - started) / 1_000_000);
    }

    private static String version(RegionTree tree, Function<RegionNode, String> key) {
        return Integer.toHexString(tree.nodes().stream().mapToInt(n -> key.apply(n).hashCode())
                .reduce(17, (a, b) -> 31 * a + b));
    }

    private static Map<String, String> versions(Connection c) throws SQLException {
        Map<String, String> v = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name, version FROM reference_version")) {
            while (rs.next()) {
                v.put(rs.getString(1), rs.getString(2));
            }
        }
        return v;
    }

    private static void setVersion(Connection c, String name, String version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO reference_version (name, version) VALUES (?, ?) "
                + "ON CONFLICT (name) DO UPDATE SET version = excluded.version, loaded_at = now()")) {
            ps.setString(1, name);
            ps.setString(2, version);
            ps.executeUpdate();
        }
    }

    private static Map<String, Integer> ids(Connection c, String sql) throws SQLException {
        Map<String, Integer> ids = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                ids.put(rs.getString(1), rs.getInt(2));
            }
        }
        return ids;
    }

    private static int nextId(Map<String, Integer> ids) {
        return ids.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
    }

    private static List<Term> syncTaxonomy(Connection c, TaxonomyFile.Contents file, boolean write) throws SQLException {
        Map<String, Integer> categoryIds = ids(c, "SELECT name, id FROM category");
        Map<String, Integer> termIds = ids(c, "SELECT slug, id FROM term");
        int nextCategory = nextId(categoryIds);
        for (String cat : file.categories()) {
            if (!categoryIds.containsKey(cat)) {
                categoryIds.put(cat, nextCategory++);
            }
        }
        int nextTerm = nextId(termIds);
        List<Term> terms = new ArrayList<>();
        for (TaxonomyFile.Entry e : file.entries()) {
            Integer id = termIds.get(e.slug());
            if (id == null) {
                id = nextTerm++;
                termIds.put(e.slug(), id);
            }
            terms.add(new Term(id, e.name(), e.slug(), e.category(), e.aliases(), e.patterns()));
        }
        if (!write) {
            return terms;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO category (id, name, slug) VALUES (?, ?, ?) "
                + "ON CONFLICT (id) DO UPDATE SET name = excluded.name, slug = excluded.slug")) {
            for (String cat : file.categories()) {
                ps.setInt(1, categoryIds.get(cat));
                ps.setString(2, cat);
                ps.setString(3, io.jobstats.text.Names.slug(cat));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (Statement s = c.createStatement()) {
            s.execute("DELETE FROM term_alias");
            // Names move between terms across versions; park the old ones so the unique name index holds.
            s.execute("UPDATE term SET name = name || ' (retired ' || id || ')'");
        }
        int n = terms.size();
        Integer[] id = new Integer[n];
        String[] name = new String[n];
        String[] slug = new String[n];
        Integer[] category = new Integer[n];
        List<Integer> aliasTerm = new ArrayList<>();
        List<String> alias = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Term t = terms.get(i);
            id[i] = t.id();
            name[i] = t.name();
            slug[i] = t.slug();
            category[i] = categoryIds.get(t.category());
            for (String a : t.aliases()) {
                if (!a.equalsIgnoreCase(t.name())) {
                    aliasTerm.add(t.id());
                    alias.add(a);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO term (id, name, slug, category_id) "
                + "SELECT * FROM unnest(?::int[], ?::text[], ?::text[], ?::smallint[]) "
                + "ON CONFLICT (id) DO UPDATE SET name = excluded.name, slug = excluded.slug, category_id = excluded.category_id")) {
            ps.setArray(1, c.createArrayOf("int4", id));
            ps.setArray(2, c.createArrayOf("text", name));
            ps.setArray(3, c.createArrayOf("text", slug));
            ps.setArray(4, c.createArrayOf("int2", category));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO term_alias (term_id, alias) "
                + "SELECT * FROM unnest(?::int[], ?::text[]) ON CONFLICT DO NOTHING")) {
            ps.setArray(1, c.createArrayOf("int4", aliasTerm.toArray()));
            ps.setArray(2, c.createArrayOf("text", alias.toArray()));
            ps.executeUpdate();
        }
        return terms;
    }

    private static void syncRegions(Connection c, RegionTree tree, boolean write) throws SQLException {
        Map<String, Integer> regionIds = ids(c, "SELECT slug, id FROM region");
        int next = nextId(regionIds);
        for (RegionNode n : tree.nodes()) {
            Integer id = regionIds.get(n.slug);
            n.id = id != null ? id : next++;
        }
        if (!write) {
            return;
        }
        int n = tree.nodes().size();
        Integer[] id = new Integer[n];
        Integer[] parent = new Integer[n];
        String[] slug = new String[n];
        String[] name = new String[n];
        String[] kind = new String[n];
        Integer[] depth = new Integer[n];
        Integer[] lft = new Integer[n];
        Integer[] rgt = new Integer[n];
        for (int i = 0; i < n; i++) {
            RegionNode r = tree.nodes().get(i);
            id[i] = r.id;
            parent[i] = r.parent == null ? null : r.parent.id;
            slug[i] = r.slug;
            name[i] = r.name;
            kind[i] = r.kind.name();
            depth[i] = r.depth;
            lft[i] = r.lft;
            rgt[i] = r.rgt;
        }
        try (Statement s = c.createStatement()) {
            // Positions are rewritten wholesale; park the old ones outside the range the new tree uses.
            s.execute("UPDATE region SET lft = -id, rgt = -id");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO region (id, parent_id, slug, name, kind, depth, lft, rgt) "
                + "SELECT * FROM unnest(?::int[], ?::int[], ?::text[], ?::text[], ?::text[], ?::smallint[], ?::int[], ?::int[]) "
                + "ON CONFLICT (id) DO UPDATE SET parent_id = excluded.parent_id, slug = excluded.slug, name = excluded.name, "
                + "kind = excluded.kind, depth = excluded.depth, lft = excluded.lft, rgt = excluded.rgt")) {
            Array[] arrays = {c.createArrayOf("int4", id), c.createArrayOf("int4", parent), c.createArrayOf("text", slug),
                    c.createArrayOf("text", name), c.createArrayOf("text", kind), c.createArrayOf("int2", depth),
                    c.createArrayOf("int4", lft), c.createArrayOf("int4", rgt)};
            for (int i = 0; i < arrays.length; i++) {
                ps.setArray(i + 1, arrays[i]);
            }
            ps.executeUpdate();
        }
        try (Statement s = c.createStatement()) {
            // Ads carry their region's position for range filtering; move them with their region.
            s.execute("UPDATE ad SET region_pos = r.lft FROM region r WHERE r.id = ad.region_id AND ad.region_pos <> r.lft");
            s.execute("UPDATE ad_fact f SET region_pos = a.region_pos FROM ad a WHERE a.id = f.ad_id AND f.region_pos <> a.region_pos");
        }
    }
}
