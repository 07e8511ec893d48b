package io.jobstats.api;

import io.jobstats.market.SalaryPoints;
import io.jobstats.reference.RegionNode;
import io.jobstats.reference.Seniority;
import io.jobstats.reference.Term;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Interface;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.LocalDate;
import java.util.LinkedList;
import java.util.List;
import java.util.function.Supplier;

/** The GraphQL output and input types that are plain data. */
public final class Types {

    private Types() {
    }

    @Interface
    @Name("Term")
    @Description("Something an ad can feature: a role (a term of the category Job Titles) or a skill (any other).")
    public interface TermType extends Node {
        @Ignore
        Term term();

        // SmallRye reads a field's description from the implementing method: Role and Skill repeat these.
        String NAME = "The term's name as the site shows it, e.g. \"C#\" or \"Junior Backend Developer\".";
        String SLUG = "The name in URL form, e.g. \"c-sharp\"; unique among terms, stable across releases.";
        String CATEGORY = "The category the term belongs to.";
        String ALIASES = "Other spellings an ad may use for the term; each finds it in term(name:).";

        @Description(NAME)
        @NonNull String getName();

        @Description(SLUG)
        @NonNull String getSlug();

        @Description(CATEGORY)
        @NonNull Category getCategory();

        @Description(ALIASES)
        @NonNull List<@NonNull String> getAliases();

        static TermType of(Term t) {
            return t.isRole() ? new Role(t) : new Skill(t);
        }
    }

    // Role and Skill spell out the same getters: SmallRye GraphQL reads fields neither from an interface's
    // default methods nor without listing a shared base class as a schema type of its own.
    @Description("A normalised job title: a term of the Job Titles category.")
    public record Role(@Ignore Term term) implements TermType {
        @Override
        @Description(Node.ID)
        public @Id @NonNull String getId() {
            return NodeId.of("Role", term.slug());
        }

        @Override
        @Description(TermType.NAME)
        public @NonNull String getName() {
            return term.name();
        }

        @Override
        @Description(TermType.SLUG)
        public @NonNull String getSlug() {
            return term.slug();
        }

        @Override
        @Description(TermType.CATEGORY)
        public @NonNull Category getCategory() {
            return new Category(term.category());
        }

        @Override
        @Description(TermType.ALIASES)
        public @NonNull List<@NonNull String> getAliases() {
            return term.aliases();
        }

        @Description("The level the role's name states (\"Junior Backend Developer\": JUNIOR); null when it states none.")
        public Seniority getSeniority() {
            return term.seniority();
        }
    }

    @Description("A skill, tool, method or qualification: a term of any category but Job Titles.")
    public record Skill(@Ignore Term term) implements TermType {
        @Override
        @Description(Node.ID)
        public @Id @NonNull String getId() {
            return NodeId.of("Skill", term.slug());
        }

        @Override
        @Description(TermType.NAME)
        public @NonNull String getName() {
            return term.name();
        }

        @Override
        @Description(TermType.SLUG)
        public @NonNull String getSlug() {
            return term.slug();
        }

        @Override
        @Description(TermType.CATEGORY)
        public @NonNull Category getCategory() {
            return new Category(term.category());
        }

        @Override
        @Description(TermType.ALIASES)
        public @NonNull List<@NonNull String> getAliases() {
            return term.aliases();
        }
    }

    @Description("A group of terms: Job Titles, Programming Languages, Cloud Services and so on.")
    public record Category(@Ignore String categoryName) implements Node {
        @Override
        @Description(Node.ID)
        public @Id @NonNull String getId() {
            return NodeId.of("Category", categoryName);
        }

        @Description("The category's name, e.g. \"Programming Languages\".")
        public @NonNull String getName() {
            return categoryName;
        }
    }

    @Description("A node of the region tree: UK > England > Midlands > West Midlands > Birmingham.")
    public static class Region implements Node {
        @Ignore
        final RegionNode node;

        public Region(RegionNode node) {
            this.node = node;
        }

        @Override
        @Description(Node.ID)
        public @Id @NonNull String getId() {
            return NodeId.of("Region", node.slug);
        }

        @Description("The region's name, e.g. \"West Midlands\".")
        public @NonNull String getName() {
            return node.name;
        }

        @Description("The name in URL form, e.g. \"west-midlands\"; unique in the tree, accepted wherever a region is asked for.")
        public @NonNull String getSlug() {
            return node.slug;
        }

        @Description("What kind of place this is.")
        public @NonNull RegionKind getKind() {
            return RegionKind.valueOf(node.kind.name());
        }

        @Description("0 for UK, 1 for a nation, and so on down.")
        public int getDepth() {
            return node.depth;
        }

        @Description("The regions above this one, UK first; empty for UK.")
        public @NonNull List<@NonNull Region> getPath() {
            LinkedList<Region> path = new LinkedList<>();
            for (RegionNode n = node.parent; n != null; n = n.parent) {
                path.addFirst(new Region(n));
            }
            return path;
        }

        @Description("The region directly above this one; null for UK.")
        public Region getParent() {
            return node.parent == null ? null : new Region(node.parent);
        }
    }

    @Description("The levels of the region tree, from the country down.")
    public enum RegionKind {
        @Description("The United Kingdom: the root of the tree.") COUNTRY,
        @Description("England, Scotland, Wales or Northern Ireland.") NATION,
        @Description("A group of English regions, such as the Midlands or the North of England.") AREA,
        @Description("An English region or a part of a nation, such as the West Midlands.") SUBREGION,
        @Description("A local authority, such as Birmingham.") AUTHORITY,
        @Description("A district within a county authority.") DISTRICT,
        @Description("A town within an authority (Ordnance Survey gazetteer).") TOWN,
        @Description("A village or smaller place within an authority (Ordnance Survey gazetteer).") VILLAGE
    }

    @Description("What a salary figure is counted in.")
    public enum SalaryUnit {
        @Description("Per year: permanent roles.") YEAR,
        @Description("Per day: contract roles.") DAY
    }

    @Name("PeriodInput")
    @Description("A period of whole months ending on a day. Defaults: end = the latest posted date held, months = 6.")
    public static class PeriodInput {
        @Description("The last day of the period; default: the latest posted date held.")
        public LocalDate end;
        @Description("The period's length in months, 1 to 60; default 6.")
        public Integer months;
    }

    @Description("Salary percentiles (linear interpolation, PostgreSQL percentile_cont) over the valid salary points; "
            + "null when sampleSize is 0. Permanent figures are pounds a year, contract figures pounds a day.")
    public record Salary(
            @Description("How many salary points the percentiles are taken over.") int sampleSize,
            @Description("The 10th percentile; null when sampleSize is 0.") Double p10,
            @Description("The 25th percentile; null when sampleSize is 0.") Double p25,
            @Description("The median (50th percentile); null when sampleSize is 0.") Double median,
            @Description("The 75th percentile; null when sampleSize is 0.") Double p75,
            @Description("The 90th percentile; null when sampleSize is 0.") Double p90,
            @Description("Per year (permanent) or per day (contract).") @NonNull SalaryUnit unit,
            @Description("ISO 4217 code of the currency: always GBP.") @NonNull String currency,
            @Ignore Supplier<SalaryPoints> points) {
    }

    @Description("A band of a salary histogram: the points p with low <= p < high.")
    public record SalaryBand(
            @Description("The band's lower bound, a whole multiple of its width.") double low,
            @Description("The next band's lower bound.") double high,
            @Description("Salary points in the band.") int count) {
    }

    @Description("A 95% confidence interval of the median, distribution-free from order statistics: of the n points "
            + "sorted, x(j) to x(k) with j = max(1, floor(n/2 - 0.98 sqrt n)) and k = min(n, ceil(n/2 + 1 + 0.98 sqrt n)).")
    public record MedianInterval(
            @Description("x(j): the interval's lower end.") double low,
            @Description("x(k): the interval's upper end.") double high) {
    }

    @Description("The ads of a scope featuring a term whose role has one seniority.")
    public record SeniorityFigures(
            @Description("The roles' seniority.") @NonNull Seniority seniority,
            @Description("Ads featuring the term whose role has this seniority.") int vacancies,
            @Description("How many of them quote a valid salary: the median's sample size.") int salariesQuoted,
            @Description("The median of their salary points; null when salariesQuoted is 0.") Double median) {
    }

    @Description("A term's figures in one child region (one level down) of the market's region: the site's locations table.")
    public record Location(
            @Description("The child region.") @NonNull Region region,
            @Description("The term's rank among all terms in the child region, as TermMarket.rank.") int rank,
            @Description("The term's rank in the child one year earlier minus its rank now; null when it had no ads then.") Integer rankChange,
            @Description("Ads featuring the term in the child region and period.") int vacancies,
            @Description("The median of those ads' salary points; null when none has one.") Double median,
            @Description("(median - median one year earlier) / median one year earlier; null when either is null.") Double medianChange,
            @Description("Ads featuring the term in the child region open on the period's end.") int liveJobs) {
    }

    @Description("A skill featured with the term: in how many of the term's ads, and its place among them.")
    public record CoOccurrence(
            @Description("Dense rank by count, 1 for the most frequent.") int rank,
            @Description("The co-occurring term.") @NonNull TermType term,
            @Description("Ads of the universe featuring both terms.") int count,
            @Description("count / the term's vacancies.") double share,
            @Description("share / (the co-occurring term's vacancies / all ads of the universe): how much more often the "
                    + "two go together than if they were independent (1 = as often as chance). Null when the term has no "
                    + "vacancies.") Double lift) {
    }

    @Description("The skills of one category featured with the term.")
    public record CategoryCoOccurrences(
            @Description("The category.") @NonNull Category category,
            @Description("Its skills by count, then name, ranked densely within the category; up to perCategory of them.") @NonNull List<@NonNull CoOccurrence> skills) {
    }

    @Description("One calendar month of a vacancy trend.")
    public record VacancyTrendPoint(
            @Description("The month, YYYY-MM.") @NonNull String month,
            @Description("Ads featuring the term posted in the month.") int vacancies,
            @Description("All ads of the region and employment type posted in the month.") int allVacancies,
            @Description("vacancies / allVacancies; null when allVacancies is 0.") Double share) {
    }

    @Description("One calendar month of a salary trend: percentiles over the window months ending with it.")
    public record SalaryTrendPoint(
            @Description("The month, YYYY-MM.") @NonNull String month,
            @Description("Salary points in the window.") int sampleSize,
            @Description("The 10th percentile; null when sampleSize is 0.") Double p10,
            @Description("The median; null when sampleSize is 0.") Double median,
            @Description("The 90th percentile; null when sampleSize is 0.") Double p90) {
    }

    @Description("Where a page of a connection ends (Relay cursor connections).")
    public record PageInfo(
            @Description("Whether more items follow this page.") boolean hasNextPage,
            @Description("The last item's cursor: pass it as `after` for the next page; null for an empty page.") String endCursor) {
    }

    @Description("A row of the market index: a term's headline figures in the market's scope (TermMarket's fields of the "
            + "same names).")
    public record MarketIndexRow(
            @Description("The term.") @NonNull TermType term,
            @Description("1 + the number of terms featured by more ads of the universe.") int rank,
            @Description("Rank one year earlier minus rank now; null when the term had no ads then.") Integer rankChange,
            @Description("Ads of the universe featuring the term.") int vacancies,
            @Description("vacancies / all ads of the universe.") Double shareOfAllVacancies,
            @Description("Ads featuring the term with a valid salary point: the median's sample size.") int salariesQuoted,
            @Description("The median of their salary points; null when salariesQuoted is 0.") Double median,
            @Description("(median - median one year earlier) / median one year earlier; null when either is null.") Double medianChange,
            @Description("Ads featuring the term open on the period's end.") int liveJobs,
            @Description("Every figure of the term in the same scope.") @NonNull TermMarket market) {
    }

    @Description("A row of the market index with its cursor.")
    public record MarketIndexEdge(
            @Description("Opaque; pass it as `after` to start after this row.") @NonNull String cursor,
            @Description("The row.") @NonNull MarketIndexRow node) {
    }

    @Description("A page of the market index (a Relay cursor connection).")
    public record MarketIndexConnection(
            @Description("The page's rows with their cursors.") @NonNull List<@NonNull MarketIndexEdge> edges,
            @Description("Where the page ends.") @NonNull PageInfo pageInfo,
            @Description("How many rows match in all, over every page.") int totalCount) {
    }

    @Description("A term in a page of terms, with its cursor.")
    public record TermEdge(
            @Description("Opaque; pass it as `after` to start after this item.") @NonNull String cursor,
            @Description("The term.") @NonNull TermType node) {
    }

    @Description("A page of terms (a Relay cursor connection).")
    public record TermConnection(
            @Description("The page's terms with their cursors.") @NonNull List<@NonNull TermEdge> edges,
            @Description("Where the page ends.") @NonNull PageInfo pageInfo,
            @Description("How many terms match in all, over every page.") int totalCount) {
    }
}
