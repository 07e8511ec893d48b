package io.jobstats.reference;

import org.eclipse.microprofile.graphql.Description;

import java.util.regex.Pattern;

/**
 * A role's seniority, read from its canonical name (whole words, any case), the first level whose words it contains:
 * "Junior Backend Developer" is JUNIOR, "Staff Software Engineer" LEAD, "Head of Engineering" HEAD, and
 * "Backend Developer", naming none, has no seniority.
 */
@Description("A role's level, read from its name (docs/metrics.md).")
public enum Seniority {
    @Description("Graduate, Trainee, Apprentice or Intern.") GRADUATE("graduate|trainee|apprentice|intern"),
    @Description("Junior or Entry-Level.") JUNIOR("junior|entry[- ]level"),
    @Description("Mid-Level or Intermediate.") MID("mid[- ]level|intermediate"),
    @Description("Senior.") SENIOR("senior"),
    @Description("Lead or Staff.") LEAD("lead|staff"),
    @Description("Principal.") PRINCIPAL("principal"),
    @Description("Head of, Director or Chief.") HEAD("head of|director|chief");

    private final Pattern words;

    Seniority(String words) {
        this.words = Pattern.compile("\\b(?:" + words + ")\\b", Pattern.CASE_INSENSITIVE);
    }

    /** The seniority a role's name states; null when it states none. */
    public static Seniority of(String roleName) {
        for (Seniority s : values()) {
            if (s.words.matcher(roleName).find()) {
                return s;
            }
        }
        return null;
    }
}
