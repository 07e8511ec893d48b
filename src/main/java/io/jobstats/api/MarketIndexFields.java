package io.jobstats.api;

import io.jobstats.ads.Workplace;
import io.jobstats.market.MarketIndex;
import io.jobstats.market.MarketService;
import io.jobstats.market.Scope;
import io.jobstats.text.Names;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** MarketSummary.terms: the market index, IT Jobs Watch's front page. Registered for reflection as TermMarketFields is. */
@GraphQLApi
@RegisterForReflection
public class MarketIndexFields {

    @Inject
    MarketIndex index;

    @Inject
    MarketService market;

    @Inject
    ApiSupport support;

    @Inject
    ApiConfig limits;

    @Description("What the market index can be sorted by.")
    public enum TermSortField {
        @Description("Rank (the default; ascending puts the most advertised first).") RANK,
        @Description("Rank change.") RANK_CHANGE,
        @Description("Vacancies.") VACANCIES,
        @Description("Median salary.") MEDIAN,
        @Description("Median change.") MEDIAN_CHANGE,
        @Description("Live jobs.") LIVE_JOBS,
        @Description("The term's name, any case.") NAME
    }

    @Description("A sort order's direction.")
    public enum SortDirection {
        @Description("Smallest first (A to Z for names).") ASC,
        @Description("Largest first.") DESC
    }

    @Name("TermSort")
    @Description("How to order the market index: rows with no value for the field (no median, no rank a year earlier) "
            + "always come last, and rows that tie go by name.")
    public static class TermSort {
        @NonNull
        @Description("The field to sort by.")
        public TermSortField by;
        @Description("The direction; default ASC for RANK and NAME, DESC for the others (biggest first).")
        public SortDirection direction;
    }

    @Description("The market index: every term with at least one ad in the market (or in its ads of one workplace), "
            + "with its headline figures, filtered and sorted, as a Relay connection. totalCount counts every row after "
            + "the filters; ranks are among all terms, whatever the filters. NOT_FOUND for an unknown category.")
    public @NonNull Types.MarketIndexConnection terms(
            @Source MarketSummary m,
            @Description("Only terms of this category (its exact name).") String category,
            @Description("Only terms whose name or an alias contains this text (any case, punctuation ignored).") String search,
            @Description("Only ads of this workplace; default: the market's.") Workplace workplace,
            @Description("The order; default: by rank, then name.") TermSort sort,
            @DefaultValue("20") @Description("How many rows to answer, 0 to 500.") int first,
            @Description("A cursor from an earlier page: answer the rows after it.") String after) {
        ApiSupport.checkFirst("first", first, limits.maxPage());
        support.checkCategory(category);
        Scope scope = workplace == null ? m.scope : m.scope.of(workplace);
        String needle = search == null ? null : Names.key(search);
        List<MarketIndex.Row> rows = new ArrayList<>(index.rows(scope).stream()
                .filter(r -> category == null || r.term().category().equals(category))
                .filter(r -> needle == null || ApiSupport.nameContains(r.term(), needle))
                .toList());
        rows.sort(order(sort));
        Cursors.Page<Types.MarketIndexEdge> page = Cursors.page(rows, "index", first, after,
                (cursor, r) -> new Types.MarketIndexEdge(cursor, new Types.MarketIndexRow(
                        Types.TermType.of(r.term()), r.rank(), r.rankChange(), Math.toIntExact(r.vacancies()),
                        r.shareOfAllVacancies(), Math.toIntExact(r.salariesQuoted()), r.median(), r.medianChange(),
                        Math.toIntExact(r.liveJobs()), new TermMarket(r.term(), scope, market, support))));
        return new Types.MarketIndexConnection(page.edges(), page.pageInfo(), rows.size());
    }

    /** The sort field in its direction, rows without a value last, then by name. */
    static Comparator<MarketIndex.Row> order(TermSort sort) {
        TermSortField by = sort == null ? TermSortField.RANK : sort.by;
        SortDirection direction = sort != null && sort.direction != null ? sort.direction
                : by == TermSortField.RANK || by == TermSortField.NAME ? SortDirection.ASC : SortDirection.DESC;
        Comparator<MarketIndex.Row> byName = Comparator.comparing(r -> r.term().name(), String.CASE_INSENSITIVE_ORDER);
        Comparator<MarketIndex.Row> primary = switch (by) {
            case RANK -> nullsLast(r -> r.rank(), direction);
            case RANK_CHANGE -> nullsLast(MarketIndex.Row::rankChange, direction);
            case VACANCIES -> nullsLast(MarketIndex.Row::vacancies, direction);
            case MEDIAN -> nullsLast(MarketIndex.Row::median, direction);
            case MEDIAN_CHANGE -> nullsLast(MarketIndex.Row::medianChange, direction);
            case LIVE_JOBS -> nullsLast(MarketIndex.Row::liveJobs, direction);
            case NAME -> direction == SortDirection.ASC ? byName : byName.reversed();
        };
        return primary.thenComparing(byName);
    }

    private static <T extends Comparable<T>> Comparator<MarketIndex.Row> nullsLast(Function<MarketIndex.Row, T> key,
                                                                                 SortDirection direction) {
        Comparator<T> natural = direction == SortDirection.ASC ? Comparator.naturalOrder() : Comparator.reverseOrder();
        return Comparator.comparing(key, Comparator.nullsLast(natural));
    }
}
