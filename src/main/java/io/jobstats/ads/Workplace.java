package io.jobstats.ads;

import org.eclipse.microprofile.graphql.Description;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where an ad's job is done, read from its location, title and description (any case, whole words): the first rule
 * that any of the three matches. The ordinal is what the database stores; V8__workplace.sql classifies the ads held
 * before this existed with the same rules in SQL (WorkplaceTest holds the two to each other).
 * <p>
 * Examples: "Hybrid - Birmingham" and "3 days per week in the office" are HYBRID; "Remote (UK)" and "WFH" REMOTE;
 * "office-based in Leeds" ONSITE; "free parking on site" UNKNOWN.
 */
@Description("Where a job is done, as its ad says (docs/metrics.md).")
public enum Workplace {
    @Description("The ad says nothing of where the work is done.") UNKNOWN(null),
    @Description("In the office: \"on-site\", \"onsite\", \"office-based\".")
    ONSITE("\\b(?:on-site|onsite|office-based|office based)\\b", "site", "office"),
    @Description("Partly at home: \"hybrid\", or 1 to 4 days in the office.")
    HYBRID("\\bhybrid\\b|\\b(?:[1-4]|one|two|three|four)\\s+days?\\b(?:\\W+\\w+){0,3}?\\W+(?:in the office|in office|on-site|onsite)\\b",
            "hybrid", "day"),
    @Description("From anywhere: \"remote\", \"work from home\", \"WFH\".")
    REMOTE("\\b(?:remote|fully remote|work from home|working from home|wfh)\\b", "remote", "from home", "wfh");

    /** The rules in the order they are tried. */
    private static final Workplace[] ORDER = {HYBRID, REMOTE, ONSITE};

    /** Over lower-cased text: matching without CASE_INSENSITIVE is several times faster on a long description. */
    private final Pattern words;
    /** Text that any match contains: a rule whose anchors are all absent is not tried at all. */
    private final String[] anchors;

    Workplace(String words, String... anchors) {
        this.words = words == null ? null : Pattern.compile(words);
        this.anchors = anchors;
    }

    public short code() {
        return (short) ordinal();
    }

    public static Workplace of(String location, String title, String description) {
        String[] texts = {lower(location), lower(title), lower(description)};
        for (Workplace w : ORDER) {
            for (String text : texts) {
                if (w.in(text)) {
                    return w;
                }
            }
        }
        return UNKNOWN;
    }

    private static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    private boolean in(String text) {
        if (text == null) {
            return false;
        }
        for (String anchor : anchors) {
            if (text.contains(anchor)) {
                return words.matcher(text).find();
            }
        }
        return false;
    }
}
