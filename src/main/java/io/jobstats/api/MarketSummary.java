package io.jobstats.api;

import io.jobstats.database.Employment;
import io.jobstats.market.MarketRecords;
import io.jobstats.market.MarketService;
import io.jobstats.market.MarketService.Scope;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

/** The "All permanent IT job vacancies" table of a region, period and employment type. */
@Description("All ads of one employment type in a region and period (the reference page's market table).")
public class MarketSummary {

    @Ignore
    final Scope scope;
    @Ignore
    final MarketService market;
    @Ignore
    final ApiSupport support;

    MarketSummary(Scope scope, MarketService market, ApiSupport support) {
        this.scope = scope;
        this.market = market;
        this.support = support;
    }

    private MarketRecords.Universe universe() {
        return market.universe(scope);
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

    @Description("All ads of the universe.")
    public long getVacancies() {
        return universe().vacancies();
    }

    @Description("Ads of the universe with a recognised job title.")
    public long getWithRecognisedTitle() {
        return universe().withRecognisedTitle();
    }

    public Double getShareWithRecognisedTitle() {
        long all = universe().vacancies();
        return all == 0 ? null : (double) universe().withRecognisedTitle() / all;
    }

    public long getSalariesQuoted() {
        return universe().salaries().sampleSize();
    }

    public @NonNull Types.Salary getSalary() {
        return ApiSupport.salary(universe().salaries(), scope.employment());
    }

    public Double getMedianChange() {
        return MarketService.change(universe().salaries().median(),
                market.universe(scope.at(scope.period().yearsEarlier(1))).salaries().median());
    }

    @Description("The median over every salary point of the same period and type in the region's nation.")
    public Double getNationMedian() {
        return market.universe(scope.in(market.nation(scope.regionId()).id)).salaries().median();
    }

    public Double getNationMedianChange() {
        Scope nation = scope.in(market.nation(scope.regionId()).id);
        return MarketService.change(market.universe(nation).salaries().median(),
                market.universe(nation.at(nation.period().yearsEarlier(1))).salaries().median());
    }
}
