package io.jobstats.reference;

import io.jobstats.text.Names;
import io.jobstats.text.TermMatcher;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The taxonomy in memory: look-up by name, slug or alias; the skills an ad's text features; the role its title
 * names. Immutable and shared by the ingestion threads.
 */
public final class Taxonomy {

    /** How many skills found without context make an ad without a recognised title an IT ad. */
    public static final int IT_AD_SKILLS = 2;

    /** How close, in characters, a skill found without context must be for a NEAR_SKILL form to count. */
    public static final int NEAR_CHARS = 60;

    private static final Pattern TITLE_SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}#+.]+");

    private final String version;
    private final List<Term> terms;
    private final List<String> categories;
    private final Map<Integer, Term> byId = new HashMap<>();
    private final Map<String, Term> byKey = new HashMap<>();
    private final Map<String, Term> bySlug = new HashMap<>();
    private final TermMatcher skillMatcher;
    private final TermMatcher roleMatcher;
    /** Per skill pattern number (the skill matcher's ids): its term id and its context. */
    private final int[] patternTerm;
    private final Term.Context[] patternContext;

    public Taxonomy(String version, List<String> categories, List<Term> terms) {
        this.version = version;
        this.categories = List.copyOf(categories);
        this.terms = List.copyOf(terms);
        TermMatcher.Builder skills = TermMatcher.builder();
        TermMatcher.Builder roles = TermMatcher.builder();
        for (Term t : terms) {
            byId.put(t.id(), t);
            bySlug.put(t.slug(), t);
            byKey.putIfAbsent(lookupKey(t.name()), t);
            byKey.putIfAbsent(t.slug(), t);
        }
        List<Integer> patternTerms = new ArrayList<>();
        List<Term.Context> patternContexts = new ArrayList<>();
        for (Term t : terms) {
            for (String a : t.aliases()) {
                byKey.putIfAbsent(lookupKey(a), t);
            }
            for (Term.Pattern p : t.patterns()) {
                if (t.isRole()) {
                    roles.add(titleKey(p.text()), t.id(), false);
                } else {
                    skills.add(p.text(), patternTerms.size(), p.caseSensitive());
                    patternTerms.add(t.id());
                    patternContexts.add(p.context());
                }
            }
        }
        this.patternTerm = patternTerms.stream().mapToInt(Integer::intValue).toArray();
        this.patternContext = patternContexts.toArray(Term.Context[]::new);
        this.skillMatcher = skills.build();
        this.roleMatcher = roles.build();
    }

    public String version() {
        return version;
    }

    public List<Term> terms() {
        return terms;
    }

    public List<String> categories() {
        return categories;
    }

    public Term byId(int id) {
        return byId.get(id);
    }

    /** A term by its exact slug (global ids name terms by slug); null when none. */
    public Term bySlug(String slug) {
        return bySlug.get(slug);
    }

    /** A term by its name, slug or an alias, in any case; null when none. */
    public Term lookup(String nameSlugOrAlias) {
        if (nameSlugOrAlias == null) {
            return null;
        }
        Term t = byKey.get(lookupKey(nameSlugOrAlias));
        return t != null ? t : byKey.get(nameSlugOrAlias.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * Adds to {@code found} the ids of the skills (non-role terms) an ad features in its title and text. A form
     * marked with a {@link Term.Context} counts only with that context; {@code titleNamesRole} says whether the
     * title names a role ({@link #role}).
     */
    public void findSkills(String title, String description, boolean titleNamesRole, BitSet found) {
        List<int[]> inTitle = matches(title);
        List<int[]> inText = matches(description);
        BitSet plain = new BitSet();
        for (List<int[]> matches : List.of(inTitle, inText)) {
            for (int[] m : matches) {
                if (patternContext[m[0]] == Term.Context.NONE) {
                    plain.set(patternTerm[m[0]]);
                }
            }
        }
        found.or(plain);
        boolean itAd = titleNamesRole || plain.cardinality() >= IT_AD_SKILLS;
        for (List<int[]> matches : List.of(inTitle, inText)) {
            boolean roleTitle = matches == inTitle && titleNamesRole;
            for (int[] m : matches) {
                boolean counts = switch (patternContext[m[0]]) {
                    case NONE -> false;
                    case IT_AD -> itAd;
                    case NEAR_SKILL -> roleTitle || nearPlain(matches, m);
                };
                if (counts) {
                    found.set(patternTerm[m[0]]);
                }
            }
        }
    }

    /** Each skill form found in the text: {pattern number, start, end}. */
    private List<int[]> matches(String text) {
        List<int[]> found = new ArrayList<>();
        if (text != null) {
            skillMatcher.find(text, (pattern, start, end) -> found.add(new int[] {pattern, start, end}));
        }
        return found;
    }

    /** Whether a form found without context lies within NEAR_CHARS of the match (overlapping counts). */
    private boolean nearPlain(List<int[]> matches, int[] m) {
        for (int[] o : matches) {
            if (patternContext[o[0]] == Term.Context.NONE
                    && Math.max(o[1] - m[2], m[1] - o[2]) <= NEAR_CHARS) {
                return true;
            }
        }
        return false;
    }

    /**
     * The role a job title names: the longest role form found in the normalised title, the earliest of equals.
     * "Jr. Back-End Developer (C#/.NET) - Hybrid" names Junior Backend Developer.
     */
    public Term role(String title) {
        if (title == null) {
            return null;
        }
        int[] best = {-1, -1, Integer.MAX_VALUE};
        roleMatcher.find(titleKey(title), (id, start, end) -> {
            int len = end - start;
            if (len > best[1] || (len == best[1] && start < best[2])) {
                best[0] = id;
                best[1] = len;
                best[2] = start;
            }
        });
        return best[0] < 0 ? null : byId.get(best[0]);
    }

    /** Case and punctuation folded the way a person would read a term name ("asp net core" for "ASP.NET Core"). */
    static String lookupKey(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT);
        return k.indexOf('#') >= 0 || k.indexOf('+') >= 0 || k.startsWith(".") ? k : Names.key(k);
    }

    /**
     * A title in one spelling: lower case, separators as spaces ("back-end", "back end" and "backend" agree),
     * abbreviations of seniority spelt out, and the '#', '+' and '.' that tell C#, C++ and .NET apart kept.
     */
    static String titleKey(String title) {
        String[] tokens = TITLE_SEPARATORS.split(title.toLowerCase(Locale.ROOT));
        List<String> words = new ArrayList<>(tokens.length);
        for (String w : tokens) {
            while (w.endsWith(".")) {
                w = w.substring(0, w.length() - 1);
            }
            if (w.isEmpty()) {
                continue;
            }
            switch (w) {
                case "jr", "jnr" -> words.add("junior");
                case "sr", "snr" -> words.add("senior");
                case "fullstack" -> { words.add("full"); words.add("stack"); }
                case "end" -> {
                    int last = words.size() - 1;
                    if (last >= 0 && (words.get(last).equals("back") || words.get(last).equals("front"))) {
                        words.set(last, words.get(last) + "end");
                    } else {
                        words.add(w);
                    }
                }
                default -> words.add(w);
            }
        }
        return String.join(" ", words);
    }
}
