package io.jobstats.api;

import io.jobstats.ads.Employment;
import io.jobstats.ads.Workplace;
import io.jobstats.graphql.RequestVersion;
import io.jobstats.market.MarketService;
import io.jobstats.market.Scope;
import io.jobstats.market.Prefetch;
import io.smallrye.graphql.api.Context;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

/** The market table: Query.market and MarketSummary.previous. */
@GraphQLApi
public class MarketQueries {

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

    /** The request's GraphQL context: which fields the client selected, so prefetching starts only what they need. */
    @Inject
    Context context;

    @Query
    @Description("All ads of one employment type in a region and period: the market table. NOT_FOUND for an unknown region.")
    public MarketSummary market(
            @NonNull @Description("The region's slug or name, e.g. \"midlands\".") String region,
            @Description("The period; default: the 6 months to the latest posted date held.") Types.PeriodInput period,
            @DefaultValue("PERMANENT") @Description("Permanent or contract ads.") Employment employment,
            @Description("Only ads of this workplace (every figure is then over them alone); default: any.") Workplace workplace) {
        Scope scope = support.scope(region, period, employment, workplace, version.get());
        prefetch.summary(scope, FieldSelection.of(context, limits));
        return new MarketSummary(scope, market, support);
    }

    @Name("previous")
    @Description("The market table for the same period `years` years earlier.")
    public MarketSummary previousMarket(@Source MarketSummary s,
                                        @DefaultValue("1") @Description("How many years earlier, 1 to 20.") int years) {
        support.checkYears(years);
        return new MarketSummary(s.scope.yearsEarlier(years), market, support);
    }
}
