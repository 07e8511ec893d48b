package io.jobstats.reference;

import io.jobstats.text.Names;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The region tree in memory and the gazetteer over it: turns an advertised location into the most specific
 * region it names. Immutable once built, so ingestion threads share it freely.
 */
public final class RegionTree {

    /** How an advertised location resolved. {@code resolved} is false when nothing in it named a place. */
    public record Resolution(RegionNode region, boolean resolved, boolean remote, boolean hybrid) {
    }

    private static final Pattern POSTCODE = Pattern.compile(
            "(?<![A-Za-z0-9])([A-Za-z]{1,2})([0-9][0-9A-Za-z]?)(?:\\s*([0-9][A-Za-z]{2}))?(?![A-Za-z0-9])");
    private static final Pattern REMOTE = Pattern.compile(
            "\\b(remote|remotely|home[ -]based|work from home|wfh|fully remote|anywhere)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern HYBRID = Pattern.compile("\\bhybrid\\b", Pattern.CASE_INSENSITIVE);
    /** Words of a location that name no place even where a hamlet happens to carry them. */
    private static final Set<String> NOT_PLACES = Set.of("remote", "remotely", "hybrid", "home", "based", "office",
            "offices", "city", "centre", "center", "area", "region", "working", "work", "from", "wfh", "anywhere",
            "with", "travel", "flexible", "site", "on", "and", "or", "the", "of", "in", "near", "county", "town");
    private static final int MAX_SPAN = 6;
    /** Where a location's parts divide: "Nottingham, East Midlands", "Hybrid - Birmingham", "Remote (UK)". */
    private static final Pattern SEGMENTS = Pattern.compile("[,;/|()\\[\\]]|\\s-\\s|\\s+–\\s+");

    private final List<RegionNode> nodes;
    private final RegionNode root;
    private final Map<String, List<RegionNode>> byName = new HashMap<>();
    private final Map<String, String> postcodeAreas = new HashMap<>();
    private final Map<RegionNode, Boolean> towns;
    /** Indexed by id and by lft, both dense small integers: arrays, as a page looks up a region per ad it reads. */
    private volatile RegionNode[] byId;
    private volatile RegionNode[] byPosition;
    private final Map<String, RegionNode> bySlug = new HashMap<>();

    RegionTree(List<RegionNode> nodes, Map<RegionNode, Set<String>> aliases, Map<RegionNode, Boolean> towns) {
        this.nodes = List.copyOf(nodes);
        this.root = nodes.get(0);
        this.towns = towns;
        for (RegionNode n : nodes) {
            bySlug.put(n.slug, n);
            index(Names.key(n.name), n);
            index(n.slug.replace('-', ' '), n);
        }
        aliases.forEach((n, keys) -> keys.forEach(k -> index(k, n)));
        readPairs("geography/aliases.txt").forEach((alias, target) -> {
            List<RegionNode> targets = byName.get(Names.key(target));
            if (targets == null) {
                throw new IllegalStateException("Alias " + alias + " names unknown region " + target);
            }
            index(Names.key(alias), best(targets));
        });
        readPairs("geography/postcode-areas.txt").forEach((area, town) -> {
            if (!byName.containsKey(Names.key(town))) {
                throw new IllegalStateException("Postcode area " + area + " names unknown place " + town);
            }
            postcodeAreas.put(area.toUpperCase(Locale.ROOT), Names.key(town));
        });
        byName.replaceAll((k, v) -> List.copyOf(v));
    }

    public RegionNode root() {
        return root;
    }

    public List<RegionNode> nodes() {
        return nodes;
    }

    /** By database id; the ids are set by ReferenceData before the tree is published. */
    public RegionNode byId(int id) {
        if (byId == null) {
            byId = indexBy(n -> n.id);
        }
        return at(byId, id);
    }

    /** By nested-set position (an ad's region_pos is its region's lft). */
    public RegionNode byPosition(int lft) {
        if (byPosition == null) {
            byPosition = indexBy(n -> n.lft);
        }
        return at(byPosition, lft);
    }

    /**
     * The child of {@code parent} whose range holds the position (an ad's region_pos); null for the parent's own
     * position or one outside it.
     */
    public RegionNode childAt(RegionNode parent, int position) {
        RegionNode n = byPosition(position);
        while (n != null && n.parent != parent) {
            n = n.parent;
        }
        return n;
    }

    private RegionNode[] indexBy(java.util.function.ToIntFunction<RegionNode> key) {
        RegionNode[] index = new RegionNode[nodes.stream().mapToInt(key).max().orElse(0) + 1];
        nodes.forEach(n -> index[key.applyAsInt(n)] = n);
        return index;
    }

    private static RegionNode at(RegionNode[] index, int key) {
        return key >= 0 && key < index.length ? index[key] : null;
    }

    /** By slug, exactly. */
    public RegionNode bySlug(String slug) {
        return bySlug.get(slug);
    }

    /** Candidate regions for a name (any case, slug, alias), broadest and largest first. */
    public List<RegionNode> lookup(String name) {
        List<RegionNode> c = byName.get(Names.key(name));
        if (c == null) {
            return List.of();
        }
        List<RegionNode> sorted = new ArrayList<>(c);
        sorted.sort((a, b) -> Integer.compare(preference(b), preference(a)) != 0
                ? Integer.compare(preference(b), preference(a)) : Integer.compare(a.lft, b.lft));
        return sorted;
    }

    /**
     * Resolves an advertised location: every span of up to six words that names a region or holds a postcode is
     * a clue; the answer is the deepest clue that agrees (as ancestor or descendant) with the most other clues.
     * A location naming no place at all resolves to UK, flagged unresolved unless it only said remote/hybrid.
     */
    public Resolution resolve(String location) {
        boolean remote = REMOTE.matcher(location).find();
        boolean hybrid = HYBRID.matcher(location).find();
        List<List<RegionNode>> clues = new ArrayList<>();
        Matcher pc = POSTCODE.matcher(location);
        StringBuilder rest = new StringBuilder();
        int last = 0;
        while (pc.find()) {
            String town = postcodeAreas.get(pc.group(1).toUpperCase(Locale.ROOT));
            if (town != null) {
                clues.add(byName.get(town));
                rest.append(location, last, pc.start()).append(" , ");
                last = pc.end();
            }
        }
        rest.append(location.substring(last));
        for (String segment : SEGMENTS.split(rest)) {
            collectSpans(Names.key(segment), clues);
        }
        if (clues.isEmpty()) {
            return new Resolution(root, remote || hybrid, remote, hybrid);
        }
        RegionNode best = null;
        int bestScore = Integer.MIN_VALUE;
        for (List<RegionNode> clue : clues) {
            for (RegionNode candidate : clue) {
                int agreeing = 0;
                for (List<RegionNode> other : clues) {
                    if (other == clue) {
                        continue;
                    }
                    for (RegionNode o : other) {
                        if (o.contains(candidate) || candidate.contains(o)) {
                            agreeing++;
                            break;
                        }
                    }
                }
                int score = agreeing * 1_000_000 + preference(candidate) * 100 + candidate.depth;
                if (score > bestScore) {
                    best = candidate;
                    bestScore = score;
                }
            }
        }
        // The deepest clue that agrees with the chosen one is the most specific statement of the location.
        RegionNode answer = best;
        for (List<RegionNode> clue : clues) {
            for (RegionNode c : clue) {
                if (answer.contains(c) && c.depth > answer.depth) {
                    answer = c;
                }
            }
        }
        return new Resolution(answer, true, remote, hybrid);
    }

    private void collectSpans(String key, List<List<RegionNode>> clues) {
        if (key.isEmpty()) {
            return;
        }
        String[] words = key.split(" ");
        int i = 0;
        while (i < words.length) {
            int taken = 0;
            for (int len = Math.min(MAX_SPAN, words.length - i); len >= 1; len--) {
                if (len == 1 && NOT_PLACES.contains(words[i])) {
                    break;
                }
                String span = String.join(" ", java.util.Arrays.asList(words).subList(i, i + len));
                List<RegionNode> c = byName.get(span);
                if (c != null) {
                    clues.add(c);
                    taken = len;
                    break;
                }
            }
            i += Math.max(taken, 1);
        }
    }

    /** Broader and bigger places are the likelier reading of an ambiguous name. */
    private int preference(RegionNode n) {
        return switch (n.kind) {
            case COUNTRY, NATION, AREA, SUBREGION -> 6;
            case AUTHORITY -> 5;
            case DISTRICT -> Boolean.TRUE.equals(towns.get(n)) ? 5 : 4;
            case TOWN -> 3;
            case VILLAGE -> 1;
        };
    }

    private RegionNode best(List<RegionNode> candidates) {
        return Collections.max(candidates, (a, b) -> preference(a) != preference(b)
                ? Integer.compare(preference(a), preference(b)) : Integer.compare(b.lft, a.lft));
    }

    private void index(String key, RegionNode n) {
        if (key.isEmpty()) {
            return;
        }
        List<RegionNode> list = byName.computeIfAbsent(key, k -> new ArrayList<>());
        if (!list.contains(n)) {
            list.add(n);
        }
    }

    private static Map<String, String> readPairs(String resource) {
        Map<String, String> pairs = new java.util.LinkedHashMap<>();
        try (BufferedReader in = RegionTreeBuilder.reader(resource)) {
            String line;
            while ((line = in.readLine()) != null) {
                int eq = line.indexOf('=');
                if (line.isBlank() || line.startsWith("#") || eq < 0) {
                    continue;
                }
                pairs.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pairs;
    }
}
