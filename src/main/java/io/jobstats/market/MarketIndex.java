package io.jobstats.market;

import io.jobstats.reference.ReferenceData;
import io.jobstats.reference.Term;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.context.ManagedExecutor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The market index: every term with an ad in a scope and its headline figures, computed set-wise from six
 * aggregates over all terms at once (term counts now and a year earlier, salary points now and a year earlier, live
 * jobs, the universe's size), each cached and started together, rather than term after term.
 */
@ApplicationScoped
public class MarketIndex {

    @Inject
    MarketRepository repository;

    @Inject
    ReferenceData reference;

    @Inject
    ManagedExecutor executor;

    /** A term's row: the figures of TermMarket of the same names, for the same scope. */
    public record Row(Term term, int rank, Integer rankChange, long vacancies, Double shareOfAllVacancies,
                      long salariesQuoted, Double median, Double medianChange, long liveJobs) {
    }

    /** Every term with at least one ad in the scope, in no particular order. */
    public List<Row> rows(Scope s) {
        Scope before = s.yearsEarlier(1);
        var counts = CompletableFuture.supplyAsync(() -> repository.termCounts(s), executor);
        var countsBefore = CompletableFuture.supplyAsync(() -> repository.termCounts(before), executor);
        var points = CompletableFuture.supplyAsync(() -> repository.termPoints(s), executor);
        var pointsBefore = CompletableFuture.supplyAsync(() -> repository.termPoints(before), executor);
        var live = CompletableFuture.supplyAsync(() -> repository.liveJobs(s, s.period().end()), executor);
        long all = repository.universe(s).vacancies();
        Map<Integer, Integer> ranks = ranks(counts.join());
        Map<Integer, Integer> ranksBefore = ranks(countsBefore.join());
        List<Row> rows = new ArrayList<>(ranks.size());
        counts.join().forEach((termId, n) -> {
            Term t = reference.taxonomy().byId(termId);
            if (t == null) {
                return;
            }
            SalaryPoints now = points.join().getOrDefault(termId, SalaryPoints.NONE);
            Integer rankBefore = ranksBefore.get(termId);
            int rank = ranks.get(termId);
            rows.add(new Row(t, rank, rankBefore == null ? null : rankBefore - rank, n, all == 0 ? null : (double) n / all,
                    now.size(), now.median(),
                    MarketService.change(now.median(), pointsBefore.join().getOrDefault(termId, SalaryPoints.NONE).median()),
                    live.join().getOrDefault(termId, 0L)));
        });
        return rows;
    }

    /** Competition ranks by count, most first: 1 + the number of terms with more ads. */
    static Map<Integer, Integer> ranks(Map<Integer, Long> counts) {
        long[] sorted = counts.values().stream().mapToLong(Long::longValue).filter(n -> n > 0).sorted().toArray();
        Map<Integer, Integer> ranks = new HashMap<>();
        counts.forEach((term, n) -> {
            if (n > 0) {
                // Terms with more ads: those after the last position holding n in ascending order.
                int lastAtMost = upperBound(sorted, n);
                ranks.put(term, sorted.length - lastAtMost + 1);
            }
        });
        return ranks;
    }

    /** The number of values ≤ n in an ascending array. */
    private static int upperBound(long[] sorted, long n) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= n) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
