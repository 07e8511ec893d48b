package io.jobstats.reference;

import io.jobstats.reference.RegionNode.Kind;
import io.jobstats.text.Csv;
import io.jobstats.text.Names;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the region tree from the shipped files: the reference site's regions on top, then every UK local
 * authority (lower-tier districts under their county), then every place of the OS gazetteer under the
 * authority its admin area names. Places named like an ancestor (Birmingham in Birmingham) become names of that
 * ancestor rather than nodes of their own.
 */
public final class RegionTreeBuilder {

    /** The regions of the reference site that are not official ones, and where the official ones hang. */
    private static final Map<String, String> REGION_OF_CSV_REGION = Map.ofEntries(
            Map.entry("London", "London"), Map.entry("South East", "South East"),
            Map.entry("South West", "South West"), Map.entry("East of England", "East of England"),
            Map.entry("West Midlands", "West Midlands"), Map.entry("East Midlands", "East Midlands"),
            Map.entry("North West", "North West"), Map.entry("North East", "North East"),
            Map.entry("Yorkshire and The Humber", "Yorkshire"), Map.entry("Scotland", "Scotland"),
            Map.entry("Wales", "Wales"), Map.entry("Northern Ireland", "Northern Ireland"));

    /** Abolished authorities the file gives no region, which the 2010 gazetteer still names. */
    private static final Map<String, String> ABOLISHED_WITHOUT_REGION = Map.of(
            "Buckinghamshire County", "South East", "Bournemouth", "South West", "Poole", "South West");

    private static final Set<String> UPPER_TIER = Set.of("CTY", "UA", "MD", "LBO", "SCO", "WPA", "NID", "CC");

    private final Map<String, RegionNode> fixed = new LinkedHashMap<>();
    /** Names by which a node is known besides its own, as {@link Names#key} forms. */
    private final Map<RegionNode, Set<String>> aliases = new HashMap<>();
    private final Map<RegionNode, Boolean> towns = new HashMap<>();

    public static RegionTree buildFromResources() {
        return new RegionTreeBuilder().build();
    }

    RegionTree build() {
        RegionNode uk = new RegionNode("UK", Kind.COUNTRY, null);
        fixed.put("UK", uk);
        RegionNode england = fixedNode("England", Kind.NATION, uk);
        for (String area : List.of("London", "South East", "South West", "East of England")) {
            fixedNode(area, Kind.AREA, england);
        }
        RegionNode midlands = fixedNode("Midlands", Kind.AREA, england);
        fixedNode("West Midlands", Kind.SUBREGION, midlands);
        fixedNode("East Midlands", Kind.SUBREGION, midlands);
        RegionNode north = fixedNode("North of England", Kind.AREA, england);
        fixedNode("North West", Kind.SUBREGION, north);
        fixedNode("North East", Kind.SUBREGION, north);
        fixedNode("Yorkshire", Kind.SUBREGION, north);
        fixedNode("Scotland", Kind.NATION, uk);
        fixedNode("Wales", Kind.NATION, uk);
        fixedNode("Northern Ireland", Kind.NATION, uk);
        fixedNode("Isle of Man", Kind.NATION, uk);

        Map<String, RegionNode> authorityByKey = new HashMap<>();
        addAuthorities(authorityByKey);
        addPlaces(authorityByKey);

        number(uk, 1);
        assignSlugs(uk);
        List<RegionNode> all = new ArrayList<>();
        collect(uk, all);
        return new RegionTree(all, aliases, towns);
    }

    private RegionNode fixedNode(String name, Kind kind, RegionNode parent) {
        RegionNode n = new RegionNode(name, kind, parent);
        fixed.put(name, n);
        return n;
    }

    private void addAuthorities(Map<String, RegionNode> byKey) {
        List<List<String>> rows = readCsv("geography/local-authorities.csv");
        List<String> header = rows.get(0);
        int code = header.indexOf("local-authority-code");
        int nice = header.indexOf("nice-name");
        int official = header.indexOf("official-name");
        int region = header.indexOf("region");
        int type = header.indexOf("local-authority-type");
        int county = header.indexOf("county-la");
        int alt = header.indexOf("alt-names");
        int current = header.indexOf("current-authority");
        Map<String, RegionNode> byCode = new HashMap<>();
        List<List<String>> districts = new ArrayList<>();
        // A county lies in the region of its districts: the file puts Lincolnshire County, alone of its
        // districts, in Yorkshire and The Humber.
        Map<String, Map<String, Integer>> districtRegions = new HashMap<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            if ("NMD".equals(r.get(type)) && !r.get(region).isEmpty()) {
                districtRegions.computeIfAbsent(r.get(county), k -> new HashMap<>()).merge(r.get(region), 1, Integer::sum);
            }
        }
        // Current upper-tier authorities first, then the abolished ones the 2010 gazetteer still names.
        for (boolean currentPass : new boolean[] {true, false}) {
            for (List<String> r : rows.subList(1, rows.size())) {
                boolean isCurrent = "True".equals(r.get(current));
                if (isCurrent != currentPass) {
                    continue;
                }
                if ("NMD".equals(r.get(type))) {
                    if (isCurrent) {
                        districts.add(r);
                    }
                    continue;
                }
                if (!UPPER_TIER.contains(r.get(type))) {
                    continue;
                }
                String csvRegion = r.get(region).isEmpty() ? ABOLISHED_WITHOUT_REGION.get(r.get(nice)) : r.get(region);
                Map<String, Integer> ofDistricts = districtRegions.get(r.get(code));
                if ("CTY".equals(r.get(type)) && ofDistricts != null) {
                    csvRegion = java.util.Collections.max(ofDistricts.entrySet(), Map.Entry.comparingByValue()).getKey();
                }
                RegionNode parent = fixed.get(REGION_OF_CSV_REGION.get(csvRegion));
                if (parent == null) {
                    throw new IllegalStateException("No region for authority " + r.get(nice) + ": " + r.get(region));
                }
                String name = r.get(nice).replaceFirst(" County$", "");
                String key = Names.key(name);
                RegionNode node = byKey.get(key);
                if (node == null) {
                    node = new RegionNode(name, Kind.AUTHORITY, parent);
                    byKey.put(key, node);
                }
                byCode.putIfAbsent(r.get(code), node);
                addAliases(node, byKey, r.get(official), r.get(alt));
            }
        }
        for (List<String> r : districts) {
            RegionNode parent = byCode.get(r.get(county));
            if (parent == null) {
                parent = fixed.get(REGION_OF_CSV_REGION.get(r.get(region)));
            }
            String name = r.get(nice);
            String key = Names.key(name);
            RegionNode node = byKey.get(key);
            if (node == null) {
                node = new RegionNode(name, Kind.DISTRICT, parent);
                byKey.put(key, node);
            }
            addAliases(node, byKey, r.get(official), r.get(alt));
        }
        // "Lincolnshire" is an other name of North Lincolnshire too; the county's own name must win.
        altNames.forEach(byKey::putIfAbsent);
    }

    /** Other names of authorities; they may name an authority only once every own name has claimed its node. */
    private final Map<String, RegionNode> altNames = new HashMap<>();

    private void addAliases(RegionNode node, Map<String, RegionNode> byKey, String official, String alt) {
        Set<String> names = aliases.computeIfAbsent(node, n -> new HashSet<>());
        names.add(Names.key(node.name));
        names.add(Names.key(official.replaceAll("(?i)\\b(borough|district|county|city|metropolitan)? ?council$", "")));
        for (String a : alt.split(",")) {
            if (!a.isBlank()) {
                String key = Names.key(a);
                names.add(key);
                altNames.putIfAbsent(key, node);
            }
        }
    }

    private void addPlaces(Map<String, RegionNode> authorityByKey) {
        Map<String, RegionNode> areaCache = new HashMap<>();
        Map<RegionNode, Map<String, RegionNode>> childrenByKey = new HashMap<>();
        try (BufferedReader in = reader("geography/os-strategi-places.txt")) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split("\\*");
                if (f.length < 2 || f[0].isBlank()) {
                    continue;
                }
                RegionNode area = areaCache.computeIfAbsent(f[1], a -> authorityForAdminArea(a, authorityByKey));
                boolean town = Names.isAllUpper(f[0]);
                String name = town ? Names.titleCase(f[0]) : f[0];
                String key = Names.key(name);
                RegionNode ancestor = namedAncestor(area, key);
                if (ancestor != null) {
                    aliases.computeIfAbsent(ancestor, n -> new HashSet<>()).add(key);
                    continue;
                }
                Map<String, RegionNode> siblings = childrenByKey.computeIfAbsent(area, a -> {
                    Map<String, RegionNode> m = new HashMap<>();
                    for (RegionNode c : a.children) {
                        m.put(Names.key(c.name), c);
                    }
                    return m;
                });
                RegionNode existing = siblings.get(key);
                if (existing != null) {
                    // A district and its main town share a name: one node, the more specific kind of name wins.
                    towns.merge(existing, town, Boolean::logicalOr);
                    continue;
                }
                RegionNode node = new RegionNode(name, town ? Kind.TOWN : Kind.VILLAGE, area);
                siblings.put(key, node);
                towns.put(node, town);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RegionNode namedAncestor(RegionNode node, String key) {
        for (RegionNode n = node; n != null; n = n.parent) {
            if (Names.key(n.name).equals(key)) {
                return n;
            }
        }
        return null;
    }

    /** "LEICESTERSHIRE COUNTY", "CITY OF DERBY", "POWYS/POWYS", "RHONDDA,CYNON,TAFF/..." to their authority. */
    private RegionNode authorityForAdminArea(String adminArea, Map<String, RegionNode> byKey) {
        String name = adminArea.contains("/") ? adminArea.substring(0, adminArea.indexOf('/')) : adminArea;
        if (name.equals("ISLE OF MAN")) {
            return fixed.get("Isle of Man");
        }
        if (name.equals("CITY AND COUNTY OF THE CITY OF LONDON")) {
            name = "CITY OF LONDON";
        }
        List<String> tries = new ArrayList<>();
        String key = Names.key(name);
        tries.add(key);
        tries.add(key.replaceFirst(" county$", ""));
        tries.add(key.replaceFirst("^city of ", ""));
        tries.add(key.replaceFirst("^county of ", ""));
        tries.add(key.replaceFirst(" city$", ""));
        tries.add(key.replace(",", " ").replace("taff", "taf"));
        for (String t : tries) {
            RegionNode n = byKey.get(t);
            if (n != null) {
                return n;
            }
        }
        throw new IllegalStateException("The gazetteer's admin area " + adminArea + " matches no local authority");
    }

    private static int number(RegionNode node, int next) {
        node.lft = next++;
        node.children.sort(Comparator.comparing((RegionNode c) -> c.name.toLowerCase(Locale.ROOT)).thenComparing(c -> c.name));
        for (RegionNode c : node.children) {
            next = number(c, next);
        }
        node.rgt = next++;
        return next;
    }

    /** Slugs are unique: broader regions keep the plain slug, a later namesake is qualified by its parent. */
    private static void assignSlugs(RegionNode root) {
        List<RegionNode> all = new ArrayList<>();
        collect(root, all);
        all.sort(Comparator.comparingInt((RegionNode n) -> n.depth).thenComparingInt(n -> n.lft));
        Set<String> used = new HashSet<>();
        for (RegionNode n : all) {
            String base = Names.slug(n.name);
            String slug = used.contains(base) ? base + "-" + n.parent.slug : base;
            for (int i = 2; used.contains(slug); i++) {
                slug = base + "-" + n.parent.slug + "-" + i;
            }
            used.add(slug);
            n.slug = slug;
        }
    }

    private static void collect(RegionNode node, List<RegionNode> out) {
        out.add(node);
        for (RegionNode c : node.children) {
            collect(c, out);
        }
    }

    static List<List<String>> readCsv(String resource) {
        try (BufferedReader in = reader(resource)) {
            Csv csv = new Csv(in, Integer.MAX_VALUE);
            List<List<String>> rows = new ArrayList<>();
            for (List<String> r = csv.next(); r != null; r = csv.next()) {
                rows.add(r);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedReader reader(String resource) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing resource " + resource);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
