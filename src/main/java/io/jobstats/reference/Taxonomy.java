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

    private static final Pattern TITLE_SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}#+.]+");

    private final String version;
    private final List<Term> terms;
    private final List<String> categories;
    private final Map<Integer, Term> byId = new HashMap<>();
    private final Map<String, Term> byKey = new HashMap<>();
    private final Map<String, Term> bySlug = new HashMap<>();
    private final TermMatcher skillMatcher;
    private final TermMatcher roleMatcher;

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
        for (Term t : terms) {
            for (String a : t.aliases()) {
                byKey.putIfAbsent(lookupKey(a), t);
            }
            for (Term.Pattern p : t.patterns()) {
                if (t.isRole()) {
                    roles.add(titleKey(p.text()), t.id(), false);
                } else {
                    skills.add(p.text(), t.id(), p.caseSensitive());
                }
            }
        }
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

    /** Adds to {@code found} the ids of the skills (non-role terms) that {@code text} features. */
    public void findSkills(CharSequence text, BitSet found) {
        if (text != null) {
            skillMatcher.find(text, (id, start, end) -> found.set(id));
        }
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
