package io.jobstats.api;

import io.jobstats.ads.Workplace;
import io.jobstats.market.MarketRecords;
import io.jobstats.market.MarketService;
import io.jobstats.market.Scope;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

/** The "All permanent IT job vacancies" table of a region, period and employment type. */
@Description("All ads of one employment type in a region and period (the reference page's market table).")
public class MarketSummary extends ScopedFigures implements Node {

    MarketSummary(Scope scope, MarketService market, ApiSupport support) {
        super(scope, market, support);
    }

    @Override
    @Description(Node.ID)
    public @Id @NonNull String getId() {
        return NodeId.of("MarketSummary", scopeParts());
    }

    private MarketRecords.Universe universe() {
        return market.universe(scope);
    }

    @Description("All ads of the universe.")
    public int getVacancies() {
        return Math.toIntExact(universe().vacancies());
    }

    @Description("Ads of the universe with a recognised job title.")
    public int getWithRecognisedTitle() {
        return Math.toIntExact(universe().withRecognisedTitle());
    }

    @Description("withRecognisedTitle / vacancies; null when there are no vacancies.")
    public Double getShareWithRecognisedTitle() {
        long all = universe().vacancies();
        return all == 0 ? null : (double) universe().withRecognisedTitle() / all;
    }

    @Description("Ads of the universe with a valid salary point.")
    public int getSalariesQuoted() {
        return Math.toIntExact(market.universeSalaries(scope).sampleSize());
    }

    @Description("Percentiles of every valid salary point of the universe.")
    public @NonNull Types.Salary getSalary() {
        return ApiSupport.salary(market.universeSalaries(scope), scope.employment(),
                () -> market.universePoints(scope));
    }

    @Description("(median now - median one year earlier) / median one year earlier; null when either is null.")
    public Double getMedianChange() {
        return MarketService.change(median(scope), median(scope.yearsEarlier(1)));
    }

    @Description("The median over every salary point of the same period and type in the region's nation (for UK, "
            + "UK's own); null when there is none.")
    public Double getNationMedian() {
        return median(market.nationOf(scope));
    }

    @Description("The nation median's change over one year, as medianChange; null when either median is null.")
    public Double getNationMedianChange() {
        return MarketService.change(median(market.nationOf(scope)), median(market.nationOf(scope.yearsEarlier(1))));
    }

    @Description("Ads of the universe whose workplace is REMOTE / all its ads; null when there are none.")
    public Double getRemoteShare() {
        return market.workplaceShare(scope, Workplace.REMOTE);
    }

    @Description("Ads of the universe whose workplace is HYBRID / all its ads; null when there are none.")
    public Double getHybridShare() {
        return market.workplaceShare(scope, Workplace.HYBRID);
    }

    private Double median(Scope s) {
        return market.universeSalaries(s).median();
    }
}
