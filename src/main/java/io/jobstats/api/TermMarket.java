package io.jobstats.api;

import io.jobstats.ads.Workplace;
import io.jobstats.market.Scope;
import io.jobstats.market.MarketService;
import io.jobstats.reference.Term;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;
import java.util.stream.Stream;

/**
 * A term's figures in a region, period and employment type. Each getter is a GraphQL field computed only when
 * selected, from the cached aggregates; fields with arguments are in {@link TermMarketFields}.
 */
@Description("A term's figures in one region, period and employment type. The universe U is every ad of that type "
        + "posted in the period whose location is the region or below it (docs/metrics.md).")
public class TermMarket extends ScopedFigures implements Node {

    @Ignore
    final Term subject;

    TermMarket(Term term, Scope scope, MarketService market, ApiSupport support) {
        super(scope, market, support);
        this.subject = term;
    }

    @Override
    @Description(Node.ID)
    public @Id @NonNull String getId() {
        return NodeId.of("TermMarket", Stream.concat(Stream.of(subject.slug()), Stream.of(scopeParts())).toArray(String[]::new));
    }

    @Description("The term the figures are of.")
    public @NonNull Types.TermType getTerm() {
        return Types.TermType.of(subject);
    }

    @Description("1 + the number of terms featured by more ads of the universe; null when vacancies is 0.")
    public Integer getRank() {
        return market.rank(subject.id(), scope);
    }

    @Description("Rank one year earlier minus rank now (positive = rising); null when either is null.")
    public Integer getRankChange() {
        return market.rankChange(subject.id(), scope);
    }

    @Description("Ads of the universe featuring the term.")
    public int getVacancies() {
        return Math.toIntExact(market.vacancies(subject.id(), scope));
    }

    @Description("vacancies / all ads of the universe; null when the universe is empty.")
    public Double getShareOfAllVacancies() {
        return market.shareOfAll(subject.id(), scope);
    }

    @Description("vacancies / ads of the universe featuring any term of the term's category; null when there are none.")
    public Double getShareOfCategory() {
        return market.shareOfCategory(subject.id(), scope);
    }

    @Description("Ads featuring the term with a valid salary point.")
    public int getSalariesQuoted() {
        return Math.toIntExact(market.salaries(subject.id(), scope).sampleSize());
    }

    @Description("Percentiles of the salary points of the ads featuring the term.")
    public @NonNull Types.Salary getSalary() {
        return ApiSupport.salary(market.salaries(subject.id(), scope), scope.employment(),
                () -> market.salaryPoints(subject.id(), scope));
    }

    @Description("(median now - median one year earlier) / median one year earlier, as a fraction; null when either "
            + "median is null.")
    public Double getMedianChange() {
        return MarketService.change(median(scope), median(scope.yearsEarlier(1)));
    }

    @Description("The term's median over the same period and employment type in the region's nation (for UK, UK's own); "
            + "null when it has no salary point there.")
    public Double getNationMedian() {
        return median(market.nationOf(scope));
    }

    @Description("The nation median's change over one year, as medianChange; null when either median is null.")
    public Double getNationMedianChange() {
        return MarketService.change(median(market.nationOf(scope)), median(market.nationOf(scope.yearsEarlier(1))));
    }

    @Description("The median of the ads featuring the term / the median of the universe's other ads - 1: what the term "
            + "adds to pay (0.12 = 12% more). Null when either set has no salary point.")
    public Double getSalaryPremium() {
        return market.salaryPremium(subject.id(), scope);
    }

    @Description("The term's ads by the seniority of their role (ads whose role states one), seniorities from GRADUATE "
            + "to HEAD, those without ads left out: e.g. what junior and senior Python jobs pay.")
    public @NonNull List<Types.@NonNull SeniorityFigures> getBySeniority() {
        return market.bySeniority(subject.id(), scope).stream()
                .map(r -> new Types.SeniorityFigures(r.seniority(), Math.toIntExact(r.vacancies()),
                        Math.toIntExact(r.points().size()), r.points().median()))
                .toList();
    }

    @Description("Ads featuring the term whose workplace is REMOTE / its vacancies; null when vacancies is 0.")
    public Double getRemoteShare() {
        return market.workplaceShare(subject.id(), scope, Workplace.REMOTE);
    }

    @Description("Ads featuring the term whose workplace is HYBRID / its vacancies; null when vacancies is 0.")
    public Double getHybridShare() {
        return market.workplaceShare(subject.id(), scope, Workplace.HYBRID);
    }

    private Double median(Scope s) {
        return market.salaries(subject.id(), s).median();
    }
}
