package io.jobstats.api;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import io.jobstats.database.Employment;
import io.jobstats.database.ReferenceData;
import io.jobstats.geography.RegionNode;
import io.jobstats.market.MarketService;
import io.jobstats.taxonomy.Term;
import io.jobstats.text.Names;
import io.smallrye.graphql.api.Context;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The read side of the API: terms, regions and their market figures. */
@GraphQLApi
public class MarketApi {

    private static final int MAX_YEARS = 20;

    @Inject
    ApiSupport support;

    @Inject
    MarketService market;

    @Inject
    ReferenceData reference;

    /** The request's GraphQL context: which fields the client selected, so prefetching starts only what they need. */
    @Inject
    Context context;

    @Query
    @Description("A role or skill by name, slug or alias (any case).")
    public Types.TermType term(@NonNull String name) {
        return Types.TermType.of(support.term(name, t -> true, "term"));
    }

    @Query
    @Description("A role (a term of the Job Titles category) by name, slug or alias.")
    public Types.Role role(@NonNull String name) {
        return (Types.Role) Types.TermType.of(support.term(name, Term::isRole, "role"));
    }

    @Query
    @Description("A skill (a term of any category but Job Titles) by name, slug or alias.")
    public Types.Skill skill(@NonNull String name) {
        return (Types.Skill) Types.TermType.of(support.term(name, t -> !t.isRole(), "skill"));
    }

    @Query
    @Description("Terms in name order, optionally of one category and matching a search, as a Relay connection.")
    public @NonNull Types.TermConnection terms(String category, String search, @DefaultValue("20") int first, String after) {
        if (first < 0 || first > 500) {
            throw new BadUserInputException("first", "first must be between 0 and 500, not " + first);
        }
        if (category != null && !reference.taxonomy().categories().contains(category)) {
            throw new NotFoundException("No category '" + category + "'",
                    ApiSupport.closest(category, reference.taxonomy().categories().stream()));
        }
        String needle = search == null ? null : Names.key(search);
        List<Term> matching = reference.taxonomy().terms().stream()
                .filter(t -> category == null || t.category().equals(category))
                .filter(t -> needle == null || Names.key(t.name()).contains(needle)
                        || t.aliases().stream().anyMatch(a -> Names.key(a).contains(needle)))
                .sorted(Comparator.comparing(Term::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
        int offset = after == null ? 0 : decodeCursor(after) + 1;
        List<Types.TermEdge> edges = new ArrayList<>();
        for (int i = offset; i < Math.min(matching.size(), offset + first); i++) {
            edges.add(new Types.TermEdge(cursor(i), Types.TermType.of(matching.get(i))));
        }
        String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new Types.TermConnection(edges, new Types.PageInfo(offset + first < matching.size(), end), matching.size());
    }

    @Query
    @Description("Every category, in name order.")
    public @NonNull List<Types.@NonNull Category> categories() {
        return reference.taxonomy().categories().stream().sorted().map(Types.Category::new).toList();
    }

    @Query
    @Description("A region by slug (or name).")
    public Types.Region region(@NonNull String slug) {
        return new Types.Region(support.regionNode(slug));
    }

    @Query
    @Description("The children of a region (by slug or name), or the top of the tree (UK) when no parent is given.")
    public @NonNull List<Types.@NonNull Region> regions(String parent) {
        if (parent == null) {
            return List.of(new Types.Region(reference.regions().root()));
        }
        return support.regionNode(parent).children.stream().map(Types.Region::new).toList();
    }

    @Query
    @Description("All ads of one employment type in a region and period: the market table.")
    public MarketSummary market(@NonNull String region, Types.PeriodInput period,
                                @DefaultValue("PERMANENT") Employment employment) {
        MarketService.Scope scope = support.scope(region, period, employment, requestVersion());
        DataFetchingFieldSelectionSet selected = selection();
        if (!selected.getImmediateFields().isEmpty()) {
            int years = previousYears(selected, "previous").stream().mapToInt(Integer::intValue).max().orElse(0);
            market.prefetchUniverses(scope, Math.max(years, selected.containsAnyOf("medianChange", "nationMedianChange") ? 1 : 0),
                    selected.containsAnyOf("nationMedian", "nationMedianChange", "previous/nationMedian", "previous/nationMedianChange"));
        }
        return new MarketSummary(scope, market, support);
    }

    /**
     * The years of the selected previous(years) fields that select {@code field} (e.g. "previous/rank"). Only valid
     * years: a bad one is refused where previous resolves, and must not start work here.
     */
    private static List<Integer> previousYears(DataFetchingFieldSelectionSet selected, String field) {
        return selected.getFields("previous").stream()
                .filter(f -> field.equals("previous") || f.getSelectionSet().contains(field.substring("previous/".length())))
                .map(f -> f.getArguments().get("years") instanceof Number n ? n.intValue() : 1)
                .filter(y -> y >= 1 && y <= MAX_YEARS).toList();
    }

    private DataFetchingFieldSelectionSet selection() {
        return context.unwrap(DataFetchingEnvironment.class).getSelectionSet();
    }

    /** The data version the request is computed at (and its cached result keyed by); see CachingQueryStrategy. */
    private long requestVersion() {
        Long version = context.unwrap(DataFetchingEnvironment.class).getGraphQlContext().get(ResponseCache.VERSION);
        return version != null ? version : market.version();
    }

    /** Batched: a list of terms (a page of terms, a co-occurrence table) resolves its markets together. */
    @Description("This term's figures in a region, period and employment type.")
    public List<TermMarket> market(@Source List<Types.TermType> terms, @NonNull String region, Types.PeriodInput period,
                                   @DefaultValue("PERMANENT") Employment employment) {
        MarketService.Scope scope = support.scope(region, period, employment, requestVersion());
        DataFetchingFieldSelectionSet selected = selection();
        if (selected.containsAnyOf("rank", "rankChange", "vacancies", "shareOfAllVacancies", "locations",
                "coOccurringSkills", "coOccurringByCategory")) {
            java.util.Set<Integer> earlier = new java.util.TreeSet<>(previousYears(selected, "previous/rank"));
            if (selected.containsAnyOf("rankChange", "previous/rankChange")) {
                earlier.add(1);
            }
            market.prefetchCounts(scope, earlier, selected.contains("locations"));
        }
        market.prefetchSalaries(terms.stream().map(t -> t.term().id()).toList(), scope);
        return terms.stream().map(t -> new TermMarket(t.term(), scope, market, support)).toList();
    }

    @Description("The children of this region.")
    public @NonNull List<Types.@NonNull Region> children(@Source Types.Region region) {
        return region.node.children.stream().map(Types.Region::new).toList();
    }

    // ---- TermMarket fields that take arguments ----

    @Description("Ads featuring the term in the region open on asOf (default: the period's end).")
    public int liveJobs(@Source TermMarket m, LocalDate asOf) {
        return Math.toIntExact(market.liveJobs(m.term.id(), m.scope, asOf == null ? m.scope.period().end() : asOf));
    }

    @Description("The same figures for the same period `years` years earlier.")
    public TermMarket previous(@Source TermMarket m, @DefaultValue("1") int years) {
        checkYears(years);
        return new TermMarket(m.term, m.scope.yearsEarlier(years), market, support);
    }

    @Description("Per calendar month: ads featuring the term, all ads, and the share (defaults: the 3 years to the period's end).")
    public @NonNull List<Types.@NonNull VacancyTrendPoint> vacancyTrend(@Source TermMarket m, LocalDate from, LocalDate to) {
        LocalDate end = to == null ? m.scope.period().end() : to;
        LocalDate start = from == null ? end.minusYears(3) : from;
        checkRange(start, end);
        return market.vacancyTrend(m.term.id(), m.scope, start, end).stream()
                .map(p -> new Types.VacancyTrendPoint(p.month(), Math.toIntExact(p.count()), Math.toIntExact(p.total()),
                        p.total() == 0 ? null : (double) p.count() / p.total()))
                .toList();
    }

    @Description("Per calendar month: p10, median and p90 over the window months ending with it (default 3).")
    public @NonNull List<Types.@NonNull SalaryTrendPoint> salaryTrend(@Source TermMarket m, @DefaultValue("3") int window,
                                                                      LocalDate from, LocalDate to) {
        if (window < 1 || window > 24) {
            throw new BadUserInputException("window", "window must be between 1 and 24 months, not " + window);
        }
        LocalDate end = to == null ? m.scope.period().end() : to;
        LocalDate start = from == null ? end.minusYears(3) : from;
        checkRange(start, end);
        return market.salaryTrend(m.term.id(), m.scope, window, start, end).stream()
                .map(p -> new Types.SalaryTrendPoint(p.month(), Math.toIntExact(p.sampleSize()), p.p10(), p.median(), p.p90()))
                .toList();
    }

    @Description("Other skills featured with the term, by count (dense rank), then their own vacancies, then name.")
    public @NonNull List<Types.@NonNull CoOccurrence> coOccurringSkills(@Source TermMarket m, @DefaultValue("30") int first) {
        checkFirst(first);
        return market.coOccurring(m.term.id(), m.scope).stream().limit(first).map(MarketApi::coOccurrence).toList();
    }

    @Description("Co-occurring skills grouped by category, up to perCategory in each.")
    public @NonNull List<Types.@NonNull CategoryCoOccurrences> coOccurringByCategory(@Source TermMarket m,
                                                                                     @DefaultValue("20") int perCategory) {
        checkFirst(perCategory);
        return market.coOccurringByCategory(m.term.id(), m.scope).stream()
                .map(c -> new Types.CategoryCoOccurrences(new Types.Category(c.category()),
                        c.skills().stream().limit(perCategory).map(MarketApi::coOccurrence).toList()))
                .toList();
    }

    @Name("previous")
    @Description("The market table for the same period `years` years earlier.")
    public MarketSummary previousMarket(@Source MarketSummary s, @DefaultValue("1") int years) {
        checkYears(years);
        return new MarketSummary(s.scope.yearsEarlier(years), market, support);
    }

    private static Types.CoOccurrence coOccurrence(MarketService.CoOccurrence c) {
        return new Types.CoOccurrence(c.rank(), Types.TermType.of(c.term()), Math.toIntExact(c.count()), c.share());
    }

    private static void checkFirst(int first) {
        if (first < 0 || first > 1000) {
            throw new BadUserInputException("first", "first must be between 0 and 1000, not " + first);
        }
    }

    private static void checkYears(int years) {
        if (years < 1 || years > MAX_YEARS) {
            throw new BadUserInputException("years", "years must be between 1 and " + MAX_YEARS + ", not " + years);
        }
    }

    private static void checkRange(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new BadUserInputException("from", "from " + from + " is after to " + to);
        }
        if (from.plusYears(10).isBefore(to)) {
            throw new BadUserInputException("from", "a trend spans at most 10 years");
        }
    }

    private static String cursor(int index) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("term:" + index).getBytes(StandardCharsets.UTF_8));
    }

    private static int decodeCursor(String cursor) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!s.startsWith("term:")) {
                throw new IllegalArgumentException();
            }
            return Integer.parseInt(s.substring(5).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadUserInputException("after", "after is not a cursor this connection gave out");
        }
    }
}
