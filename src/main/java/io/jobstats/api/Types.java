package io.jobstats.api;

import io.jobstats.geography.RegionNode;
import io.jobstats.taxonomy.Term;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Interface;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.LocalDate;
import java.util.List;

/** The GraphQL output and input types that are plain data. */
public final class Types {

    private Types() {
    }

    @Interface
    @Name("Term")
    @Description("Something an ad can feature: a role (category Job Titles) or a skill.")
    public interface TermType {
        @Ignore
        Term term();

        @NonNull String getName();

        @NonNull String getSlug();

        @NonNull Category getCategory();

        @NonNull List<@NonNull String> getAliases();

        static TermType of(Term t) {
            return t.isRole() ? new Role(t) : new Skill(t);
        }
    }

    // Role and Skill spell out the same four getters: SmallRye GraphQL reads fields neither from an interface's
    // default methods nor without listing a shared base class as a schema type of its own.
    @Description("A normalised job title: a term of the Job Titles category.")
    public record Role(@Ignore Term term) implements TermType {
        @Override
        public @NonNull String getName() {
            return term.name();
        }

        @Override
        public @NonNull String getSlug() {
            return term.slug();
        }

        @Override
        public @NonNull Category getCategory() {
            return new Category(term.category());
        }

        @Override
        public @NonNull List<@NonNull String> getAliases() {
            return term.aliases();
        }
    }

    @Description("A skill, tool, method or qualification: a term of any category but Job Titles.")
    public record Skill(@Ignore Term term) implements TermType {
        @Override
        public @NonNull String getName() {
            return term.name();
        }

        @Override
        public @NonNull String getSlug() {
            return term.slug();
        }

        @Override
        public @NonNull Category getCategory() {
            return new Category(term.category());
        }

        @Override
        public @NonNull List<@NonNull String> getAliases() {
            return term.aliases();
        }
    }

    public record Category(@NonNull String name) {
    }

    @Description("A node of the region tree: UK > England > Midlands > West Midlands > Birmingham.")
    public static class Region {
        @Ignore
        final RegionNode node;

        public Region(RegionNode node) {
            this.node = node;
        }

        public @NonNull String getName() {
            return node.name;
        }

        public @NonNull String getSlug() {
            return node.slug;
        }

        public @NonNull RegionKind getKind() {
            return RegionKind.valueOf(node.kind.name());
        }

        @Description("0 for UK, 1 for a nation, and so on down.")
        public int getDepth() {
            return node.depth;
        }

        @Description("The regions above this one, UK first.")
        public @NonNull List<@NonNull Region> getPath() {
            java.util.LinkedList<Region> path = new java.util.LinkedList<>();
            for (RegionNode n = node.parent; n != null; n = n.parent) {
                path.addFirst(new Region(n));
            }
            return path;
        }

        public Region getParent() {
            return node.parent == null ? null : new Region(node.parent);
        }
    }

    public enum RegionKind { COUNTRY, NATION, AREA, SUBREGION, AUTHORITY, DISTRICT, TOWN, VILLAGE }

    public enum SalaryUnit { YEAR, DAY }

    @Description("An inclusive date range: start is the day after the same date `months` months before end.")
    public record PeriodOut(@NonNull LocalDate start, @NonNull LocalDate end, int months, @NonNull String label) {
    }

    @Name("PeriodInput")
    @Description("A period of whole months ending on a day. Defaults: end = the latest posted date held, months = 6.")
    public static class PeriodInput {
        public LocalDate end;
        public Integer months;
    }

    @Description("Salary percentiles (linear interpolation, PostgreSQL percentile_cont) over the valid salary points; "
            + "null when sampleSize is 0. Permanent figures are pounds a year, contract figures pounds a day.")
    public record Salary(int sampleSize, Double p10, Double p25, Double median, Double p75, Double p90,
                         @NonNull SalaryUnit unit, @NonNull String currency) {
    }

    public record Location(@NonNull Region region, int rank, Integer rankChange, int vacancies, Double median,
                           Double medianChange, int liveJobs) {
    }

    public record CoOccurrence(int rank, @NonNull TermType term, int count, double share) {
    }

    public record CategoryCoOccurrences(@NonNull Category category, @NonNull List<@NonNull CoOccurrence> skills) {
    }

    public record VacancyTrendPoint(@NonNull String month, int vacancies, int allVacancies, Double share) {
    }

    public record SalaryTrendPoint(@NonNull String month, int sampleSize, Double p10, Double median, Double p90) {
    }

    public record PageInfo(boolean hasNextPage, String endCursor) {
    }

    public record TermEdge(@NonNull String cursor, @NonNull TermType node) {
    }

    public record TermConnection(@NonNull List<@NonNull TermEdge> edges, @NonNull PageInfo pageInfo, int totalCount) {
    }
}
