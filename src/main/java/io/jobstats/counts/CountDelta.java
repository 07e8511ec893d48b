package io.jobstats.counts;

import io.jobstats.reference.RegionNode;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts to add to term_count (or, for ads removed, subtract) in one transaction: per counted region, employment
 * and half month, the ads, the ads featuring each term and the ads featuring each category.
 */
public final class CountDelta {

    /** One row of term_count: where, which employment and which half month (its first day), or day. */
    record Key(int regionId, short employment, LocalDate bucket) {
    }

    /** Index i of each array holds the count of term (or category) id i, as element i of the SQL array. */
    static final class Row {
        int ads;
        int[] terms;
        int[] categories;

        Row(int terms, int categories) {
            this.terms = new int[terms];
            this.categories = new int[categories];
        }
    }

    final Map<Key, Row> rows = new HashMap<>();
    private final int[] categoryOf;
    private final int categories;
    private int[] seen = new int[16];

    /** {@code categoryOf[t]} is the category id of term id t (0 for none), as the database numbers them. */
    CountDelta(int[] categoryOf) {
        this.categoryOf = categoryOf;
        this.categories = Arrays.stream(categoryOf).max().orElse(0) + 1;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** One ad, counted (+1) or uncounted (-1) in each counted region it lies in, under its half month. */
    public void add(RegionNode region, short employment, LocalDate posted, int[] terms, int sign) {
        addTo(HalfMonths.start(posted), region, employment, terms, sign);
    }

    /** One ad counted in each counted region it lies in, under the day it was posted (term_count_day's rows). */
    void addOnDay(RegionNode region, short employment, LocalDate posted, int[] terms) {
        addTo(posted, region, employment, terms, 1);
    }

    private void addTo(LocalDate bucket, RegionNode region, short employment, int[] terms, int sign) {
        int distinctCategories = categories(terms);
        for (RegionNode r = region; r != null; r = r.parent) {
            if (!TermCountStore.counted(r)) {
                continue;
            }
            Row row = row(new Key(r.id, employment, bucket));
            row.ads += sign;
            for (int t : terms) {
                row.terms = IntArrays.increment(row.terms, t, sign);
            }
            for (int i = 0; i < distinctCategories; i++) {
                row.categories = IntArrays.increment(row.categories, seen[i], sign);
            }
        }
    }

    Row row(Key key) {
        return rows.computeIfAbsent(key, k -> new Row(categoryOf.length, categories));
    }

    /** Adds another delta's counts to this one's. */
    void addAll(CountDelta other) {
        for (Map.Entry<Key, Row> e : other.rows.entrySet()) {
            Row mine = row(e.getKey());
            mine.ads += e.getValue().ads;
            mine.terms = IntArrays.add(mine.terms, e.getValue().terms);
            mine.categories = IntArrays.add(mine.categories, e.getValue().categories);
        }
    }

    /** The distinct categories of the terms, into {@code seen}; returns how many. */
    private int categories(int[] terms) {
        int n = 0;
        for (int t : terms) {
            int cat = t < categoryOf.length ? categoryOf[t] : 0;
            boolean dup = cat == 0;
            for (int i = 0; i < n && !dup; i++) {
                dup = seen[i] == cat;
            }
            if (!dup) {
                if (n == seen.length) {
                    seen = Arrays.copyOf(seen, n * 2);
                }
                seen[n++] = cat;
            }
        }
        return n;
    }
}
