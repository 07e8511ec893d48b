package io.jobstats.market;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which aggregates a request's figures will read, started together on other threads before the first figure
 * resolves, so one cold request keeps both cores busy instead of computing them one after another. Only what the
 * selected fields need is started: a query for a term's name alone costs no aggregate.
 */
@ApplicationScoped
public class Prefetch {

    /** The fields a client selected under a market object, by path ("rank", "previous/nationMedian"). */
    public interface Selection {
        boolean isEmpty();

        boolean any(String... paths);

        /**
         * The years argument of each selected {@code previous(years)} that selects {@code field} ("previous" for
         * any field); only valid years, since a bad one is refused where previous resolves.
         */
        List<Integer> previousYears(String field);
    }

    @Inject
    MarketService market;

    /** A market table: its universe now, the years back its changes and previous tables need, and the nation's. */
    public void summary(Scope scope, Selection selected) {
        if (selected.isEmpty()) {
            return;
        }
        int years = selected.previousYears("previous").stream().mapToInt(Integer::intValue).max().orElse(0);
        if (selected.any("medianChange", "nationMedianChange")) {
            years = Math.max(years, 1);
        }
        market.prefetchUniverses(scope, years, selected.any("nationMedian", "nationMedianChange",
                "previous/nationMedian", "previous/nationMedianChange"));
    }

    /**
     * A list of terms' markets: the term counts their ranks and shares read, their salaries, and with the locations
     * table the salary points of the region and its children together.
     */
    public void termMarkets(List<Integer> termIds, Scope scope, Selection selected) {
        if (selected.any("rank", "rankChange", "vacancies", "shareOfAllVacancies", "locations",
                "coOccurringSkills", "coOccurringByCategory")) {
            Set<Integer> earlier = new TreeSet<>(selected.previousYears("previous/rank"));
            if (selected.any("rankChange", "previous/rankChange")) {
                earlier.add(1);
            }
            market.prefetchCounts(scope, earlier, selected.any("locations"), selected.any("locations/rankChange"));
        }
        if (selected.any("locations")) {
            termIds.forEach(t -> market.prefetchFamily(t, scope));
        }
        if (selected.any("locations/medianChange")) {
            termIds.forEach(t -> market.prefetchFamily(t, scope.yearsEarlier(1)));
        }
        market.prefetchSalaries(termIds, scope);
    }
}
