package io.jobstats.market;

import java.util.Arrays;

/**
 * How many ads of a scope feature each term (or are open, for live jobs): one int per taxonomy id, the array's index.
 * The taxonomy holds about a thousand terms, so a scope's counts are a few kilobytes however many terms it has ads
 * for, where boxed ids and counts in a map take some 75 bytes a term: thousands of cached scopes then stay a small
 * part of the heap, and the garbage collector has little to mark.
 * <p>
 * Worked example: ads 5 for term 3, 2 for terms 1 and 4, none for term 2 are the array [0, 2, 0, 5, 2]; term 3 ranks
 * first, terms 1 and 4 share rank 2 (one term has more ads), term 2 has no rank.
 */
public final class AdsByTerm {

    public static final AdsByTerm NONE = new AdsByTerm(new int[0]);

    private final int[] byId;

    private AdsByTerm(int[] byId) {
        this.byId = byId;
    }

    /** Counts indexed by term id (index 0 is no term); counts of zero or below are no ads. */
    public static AdsByTerm of(long[] byTermId) {
        int[] byId = new int[byTermId.length];
        for (int t = 1; t < byTermId.length; t++) {
            byId[t] = byTermId[t] > 0 ? Math.toIntExact(byTermId[t]) : 0;
        }
        return new AdsByTerm(byId);
    }

    /** The term's ads; 0 for a term without any or an id the counts do not reach. */
    public long of(int termId) {
        return termId > 0 && termId < byId.length ? byId[termId] : 0;
    }

    /** Competition rank among the terms by ads, most first: 1 + the number of terms with more; null without ads. */
    public Integer rank(int termId) {
        long mine = of(termId);
        if (mine == 0) {
            return null;
        }
        int higher = 0;
        for (int n : byId) {
            if (n > mine) {
                higher++;
            }
        }
        return higher + 1;
    }

    /** Every term's competition rank at once, 0 for a term without ads: index = term id. */
    public int[] ranks() {
        int[] sorted = Arrays.stream(byId).filter(n -> n > 0).sorted().toArray();
        int[] ranks = new int[byId.length];
        for (int t = 1; t < byId.length; t++) {
            if (byId[t] > 0) {
                ranks[t] = sorted.length - upperBound(sorted, byId[t]) + 1;
            }
        }
        return ranks;
    }

    /** The number of values ≤ n in an ascending array: those after it in order have more ads. */
    private static int upperBound(int[] sorted, int n) {
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

    /** A term with ads and how many. */
    public interface Each {
        void accept(int termId, long ads);
    }

    /** Each term with ads, by ascending id. */
    public void forEach(Each each) {
        for (int t = 1; t < byId.length; t++) {
            if (byId[t] > 0) {
                each.accept(t, byId[t]);
            }
        }
    }
}
