package io.jobstats.api;

import io.jobstats.ads.Employment;
import io.jobstats.ads.Workplace;
import io.jobstats.graphql.RequestVersion;
import io.jobstats.market.MarketService;
import io.jobstats.market.Scope;
import io.jobstats.market.Prefetch;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.graphql.api.Context;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import java.time.LocalDate;
import java.util.List;

/**
 * Term.market and the fields of TermMarket that take arguments. Registered for reflection: SmallRye calls them
 * reflectively, and Quarkus registers the methods of the API classes that declare a query or mutation, which this
 * one, all fields of other types, does not (a native executable found no TermMarketFields.market).
 */
@GraphQLApi
@RegisterForReflection
public class TermMarketFields {

    @Inject
    ApiSupport support;

    @Inject
    MarketService market;

    @Inject
    Prefetch prefetch;

    @Inject
    RequestVersion version;

    @Inject
    ApiConfig limits;

    @Inject
    Context context;

    /** Batched: a list of terms (a page of terms, a co-occurrence table) resolves its markets together. */
    @Description("This term's figures in a region, period and employment type. NOT_FOUND for an unknown region.")
    public List<TermMarket> market(@Source List<Types.TermType> terms,
                                   @NonNull @Description("The region's slug or name, e.g. \"midlands\".") String region,
                                   @Description("The period; default: the 6 months to the latest posted date held.") Types.PeriodInput period,
                                   @DefaultValue("PERMANENT") @Description("Permanent or contract ads.") Employment employment,
            @Description("Only ads of this workplace (every figure is then over them alone); default: any.") Workplace workplace) {
        Scope scope = support.scope(region, period, employment, workplace, version.get());
        prefetch.termMarkets(terms.stream().map(t -> t.term().id()).toList(), scope, FieldSelection.of(context, limits));
        return terms.stream().map(t -> new TermMarket(t.term(), scope, market, support)).toList();
    }

    @Description("Ads featuring the term in the region open on asOf: posted on or before it, and either closing on or "
            + "after it, or without a closing date and posted at most 30 days before it.")
    public int liveJobs(@Source TermMarket m, @Description("The day; default: the period's end.") LocalDate asOf) {
        return Math.toIntExact(market.liveJobs(m.subject.id(), m.scope, asOf == null ? m.scope.period().end() : asOf));
    }

    /** The children's figures a year earlier are read only when their changes are selected. */
    @Description("One row per child region where the term has ads in the period, by vacancies then name.")
    public @NonNull List<Types.@NonNull Location> locations(@Source TermMarket m) {
        FieldSelection selected = FieldSelection.of(context, limits);
        return market.locations(m.subject.id(), m.scope, selected.any("rankChange"), selected.any("medianChange"))
                .stream().map(l -> new Types.Location(new Types.Region(l.region()), l.rank(), l.rankChange(),
                        Math.toIntExact(l.vacancies()), l.median(), l.medianChange(), Math.toIntExact(l.liveJobs())))
                .toList();
    }

    @Description("The same figures for the same period `years` years earlier.")
    public TermMarket previous(@Source TermMarket m, @DefaultValue("1") @Description("How many years earlier, 1 to 20.") int years) {
        support.checkYears(years);
        return new TermMarket(m.subject, m.scope.yearsEarlier(years), market, support);
    }

    @Description("Per calendar month: ads featuring the term, all ads, and the share.")
    public @NonNull List<Types.@NonNull VacancyTrendPoint> vacancyTrend(
            @Source TermMarket m,
            @Description("The first month's day; default: three years before `to`.") LocalDate from,
            @Description("The last month's day; default: the period's end. At most 10 years after `from`.") LocalDate to) {
        LocalDate end = to == null ? m.scope.period().end() : to;
        LocalDate start = from == null ? end.minusYears(3) : from;
        support.checkRange(start, end);
        return market.vacancyTrend(m.subject.id(), m.scope, start, end).stream()
                .map(p -> new Types.VacancyTrendPoint(p.month(), Math.toIntExact(p.count()), Math.toIntExact(p.total()),
                        p.total() == 0 ? null : (double) p.count() / p.total()))
                .toList();
    }

    @Description("Per calendar month: p10, median and p90 over the window months ending with it; nulls for a month "
            + "without a salary point.")
    public @NonNull List<Types.@NonNull SalaryTrendPoint> salaryTrend(
            @Source TermMarket m,
            @DefaultValue("3") @Description("Months each point is taken over, 1 to 24.") int window,
            @Description("The first month's day; default: three years before `to`.") LocalDate from,
            @Description("The last month's day; default: the period's end. At most 10 years after `from`.") LocalDate to) {
        if (window < 1 || window > limits.maxTrendWindow()) {
            throw new BadUserInputException("window", "window must be between 1 and " + limits.maxTrendWindow()
                    + " months, not " + window);
        }
        LocalDate end = to == null ? m.scope.period().end() : to;
        LocalDate start = from == null ? end.minusYears(3) : from;
        support.checkRange(start, end);
        return market.salaryTrend(m.subject.id(), m.scope, window, start, end).stream()
                .map(p -> new Types.SalaryTrendPoint(p.month(), Math.toIntExact(p.sampleSize()), p.p10(), p.median(), p.p90()))
                .toList();
    }

    @Description("Other skills featured with the term (Job Titles excluded): by count (dense rank), then their own "
            + "vacancies, then name.")
    public @NonNull List<Types.@NonNull CoOccurrence> coOccurringSkills(
            @Source TermMarket m, @DefaultValue("30") @Description("How many rows, 0 to 1,000.") int first) {
        ApiSupport.checkFirst("first", first, limits.maxRows());
        return market.coOccurring(m.subject.id(), m.scope).stream().limit(first).map(TermMarketFields::coOccurrence).toList();
    }

    @Description("Co-occurring skills grouped by category, categories in name order.")
    public @NonNull List<Types.@NonNull CategoryCoOccurrences> coOccurringByCategory(
            @Source TermMarket m, @DefaultValue("20") @Description("Rows per category, 0 to 1,000.") int perCategory) {
        ApiSupport.checkFirst("perCategory", perCategory, limits.maxRows());
        return market.coOccurringByCategory(m.subject.id(), m.scope).stream()
                .map(c -> new Types.CategoryCoOccurrences(new Types.Category(c.category()),
                        c.skills().stream().limit(perCategory).map(TermMarketFields::coOccurrence).toList()))
                .toList();
    }

    private static Types.CoOccurrence coOccurrence(MarketService.CoOccurrence c) {
        return new Types.CoOccurrence(c.rank(), Types.TermType.of(c.term()), Math.toIntExact(c.count()), c.share(), c.lift());
    }
}
