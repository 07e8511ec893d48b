package io.jobstats.market;

import io.jobstats.reference.ReferenceData;
import io.jobstats.reference.Term;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.context.ManagedExecutor;

import java.util.ArrayList;
import java.util.List;
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
        int[] ranks = counts.join().ranks();
        int[] ranksBefore = countsBefore.join().ranks();
        List<Row> rows = new ArrayList<>();
        counts.join().forEach((termId, n) -> {
            Term t = reference.taxonomy().byId(termId);
            if (t == null) {
                return;
            }
            SalaryPoints now = points.join().getOrDefault(termId, SalaryPoints.NONE);
            Integer rankBefore = termId < ranksBefore.length && ranksBefore[termId] > 0 ? ranksBefore[termId] : null;
            int rank = ranks[termId];
            rows.add(new Row(t, rank, rankBefore == null ? null : rankBefore - rank, n, all == 0 ? null : (double) n / all,
                    now.size(), now.median(),
                    MarketService.change(now.median(), pointsBefore.join().getOrDefault(termId, SalaryPoints.NONE).median()),
                    live.join().of(termId)));
        });
        return rows;
    }
}
