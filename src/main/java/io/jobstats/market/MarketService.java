package io.jobstats.market;

import io.jobstats.CalendarConfig;
import io.jobstats.ads.Workplace;
import io.jobstats.database.DataVersion;
import io.jobstats.market.MarketRecords.CoOccurrenceCount;
import io.jobstats.reference.ReferenceData;
import io.jobstats.reference.RegionNode;
import io.jobstats.reference.Seniority;
import io.jobstats.reference.Taxonomy;
import io.jobstats.reference.Term;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.quarkus.cache.CompositeCacheKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.context.ManagedExecutor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/** The docs/metrics.md definitions over the repository's cached aggregates: ranks, shares, changes, tables. */
@ApplicationScoped
public class MarketService {

    @Inject
    CalendarConfig calendar;

    @Inject
    MarketRepository repository;

    @Inject
    ReferenceData reference;

    @Inject
    DataVersion dataVersion;

    @Inject
    ManagedExecutor executor;

    @Inject
    MarketConfig config;

    /** lift: share / (the other term's vacancies / all ads of the universe); see docs/metrics.md. */
    public record CoOccurrence(int rank, Term term, long count, double share, Double lift) {
    }

    /** The ads of a universe featuring a term whose role has one seniority. */
    public record SeniorityAds(Seniority seniority, long vacancies, SalaryPoints points) {
    }

    public record CategoryCoOccurrences(String category, List<CoOccurrence> skills) {
    }

    public record Location(RegionNode region, int rank, Integer rankChange, long vacancies, Double median,
                           Double medianChange, long liveJobs) {
    }

    @Inject
    @CacheName("market-term-salaries")
    Cache termSalariesCache;

    /**
     * Fetches the salary figures that a list of terms' market fields read (now and a year earlier, in the region and
     * in its nation) with one query per scope, for the terms the cache lacks, and seeds the per-term cache with them,
     * so that resolving {@code market} over a list of terms costs a fixed number of queries rather than some per term.
     */
    public void prefetchSalaries(List<Integer> termIds, Scope s) {
        CaffeineCache cache = termSalariesCache.as(CaffeineCache.class);
        for (Scope scope : List.of(s, s.yearsEarlier(1), nationOf(s), nationOf(s.yearsEarlier(1)))) {
            List<Integer> missing = termIds.stream().filter(t -> cache.getIfPresent(salariesKey(t, scope)) == null).toList();
            if (missing.size() < 2) {
                continue;
            }
            Map<Integer, Percentiles> found = repository.termSalariesOf(missing, scope);
            for (int term : missing) {
                cache.put(salariesKey(term, scope), CompletableFuture.completedFuture(found.getOrDefault(term, Percentiles.NONE)));
            }
        }
    }

    @Inject
    @CacheName("market-term-counts")
    Cache termCountsCache;

    /**
     * Seeds termCounts' cache (keyed by the scope alone, its one argument) with the term counts of the children (those
     * with kept counts, then the locations' rows: those where the term has ads), read at once, when two or more are
     * missing: their ranks then cost one statement per period rather than one per child.
     */
    private void prefetchChildCounts(Scope s, Collection<Integer> children) {
        CaffeineCache cache = termCountsCache.as(CaffeineCache.class);
        List<Integer> missing = children.stream().filter(c -> cache.getIfPresent(s.in(c)) == null).toList();
        if (missing.size() < 2) {
            return;
        }
        repository.childrenTermCounts(s, missing)
                .forEach((child, counts) -> cache.put(s.in(child), CompletableFuture.completedFuture(counts)));
    }

    /**
     * Starts reading the term's salary points in the region and its children together, on another thread, for a page
     * with the locations table (MarketRepository.startFamily).
     */
    public void prefetchFamily(int termId, Scope s) {
        repository.startFamily(termId, s, executor);
    }

    /** The key @CacheResult makes for MarketRepository.termSalaries(term, scope). */
    private static CompositeCacheKey salariesKey(int termId, Scope s) {
        return new CompositeCacheKey(termId, s);
    }

    public long version() {
        return dataVersion.current();
    }

    /** The default period end: the latest posted date held not after today (today when there is none). */
    public LocalDate latestPosted(long version) {
        LocalDate today = calendar.today();
        LocalDate d = repository.latestPosted(version, today);
        return d == null ? today : d;
    }

    public long vacancies(int termId, Scope s) {
        return counts(s).of(termId);
    }

    /** Competition rank among all terms by ads in the universe; null when the term has none. */
    public Integer rank(int termId, Scope s) {
        return counts(s).rank(termId);
    }

    public Integer rankChange(int termId, Scope s) {
        Integer now = rank(termId, s);
        Integer before = rank(termId, s.yearsEarlier(1));
        return now == null || before == null ? null : before - now;
    }

    public MarketRecords.Universe universe(Scope s) {
        return repository.universe(s);
    }

    /** p10-p90 of every valid salary point of the universe. */
    public Percentiles universeSalaries(Scope s) {
        return repository.universeSalaries(s);
    }

    public Double shareOfAll(int termId, Scope s) {
        long total = universe(s).vacancies();
        return total == 0 ? null : (double) vacancies(termId, s) / total;
    }

    public Double shareOfCategory(int termId, Scope s) {
        Term t = taxonomy().byId(termId);
        long inCategory = t.isRole() ? universe(s).withRecognisedTitle()
                : repository.categoryCounts(s).getOrDefault(t.category(), 0L);
        return inCategory == 0 ? null : (double) vacancies(termId, s) / inCategory;
    }

    public Percentiles salaries(int termId, Scope s) {
        return repository.termSalaries(termId, s);
    }

    /** The valid salary points of the ads featuring the term: the distribution's figures. */
    public SalaryPoints salaryPoints(int termId, Scope s) {
        return repository.termSalaryPoints(termId, s);
    }

    public SalaryPoints universePoints(Scope s) {
        return repository.universeSalaryPoints(s);
    }

    /**
     * The median of the ads featuring the term over the median of the other ads of the universe, less one; null when
     * either set has no point. Exact: the other ads' points are the universe's less the term's.
     */
    public Double salaryPremium(int termId, Scope s) {
        SalaryPoints with = salaryPoints(termId, s);
        Double without = universePoints(s).minus(with).median();
        Double median = with.median();
        return median == null || without == null || without == 0 ? null : median / without - 1;
    }

    /** The term's ads by the seniority of their role, seniorities in order, those without ads left out. */
    public List<SeniorityAds> bySeniority(int termId, Scope s) {
        Map<Seniority, Long> ads = new EnumMap<>(Seniority.class);
        Map<Seniority, List<SalaryPoints>> points = new EnumMap<>(Seniority.class);
        repository.termByRole(termId, s).forEach((role, r) -> {
            Term t = taxonomy().byId(role);
            Seniority level = t == null ? null : t.seniority();
            if (level != null) {
                ads.merge(level, r.ads(), Long::sum);
                points.computeIfAbsent(level, k -> new ArrayList<>()).add(r.points());
            }
        });
        List<SeniorityAds> rows = new ArrayList<>();
        ads.forEach((level, n) -> rows.add(new SeniorityAds(level, n, SalaryPoints.merge(points.get(level)))));
        return rows;
    }

    /** The share of the term's ads with the workplace; null when the term has none in the scope. */
    public Double workplaceShare(int termId, Scope s, Workplace w) {
        return share(repository.termWorkplaces(termId, s), w);
    }

    /** The share of the universe's ads with the workplace; null when the universe is empty. */
    public Double workplaceShare(Scope s, Workplace w) {
        return share(repository.universeWorkplaces(s), w);
    }

    private static Double share(Map<Workplace, Long> counts, Workplace w) {
        long all = counts.values().stream().mapToLong(Long::longValue).sum();
        return all == 0 ? null : (double) counts.getOrDefault(w, 0L) / all;
    }

    public static Double change(Double now, Double before) {
        return now == null || before == null || before == 0 ? null : (now - before) / before;
    }

    /** The same period and type in the region's nation: its ancestor one level below UK (UK for UK itself). */
    public Scope nationOf(Scope s) {
        RegionNode n = reference.regions().byId(s.regionId());
        while (n.parent != null && n.parent.parent != null) {
            n = n.parent;
        }
        return s.in(n.id);
    }

    public long liveJobs(int termId, Scope s, LocalDate asOf) {
        return repository.liveJobsByChild(termId, s, asOf).getOrDefault(s.regionId(), 0L);
    }

    /**
     * One row per child region where the term has ads in the period; by vacancies, then name. Ranks come from each
     * child's own term counts (cached, and shared with requests made for the child itself); medians from one
     * grouped query per period. The figures of a year earlier are read only for the changes asked for
     * ({@code rankChanges}, {@code medianChanges}); the others are null.
     */
    public List<Location> locations(int termId, Scope s, boolean rankChanges, boolean medianChanges) {
        Map<Integer, Long> live = repository.liveJobsByChild(termId, s, s.period().end());
        Scope before = s.at(s.period().yearsEarlier(1));
        // The children with kept counts first: which of them have the term's ads decides whose salaries are read.
        List<Integer> kept = repository.keptChildren(s);
        prefetchChildCounts(s, kept);
        if (rankChanges) {
            prefetchChildCounts(before, kept);
        }
        Map<Integer, Percentiles> salaries = repository.termSalariesByChild(termId, s, false);
        Map<Integer, Percentiles> salariesBefore = medianChanges ? repository.termSalariesByChild(termId, before, true)
                : Map.of();
        prefetchChildCounts(s, salaries.keySet());
        if (rankChanges) {
            prefetchChildCounts(before, salaries.keySet());
        }
        List<Location> rows = new ArrayList<>();
        for (int child : salaries.keySet()) {
            Scope c = s.in(child);
            Double median = salaries.get(child).median();
            Double medianBefore = salariesBefore.getOrDefault(child, Percentiles.NONE).median();
            rows.add(new Location(reference.regions().byId(child), rank(termId, c),
                    rankChanges ? rankChange(termId, c) : null, vacancies(termId, c), median,
                    medianChanges ? change(median, medianBefore) : null, live.getOrDefault(child, 0L)));
        }
        rows.sort(Comparator.comparingLong(Location::vacancies).reversed().thenComparing(l -> l.region().name));
        return rows;
    }

    /** Every other skill featured with the term, Job Titles excluded, densely ranked by count. */
    public List<CoOccurrence> coOccurring(int termId, Scope s) {
        long vacancies = vacancies(termId, s);
        AdsByTerm counts = counts(s);
        Taxonomy taxonomy = taxonomy();
        List<CoOccurrenceCount> raw = new ArrayList<>(
                repository.coOccurrences(termId, s));
        raw.removeIf(c -> taxonomy.byId(c.termId()) == null || taxonomy.byId(c.termId()).isRole());
        raw.sort(Comparator.comparingLong(CoOccurrenceCount::count).reversed()
                .thenComparing(Comparator.comparingLong((CoOccurrenceCount c) -> counts.of(c.termId())).reversed())
                .thenComparing(c -> taxonomy.byId(c.termId()).name(), String.CASE_INSENSITIVE_ORDER));
        return denseRanked(raw, vacancies, s);
    }

    /** The same rows by the skill's category (categories in name order), ranked and ordered within each. */
    public List<CategoryCoOccurrences> coOccurringByCategory(int termId, Scope s) {
        Taxonomy taxonomy = taxonomy();
        Map<String, List<CoOccurrenceCount>> byCategory = new TreeMap<>();
        for (CoOccurrenceCount c : repository.coOccurrences(termId, s)) {
            Term t = taxonomy.byId(c.termId());
            if (t != null && !t.isRole()) {
                byCategory.computeIfAbsent(t.category(), k -> new ArrayList<>()).add(c);
            }
        }
        long vacancies = vacancies(termId, s);
        List<CategoryCoOccurrences> out = new ArrayList<>();
        byCategory.forEach((category, rows) -> {
            rows.sort(Comparator.comparingLong(CoOccurrenceCount::count).reversed()
                    .thenComparing(c -> taxonomy.byId(c.termId()).name(), String.CASE_INSENSITIVE_ORDER));
            out.add(new CategoryCoOccurrences(category, denseRanked(rows, vacancies, s)));
        });
        return out;
    }

    private List<CoOccurrence> denseRanked(List<CoOccurrenceCount> sorted, long vacancies, Scope s) {
        AdsByTerm counts = counts(s);
        long all = universe(s).vacancies();
        List<CoOccurrence> out = new ArrayList<>(sorted.size());
        int rank = 0;
        long last = -1;
        for (CoOccurrenceCount c : sorted) {
            if (c.count() != last) {
                rank++;
                last = c.count();
            }
            double share = vacancies == 0 ? 0 : (double) c.count() / vacancies;
            long others = counts.of(c.termId());
            out.add(new CoOccurrence(rank, taxonomy().byId(c.termId()), c.count(), share,
                    vacancies == 0 || others == 0 || all == 0 ? null : share / ((double) others / all)));
        }
        return out;
    }

    public List<MarketRecords.MonthCount> vacancyTrend(int termId, Scope s, LocalDate from, LocalDate to) {
        return repository.vacancyTrend(termId, s, from, to);
    }

    public List<MarketRecords.MonthSalaries> salaryTrend(int termId, Scope s, int window, LocalDate from, LocalDate to) {
        return repository.salaryTrend(termId, s, window, from, to);
    }

    /**
     * Starts computing, on other threads, the term counts a term's ranks will read: now, the given years earlier
     * (a rank change's, previous periods' ranks), and in each child region when the locations table is asked for
     * (regions with a handful of children only), a year earlier too when its rank changes are. The request then
     * finds them cached or joins their computation, so one cold request keeps both cores busy.
     */
    public void prefetchCounts(Scope s, Set<Integer> yearsEarlier, boolean children, boolean childrenYearEarlier) {
        List<Scope> scopes = new ArrayList<>(List.of(s));
        yearsEarlier.forEach(y -> scopes.add(s.yearsEarlier(y)));
        RegionNode r = reference.regions().byId(s.regionId());
        if (children && r.children.size() <= config.maxPrefetchedChildren()) {
            for (RegionNode c : r.children) {
                scopes.add(s.in(c.id));
                if (childrenYearEarlier) {
                    scopes.add(s.in(c.id).yearsEarlier(1));
                }
            }
        }
        scopes.forEach(x -> executor.runAsync(() -> counts(x)));
    }

    /**
     * The same for the market table's universes, now and {@code yearsBack} years earlier: the region's counts and
     * salaries, and the nation's salaries when its median is asked for.
     */
    public void prefetchUniverses(Scope s, int yearsBack, boolean nation) {
        for (int y = 0; y <= yearsBack; y++) {
            Scope x = s.yearsEarlier(y);
            executor.runAsync(() -> universe(x));
            executor.runAsync(() -> universeSalaries(x));
            if (nation) {
                executor.runAsync(() -> universeSalaries(nationOf(x)));
            }
        }
    }

    private AdsByTerm counts(Scope s) {
        return repository.termCounts(s);
    }

    private Taxonomy taxonomy() {
        return reference.taxonomy();
    }
}
