package io.jobstats.reference;

import java.util.List;

/** A term of the taxonomy as held in memory; {@code patterns} are the forms matched in ads. */
public record Term(int id, String name, String slug, String category, List<String> aliases, List<Pattern> patterns) {

    public static final String JOB_TITLES = "Job Titles";

    public boolean isRole() {
        return JOB_TITLES.equals(category);
    }

    public record Pattern(String text, boolean caseSensitive) {
    }
}
