package io.jobstats.reference;

import java.util.List;

/** A term of the taxonomy as held in memory; {@code patterns} are the forms matched in ads. */
public record Term(int id, String name, String slug, String category, List<String> aliases, List<Pattern> patterns) {

    public static final String JOB_TITLES = "Job Titles";

    public boolean isRole() {
        return JOB_TITLES.equals(category);
    }

    /** A role's seniority from its name; null for a skill or a role whose name states none. */
    public Seniority seniority() {
        return isRole() ? Seniority.of(name) : null;
    }

    /**
     * A form of the term as an ad writes it. {@code caseSensitive} forms (a leading {@code !} in the taxonomy file)
     * match only as written; {@code context} says what else an ad must show for a match to count.
     */
    public record Pattern(String text, boolean caseSensitive, Context context) {
    }

    /**
     * When a skill form found in an ad's text counts. Words that are also ordinary English, or name a sector rather
     * than an IT skill, count only with supporting context, so "Chef de Partie" does not feature the skill Chef nor
     * "Retail Sales Assistant" the sectors Retail and Sales.
     */
    public enum Context {
        /** Always: the form only ever means the term. */
        NONE,
        /**
         * A leading {@code ?}: only in an IT ad, one whose title names a role or whose text features at least
         * {@link Taxonomy#IT_AD_SKILLS} skills found without context ("Retail", "Sales", "Law").
         */
        IT_AD,
        /**
         * A leading {@code ??}: only beside a skill found without context, within {@link Taxonomy#NEAR_CHARS}
         * characters of it in the same text ("Python, Go and Rust"; "Chef or Ansible"), or in a title that names a
         * role ("Go Developer").
         */
        NEAR_SKILL
    }
}
