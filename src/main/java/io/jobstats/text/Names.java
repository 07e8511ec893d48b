package io.jobstats.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Normal forms shared by the gazetteer, the taxonomy and the API's look-ups. */
public final class Names {

    private static final Set<String> SMALL_WORDS = Set.of("on", "upon", "under", "in", "the", "by", "de", "la",
            "le", "and", "of", "with", "next", "over", "at", "en", "cum", "super", "sub", "y", "yr", "a", "an");

    private static final Pattern MARKS = Pattern.compile("\\p{M}");

    private Names() {
    }

    /** Lower case, accents dropped, '&' as 'and', every run of other punctuation as one space. */
    public static String key(String s) {
        String n = Normalizer.isNormalized(s, Normalizer.Form.NFD) ? s
                : MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        n = n.toLowerCase(Locale.ROOT).replace("&", " and ");
        StringBuilder b = new StringBuilder(n.length());
        boolean space = true;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                b.append(c);
                space = false;
            } else if (c == '\'' || c == '\u2019') {
                // "King's Lynn" and "Kings Lynn" are one place.
            } else if (!space) {
                b.append(' ');
                space = true;
            }
        }
        int len = b.length();
        if (len > 0 && b.charAt(len - 1) == ' ') {
            b.setLength(len - 1);
        }
        return b.toString();
    }

    /** A URL-safe slug: "ASP.NET Core" gives "asp-net-core", "C#" gives "c-sharp", "C++" gives "c-plus-plus". */
    public static String slug(String s) {
        String n = s.replace("#", " sharp ").replace("+", " plus ");
        if (n.startsWith(".")) {
            n = "dot " + n.substring(1);
        }
        return key(n).replace(' ', '-');
    }

    /** "ROYAL LEAMINGTON SPA" gives "Royal Leamington Spa", "STOKE-ON-TRENT" gives "Stoke-on-Trent". */
    public static String titleCase(String upper) {
        StringBuilder b = new StringBuilder(upper.length());
        int wordStart = 0;
        for (int i = 0; i <= upper.length(); i++) {
            if (i == upper.length() || upper.charAt(i) == ' ' || upper.charAt(i) == '-' || upper.charAt(i) == '/') {
                String word = upper.substring(wordStart, i).toLowerCase(Locale.ROOT);
                boolean first = wordStart == 0;
                if (!word.isEmpty() && (first || !SMALL_WORDS.contains(word))) {
                    word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
                    int apostrophe = word.indexOf('\'');
                    if (apostrophe > 0 && apostrophe == 1 && word.length() > 2) {
                        // O'Brien style; "St. Mary's" stays lower after the apostrophe.
                        word = word.substring(0, 2) + Character.toUpperCase(word.charAt(2)) + word.substring(3);
                    }
                }
                b.append(word);
                if (i < upper.length()) {
                    b.append(upper.charAt(i));
                }
                wordStart = i + 1;
            }
        }
        return b.toString();
    }

    public static boolean isAllUpper(String s) {
        boolean letter = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                letter = true;
                if (Character.isLowerCase(c)) {
                    return false;
                }
            }
        }
        return letter;
    }
}
