package io.jobstats.api;

import io.jobstats.database.Employment;
import io.jobstats.market.MarketService;
import io.jobstats.market.MarketService.Scope;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

/** Figures over one region, period and employment type: the fields that say which, shared by both kinds. */
public abstract class ScopedFigures {

    @Ignore
    final Scope scope;
    @Ignore
    final MarketService market;
    @Ignore
    final ApiSupport support;

    ScopedFigures(Scope scope, MarketService market, ApiSupport support) {
        this.scope = scope;
        this.market = market;
        this.support = support;
    }

    public @NonNull Types.Region getRegion() {
        return support.region(scope.regionId());
    }

    public @NonNull Types.PeriodOut getPeriod() {
        return ApiSupport.period(scope.period());
    }

    public @NonNull Employment getEmployment() {
        return scope.employment();
    }
}
